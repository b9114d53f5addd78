import { Link } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import type { TimelineEvent } from "~/sourcing/timeline.server";
import { EmailStatusBadge } from "./badges";
import { DateText } from "./dates";
import { Section } from "./page";

/** What the loader sends: the same events with dates as strings. */
type Serialized<E> = E extends { at: Date } ? { [K in keyof E]: E[K] extends Date ? string : E[K] extends Date | null ? string | null : E[K] } : never;
export type TimelineRow = Serialized<TimelineEvent>;
type Row<K extends TimelineRow["kind"]> = Extract<TimelineRow, { kind: K }>;

function VacancyLink({ vacancy }: { vacancy: { id: string; title: string } }) {
  const { t } = useTranslation();
  return <Link to={`/vacancies/${vacancy.id}`}>{t("profile.timeline.vacancy", { title: vacancy.title })}</Link>;
}

/** Text someone wrote (a logged message, a call note): kept as typed, line breaks included. */
function Quote({ text }: { text: string | null }) {
  return text ? <blockquote style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere", margin: "0.25rem 0 0 1rem" }}>{text}</blockquote> : null;
}

function Email({ event, canOpenOutbox }: { event: Row<"email">; canOpenOutbox: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <strong>{event.subject ? t("contactLog.timeline.email", { subject: event.subject }) : t("contactLog.timeline.emailNoSubject")}</strong>{" "}
      <EmailStatusBadge status={event.status} />
      {event.unconfirmed ? <span className="muted"> · {t("contactLog.timeline.unconfirmed")}</span> : null}
      {canOpenOutbox ? (
        <>
          {" · "}
          <Link to={`/outbox/${event.emailId}`}>{t("contactLog.timeline.open")}</Link>
        </>
      ) : null}
      {event.error ? <span className="muted"> · {event.error}</span> : null}
    </>
  );
}

function Call({ event }: { event: Row<"call"> }) {
  const { t } = useTranslation();
  return (
    <>
      <strong>{t("contactLog.timeline.call")}</strong> · <VacancyLink vacancy={event.vacancy} />: {t(`contactLog.timeline.outcomes.${event.outcome}`)}
      {event.notInterestedReason ? <> · {t(`calls.reasons.${event.notInterestedReason}`, event.notInterestedReason)}</> : null}
      {event.callbackAt ? (
        <>
          {" · "}
          {t("contactLog.timeline.callbackAt")} <DateText value={event.callbackAt} withTime />
        </>
      ) : null}
      <Quote text={event.note} />
    </>
  );
}

function ContactLogged({ event }: { event: Row<"contact-log"> }) {
  const { t } = useTranslation();
  return (
    <>
      <strong>
        {t("contactLog.timeline.contactLog", { channel: t(`contactLog.channels.${event.channel}`), direction: t(`contactLog.directions.${event.direction}`) })}
      </strong>
      {event.vacancy ? (
        <>
          {" · "}
          <VacancyLink vacancy={event.vacancy} />
        </>
      ) : null}
      <Quote text={event.text} />
    </>
  );
}

function Describe({ event, canOpenOutbox }: { event: TimelineRow; canOpenOutbox: boolean }) {
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
    case "email":
      return <Email event={event} canOpenOutbox={canOpenOutbox} />;
    case "call":
      return <Call event={event} />;
    case "contact-log":
      return <ContactLogged event={event} />;
    case "stage-change":
      return (
        <>
          <VacancyLink vacancy={event.vacancy} />:{" "}
          {event.event && event.fromStage === event.toStage ? (
            <strong>{t(`stageEvents.${event.event}`)}</strong>
          ) : (
            <>
              {event.fromStage ? `${t(`stages.${event.fromStage}`)} → ` : ""}
              <strong>{t(`stages.${event.toStage}`)}</strong>
              {event.event ? ` · ${t(`stageEvents.${event.event}`)}` : ""}
            </>
          )}
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

/** `canOpenOutbox`: the messages link to their Outbox page (only for those who may open it). */
export function TimelineSection({ events, canOpenOutbox = false }: { events: readonly TimelineRow[]; canOpenOutbox?: boolean }) {
  const { t } = useTranslation();
  return (
    <Section id="timeline" title={t("profile.timeline.title")}>
      {events.length ? (
        <ol className="timeline" aria-label={t("profile.timeline.title")}>
          {events.map((event, i) => (
            <li key={`${event.kind}-${event.at}-${i}`}>
              <DateText value={event.at} withTime />: <Describe event={event} canOpenOutbox={canOpenOutbox} />
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
