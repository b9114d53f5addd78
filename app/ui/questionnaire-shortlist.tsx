import { getFormProps, getInputProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type QuestionnaireVerdict, type SourcingTier, type Stage } from "@prisma/client";
import { Form, useNavigation } from "@remix-run/react";
import { type ShownKnockout } from "~/questionnaires/response-view";
import { InviteSchema } from "~/interviews/invite-form";
import { MAX_REJECT_REASON, ShortlistBulkSchema } from "~/questionnaires/shortlist-form";
import { type Source } from "~/sourcing/record";
import { useTranslation } from "~/ui/use-translation";
import { StageBadge } from "./badges";
import { DateText } from "./dates";
import { Button, ErrorList, Field, FormError } from "./form";
import { Pagination } from "./pagination";
import { CandidateLink, formatPersonName, type PersonName } from "./person";
import { KnockoutText, ScoreText, VerdictBadge } from "./questionnaire-answer";
import { ResponseLink } from "./questionnaire-results";
import { TierBadge } from "./tier-reason";
import { useLocale } from "./use-locale";
import { SelectAllBox } from "./bulk-actions-bar";

export type ShortlistRowData = {
  rank: number;
  responseId: string;
  applicationId: string;
  candidateId: string;
  name: PersonName | null;
  score: number;
  verdict: QuestionnaireVerdict;
  overridden: boolean;
  firstKnockout: ShownKnockout | null;
  tier: SourcingTier | null;
  source: Source;
  stage: Stage;
  submittedAt: string;
};

/**
 * The ranked shortlist, and for those who may decide, the bulk form around it: the
 * row checkboxes belong to it, "send rejection" with its reason, and for those who
 * plan interviews "invite to a group interview", which posts the same ticks to
 * /interviews/invite. After an error the ticks and the typed reason come back as they were.
 */
export function Shortlist({
  list,
  vacancyId,
  canDecide,
  canInvite,
  lastResult,
}: {
  list: { rows: readonly ShortlistRowData[]; total: number; page: number; pageCount: number };
  vacancyId: string;
  canDecide: boolean;
  /** May invite to group interviews (interviewPlan). */
  canInvite: boolean;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "shortlist-bulk",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    // The invitation posts the ticks elsewhere and needs no reason.
    onValidate: ({ formData }) => parseWithZod(formData, { schema: formData.get("intent") === "invite" ? InviteSchema : ShortlistBulkSchema }),
  });
  const typed = lastResult?.status === "error" ? lastResult.initialValue?.ids : undefined;
  const ticked = new Set(Array.isArray(typed) ? typed : typed ? [typed] : []);

  const table = (
    <div className="table-wrap">
      <table className="table" data-shortlist="">
        <caption>{t("ui.shownOf", { shown: list.rows.length, total: list.total })}</caption>
        <thead>
          <tr>
            {canDecide ? <SelectAllBox formId={form.id} label={t("questionnaireResults.bulk.selectAll")} /> : null}
            <th scope="col" className="num">
              {t("questionnaireResults.columns.rank")}
            </th>
            <th scope="col">{t("questionnaireResults.columns.candidate")}</th>
            <th scope="col" className="num">
              {t("questionnaireResults.columns.score")}
            </th>
            <th scope="col">{t("questionnaireResults.columns.verdict")}</th>
            <th scope="col">{t("questionnaireResults.columns.knockout")}</th>
            <th scope="col">{t("questionnaireResults.columns.tier")}</th>
            <th scope="col">{t("questionnaireResults.columns.source")}</th>
            <th scope="col">{t("questionnaireResults.columns.submitted")}</th>
            <th scope="col">{t("questionnaireResults.columns.stage")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("questionnaireResults.shortlist.answers")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.rows.map((row) => (
            <tr key={row.responseId} data-response={row.responseId}>
              {canDecide ? (
                <td>
                  <input
                    type="checkbox"
                    name="ids"
                    value={row.applicationId}
                    defaultChecked={ticked.has(row.applicationId)}
                    aria-label={t("questionnaireResults.bulk.selectRow", {
                      name: row.name ? formatPersonName(row.name, locale) : t("candidates.erasedName"),
                    })}
                  />
                </td>
              ) : null}
              <td className="num" data-rank="">
                {row.rank}
              </td>
              <th scope="row">
                <CandidateLink id={row.candidateId} name={row.name} />
              </th>
              <td className="num" data-score="">
                <ScoreText score={row.score} />
              </td>
              <td>
                <VerdictBadge verdict={row.verdict} overridden={row.overridden} />
              </td>
              <td>{row.firstKnockout ? <KnockoutText knockout={row.firstKnockout} /> : <span className="muted">—</span>}</td>
              <td>{row.tier ? <TierBadge tier={row.tier} /> : "—"}</td>
              <td>{t(`sources.${row.source}`)}</td>
              <td>
                <DateText value={row.submittedAt} withTime />
              </td>
              <td>
                <StageBadge stage={row.stage} />
              </td>
              <td>
                <ResponseLink id={row.responseId} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <>
      {canDecide ? (
        <Form method="post" {...getFormProps(form)}>
          <section className="card stack-tight" aria-labelledby="shortlist-bulk-title">
            <h3 id="shortlist-bulk-title">{t("questionnaireResults.bulk.title")}</h3>
            <p className="muted">{t("questionnaireResults.bulk.hint")}</p>
            <FormError id={form.errorId} errors={form.errors} />
            <ErrorList errors={[...(fields.ids.errors ?? []), ...(fields.vacancy.errors ?? []), ...(fields.intent.errors ?? [])]} />
            <input type="hidden" name="vacancy" value={vacancyId} />
            <fieldset className="filters">
              <legend>{t("questionnaireResults.bulk.reject")}</legend>
              <Field
                className="field-grow"
                label={t("questionnaireResults.bulk.rejectReason")}
                hint={t("questionnaireResults.bulk.rejectHint")}
                errors={fields.reason.errors}
                inputProps={{ ...getInputProps(fields.reason, { type: "text" }), maxLength: MAX_REJECT_REASON }}
              />
              <Button variant="danger" name="intent" value="reject" disabled={navigation.state === "submitting"}>
                {t("questionnaireResults.bulk.rejectSubmit")}
              </Button>
            </fieldset>
            {canInvite ? (
              <fieldset className="filters">
                <legend>{t("questionnaireResults.bulk.interview")}</legend>
                <Button
                  variant="secondary"
                  name="intent"
                  value="invite"
                  formAction={`/interviews/invite?vacancy=${encodeURIComponent(vacancyId)}`}
                  disabled={navigation.state === "submitting"}
                  aria-describedby="interview-invite-hint"
                  data-interview-invite=""
                >
                  {t("questionnaireResults.bulk.interviewSubmit")}
                </Button>
                <p id="interview-invite-hint" className="field-hint">
                  {t("interviewInvitations.invite.shortlistHint")}
                </p>
              </fieldset>
            ) : null}
          </section>
          {table}
        </Form>
      ) : (
        table
      )}
      <Pagination page={list.page} pageCount={list.pageCount} />
    </>
  );
}
