import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import type { CallCard } from "~/outreach/call-page.server";
import { useTranslation } from "~/ui/use-translation";
import { EmailStatusBadge, StageBadge } from "./badges";
import { DateText } from "./dates";
import { formatPersonName } from "./person";
import { TierBadge, TierReasonText } from "./tier-reason";
import { useLocale } from "./use-locale";

export type CallCardView = SerializeFrom<CallCard>;

/** The candidate to call now: who, the number to dial, and where they stand. */
export function CallCandidate({ card }: { card: CallCardView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { candidate, task } = card;
  return (
    <section className="section" aria-labelledby="call-candidate" data-testid="call-card" data-candidate-id={candidate.id}>
      <div className="section-header">
        <h2 id="call-candidate">{formatPersonName(candidate, locale)}</h2>
        <Link to={`/candidates/${candidate.id}`}>{t("calls.card.profile")}</Link>
      </div>
      <p>
        {candidate.phone ? (
          <a href={`tel:${candidate.phone}`} className="button button-secondary" data-testid="call-phone">
            ☎ {candidate.phone}
          </a>
        ) : (
          <span className="muted">{t("calls.card.noPhone")}</span>
        )}
      </p>
      <dl className="details">
        <dt>{t("calls.card.tier")}</dt>
        <dd>
          {card.tier ? <TierBadge tier={card.tier} /> : "—"} <span className="muted"><TierReasonText reason={card.tierReason} /></span>
        </dd>
        <dt>{t("calls.card.stage")}</dt>
        <dd>
          <StageBadge stage={card.stage} />
        </dd>
        <dt>{t("calls.card.city")}</dt>
        <dd>{candidate.city ?? "—"}</dd>
        <dt>{t("calls.card.title")}</dt>
        <dd>{candidate.title ?? "—"}</dd>
        <dt>{t("calls.card.employer")}</dt>
        <dd>{candidate.employer ?? "—"}</dd>
        <dt>{t("calls.card.attempts")}</dt>
        <dd data-testid="call-attempts">{task?.attempts ?? 0}</dd>
        {task?.lastCalledAt ? (
          <>
            <dt>{t("calls.card.lastCalled")}</dt>
            <dd>
              <DateText value={task.lastCalledAt} withTime /> {task.lastOutcome ? <span className="muted">· {t(`calls.outcomes.${task.lastOutcome}`)}</span> : null}
            </dd>
          </>
        ) : null}
        {task?.callbackRequested && task.dueAt ? (
          <>
            <dt>{t("calls.card.callbackAt")}</dt>
            <dd>
              <DateText value={task.dueAt} withTime />
            </dd>
          </>
        ) : null}
      </dl>
      {!candidate.hasEmail ? <p className="muted">{t("calls.card.noEmail")}</p> : null}
    </section>
  );
}

/** What was said to the candidate before: letters, calls (any vacancy), messages logged by hand. */
export function PriorContacts({ prior }: { prior: CallCardView["prior"] }) {
  const { t } = useTranslation();
  const empty = !prior.emails.length && !prior.calls.length && !prior.logs.length;
  return (
    <section className="section" aria-labelledby="call-prior">
      <h2 id="call-prior">{t("calls.prior.title")}</h2>
      {empty ? <p className="muted">{t("calls.prior.none")}</p> : null}
      {prior.calls.length ? (
        <>
          <h3>{t("calls.prior.calls")}</h3>
          <ul className="timeline">
            {prior.calls.map((call) => (
              <li key={call.id}>
                <DateText value={call.createdAt} withTime /> · <strong>{t(`calls.outcomes.${call.outcome}`)}</strong>
                {call.reason ? ` · ${t(`calls.reasons.${call.reason}`)}` : null}
                {call.callbackAt ? (
                  <>
                    {" · "}
                    {t("calls.prior.callbackAt")} <DateText value={call.callbackAt} withTime />
                  </>
                ) : null}
                {call.recruiterName ? <span className="muted"> · {call.recruiterName}</span> : null}
                {call.note ? <span className="cell-sub" style={{ whiteSpace: "pre-wrap" }}>{call.note}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {prior.emails.length ? (
        <>
          <h3>{t("calls.prior.emails")}</h3>
          <ul className="timeline">
            {prior.emails.map((email) => (
              <li key={email.id}>
                <DateText value={email.createdAt} withTime /> · {email.subject} <EmailStatusBadge status={email.status} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {prior.logs.length ? (
        <>
          <h3>{t("calls.prior.logs")}</h3>
          <ul className="timeline">
            {prior.logs.map((log) => (
              <li key={log.id}>
                <DateText value={log.occurredAt} withTime /> · {t(`contactLog.channels.${log.channel}`)}, {t(`contactLog.directions.${log.direction}`)}
                {log.body ? <span className="cell-sub" style={{ whiteSpace: "pre-wrap" }}>{log.body}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
