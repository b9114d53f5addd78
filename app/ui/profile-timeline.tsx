import { Link } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import type { TimelineEvent } from "~/sourcing/timeline.server";
import { DateText } from "./dates";
import { Section } from "./page";

/** What the loader sends: the same events with dates as strings. */
type Serialized<E> = E extends { at: Date } ? Omit<E, "at"> & { at: string } : never;
export type TimelineRow = Serialized<TimelineEvent>;

function Describe({ event }: { event: TimelineRow }) {
  const { t } = useTranslation();
  switch (event.kind) {
    case "created":
      return <>{t("profile.timeline.kinds.created", { source: t(`sources.${event.source}`) })}</>;
    case "source-imported":
      return (
        <>
          {t("profile.timeline.kinds.source-imported", { source: t(`sources.${event.source}`), adapter: event.adapter })}
          {event.importBatchId ? (
            <>
              {" · "}
              <Link to={`/imports/${event.importBatchId}`}>{t("profile.timeline.batch")}</Link>
            </>
          ) : null}
        </>
      );
    case "stage-change":
      return (
        <>
          <Link to={`/vacancies/${event.vacancy.id}`}>{t("profile.timeline.vacancy", { title: event.vacancy.title })}</Link>:{" "}
          {event.fromStage ? `${t(`stages.${event.fromStage}`)} → ` : ""}
          <strong>{t(`stages.${event.toStage}`)}</strong>
        </>
      );
    case "audit":
      return <strong>{t(`auditActions.${event.action}`, event.action)}</strong>;
    default:
      return (
        <>
          <strong>{t(`profile.timeline.kinds.${event.kind}`)}</strong>
          {event.otherId ? (
            <>
              {" · "}
              <Link to={`/candidates/${event.otherId}`}>{t("profile.timeline.other")}</Link>
            </>
          ) : null}
        </>
      );
  }
}

export function TimelineSection({ events }: { events: readonly TimelineRow[] }) {
  const { t } = useTranslation();
  return (
    <Section id="timeline" title={t("profile.timeline.title")}>
      {events.length ? (
        <ol className="timeline" aria-label={t("profile.timeline.title")}>
          {events.map((event, i) => (
            <li key={`${event.kind}-${event.at}-${i}`}>
              <DateText value={event.at} withTime />: <Describe event={event} />
              {"actorName" in event && event.actorName ? <span className="muted"> · {event.actorName}</span> : null}
              {"reason" in event && event.reason ? <span className="muted"> · {event.reason}</span> : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t("profile.timeline.empty")}</p>
      )}
    </Section>
  );
}
