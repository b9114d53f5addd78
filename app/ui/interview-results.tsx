import { Form, Link, useFetcher } from "@remix-run/react";
import { type AppLocale } from "~/i18n/i18n";
import { numberFormat } from "~/i18n/format";
import { DECISIONS, type Decision, MAX_DECISION_NOTE, type RecommendationCounts, TYPICAL_TAKEN } from "~/interviews/results";
import { type Rubric } from "~/interviews/rubric";
import { RECOMMENDATIONS } from "~/interviews/scorecard";
import { useTranslation } from "~/ui/use-translation";
import { Badge, StageBadge } from "./badges";
import { DateText } from "./dates";
import { Button, ErrorList, FormError, SelectField } from "./form";
import { EmptyState, Section } from "./page";
import { CandidateLink, type PersonName } from "./person";
import { useLocale } from "./use-locale";

/** The results page's parts: the ranking with each attendee's decision, the totals and the delegate. */

/** A score on the 1–5 scale with two decimals, "—" without one. */
export function formatScore(value: number | null | undefined, locale: AppLocale): string {
  if (value === null || value === undefined) return "—";
  return numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

type DecisionData = { decision: Decision; note: string | null; at: string | null; byName: string | null };
type Letter = { at: string; status: string } | null;

export type RankedRow = {
  invitationId: string;
  candidateId: string;
  name: PersonName | null;
  attendance: string | null;
  stage: Parameters<typeof StageBadge>[0]["stage"];
  decidable: boolean;
  decision: DecisionData | null;
  rejectionLetter: Letter;
  rank: number | null;
  result: {
    assessors: number;
    mean: number | null;
    spread: number | null;
    disagreements: number;
    byAssessor: Array<{ assessorId: string; name: string | null; weighted: number | null }>;
    competencies: Array<{ id: string; scored: number; min: number | null; max: number | null; mean: number | null; disagreement: boolean }>;
    recommendations: RecommendationCounts;
  };
};

export type HiddenRow = Omit<RankedRow, "rank" | "result"> & { submitted: number };

const DECISION_TONE: Record<Decision, string> = { TAKE: "good", RESERVE: "middle", REJECT: "out" };

export function DecisionBadge({ decision }: { decision: Decision }) {
  const { t } = useTranslation();
  return <Badge tone={DECISION_TONE[decision]}>{t(`interviewScoring.decisions.${decision}`)}</Badge>;
}

export function RecommendationList({ counts }: { counts: RecommendationCounts }) {
  const { t } = useTranslation();
  return (
    <ul className="rs-recs" data-recommendations="">
      {RECOMMENDATIONS.map((r) => (
        <li key={r} className={`rs-rec rs-rec-${r}`} data-rec={r}>
          <span className="rs-rec-count">{counts[r]}</span> {t(`interviewScoring.recommendations.${r}`)}
        </li>
      ))}
    </ul>
  );
}

export function ResultsSummary({ attendees, decided, recommendations }: { attendees: number; decided: Record<Decision, number>; recommendations: RecommendationCounts }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <ul className="stats" data-summary="">
        <li className="stat">
          <span className="stat-value">{attendees}</span>
          <span className="stat-label">{t("interviewScoring.results.attendees")}</span>
        </li>
        {DECISIONS.map((d) => (
          <li key={d} className="stat" data-decided={d}>
            <span className="stat-value">{decided[d]}</span>
            <span className="stat-label">{t(`interviewScoring.results.decided.${d}`)}</span>
          </li>
        ))}
      </ul>
      <p className="muted" data-taken-hint="">
        {t("interviewScoring.results.takenHint", { min: TYPICAL_TAKEN.min, max: TYPICAL_TAKEN.max, taken: decided.TAKE })}
      </p>
      <RecommendationList counts={recommendations} />
    </div>
  );
}

type DecideReply = { ok: true; result: { decision: Decision; reopened: boolean; letter: string | null } } | { error?: Record<string, string[] | null> | null };

function DecisionOutcome({ reply }: { reply: DecideReply | undefined }) {
  const { t } = useTranslation();
  if (!reply) return null;
  if (!("ok" in reply)) return <FormError errors={reply.error?.[""] ?? null} />;
  const { decision, reopened, letter } = reply.result;
  return (
    <p className="notice notice-good" role="status" data-outcome={decision}>
      {t(`interviewScoring.decision.done.${decision}`)}
      {letter ? ` ${t(`interviewScoring.decision.letter.${letter}`)}` : null}
      {reopened ? ` ${t("interviewScoring.decision.reopened")}` : null}
    </p>
  );
}

/** Take / reserve / reject with an optional note, for one attendee; each row posts on its own. */
function DecisionForm({ row }: { row: RankedRow | HiddenRow }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<DecideReply>();
  const current = row.decision?.decision ?? null;
  const noteErrors = fetcher.data && "error" in fetcher.data ? fetcher.data.error?.note : null;
  return (
    <fetcher.Form method="post" className="rs-decide" data-decide={row.invitationId}>
      <input type="hidden" name="intent" value="decide" />
      <input type="hidden" name="invitationId" value={row.invitationId} />
      <div className="field">
        <label htmlFor={`note-${row.invitationId}`}>{t("interviewScoring.decision.note")}</label>
        <textarea id={`note-${row.invitationId}`} name="note" rows={2} maxLength={MAX_DECISION_NOTE} defaultValue={row.decision?.note ?? ""} />
        <ErrorList errors={noteErrors} />
      </div>
      <div className="rs-decide-buttons" role="group" aria-label={t("interviewScoring.decision.label")}>
        {DECISIONS.map((d) => (
          <Button key={d} name="decision" value={d} variant={d === "REJECT" ? "danger" : current === d ? "primary" : "secondary"} aria-pressed={current === d} disabled={fetcher.state !== "idle"} className={`rs-decide-${d}`}>
            {t(`interviewScoring.decision.buttons.${d}`)}
          </Button>
        ))}
      </div>
      <DecisionOutcome reply={fetcher.data} />
    </fetcher.Form>
  );
}

function DecisionState({ row }: { row: RankedRow | HiddenRow }) {
  const { t } = useTranslation();
  return (
    <div className="rs-decision">
      <StageBadge stage={row.stage} />{" "}
      {row.decision ? (
        <>
          <DecisionBadge decision={row.decision.decision} />{" "}
          <span className="muted">
            {row.decision.byName ?? "—"}, <DateText value={row.decision.at} withTime />
          </span>
          {row.decision.note ? <p className="rs-note">{row.decision.note}</p> : null}
        </>
      ) : (
        <span className="muted">{t("interviewScoring.decision.none")}</span>
      )}
      {row.rejectionLetter && row.decision?.decision !== "REJECT" ? (
        <p className="notice" data-letter-stays="">
          {t("interviewScoring.decision.letterStays")} <DateText value={row.rejectionLetter.at} withTime />
        </p>
      ) : null}
    </div>
  );
}

function CompetencyFlags({ rubric, row }: { rubric: Rubric; row: RankedRow }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const name = (id: string) => rubric.find((c) => c.id === id)?.name[locale] ?? id;
  const flagged = row.result.competencies.filter((c) => c.disagreement);
  return (
    <>
      {flagged.length ? (
        <ul className="rs-flags" data-disagreements="">
          {flagged.map((c) => (
            <li key={c.id} data-flag={c.id}>
              ⚑ {name(c.id)}: {c.min}–{c.max}
            </li>
          ))}
        </ul>
      ) : row.result.assessors > 1 ? (
        <p className="muted">{t("interviewScoring.results.noDisagreement")}</p>
      ) : null}
      <details className="rs-details">
        <summary>{t("interviewScoring.results.byCompetency")}</summary>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("interviewScoring.scoring.competency")}</th>
              <th scope="col" className="num">{t("interviewScoring.results.min")}</th>
              <th scope="col" className="num">{t("interviewScoring.results.max")}</th>
              <th scope="col" className="num">{t("interviewScoring.results.mean")}</th>
            </tr>
          </thead>
          <tbody>
            {row.result.competencies.map((c) => (
              <tr key={c.id} className={c.disagreement ? "rs-flagged" : undefined}>
                <th scope="row">{name(c.id)}</th>
                <td className="num">{c.min ?? "—"}</td>
                <td className="num">{c.max ?? "—"}</td>
                <td className="num">{formatScore(c.mean, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">
          {row.result.byAssessor.map((a) => `${a.name ?? "—"}: ${formatScore(a.weighted, locale)}`).join(" · ")}
        </p>
      </details>
    </>
  );
}

export function RankingList({ rubric, rows, canDecide }: { rubric: Rubric; rows: readonly RankedRow[]; canDecide: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!rows.length) return <EmptyState title={t("interviewScoring.results.empty")} />;
  return (
    <ol className="rs-ranking" data-ranking="">
      {rows.map((row) => (
        <li key={row.invitationId} className="card rs-row" data-row={row.invitationId} data-rank={row.rank ?? ""}>
          <div className="rs-head">
            <span className="rs-rank">{row.rank ?? "—"}</span>
            <span className="rs-name">
              <CandidateLink id={row.candidateId} name={row.name} />
              {row.attendance === "LATE" ? <span className="muted"> · {t("interviewScoring.scoring.late")}</span> : null}
            </span>
            <span className="rs-score" data-mean="">
              <span className="rs-score-value">{formatScore(row.result.mean, locale)}</span>
              <span className="stat-label">{t("interviewScoring.results.weighted")}</span>
            </span>
            <span className="rs-score" data-spread="">
              <span className="rs-score-value">{formatScore(row.result.spread, locale)}</span>
              <span className="stat-label">{t("interviewScoring.results.spread")}</span>
            </span>
            <span className="rs-score">
              <span className="rs-score-value">{row.result.assessors}</span>
              <span className="stat-label">{t("interviewScoring.results.scorecards")}</span>
            </span>
          </div>
          <CompetencyFlags rubric={rubric} row={row} />
          <RecommendationList counts={row.result.recommendations} />
          <DecisionState row={row} />
          {canDecide && row.decidable ? <DecisionForm row={row} /> : null}
        </li>
      ))}
    </ol>
  );
}

/** Attendees this assessor has not submitted a scorecard for: no scores shown until they do. */
export function HiddenList({ rows, sessionId, canDecide }: { rows: readonly HiddenRow[]; sessionId: string; canDecide: boolean }) {
  const { t } = useTranslation();
  if (!rows.length) return null;
  return (
    <Section id="not-scored" title={t("interviewScoring.results.hiddenTitle", { count: rows.length })}>
      <p className="muted">{t("interviewScoring.results.hiddenExplain")}</p>
      <ul className="rs-ranking" data-hidden="">
        {rows.map((row) => (
          <li key={row.invitationId} className="card rs-row" data-row={row.invitationId}>
            <div className="rs-head">
              <span className="rs-name">
                <CandidateLink id={row.candidateId} name={row.name} />
              </span>
              <Link to={`/interviews/sessions/${sessionId}/score?attendee=${row.invitationId}`} className="button button-secondary">
                {t("interviewScoring.results.scoreFirst")}
              </Link>
            </div>
            <DecisionState row={row} />
            {canDecide && row.decidable ? <DecisionForm row={row} /> : null}
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** The department head's choice of a hiring manager to decide this session (or nobody: the heads decide). */
export function DelegateForm({
  managers,
  delegateId,
  errors,
}: {
  managers: ReadonlyArray<{ id: string; name: string }>;
  delegateId: string | null;
  errors?: readonly string[] | null;
}) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="filters" data-delegate-form="">
      <input type="hidden" name="intent" value="delegate" />
      <SelectField
        label={t("interviewScoring.delegate.label")}
        placeholder={t("interviewScoring.delegate.nobody")}
        options={managers.map((m) => ({ value: m.id, label: m.name }))}
        errors={errors}
        selectProps={{ name: "delegateId", defaultValue: delegateId ?? "" }}
      />
      <Button variant="secondary">{t("interviewScoring.delegate.save")}</Button>
    </Form>
  );
}
