import {
  getFormProps,
  getInputProps,
  getSelectProps,
  useForm,
  type DefaultValue,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { type TemplateKind } from "@prisma/client";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useRef, type RefObject } from "react";
import { fieldsForKind, TEMPLATE_KINDS, type MergeField } from "~/outreach/merge-fields";
import { LANGUAGES, TemplateFormSchema, type TemplateActionResult, type TemplateForm, type TemplateFormInput } from "~/outreach/template-form";
import { useTranslation } from "~/ui/use-translation";
import { Button, Field, FormError, SelectField, TextareaField } from "./form";
import { TemplatePreview, type PreviewCandidate } from "./template-preview";

export type TemplateEditorOptions = {
  vacancies: Array<{ id: string; title: string; city: string }>;
  preview: { vacancyId: string | null; candidates: PreviewCandidate[] };
};

type Editable = HTMLInputElement | HTMLTextAreaElement;
const TEXT_FIELDS = new Set(["subjectRu", "bodyRu", "subjectEn", "bodyEn"]);


/** The kind's merge fields; a click puts one where the cursor was in a subject or body. */
function MergeFieldList({ kind, onInsert }: { kind: TemplateKind | undefined; onInsert: (field: MergeField) => void }) {
  const { t } = useTranslation();
  const fields = kind ? fieldsForKind(kind) : [];
  return (
    <fieldset className="card">
      <legend>{t("templates.mergeFields.title")}</legend>
      <p className="field-hint">{t("templates.mergeFields.hint")}</p>
      <ul style={{ display: "flex", flexWrap: "wrap", gap: "0.4rem", listStyle: "none", padding: 0, margin: 0 }}>
        {fields.map((field) => (
          <li key={field}>
            <Button type="button" variant="secondary" size="small" onClick={() => onInsert(field)} title={t(`templates.mergeFields.names.${field}`)}>
              <code>{`{{${field}}}`}</code>
              <span className="muted">{t(`templates.mergeFields.names.${field}`)}</span>
            </Button>
          </li>
        ))}
      </ul>
      <p className="field-hint">{t("templates.hints.footer")}</p>
    </fieldset>
  );
}

function insertAtCursor(target: Editable, text: string) {
  const start = target.selectionStart ?? target.value.length;
  const end = target.selectionEnd ?? start;
  target.focus();
  target.setRangeText(text, start, end, "end");
  // Conform (and the live preview) follow the form through its input events.
  target.dispatchEvent(new Event("input", { bubbles: true }));
}

export function TemplateEditorForm({
  options,
  defaultValue,
  actionData,
  cancelTo,
}: {
  options: TemplateEditorOptions;
  defaultValue: DefaultValue<TemplateFormInput>;
  actionData: TemplateActionResult | undefined;
  cancelTo: string;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const formRef = useRef<HTMLFormElement>(null);
  const lastFocused = useRef<Editable | null>(null);
  const [form, fields] = useForm<TemplateFormInput, TemplateForm>({
    id: "template-editor",
    lastResult: actionData?.result,
    defaultValue,
    constraint: getZodConstraint(TemplateFormSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: TemplateFormSchema }),
  });
  const kind = TEMPLATE_KINDS.find((k) => k === fields.kind.value);
  const insert = (field: MergeField) => {
    const target = lastFocused.current ?? (formRef.current?.elements.namedItem("bodyRu") as Editable | null);
    if (target) insertAtCursor(target, `{{${field}}}`);
  };
  return (
    // A stack, so the preview stands apart from the form's buttons.
    <div className="stack">
      <Form
        method="post"
        {...getFormProps(form)}
        ref={formRef}
        className="stack"
        onFocus={(event) => {
          const target = event.target as Element;
          if ((target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) && TEXT_FIELDS.has(target.name)) lastFocused.current = target;
        }}
      >
        <FormError id={form.errorId} errors={form.errors} />
        <fieldset className="card form-grid">
          <legend>{t("templates.sections.basics")}</legend>
          <SelectField
            label={t("templates.fields.kind")}
            options={TEMPLATE_KINDS.map((k) => ({ value: k, label: t(`templates.kinds.${k}`) }))}
            errors={fields.kind.errors}
            selectProps={getSelectProps(fields.kind)}
          />
          <Field label={t("templates.fields.name")} hint={t("templates.hints.name")} errors={fields.name.errors} inputProps={getInputProps(fields.name, { type: "text" })} />
          <SelectField
            label={t("templates.fields.vacancyId")}
            placeholder={t("templates.anyVacancy")}
            hint={t("templates.hints.vacancy")}
            options={options.vacancies.map((v) => ({ value: v.id, label: `${v.title} · ${v.city}` }))}
            errors={fields.vacancyId.errors}
            selectProps={getSelectProps(fields.vacancyId)}
          />
          <div className="field-hint">{t("templates.hints.languages")}</div>
        </fieldset>
        <MergeFieldList kind={kind} onInsert={insert} />
        <div className="grid-2">
          {LANGUAGES.map((language) => {
            const subject = fields[`subject${language}`];
            const body = fields[`body${language}`];
            return (
              <fieldset key={language} className="card" lang={language.toLowerCase()} style={{ margin: 0 }}>
                <legend>{t(`templates.sections.${language === "Ru" ? "ru" : "en"}`)}</legend>
                <Field label={t(`templates.fields.subject${language}`)} errors={subject.errors} inputProps={{ ...getInputProps(subject, { type: "text" }), style: { width: "100%" } }} />
                <TextareaField label={t(`templates.fields.body${language}`)} hint={t("templates.hints.body")} meta={body} rows={16} monospace />
              </fieldset>
            );
          })}
        </div>
        <div className="page-actions">
          <Button type="submit" name="intent" value="save" disabled={navigation.state === "submitting"}>
            {t("templates.save")}
          </Button>
          <Link to={cancelTo} className="button button-ghost">
            {t("templates.cancel")}
          </Link>
        </div>
      </Form>
      <TemplatePreview
        formRef={formRef as RefObject<HTMLFormElement>}
        kind={kind}
        templateVacancyId={fields.vacancyId.value}
        vacancies={options.vacancies}
        initial={options.preview}
      />
    </div>
  );
}
