import { type FieldMetadata, getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { newCompetency, RubricFormSchema, type RubricFormValue } from "~/interviews/rubric-form";
import { DESCRIBED_LEVELS, MAX_COMPETENCIES, type Rubric, WEIGHT_MAX, WEIGHT_MIN } from "~/interviews/rubric";
import { useTranslation } from "~/ui/use-translation";
import { Button, ErrorList, Field, FormError } from "./form";

/**
 * The rubric editor: each competency's names in Russian and English, its weight and
 * what 1, 3 and 5 look like in both languages; add, remove and move competencies
 * (Conform list intents: they work without JavaScript too, through the server).
 */

type Words = FieldMetadata<{ ru: string; en: string }>;

function BilingualText({ label, meta, rows }: { label: string; meta: Words; rows?: number }) {
  const { t } = useTranslation();
  const words = meta.getFieldset();
  return (
    <div className="rb-pair">
      {(["ru", "en"] as const).map((lang) =>
        rows ? (
          <div key={lang} className="field">
            <label htmlFor={words[lang].id}>
              {label} ({t(`interviewScoring.rubric.languages.${lang}`)})
            </label>
            <textarea {...getTextareaProps(words[lang])} rows={rows} aria-invalid={words[lang].errors?.length ? true : undefined} />
            <ErrorList id={words[lang].errorId} errors={words[lang].errors} />
          </div>
        ) : (
          <Field
            key={lang}
            label={`${label} (${t(`interviewScoring.rubric.languages.${lang}`)})`}
            errors={words[lang].errors}
            inputProps={getInputProps(words[lang], { type: "text" })}
          />
        ),
      )}
    </div>
  );
}

export function RubricForm({ defaultValue, lastResult }: { defaultValue: RubricFormValue; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const [form, fields] = useForm<RubricFormValue, { competencies: Rubric }>({
    id: "rubric",
    lastResult,
    defaultValue,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RubricFormSchema }),
  });
  const list = fields.competencies.getFieldList();
  return (
    <Form method="post" {...getFormProps(form)} className="stack rb-form">
      <FormError id={form.errorId} errors={form.errors} />
      <ErrorList id={fields.competencies.errorId} errors={fields.competencies.errors} />
      <ol className="rb-list">
        {list.map((item, index) => {
          const c = item.getFieldset();
          const levels = c.levels.getFieldset();
          return (
            <li key={item.key} className="card rb-competency" data-competency-index={index}>
              <input {...getInputProps(c.id, { type: "hidden" })} />
              <div className="rb-head">
                <h3>{t("interviewScoring.rubric.competency", { number: index + 1 })}</h3>
                <div className="rb-moves">
                  <Button {...form.reorder.getButtonProps({ name: fields.competencies.name, from: index, to: index - 1 })} variant="ghost" size="small" disabled={index === 0} aria-label={t("interviewScoring.rubric.moveUp", { number: index + 1 })}>
                    ↑
                  </Button>
                  <Button {...form.reorder.getButtonProps({ name: fields.competencies.name, from: index, to: index + 1 })} variant="ghost" size="small" disabled={index === list.length - 1} aria-label={t("interviewScoring.rubric.moveDown", { number: index + 1 })}>
                    ↓
                  </Button>
                  <Button {...form.remove.getButtonProps({ name: fields.competencies.name, index })} variant="ghost" size="small" aria-label={t("interviewScoring.rubric.removeLabel", { number: index + 1 })}>
                    × {t("interviewScoring.rubric.remove")}
                  </Button>
                </div>
              </div>
              <ErrorList id={c.id.errorId} errors={c.id.errors} />
              <BilingualText label={t("interviewScoring.rubric.name")} meta={c.name} />
              <Field
                className="rb-weight"
                label={t("interviewScoring.rubric.weight")}
                hint={t("interviewScoring.rubric.weightHint", { min: WEIGHT_MIN, max: WEIGHT_MAX })}
                errors={c.weight.errors}
                inputProps={{ ...getInputProps(c.weight, { type: "number" }), min: WEIGHT_MIN, max: WEIGHT_MAX, step: 1, inputMode: "numeric" }}
              />
              {DESCRIBED_LEVELS.map((level) => (
                <BilingualText key={level} label={t("interviewScoring.rubric.level", { level })} meta={levels[level]} rows={2} />
              ))}
            </li>
          );
        })}
      </ol>
      <div className="rb-actions">
        <Button {...form.insert.getButtonProps({ name: fields.competencies.name, defaultValue: newCompetency() })} variant="secondary" disabled={list.length >= MAX_COMPETENCIES}>
          + {t("interviewScoring.rubric.add")}
        </Button>
        <Button type="submit" disabled={navigation.state !== "idle"}>
          {t("interviewScoring.rubric.save")}
        </Button>
      </div>
    </Form>
  );
}
