import { useState, type ReactNode } from "react";
import {
  changeType,
  draftToDefinition,
  hasOptions,
  hasRange,
  hasWeight,
  knockoutKindsFor,
  moveItem,
  newOption,
  removeAt,
  updateOption,
  type DraftOption,
  type DraftQuestion,
} from "~/questionnaires/builder";
import { cardProblems, questionProblemCount, type OptionField, type ProblemSlots, type QuestionField } from "~/questionnaires/builder-problems";
import { MAX_OPTIONS, QUESTION_TYPES, YES_NO, type Question, type QuestionType } from "~/questionnaires/questions";
import { useTranslation } from "~/ui/use-translation";
import { Badge } from "./badges";
import { Button, ErrorList, Field, SelectField } from "./form";
import { QuestionPreview } from "./questionnaire-question-preview";
import { useLocale } from "./use-locale";

/**
 * One question of the builder: every part its type has, each with its problems
 * under it. Changes go up whole (the draft lives in the form's state).
 */

/** The id of a question's input, also the target of the problem summary's links. */
export const fieldId = (question: DraftQuestion, field: QuestionField) => `qb-${question.key}-${field}`;
export const optionFieldId = (question: DraftQuestion, option: DraftOption, field: OptionField) => `qb-${question.key}-${option.key}-${field}`;

function TextArea({ id, label, hint, value, errors, onChange }: { id: string; label: ReactNode; hint?: ReactNode; value: string; errors?: string[]; onChange: (value: string) => void }) {
  const invalid = Boolean(errors?.length);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={2}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={[hint ? `${id}-hint` : "", invalid ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined}
      />
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <ErrorList id={`${id}-error`} errors={errors} />
    </div>
  );
}

function OptionsTable({ question, index, slots, onChange }: { question: DraftQuestion; index: number; slots: ProblemSlots; onChange: (q: DraftQuestion) => void }) {
  const { t } = useTranslation();
  const errorsAt = (j: number, field: OptionField) => slots[`${index}.options.${j}.${field}`];
  const cell = (option: DraftOption, j: number, field: Exclude<OptionField, "general">, label: string, extra: Record<string, unknown> = {}) => {
    const id = optionFieldId(question, option, field);
    const errors = errorsAt(j, field);
    return (
      <td>
        <input
          id={id}
          type="text"
          value={option[field]}
          aria-label={`${t("questionnaireBuilder.editor.option", { number: j + 1 })}: ${label}`}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={errors?.length ? `${id}-error` : undefined}
          onChange={(e) => onChange(updateOption(question, j, { [field]: e.target.value }))}
          {...extra}
        />
        <ErrorList id={`${id}-error`} errors={errors} />
      </td>
    );
  };
  return (
    <fieldset className="field" aria-describedby={slots[`${index}.options`] ? fieldId(question, "options") : undefined}>
      <legend>{t("questionnaireBuilder.question.options")}</legend>
      <div className="table-wrap qb-options">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("questionnaireBuilder.question.optionValue")}</th>
              <th scope="col">{t("questionnaireBuilder.question.optionLabelRu")}</th>
              <th scope="col">{t("questionnaireBuilder.question.optionLabelEn")}</th>
              <th scope="col">{t("questionnaireBuilder.question.points")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("questionnaireBuilder.editor.removeQuestion")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {question.options.map((option, j) => (
              <tr key={option.key} data-option={j}>
                {cell(option, j, "value", t("questionnaireBuilder.question.optionValue"), { size: 14, spellCheck: false })}
                {cell(option, j, "labelRu", t("questionnaireBuilder.question.optionLabelRu"), { lang: "ru" })}
                {cell(option, j, "labelEn", t("questionnaireBuilder.question.optionLabelEn"), { lang: "en" })}
                {cell(option, j, "points", t("questionnaireBuilder.question.points"), { size: 5, inputMode: "decimal" })}
                <td className="nowrap">
                  <Button type="button" variant="ghost" size="small" disabled={j === 0} aria-label={t("questionnaireBuilder.editor.moveOptionUp", { number: j + 1 })} onClick={() => onChange({ ...question, options: moveItem(question.options, j, -1) })}>
                    ↑
                  </Button>{" "}
                  <Button type="button" variant="ghost" size="small" disabled={j === question.options.length - 1} aria-label={t("questionnaireBuilder.editor.moveOptionDown", { number: j + 1 })} onClick={() => onChange({ ...question, options: moveItem(question.options, j, 1) })}>
                    ↓
                  </Button>{" "}
                  <Button type="button" variant="ghost" size="small" aria-label={t("questionnaireBuilder.editor.removeOption", { number: j + 1 })} onClick={() => onChange({ ...question, options: removeAt(question.options, j) })}>
                    ×
                  </Button>
                  <ErrorList errors={errorsAt(j, "general")} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="field-hint">{t("questionnaireBuilder.questionHints.points")}</p>
      <ErrorList id={fieldId(question, "options")} errors={slots[`${index}.options`]} />
      <div>
        <Button type="button" variant="secondary" size="small" disabled={question.options.length >= MAX_OPTIONS} onClick={() => onChange({ ...question, options: [...question.options, newOption(question)] })}>
          {t("questionnaireBuilder.editor.addOption")}
        </Button>
      </div>
    </fieldset>
  );
}

function KnockoutFields({ question, index, slots, onChange }: { question: DraftQuestion; index: number; slots: ProblemSlots; onChange: (q: DraftQuestion) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const kinds = knockoutKindsFor(question.type);
  if (!kinds.length) return <p className="field-hint">{t("questionnaireBuilder.questionHints.noKnockout")}</p>;
  const kind = question.knockoutKind;
  const errors = (field: QuestionField) => slots[`${index}.${field}`];
  const value = (input: Record<string, unknown>) => ({
    id: fieldId(question, "knockoutValue"),
    value: question.knockoutValue,
    onChange: (e: { target: { value: string } }) => onChange({ ...question, knockoutValue: e.target.value }),
    ...input,
  });
  const choices =
    question.type === "yes_no"
      ? YES_NO.map((v) => ({ value: v, label: t(`questionnaireBuilder.yesNo.${v}`) }))
      : question.options.filter((o) => o.value.trim()).map((o) => ({ value: o.value, label: `${o[locale === "en" ? "labelEn" : "labelRu"] || o.value} (${o.value})` }));
  return (
    <div className="form-grid">
      <SelectField
        label={t("questionnaireBuilder.question.knockout")}
        hint={t("questionnaireBuilder.questionHints.knockout")}
        options={(["none", ...kinds] as const).map((k) => ({ value: k, label: t(`questionnaireBuilder.knockoutKinds.${k}`) }))}
        errors={errors("knockout")}
        selectProps={{
          id: fieldId(question, "knockout"),
          value: kind,
          onChange: (e) => onChange({ ...question, knockoutKind: e.target.value as DraftQuestion["knockoutKind"] }),
        }}
      />
      {kind === "equals" || kind === "includes" ? (
        <SelectField label={t("questionnaireBuilder.question.knockoutValue")} placeholder={t("questionnaireBuilder.editor.chooseOption")} options={choices} errors={errors("knockoutValue")} selectProps={value({})} />
      ) : kind === "less_than" || kind === "greater_than" ? (
        <Field
          label={t("questionnaireBuilder.question.knockoutValue")}
          hint={question.type === "money" ? t("questionnaireBuilder.questionHints.moneyRange") : undefined}
          errors={errors("knockoutValue")}
          inputProps={value(question.type === "date" ? { type: "date" } : { type: "text", inputMode: "decimal" })}
        />
      ) : kind === "above_vacancy_max" ? (
        <Field
          label={t("questionnaireBuilder.question.knockoutPercent")}
          hint={t("questionnaireBuilder.questionHints.knockoutPercent")}
          errors={errors("knockoutPercent")}
          inputProps={{
            id: fieldId(question, "knockoutPercent"),
            type: "text",
            inputMode: "decimal",
            value: question.knockoutPercent,
            onChange: (e) => onChange({ ...question, knockoutPercent: e.target.value }),
          }}
        />
      ) : null}
    </div>
  );
}

export function QuestionCard({
  question,
  index,
  count,
  slots,
  onChange,
  onMove,
  onRemove,
}: {
  question: DraftQuestion;
  index: number;
  count: number;
  slots: ProblemSlots;
  onChange: (q: DraftQuestion) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const [previewing, setPreviewing] = useState(false);
  const number = index + 1;
  const problems = questionProblemCount(slots, index);
  const errors = (field: QuestionField) => slots[`${index}.${field}`];
  const text = (field: "id" | "labelRu" | "labelEn" | "min" | "max" | "weight" | "scoreWorst" | "scoreBest", extra: Record<string, unknown> = {}) => ({
    id: fieldId(question, field),
    type: "text",
    value: question[field],
    onChange: (e: { target: { value: string } }) => onChange({ ...question, [field]: e.target.value }),
    ...extra,
  });
  const preview = previewing ? (draftToDefinition({ questions: [question] }).definition as { questions: Question[] }).questions[0] : undefined;
  return (
    <li className="card qb-question" id={`qb-${question.key}`} data-question={index} aria-labelledby={`qb-${question.key}-title`}>
      <div className="section-header">
        <h3 id={`qb-${question.key}-title`}>
          {t("questionnaireBuilder.editor.question", { number })} <code className="muted">{question.id}</code>{" "}
          {problems ? <Badge tone="danger">{t("questionnaireBuilder.problems.questionBadge", { count: problems })}</Badge> : null}
        </h3>
        <div className="page-actions">
          <Button type="button" variant="ghost" size="small" disabled={index === 0} aria-label={t("questionnaireBuilder.editor.moveUpLabel", { number })} onClick={() => onMove(-1)}>
            ↑ {t("questionnaireBuilder.editor.moveUp")}
          </Button>
          <Button type="button" variant="ghost" size="small" disabled={index === count - 1} aria-label={t("questionnaireBuilder.editor.moveDownLabel", { number })} onClick={() => onMove(1)}>
            ↓ {t("questionnaireBuilder.editor.moveDown")}
          </Button>
          <Button type="button" variant="ghost" size="small" aria-label={t("questionnaireBuilder.editor.removeLabel", { number })} onClick={onRemove}>
            × {t("questionnaireBuilder.editor.removeQuestion")}
          </Button>
        </div>
      </div>
      <ErrorList errors={cardProblems(slots, index, question.type)} />
      <div className="form-grid">
        <Field label={t("questionnaireBuilder.question.id")} hint={t("questionnaireBuilder.questionHints.id")} errors={errors("id")} inputProps={text("id", { spellCheck: false, autoComplete: "off" })} />
        <SelectField
          label={t("questionnaireBuilder.question.type")}
          options={QUESTION_TYPES.map((type) => ({ value: type, label: t(`questionnaireBuilder.types.${type}`) }))}
          errors={errors("type")}
          selectProps={{ id: fieldId(question, "type"), value: question.type, onChange: (e) => onChange(changeType(question, e.target.value as QuestionType)) }}
        />
        <div className="field">
          <label className="checkbox">
            <input id={fieldId(question, "required")} type="checkbox" checked={question.required} onChange={(e) => onChange({ ...question, required: e.target.checked })} />
            {t("questionnaireBuilder.question.required")}
          </label>
          <ErrorList errors={errors("required")} />
        </div>
      </div>
      <div className="form-grid">
        <Field label={t("questionnaireBuilder.question.labelRu")} errors={errors("labelRu")} inputProps={text("labelRu", { lang: "ru" })} />
        <Field label={t("questionnaireBuilder.question.labelEn")} errors={errors("labelEn")} inputProps={text("labelEn", { lang: "en" })} />
        <TextArea id={fieldId(question, "helpRu")} label={t("questionnaireBuilder.question.helpRu")} hint={t("questionnaireBuilder.questionHints.help")} value={question.helpRu} errors={errors("helpRu")} onChange={(helpRu) => onChange({ ...question, helpRu })} />
        <TextArea id={fieldId(question, "helpEn")} label={t("questionnaireBuilder.question.helpEn")} hint={t("questionnaireBuilder.questionHints.help")} value={question.helpEn} errors={errors("helpEn")} onChange={(helpEn) => onChange({ ...question, helpEn })} />
      </div>
      {hasOptions(question.type) ? <OptionsTable question={question} index={index} slots={slots} onChange={onChange} /> : null}
      {hasRange(question.type) ? (
        <div className="form-grid">
          <Field label={t("questionnaireBuilder.question.min")} hint={question.type === "money" ? t("questionnaireBuilder.questionHints.moneyRange") : undefined} errors={errors("min")} inputProps={text("min", { inputMode: "decimal" })} />
          <Field label={t("questionnaireBuilder.question.max")} errors={errors("max")} inputProps={text("max", { inputMode: "decimal" })} />
        </div>
      ) : null}
      {hasWeight(question.type) ? (
        <fieldset className="field">
          <legend>{t("questionnaireBuilder.editor.scoring")}</legend>
          <div className="form-grid">
            <Field label={t("questionnaireBuilder.question.weight")} hint={t("questionnaireBuilder.questionHints.weight")} errors={errors("weight")} inputProps={text("weight", { inputMode: "decimal" })} />
            {hasRange(question.type) ? (
              <>
                <Field label={t("questionnaireBuilder.question.scoreWorst")} errors={errors("scoreWorst")} inputProps={text("scoreWorst", { inputMode: "decimal" })} />
                <Field label={t("questionnaireBuilder.question.scoreBest")} errors={errors("scoreBest")} inputProps={text("scoreBest", { inputMode: "decimal" })} />
              </>
            ) : null}
          </div>
          {hasRange(question.type) ? <p className="field-hint">{t("questionnaireBuilder.questionHints.scoreRange")}</p> : null}
          <ErrorList id={fieldId(question, "scoreRange")} errors={errors("scoreRange")} />
        </fieldset>
      ) : null}
      <fieldset className="field">
        <legend>{t("questionnaireBuilder.editor.knockout")}</legend>
        <KnockoutFields question={question} index={index} slots={slots} onChange={onChange} />
      </fieldset>
      <details onToggle={(e) => setPreviewing(e.currentTarget.open)}>
        <summary>{t("questionnaireBuilder.editor.preview")}</summary>
        {preview ? (
          <div className="grid-2 qb-preview">
            <QuestionPreview question={preview} locale="ru" number={number} />
            <QuestionPreview question={preview} locale="en" number={number} />
          </div>
        ) : null}
      </details>
    </li>
  );
}
