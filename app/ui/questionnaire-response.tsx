import { getFormProps, getSelectProps, type SubmissionResult, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { type QuestionnaireVerdict } from "@prisma/client";
import { Form } from "@remix-run/react";
import { numberFormat } from "~/i18n/format";
import { OverrideSchema } from "~/questionnaires/override";
import { type AnswerRow } from "~/questionnaires/response-view";
import { useTranslation } from "~/ui/use-translation";
import { DateText } from "./dates";
import { Button, FormError, SelectField, TextareaField } from "./form";
import { Section } from "./page";
import { AnswerText, KnockoutText } from "./questionnaire-answer";
import { useLocale } from "./use-locale";

/** Every question of the answered version, the answer as text, its points and knock-out. */
export function AnswersTable({ rows }: { rows: readonly AnswerRow[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const decimal = (n: number) => numberFormat(locale, { maximumFractionDigits: 2 }).format(n);
  return (
    <div className="table-wrap">
      <table className="table" data-answers="">
        <thead>
          <tr>
            <th scope="col">{t("questionnaireResults.response.question")}</th>
            <th scope="col">{t("questionnaireResults.response.answer")}</th>
            <th scope="col" className="num">
              {t("questionnaireResults.response.points")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-question={row.id}>
              <th scope="row">{row.label[locale]}</th>
              <td>
                <span data-answer="">
                  <AnswerText answer={row.answer} />
                </span>
                {row.knockout ? (
                  <p className="field-errors" data-knockout="">
                    <KnockoutText knockout={row.knockout} />
                  </p>
                ) : null}
              </td>
              <td className="num">
                {row.points ? (
                  <span title={t("questionnaireResults.response.pointsExplain", { value: decimal(row.points.value), weight: decimal(row.points.weight) })}>
                    {t("questionnaireResults.response.pointsOf", { earned: decimal(row.points.earned), max: decimal(row.points.max) })}
                  </span>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const VERDICTS = ["PASSED", "KNOCKED_OUT"] as const;

/**
 * Changing the verdict, with a reason next to which any error shows. Choosing the
 * questionnaire's own verdict again clears the override.
 */
export function OverrideForm({
  current,
  own,
  lastResult,
  submitting,
}: {
  current: QuestionnaireVerdict;
  own: QuestionnaireVerdict;
  lastResult: SubmissionResult<string[]> | undefined;
  submitting: boolean;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "override",
    lastResult,
    constraint: getZodConstraint(OverrideSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OverrideSchema }),
    defaultValue: { to: current === "PASSED" ? "KNOCKED_OUT" : "PASSED" },
  });
  return (
    <Section id="override" title={t("questionnaireResults.override.title")}>
      <p className="muted">{t("questionnaireResults.override.explain")}</p>
      <Form method="post" {...getFormProps(form)} className="stack-tight">
        <FormError id={form.errorId} errors={form.errors} />
        <SelectField
          label={t("questionnaireResults.override.to")}
          options={VERDICTS.map((v) => ({
            value: v,
            label: v === own ? t("questionnaireResults.override.back", { verdict: t(`questionnaireResults.verdicts.${v}`) }) : t(`questionnaireResults.verdicts.${v}`),
          }))}
          errors={fields.to.errors}
          selectProps={getSelectProps(fields.to)}
        />
        <TextareaField label={t("questionnaireResults.override.reason")} meta={fields.reason} rows={3} />
        <Button variant="secondary" disabled={submitting}>
          {t("questionnaireResults.override.submit")}
        </Button>
      </Form>
    </Section>
  );
}

type HistoryEntry = {
  id: string;
  at: string;
  byName: string | null;
  from: QuestionnaireVerdict | null;
  to: QuestionnaireVerdict | null;
  cleared: boolean;
  reason: string | null;
};

export function OverrideHistory({ entries }: { entries: readonly HistoryEntry[] }) {
  const { t } = useTranslation();
  if (!entries.length) return null;
  const verdict = (v: QuestionnaireVerdict | null) => (v ? t(`questionnaireResults.verdicts.${v}`) : "—");
  return (
    <Section id="override-history" title={t("questionnaireResults.override.history")}>
      <ol className="timeline" data-override-history="">
        {entries.map((e) => (
          <li key={e.id}>
            <DateText value={e.at} withTime />: {verdict(e.from)} → <strong>{verdict(e.to)}</strong>
            {e.cleared ? <span className="muted"> ({t("questionnaireResults.override.cleared")})</span> : null}
            {e.byName ? <span className="muted"> · {e.byName}</span> : null}
            {e.reason ? <span className="muted"> · {e.reason}</span> : null}
          </li>
        ))}
      </ol>
    </Section>
  );
}
