import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import type { CalendarSession, InterviewCalendar } from "~/interviews/sessions.server";
import { dateTimeFormat } from "~/i18n/format";
import { useTranslation } from "~/ui/use-translation";
import { useTimeZone } from "./dates";
import { Badge } from "./badges";
import { usePercent } from "./interview-show-rate";
import { EmptyState } from "./page";
import { useLocale } from "./use-locale";

/**
 * The interview calendar: sessions grouped by day (in the viewer's time zone), each a
 * card that reads on a tablet: time, vacancy, place or link, the numbers, and the
 * invitation plan with the risk of an overfull room.
 */

type Session = SerializeFrom<CalendarSession>;
type Day = SerializeFrom<InterviewCalendar>["upcoming"][number];

/** Above this the over-capacity chance is shown as a warning. */
export const OVER_CAPACITY_WARNING = 0.1;

export function useSessionTimes() {
  const locale = useLocale();
  const viewer = useTimeZone();
  const clock = (value: string | Date, timeZone = viewer) => dateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", timeZone }).format(new Date(value));
  const day = (value: string | Date, timeZone = viewer) => dateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone }).format(new Date(value));
  return { clock, day, viewer };
}

/** "10:00–12:00", and the session's own time when it is held in another zone. */
export function SessionTime({ session }: { session: { startsAt: string; endsAt: string; timeZone: string } }) {
  const { clock, viewer } = useSessionTimes();
  return (
    <span className="iv-time">
      <time dateTime={session.startsAt}>{clock(session.startsAt)}</time>–{clock(session.endsAt)}
      {session.timeZone !== viewer ? (
        <span className="cell-sub">
          {clock(session.startsAt, session.timeZone)} {session.timeZone}
        </span>
      ) : null}
    </span>
  );
}

export function SessionWhere({ place, videoUrl }: { place: string | null; videoUrl: string | null }) {
  const { t } = useTranslation();
  return (
    <span className="iv-where">
      {place ? <span>{place}</span> : null}
      {videoUrl ? (
        <a href={videoUrl} target="_blank" rel="noreferrer noopener">
          {t("interviewSessions.session.videoLink")}
        </a>
      ) : null}
    </span>
  );
}

const COUNT_KEYS = ["seats", "capacity", "invited", "confirmed", "attended", "noShow", "waitlisted"] as const;

export function sessionNumbers(s: Pick<Session, "seats" | "capacity" | "counts">): Record<(typeof COUNT_KEYS)[number], number> {
  return {
    seats: s.seats,
    capacity: s.capacity,
    invited: s.counts.invited,
    confirmed: s.counts.confirmed,
    attended: s.counts.attended + s.counts.late,
    noShow: s.counts.noShow,
    waitlisted: s.counts.waitlisted,
  };
}

export function SessionNumbers({ session }: { session: Pick<Session, "seats" | "capacity" | "counts"> }) {
  const { t } = useTranslation();
  const numbers = sessionNumbers(session);
  return (
    <dl className="iv-numbers">
      {COUNT_KEYS.map((key) => (
        <div key={key} data-count={key}>
          <dt>{t(`interviewSessions.counts.${key}`)}</dt>
          <dd>{numbers[key]}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The recommendation in one line: invite N (M more), fill chance, over-capacity chance (a warning above 10%). */
export function PlanLine({ plan }: { plan: NonNullable<Session["plan"]> }) {
  const { t } = useTranslation();
  const percent = usePercent();
  const { recommended } = plan;
  const risky = recommended.overCapacityChance > OVER_CAPACITY_WARNING;
  return (
    <p className="iv-plan" data-recommended={recommended.invite} data-invite-now={plan.inviteNow}>
      <span>
        {t("interviewSessions.plan.recommended", { count: recommended.invite })}
        {plan.inviteNow ? <> · {t("interviewSessions.plan.more", { count: plan.inviteNow })}</> : <> · {t("interviewSessions.plan.enough")}</>}
      </span>{" "}
      <span className="muted">{t("interviewSessions.plan.fill", { chance: percent(recommended.fillChance) })}</span>{" "}
      {risky ? (
        <Badge tone="danger">{t("interviewSessions.plan.overCapacity", { chance: percent(recommended.overCapacityChance) })}</Badge>
      ) : (
        <span className="muted">{t("interviewSessions.plan.overCapacity", { chance: percent(recommended.overCapacityChance) })}</span>
      )}
      {!recommended.reached ? <Badge tone="late">{t("interviewSessions.plan.notReached")}</Badge> : null}
    </p>
  );
}

function SessionCard({ session }: { session: Session }) {
  const { t } = useTranslation();
  return (
    <li className={`iv-card iv-${session.phase}`} data-session={session.id}>
      <div className="iv-card-head">
        <Link to={`/interviews/sessions/${session.id}`} className="iv-card-title">
          <SessionTime session={session} />
        </Link>
        {session.phase !== "upcoming" ? <Badge tone={session.phase === "cancelled" ? "out" : session.phase === "running" ? "late" : "neutral"}>{t(`interviewSessions.phase.${session.phase}`)}</Badge> : null}
        {session.checkInClosedAt ? <Badge tone="done">{t("interviewSessions.session.checkInClosed")}</Badge> : null}
      </div>
      <p className="iv-card-vacancy">
        {session.vacancy.title}
        {session.series ? <span className="cell-sub">{session.series.name}</span> : null}
      </p>
      <SessionWhere place={session.place} videoUrl={session.videoUrl} />
      <SessionNumbers session={session} />
      {session.plan ? <PlanLine plan={session.plan} /> : null}
    </li>
  );
}

export function CalendarDays({ days, emptyTitle }: { days: readonly Day[]; emptyTitle: string }) {
  const { day } = useSessionTimes();
  if (!days.length) return <EmptyState title={emptyTitle} />;
  return (
    <div className="iv-days">
      {days.map((d) => (
        <section key={d.day} className="iv-day" aria-labelledby={`day-${d.day}`} data-day={d.day}>
          <h3 id={`day-${d.day}`}>{day(d.sessions[0]!.startsAt)}</h3>
          <ul className="iv-cards">
            {d.sessions.map((s) => (
              <SessionCard key={s.id} session={s} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
