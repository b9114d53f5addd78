import {
  getFormProps,
  getInputProps,
  getSelectProps,
  useForm,
  type DefaultValue,
  type Submission,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import { type z } from "zod";
import { CALL_SCRIPT_FIELDS } from "~/outreach/call-script";
import {
  editorSchema,
  LETTER_MERGE_FIELDS,
  LIST_FIELDS,
  LIST_KINDS,
  VACANCY_STATUSES,
  VacancyFormSchema,
  type EditorResult,
  type ListReport,
  type VacancyForm,
} from "~/sourcing/vacancy-form";
import { Button, ErrorList, Field, FormError, SelectField, TextareaField } from "./form";

type Person = { id: string; name: string };
type FormInput = z.input<typeof VacancyFormSchema>;
export type EditorOptions = {
  team: { recruiterId: Person[]; hiringManagerId: Person[]; departmentHeadId: Person[] };
  vacancies: Array<{ id: string; title: string; city: string }>;
};


/** What happened to each line at the last save: found by name, by an alias, or added. */
export function ListReportPanel({ report }: { report: ListReport }) {
  const { t } = useTranslation();
  const empty = LIST_KINDS.every((kind) => report[kind].length === 0);
  return (
    <section className="notice" aria-labelledby="list-report-title">
      <p>
        <strong>{t("vacancyEditor.saved")}</strong>
      </p>
      <h2 id="list-report-title">{t("vacancyEditor.report.title")}</h2>
      {empty ? <p className="muted">{t("vacancyEditor.report.empty")}</p> : null}
      {LIST_KINDS.filter((kind) => report[kind].length).map((kind) => (
        <div key={kind} className="company-list">
          <h3>{t(`vacancyEditor.fields.${LIST_FIELDS[kind]}`)}</h3>
          <ul>
            {report[kind].map((m) => (
              <li key={m.companyId}>
                {m.line}
                {m.line !== m.name ? ` → ${m.name}` : ""}
                {": "}
                <span className={m.via === "created" ? undefined : "muted"}>
                  {m.via === "alias"
                    ? t("vacancyEditor.report.byAlias", { alias: m.alias ?? m.line })
                    : t(`vacancyEditor.report.${m.via === "created" ? "created" : "byName"}`)}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

export function VacancyEditorForm({
  options,
  defaultValue,
  actionData,
  cancelTo,
}: {
  options: EditorOptions;
  defaultValue: DefaultValue<FormInput>;
  actionData: EditorResult | undefined;
  cancelTo: string;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const [form, fields] = useForm<FormInput, VacancyForm>({
    id: "vacancy-editor",
    lastResult: actionData?.result,
    defaultValue,
    constraint: getZodConstraint(VacancyFormSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    // The copy button only needs a vacancy chosen; the rest may still be half-typed.
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: editorSchema(formData.get("intent")) }) as Submission<FormInput, string[], VacancyForm>,
  });
  const text = (name: "title" | "city" | "industry" | "niche" | "salaryMinRub" | "salaryMaxRub" | "salaryCeilingRub", hint?: string) => (
    <Field
      label={t(`vacancyEditor.fields.${name}`)}
      hint={hint}
      errors={fields[name].errors}
      inputProps={{
        ...getInputProps(fields[name], { type: "text" }),
        inputMode: name.endsWith("Rub") ? "numeric" : undefined,
      }}
    />
  );
  const team = (name: keyof EditorOptions["team"]) => (
    <SelectField
      label={t(`vacancyEditor.fields.${name}`)}
      placeholder={t("vacancyEditor.fields.nobody")}
      options={options.team[name].map((u) => ({ value: u.id, label: u.name }))}
      errors={fields[name].errors}
      selectProps={getSelectProps(fields[name])}
    />
  );
  const list = (name: "targetCompanies" | "excludedCompanies" | "adjacentCompanies" | "adjacentNiches", hint: string) => (
    <TextareaField label={t(`vacancyEditor.fields.${name}`)} hint={hint} errors={fields[name].errors} meta={fields[name]} rows={8} />
  );
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormError id={form.errorId} errors={form.errors} />
      {/* A grid's last <div> spans the row (app.css): each grid ends with its hint. */}
      <fieldset className="card form-grid">
        <legend>{t("vacancyEditor.sections.basics")}</legend>
        {text("title")}
        {text("city")}
        {text("industry")}
        {text("niche")}
        <Field
          label={t("vacancyEditor.fields.openings")}
          errors={fields.openings.errors}
          inputProps={{ ...getInputProps(fields.openings, { type: "number" }), min: 1, step: 1 }}
        />
        <SelectField
          label={t("vacancyEditor.fields.status")}
          options={VACANCY_STATUSES.map((s) => ({ value: s, label: t(`vacancyStatus.${s}`) }))}
          errors={fields.status.errors}
          selectProps={getSelectProps(fields.status)}
        />
        {text("salaryMinRub")}
        {text("salaryMaxRub")}
        <div className="field-hint">{t("vacancyEditor.hints.salary")}</div>
      </fieldset>
      <fieldset className="card form-grid">
        <legend>{t("vacancyEditor.sections.team")}</legend>
        {team("recruiterId")}
        {team("hiringManagerId")}
        {team("departmentHeadId")}
        <div className="field-hint">{t("vacancyEditor.hints.team")}</div>
      </fieldset>
      <fieldset className="card">
        <legend>{t("vacancyEditor.sections.texts")}</legend>
        <TextareaField label={t("vacancyEditor.fields.description")} hint={t("vacancyEditor.hints.description")} errors={fields.description.errors} meta={fields.description} rows={6} />
        <TextareaField
          label={t("vacancyEditor.fields.sellingLetter")}
          hint={t("vacancyEditor.hints.sellingLetter", { fields: LETTER_MERGE_FIELDS.map((f) => `{{${f}}}`).join(", ") })}
          errors={fields.sellingLetter.errors}
          meta={fields.sellingLetter}
          rows={12}
        />
        <TextareaField
          label={t("vacancyEditor.fields.callScript")}
          hint={t("vacancyEditor.hints.callScript", { fields: CALL_SCRIPT_FIELDS.map((f) => `{{${f}}}`).join(", ") })}
          errors={fields.callScript.errors}
          meta={fields.callScript}
          rows={12}
        />
      </fieldset>
      <fieldset className="card">
        <legend>{t("vacancyEditor.sections.lists")}</legend>
        {actionData?.copiedFrom ? (
          <p className="notice" role="status">
            {t("vacancyEditor.copy.done", { title: actionData.copiedFrom })}
          </p>
        ) : null}
        <div className="filters filters-hinted">
          <SelectField
            label={t("vacancyEditor.copy.label")}
            placeholder={t("vacancyEditor.copy.choose")}
            hint={t("vacancyEditor.copy.hint")}
            options={options.vacancies.map((v) => ({ value: v.id, label: `${v.title} · ${v.city}` }))}
            errors={form.allErrors.copyFrom}
            selectProps={{ name: "copyFrom", defaultValue: "" }}
          />
          <Button type="submit" name="intent" value="copy" variant="secondary" formNoValidate>
            {t("vacancyEditor.copy.submit")}
          </Button>
        </div>
        <div className="form-grid">
          {list("targetCompanies", t("vacancyEditor.hints.companies"))}
          {list("excludedCompanies", t("vacancyEditor.hints.excluded"))}
          {list("adjacentCompanies", t("vacancyEditor.hints.companies"))}
          {list("adjacentNiches", t("vacancyEditor.hints.niches"))}
        </div>
      </fieldset>
      <fieldset className="card form-grid">
        <legend>{t("vacancyEditor.sections.mustHaves")}</legend>
        <div className="field">
          <label className="checkbox">
            <input {...getInputProps(fields.requireLocal, { type: "checkbox" })} />
            {t("vacancyEditor.fields.requireLocal")}
          </label>
          <ErrorList errors={fields.requireLocal.errors} />
        </div>
        {text("salaryCeilingRub")}
        <div className="field-hint">{t("vacancyEditor.hints.salaryCeiling")}</div>
      </fieldset>
      <div className="page-actions">
        <Button type="submit" name="intent" value="save" disabled={navigation.state === "submitting"}>
          {t("vacancyEditor.save")}
        </Button>
        <Link to={cancelTo} className="button button-ghost">
          {t("vacancyEditor.cancel")}
        </Link>
      </div>
    </Form>
  );
}
