import { type AttendanceMark, type EmailStatus, type InvitationStatus } from "@prisma/client";
import { Form, Link, useNavigation } from "@remix-run/react";
import { formatInterviewPlace, formatInterviewTime } from "~/interviews/rsvp";
import { useTranslation } from "~/ui/use-translation";
import { Badge, EmailStatusBadge } from "./badges";
import { numberFormat } from "~/i18n/format";
import { DateText, NumberText } from "./dates";
import { Button, SelectField } from "./form";
import { EmptyState, Section } from "./page";
import { CandidateLink, formatPersonName, type PersonName } from "./person";
import { useLocale } from "./use-locale";

/**
 * The staff side of interview invitations: the plan of a vacancy's upcoming sessions
 * (how many to invite each, from the measured show rate), the result of a bulk
 * invitation, and one session's invitations with its waitlist and the recruiter's
 * actions (invite more, book by phone, withdraw, fill from the waitlist).
 */

type Counts = { invited: number; confirmed: number; declined: number; waitlisted: number; active: number };
type Recommendation = { invite: number; seats: number; fillChance: number; overCapacityChance: number; reached: boolean; cappedToCapacity: boolean };
export type PlannedSessionView = {
  id: string;
  startsAt: string;
  durationMinutes: number;
  timeZone: string;
  place: string | null;
  videoUrl: string | null;
  seats: number;
  capacity: number;
  counts: Counts;
  recommendation: Recommendation;
};
export type EstimateView = { mean: number; low: number; high: number; observations: number };

const usePercent = () => {
  const locale = useLocale();
  return (value: number) => numberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(value);
};

export function EstimateLine({ estimate }: { estimate: EstimateView }) {
  const { t } = useTranslation();
  const percent = usePercent();
  return (
    <p className="muted" data-show-rate="">
      {t("interviewInvitations.plan.showRate", { mean: percent(estimate.mean), low: percent(estimate.low), high: percent(estimate.high), count: estimate.observations })}
    </p>
  );
}

/** "Invite 4 (82% chance of 1 coming, 22% risk of more than the room holds)". */
export function PlanText({ recommendation }: { recommendation: Recommendation }) {
  const { t } = useTranslation();
  const percent = usePercent();
  return (
    <span data-recommended={recommendation.invite}>
      {t("interviewInvitations.plan.invite", {
        count: recommendation.invite,
        fill: percent(recommendation.fillChance),
        seats: recommendation.seats,
        over: percent(recommendation.overCapacityChance),
      })}
      {!recommendation.reached ? <Badge tone="danger">{t("interviewInvitations.plan.notReached")}</Badge> : null}
    </span>
  );
}

export function SessionTime({ session }: { session: { startsAt: string; durationMinutes: number; timeZone: string } }) {
  const locale = useLocale();
  return <time dateTime={session.startsAt}>{formatInterviewTime(session, locale)}</time>;
}

export function PlanTable({ sessions }: { sessions: readonly PlannedSessionView[] }) {
  const { t } = useTranslation();
  if (!sessions.length) return <EmptyState title={t("interviewInvitations.plan.noSessions")}>{t("interviewInvitations.plan.noSessionsHint")}</EmptyState>;
  return (
    <div className="table-wrap">
      <table className="table" data-plan="">
        <thead>
          <tr>
            <th scope="col">{t("interviewInvitations.columns.when")}</th>
            <th scope="col" className="num">{t("interviewInvitations.columns.seats")}</th>
            <th scope="col" className="num">{t("interviewInvitations.columns.invited")}</th>
            <th scope="col" className="num">{t("interviewInvitations.columns.confirmed")}</th>
            <th scope="col">{t("interviewInvitations.columns.plan")}</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.id} data-session={s.id}>
              <th scope="row">
                <Link to={`/interviews/sessions/${s.id}/invitations`}>
                  <SessionTime session={s} />
                </Link>
                {formatInterviewPlace(s) ? <div className="muted">{formatInterviewPlace(s)}</div> : null}
              </th>
              <td className="num">
                {s.seats} / {s.capacity}
              </td>
              <td className="num">{s.counts.active}</td>
              <td className="num">{s.counts.confirmed}</td>
              <td>
                <PlanText recommendation={s.recommendation} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export type InviteReportView = {
  sessions: Array<{ id: string; startsAt: string; durationMinutes: number; timeZone: string; recommended: number; before: number; invited: number }>;
  invited: number;
  waitlisted: number;
  skipped: Partial<Record<string, number>>;
  letters: { queued: number; duplicate: number; noTemplate: number; noEmail: number; contactRefused: number };
};

const SKIP_REASONS = ["already-invited", "no-email", "do-not-contact", "erased", "excluded", "stage", "not-found"] as const;

export function InviteReportNotice({ report }: { report: InviteReportView }) {
  const { t } = useTranslation();
  const r = "interviewInvitations.report";
  const skipped = SKIP_REASONS.filter((reason) => report.skipped[reason]);
  const clean = !skipped.length && !report.letters.noTemplate && report.sessions.length > 0;
  return (
    <div className={clean ? "notice notice-good" : "notice"} role="status" data-invite-report="">
      <p>
        <strong>{t(`${r}.invited`, { count: report.invited })}</strong>, {t(`${r}.waitlisted`, { count: report.waitlisted })}.
      </p>
      {report.sessions.length ? (
        <ul>
          {report.sessions.map((s) => (
            <li key={s.id} data-report-session={s.id}>
              <Link to={`/interviews/sessions/${s.id}/invitations`}>
                <SessionTime session={s} />
              </Link>
              {": "}
              {t(`${r}.perSession`, { count: s.invited, before: s.before, recommended: s.recommended })}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t(`${r}.noSessions`)}</p>
      )}
      {skipped.length ? (
        <p>
          {t(`${r}.skipped`)} {skipped.map((reason) => t(`${r}.skip.${reason}`, { count: report.skipped[reason] })).join(", ")}.
        </p>
      ) : null}
      <p>
        {report.letters.noTemplate
          ? t(`${r}.noTemplate`)
          : [
              t(`${r}.letters`, { count: report.letters.queued }),
              ...(report.letters.duplicate ? [t(`${r}.duplicate`, { count: report.letters.duplicate })] : []),
              ...(report.letters.contactRefused + report.letters.noEmail ? [t(`${r}.notSent`, { count: report.letters.contactRefused + report.letters.noEmail })] : []),
            ].join(", ")}
      </p>
    </div>
  );
}

export type InvitationView = {
  id: string;
  status: InvitationStatus;
  candidateId: string;
  applicationId: string;
  name: PersonName | null;
  sessionId: string | null;
  createdAt: string;
  waitlistedAt: string | null;
  confirmedAt: string | null;
  declinedAt: string | null;
  letter: EmailStatus | null;
  letterId: string | null;
  reminded24hAt: string | null;
  reminded2hAt: string | null;
  attendance: AttendanceMark | null;
};

const STATUS_TONE: Record<InvitationStatus, string> = { WAITLISTED: "neutral", INVITED: "middle", CONFIRMED: "good", DECLINED: "out", CANCELLED: "out" };

export function InvitationStatusBadge({ status }: { status: InvitationStatus }) {
  const { t } = useTranslation();
  return <Badge tone={STATUS_TONE[status]}>{t(`interviewInvitations.statuses.${status}`)}</Badge>;
}

function WithdrawButton({ invitationId, disabled }: { invitationId: string; disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <Form method="post">
      <input type="hidden" name="invitationId" value={invitationId} />
      <Button variant="ghost" size="small" name="intent" value="withdraw" disabled={disabled}>
        {t("interviewInvitations.session.withdraw")}
      </Button>
    </Form>
  );
}

export function InvitationsTable({ rows, canPlan, waitlist = false }: { rows: readonly InvitationView[]; canPlan: boolean; waitlist?: boolean }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const open = (s: InvitationStatus) => s === "WAITLISTED" || s === "INVITED" || s === "CONFIRMED";
  return (
    <div className="table-wrap">
      <table className="table" data-invitations={waitlist ? "waitlist" : "session"}>
        <thead>
          <tr>
            <th scope="col">{t("interviewInvitations.columns.candidate")}</th>
            <th scope="col">{t("interviewInvitations.columns.status")}</th>
            <th scope="col">{waitlist ? t("interviewInvitations.columns.waitingFor") : t("interviewInvitations.columns.answered")}</th>
            {waitlist ? null : <th scope="col">{t("interviewInvitations.columns.letter")}</th>}
            {canPlan ? (
              <th scope="col">
                <span className="visually-hidden">{t("interviewInvitations.columns.actions")}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-invitation={row.id} data-status={row.status}>
              <th scope="row">
                <CandidateLink id={row.candidateId} name={row.name} />
              </th>
              <td>
                <InvitationStatusBadge status={row.status} />
                {row.attendance ? <div className="muted">{t(`interviewInvitations.attendance.${row.attendance}`)}</div> : null}
              </td>
              <td>
                {waitlist ? (
                  <>
                    {row.sessionId ? t("interviewInvitations.session.thisSession") : t("interviewInvitations.session.anySession")}
                    <div className="muted">
                      <DateText value={row.waitlistedAt ?? row.createdAt} withTime />
                    </div>
                  </>
                ) : (
                  <DateText value={row.confirmedAt ?? row.declinedAt} withTime />
                )}
              </td>
              {waitlist ? null : (
                <td>
                  {row.letter ? (
                    // Those who plan (admins, recruiters) also read the Outbox: the letter opens there.
                    canPlan && row.letterId ? (
                      <Link to={`/outbox/${row.letterId}`} aria-label={t("interviewInvitations.session.openLetter")}>
                        <EmailStatusBadge status={row.letter} />
                      </Link>
                    ) : (
                      <EmailStatusBadge status={row.letter} />
                    )
                  ) : (
                    <span className="muted">{t("interviewInvitations.session.noLetter")}</span>
                  )}
                </td>
              )}
              {canPlan ? <td>{open(row.status) ? <WithdrawButton invitationId={row.id} disabled={navigation.state !== "idle"} /> : null}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export type AvailableView = { applicationId: string; candidateId: string; name: PersonName | null; score: number | null };

export function InviteMoreForm({ candidates, recommendation, active }: { candidates: readonly AvailableView[]; recommendation: Recommendation; active: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigation = useNavigation();
  return (
    <Section id="invite-more" title={t("interviewInvitations.session.inviteMore")}>
      <p>
        <PlanText recommendation={recommendation} /> {t("interviewInvitations.session.room", { count: Math.max(0, recommendation.invite - active) })}
      </p>
      {candidates.length ? (
        <Form method="post" className="stack-tight" id="invite-more-form">
          <fieldset className="field checkbox-group">
            <legend>{t("interviewInvitations.session.inviteMoreHint")}</legend>
            {candidates.map((c) => (
              <label key={c.applicationId} className="checkbox">
                <input type="checkbox" name="ids" value={c.applicationId} />
                {c.name ? formatPersonName(c.name, locale) : t("candidates.erasedName")}
                {c.score !== null ? (
                  <span className="muted">
                    {" "}
                    · <NumberText value={Math.round(c.score)} />
                  </span>
                ) : null}
              </label>
            ))}
          </fieldset>
          <Button name="intent" value="invite" disabled={navigation.state !== "idle"}>
            {t("interviewInvitations.session.inviteSubmit")}
          </Button>
        </Form>
      ) : (
        <p className="muted">{t("interviewInvitations.session.nobodyToInvite")}</p>
      )}
    </Section>
  );
}

export function BookForm({ options }: { options: ReadonlyArray<{ value: string; label: string }> }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  return (
    <Section id="book" title={t("interviewInvitations.session.book")}>
      <p className="muted">{t("interviewInvitations.session.bookHint")}</p>
      {options.length ? (
        <Form method="post" className="filters" id="book-form">
          <SelectField
            label={t("interviewInvitations.columns.candidate")}
            options={options}
            placeholder={t("interviewInvitations.session.pickCandidate")}
            selectProps={{ name: "applicationId", required: true }}
          />
          <Button name="intent" value="book" disabled={navigation.state !== "idle"}>
            {t("interviewInvitations.session.bookSubmit")}
          </Button>
        </Form>
      ) : (
        <p className="muted">{t("interviewInvitations.session.nobodyToInvite")}</p>
      )}
    </Section>
  );
}
