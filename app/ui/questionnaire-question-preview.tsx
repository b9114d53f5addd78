import { useId } from "react";
import { type AppLocale } from "~/i18n/i18n";
import { SCALE_MAX, SCALE_MIN, YES_NO, type Question } from "~/questionnaires/questions";
import { formatRub } from "~/i18n/format";
import { i18nFor } from "~/ui/i18n-instance";
import { useLocale } from "~/ui/use-locale";
import { useTranslation } from "~/ui/use-translation";

/**
 * One question as a candidate sees it (disabled controls, in the questionnaire's
 * language), and under it, for staff, what scores and knocks out. Used by the
 * editor's preview and the read-only page of an old version.
 */

function Control({ question, locale, id }: { question: Question; locale: AppLocale; id: string }) {
  const { t } = i18nFor(locale);
  const options = question.options ?? [];
  switch (question.type) {
    case "short_text":
      return <input id={id} type="text" disabled />;
    case "long_text":
      return <textarea id={id} rows={4} disabled />;
    case "number":
      return <input id={id} type="text" inputMode="decimal" disabled />;
    case "money":
      return (
        <span className="nowrap">
          <input id={id} type="text" inputMode="numeric" disabled /> {t("questionnaireBuilder.preview.rubles")}
        </span>
      );
    case "date":
      return <input id={id} type="date" disabled />;
    case "single_choice":
    case "multi_choice":
      return (
        <span className="stack-tight" style={{ display: "block" }}>
          {options.map((o) => (
            <label key={o.value} className="checkbox">
              <input type={question.type === "single_choice" ? "radio" : "checkbox"} name={id} disabled /> {o.label[locale]}
            </label>
          ))}
        </span>
      );
    case "yes_no":
      return (
        <span style={{ display: "flex", gap: "1rem" }}>
          {YES_NO.map((value) => (
            <label key={value} className="checkbox">
              <input type="radio" name={id} disabled /> {t(`questionnaireBuilder.yesNo.${value}`)}
            </label>
          ))}
        </span>
      );
    case "scale":
      return (
        <span>
          <span style={{ display: "flex", gap: "1rem" }}>
            {Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, i) => SCALE_MIN + i).map((n) => (
              <label key={n} className="checkbox">
                <input type="radio" name={id} disabled /> {n}
              </label>
            ))}
          </span>
          <span className="field-hint">
            {t("questionnaireBuilder.preview.scaleLow")} · {t("questionnaireBuilder.preview.scaleHigh")}
          </span>
        </span>
      );
  }
}

/** What staff should know about a question: type, weight, knock-out rule. */
export function QuestionStaffNote({ question }: { question: Question }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rule = question.knockout;
  const optionLabel = (value: string) => question.options?.find((o) => o.value === value)?.label[locale] ?? value;
  const ruleText = !rule
    ? null
    : rule.kind === "above_vacancy_max"
      ? t("questionnaireBuilder.preview.knockoutPercent", { percent: rule.percent })
      : `${t(`questionnaireBuilder.knockoutKinds.${rule.kind}`)} ${
          question.type === "yes_no"
            ? t(`questionnaireBuilder.yesNo.${rule.value}`)
            : rule.kind === "equals" || rule.kind === "includes"
              ? `«${optionLabel(String(rule.value))}»`
              : question.type === "money" && typeof rule.value === "number"
                ? formatRub(rule.value, locale)
                : String(rule.value)
        }`;
  const parts = [
    t(`questionnaireBuilder.types.${question.type}`),
    question.required ? t("questionnaireBuilder.preview.required") : t("questionnaireBuilder.preview.optional"),
    question.weight ? t("questionnaireBuilder.preview.weight", { weight: question.weight }) : null,
    ruleText ? t("questionnaireBuilder.preview.knockout", { rule: ruleText }) : null,
  ].filter(Boolean);
  return (
    <p className="field-hint" data-staff-note>
      <code>{question.id}</code> · {parts.join(" · ")}
    </p>
  );
}

export function QuestionPreview({ question, locale, number }: { question: Question; locale: AppLocale; number: number }) {
  const id = useId();
  const help = question.help?.[locale];
  const grouped = question.type === "single_choice" || question.type === "multi_choice" || question.type === "yes_no" || question.type === "scale";
  return (
    <div className="field" lang={locale} data-question-preview={question.id}>
      {grouped ? (
        <span className="qb-preview-label">
          {number}. {question.label[locale]}
          {question.required ? <span aria-hidden="true"> *</span> : null}
        </span>
      ) : (
        <label htmlFor={id}>
          {number}. {question.label[locale]}
          {question.required ? <span aria-hidden="true"> *</span> : null}
        </label>
      )}
      {help ? <p className="field-hint">{help}</p> : null}
      <Control question={question} locale={locale} id={id} />
    </div>
  );
}
