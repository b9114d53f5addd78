import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, useNavigation } from "@remix-run/react";
import { type Competency, DESCRIBED_LEVELS, type Rubric } from "~/interviews/rubric";
import { isSubmit, MAX_NOTES, RECOMMENDATIONS, type Recommendation, SCORE_LEVELS, type ScorecardValues, type ScoreMap, scorecardFormSchema } from "~/interviews/scorecard";
import { useTranslation } from "~/ui/use-translation";
import { DateText } from "./dates";
import { Button, ErrorList, FormError } from "./form";
import { formatPersonName, type PersonName } from "./person";
import { formatScore } from "./interview-results";
import { useLocale } from "./use-locale";

/**
 * The assessor's scoring page on a tablet: the attendees as a strip to pick from, one
 * scorecard at a time with every competency's 1 / 3 / 5 descriptions in view and a
 * row of large 1–5 buttons, then notes and the overall recommendation. After submitting,
 * the other assessors' scores for that attendee appear next to one's own.
 */

export type CardData = {
  assessorId: string;
  assessorName: string;
  scores: ScoreMap;
  notes: string | null;
  recommendation: Recommendation | null;
  submittedAt: string | null;
  weighted: number | null;
};

export type ScoringAttendeeData = {
  invitationId: string;
  candidateId: string;
  name: PersonName | null;
  attendance: string | null;
  own: CardData | null;
  others: CardData[] | null;
  othersSubmitted: number;
};

export function attendeeState(a: Pick<ScoringAttendeeData, "own">): "todo" | "draft" | "submitted" {
  return a.own?.submittedAt ? "submitted" : a.own ? "draft" : "todo";
}

/** The attendees to pick from, each with where this assessor is with them. */
export function AttendeePicker({ attendees, current }: { attendees: readonly ScoringAttendeeData[]; current: string | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <nav aria-label={t("interviewScoring.scoring.attendees")}>
      <ol className="sc-attendees">
        {attendees.map((a) => {
          const state = attendeeState(a);
          return (
            <li key={a.invitationId}>
              <Link to={`?attendee=${a.invitationId}`} aria-current={a.invitationId === current ? "page" : undefined} className={`sc-attendee sc-attendee-${state}`} data-attendee={a.invitationId} data-state={state}>
                <span className="sc-attendee-name">{a.name ? formatPersonName(a.name, locale) : t("candidates.erasedName")}</span>
                <span className="sc-attendee-state">
                  {t(`interviewScoring.scoring.states.${state}`)}
                  {a.attendance === "LATE" ? ` · ${t("interviewScoring.scoring.late")}` : null}
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

function LevelDescriptions({ competency }: { competency: Competency }) {
  const locale = useLocale();
  return (
    <dl className="sc-levels">
      {DESCRIBED_LEVELS.map((level) => (
        <div key={level} className="sc-level">
          <dt>{level}</dt>
          <dd>{competency.levels[level][locale]}</dd>
        </div>
      ))}
    </dl>
  );
}

type FormInput = { invitationId: string; intent?: string; scores: Record<string, string>; notes: string; recommendation: string };

/** One attendee's scorecard while it is a draft (or new). */
export function ScorecardForm({
  rubric,
  attendee,
  lastResult,
}: {
  rubric: Rubric;
  attendee: ScoringAttendeeData;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigation = useNavigation();
  const own = attendee.own;
  const [form, fields] = useForm<FormInput, ScorecardValues & { invitationId: string; intent: string }>({
    id: `scorecard-${attendee.invitationId}`,
    lastResult,
    defaultValue: {
      invitationId: attendee.invitationId,
      scores: Object.fromEntries(Object.entries(own?.scores ?? {}).map(([k, v]) => [k, String(v)])),
      notes: own?.notes ?? "",
      recommendation: own?.recommendation ?? "",
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: scorecardFormSchema(rubric, { submit: isSubmit(formData) }) }),
  });
  const scores = fields.scores.getFieldset();
  const busy = navigation.state !== "idle";
  return (
    <Form method="post" {...getFormProps(form)} className="sc-form stack">
      <input type="hidden" name={fields.invitationId.name} value={attendee.invitationId} />
      <FormError id={form.errorId} errors={form.errors} />
      {rubric.map((c) => {
        const field = scores[c.id]!;
        return (
          <fieldset key={c.id} className="sc-competency card" data-competency={c.id} aria-invalid={field.errors?.length ? true : undefined} aria-describedby={field.errors?.length ? field.errorId : undefined}>
            <legend>
              {c.name[locale]} <span className="muted sc-weight">{t("interviewScoring.scoring.weight", { weight: c.weight })}</span>
            </legend>
            <LevelDescriptions competency={c} />
            <div className="sc-scale" role="radiogroup" aria-label={t("interviewScoring.scoring.scoreOf", { name: c.name[locale] })}>
              {SCORE_LEVELS.map((level) => (
                <label key={level} className="sc-option">
                  <input {...getInputProps(field, { type: "radio", value: String(level) })} id={`${field.id}-${level}`} />
                  <span>{level}</span>
                </label>
              ))}
            </div>
            <ErrorList id={field.errorId} errors={field.errors} />
          </fieldset>
        );
      })}
      <fieldset className="card sc-final">
        <legend>{t("interviewScoring.scoring.overall")}</legend>
        <div className="field">
          <label htmlFor={fields.notes.id}>{t("interviewScoring.scoring.notes")}</label>
          <textarea {...getTextareaProps(fields.notes)} rows={5} maxLength={MAX_NOTES} aria-invalid={fields.notes.errors?.length ? true : undefined} />
          <p className="field-hint">{t("interviewScoring.scoring.notesHint")}</p>
          <ErrorList id={fields.notes.errorId} errors={fields.notes.errors} />
        </div>
        <div className="field" role="radiogroup" aria-labelledby={`${fields.recommendation.id}-label`} aria-invalid={fields.recommendation.errors?.length ? true : undefined}>
          <p id={`${fields.recommendation.id}-label`} className="sc-label">
            {t("interviewScoring.scoring.recommendation")}
          </p>
          <div className="sc-scale sc-recommendations">
            {RECOMMENDATIONS.map((r) => (
              <label key={r} className={`sc-option sc-rec-${r}`}>
                <input {...getInputProps(fields.recommendation, { type: "radio", value: r })} id={`${fields.recommendation.id}-${r}`} />
                <span>{t(`interviewScoring.recommendations.${r}`)}</span>
              </label>
            ))}
          </div>
          <ErrorList id={fields.recommendation.errorId} errors={fields.recommendation.errors} />
        </div>
      </fieldset>
      <div className="sc-actions">
        <Button type="submit" name="intent" value="save" variant="secondary" disabled={busy}>
          {t("interviewScoring.scoring.saveDraft")}
        </Button>
        <Button type="submit" name="intent" value="submit" disabled={busy}>
          {t("interviewScoring.scoring.submit")}
        </Button>
      </div>
      <p className="muted">{t("interviewScoring.scoring.submitHint")}</p>
      {own ? (
        <p className="muted" data-draft-saved="">
          {t("interviewScoring.scoring.draftSaved")}
        </p>
      ) : null}
    </Form>
  );
}

/** A submitted scorecard's scores beside the other assessors' (one column each). */
export function SubmittedScores({ rubric, attendee }: { rubric: Rubric; attendee: ScoringAttendeeData }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const cards = [attendee.own!, ...(attendee.others ?? [])];
  return (
    <div className="stack">
      <p className="notice notice-good" role="status">
        {t("interviewScoring.scoring.submittedAt")} <DateText value={attendee.own?.submittedAt} withTime />
      </p>
      <div className="table-wrap">
        <table className="table sc-compare" data-compare="">
          <thead>
            <tr>
              <th scope="col">{t("interviewScoring.scoring.competency")}</th>
              {cards.map((card, i) => (
                <th key={card.assessorId} scope="col" className="num" data-assessor={card.assessorId}>
                  {i === 0 ? t("interviewScoring.scoring.you") : card.assessorName}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rubric.map((c) => (
              <tr key={c.id} data-competency={c.id}>
                <th scope="row">{c.name[locale]}</th>
                {cards.map((card) => (
                  <td key={card.assessorId} className="num">
                    {card.scores[c.id] ?? "—"}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("interviewScoring.results.weighted")}</th>
              {cards.map((card) => (
                <td key={card.assessorId} className="num" data-weighted="">
                  {formatScore(card.weighted, locale)}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t("interviewScoring.scoring.recommendation")}</th>
              {cards.map((card) => (
                <td key={card.assessorId} className="num">
                  {card.recommendation ? t(`interviewScoring.recommendations.${card.recommendation}`) : "—"}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
      {cards.some((card) => card.notes) ? (
        <ul className="timeline sc-notes">
          {cards
            .filter((card) => card.notes)
            .map((card) => (
              <li key={card.assessorId}>
                <strong>{card.assessorId === attendee.own?.assessorId ? t("interviewScoring.scoring.you") : card.assessorName}:</strong> {card.notes}
              </li>
            ))}
        </ul>
      ) : null}
      {attendee.othersSubmitted === 0 ? <p className="muted">{t("interviewScoring.scoring.noOthersYet")}</p> : null}
    </div>
  );
}

/** Which session a page is about, and the way to its other pages. */
export function SessionLine({
  session,
  here,
}: {
  session: { id: string; startsAt: string; durationMinutes: number; place: string | null; cancelledAt: string | null; vacancy: { id: string; title: string } };
  here: "score" | "results";
}) {
  const { t } = useTranslation();
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/interviews/sessions/${session.id}`}>← {t("interviewScoring.session.back")}</Link>
      </p>
      <p className="page-description" data-session-line="">
        <Link to={`/vacancies/${session.vacancy.id}`}>{session.vacancy.title}</Link> · <DateText value={session.startsAt} withTime /> ·{" "}
        {t("interviewScoring.session.minutes", { count: session.durationMinutes })}
        {session.place ? ` · ${session.place}` : null}
        {" · "}
        {here === "score" ? (
          <Link to={`/interviews/sessions/${session.id}/results`}>{t("interviewScoring.session.results")}</Link>
        ) : (
          <Link to={`/interviews/sessions/${session.id}/score`}>{t("interviewScoring.session.score")}</Link>
        )}
      </p>
      {session.cancelledAt ? <p className="notice notice-danger">{t("interviewScoring.session.cancelled")}</p> : null}
    </>
  );
}
