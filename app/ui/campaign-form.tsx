import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import { LOCALES } from "~/i18n/i18n";
import { CampaignFormFields, CampaignFormSchema, RATE_PER_HOUR, RATE_PER_MINUTE, WEEKDAYS, type CampaignForm, type CampaignFormInput } from "~/outreach/campaign-form";
import { STAGES } from "~/pipeline/stages";
import { SOURCES } from "~/sourcing/record";
import { TIERS } from "~/sourcing/tiers";
import { Button, CheckboxGroup, Field, FormError, SelectField } from "./form";

export type TemplateOption = { id: string; name: string; kind: string; locales: readonly string[] };
export type VacancyOption = { id: string; title: string; city: string };

type Values = Record<string, string | string[]>;

/** All of a field's errors (an array field's errors sit on its items too). */
const allErrors = (meta: { allErrors: Record<string, string[]> }) => [...new Set(Object.values(meta.allErrors).flat())];

/**
 * The campaign form: new (with the vacancy) and a draft's edit (vacancy fixed). Each
 * problem shows next to its field; what was typed stays after a refusal.
 */
export function CampaignEditor({
  id,
  defaultValue,
  lastResult,
  templates,
  vacancies,
  memberCount,
  submitLabel,
  cancelTo,
}: {
  id: string;
  defaultValue: Values;
  lastResult: SubmissionResult<string[]> | undefined;
  templates: readonly TemplateOption[];
  /** Only the new form chooses a vacancy. */
  vacancies?: readonly VacancyOption[];
  memberCount?: number;
  submitLabel: string;
  cancelTo?: string;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const [form, fields] = useForm<CampaignFormInput, CampaignForm>({
    id,
    lastResult,
    defaultValue,
    constraint: getZodConstraint(CampaignFormFields),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CampaignFormSchema }),
  });
  const initial = (name: string) => {
    const value = (fields as unknown as Record<string, { initialValue?: unknown }>)[name]?.initialValue;
    return Array.isArray(value) ? (value as string[]) : typeof value === "string" ? [value] : [];
  };
  const mode = fields.audienceMode.value ?? (defaultValue.audienceMode as string | undefined) ?? "filter";
  const windowOn = (fields.windowEnabled.value ?? defaultValue.windowEnabled) === "on";
  const templateLabel = (tpl: TemplateOption) =>
    `${tpl.name} — ${t(`campaigns.templateKinds.${tpl.kind}`)} (${tpl.locales.map((l) => l.toUpperCase()).join(", ") || "—"})`;

  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormError id={form.errorId} errors={form.errors} />
      <fieldset className="card form-grid">
        <legend>{t("campaigns.sections.basics")}</legend>
        <Field
          label={t("campaigns.fields.name")}
          hint={t("campaigns.fields.nameHint")}
          errors={fields.name.errors}
          inputProps={getInputProps(fields.name, { type: "text" })}
        />
        {vacancies ? (
          <SelectField
            label={t("campaigns.fields.vacancyId")}
            placeholder={t("campaigns.fields.chooseVacancy")}
            options={vacancies.map((v) => ({ value: v.id, label: `${v.title}, ${v.city}` }))}
            errors={fields.vacancyId.errors}
            selectProps={getSelectProps(fields.vacancyId)}
          />
        ) : null}
        <SelectField
          label={t("campaigns.fields.templateId")}
          placeholder={t("campaigns.fields.chooseTemplate")}
          hint={templates.length ? t("campaigns.fields.templateHint") : t("campaigns.fields.noTemplates")}
          options={templates.map((tpl) => ({ value: tpl.id, label: templateLabel(tpl) }))}
          errors={fields.templateId.errors}
          selectProps={getSelectProps(fields.templateId)}
        />
        <SelectField
          label={t("campaigns.fields.locale")}
          options={LOCALES.map((l) => ({ value: l, label: t(`campaigns.locales.${l}`) }))}
          errors={fields.locale.errors}
          selectProps={getSelectProps(fields.locale)}
        />
        <div>
          <Link to="/outreach/templates">{t("campaigns.outreachNav.templates")}</Link>
        </div>
      </fieldset>

      <fieldset className="card form-grid">
        <legend>{t("campaigns.sections.audience")}</legend>
        <SelectField
          label={t("campaigns.fields.audienceMode")}
          options={(["filter", "list"] as const).map((m) => ({ value: m, label: t(`campaigns.audienceModes.${m}`) }))}
          errors={fields.audienceMode.errors}
          selectProps={getSelectProps(fields.audienceMode)}
        />
        {mode === "list" ? (
          <div>
            <p className="field-hint">{t("campaigns.listHint", { count: memberCount ?? 0 })}</p>
          </div>
        ) : (
          <>
            <CheckboxGroup
              legend={t("campaigns.fields.stages")}
              name={fields.stages.name}
              options={STAGES.map((s) => ({ value: s, label: t(`stages.${s}`) }))}
              defaultValue={initial("stages")}
              errors={allErrors(fields.stages)}
            />
            <CheckboxGroup
              legend={`${t("campaigns.fields.tiers")} (${t("campaigns.fields.tiersHint")})`}
              name={fields.tiers.name}
              options={TIERS.map((tier) => ({ value: tier, label: t(`tiers.${tier}`) }))}
              defaultValue={initial("tiers")}
              errors={allErrors(fields.tiers)}
            />
            <CheckboxGroup
              legend={`${t("campaigns.fields.sources")} (${t("campaigns.fields.sourcesHint")})`}
              name={fields.sources.name}
              options={SOURCES.map((s) => ({ value: s, label: t(`sources.${s}`) }))}
              defaultValue={initial("sources")}
              errors={allErrors(fields.sources)}
            />
            <Field
              label={t("campaigns.fields.tags")}
              hint={t("campaigns.fields.tagsHint")}
              errors={fields.tags.errors}
              inputProps={getInputProps(fields.tags, { type: "text" })}
            />
          </>
        )}
      </fieldset>

      <fieldset className="card form-grid">
        <legend>{t("campaigns.sections.limits")}</legend>
        <Field
          label={t("campaigns.fields.ratePerMinute")}
          errors={fields.ratePerMinute.errors}
          inputProps={{ ...getInputProps(fields.ratePerMinute, { type: "number" }), min: RATE_PER_MINUTE.min, max: RATE_PER_MINUTE.max, step: 1 }}
        />
        <Field
          label={t("campaigns.fields.ratePerHour")}
          errors={fields.ratePerHour.errors}
          inputProps={{ ...getInputProps(fields.ratePerHour, { type: "number" }), min: RATE_PER_HOUR.min, max: RATE_PER_HOUR.max, step: 1 }}
        />
        <div>
          <p className="field-hint">{t("campaigns.fields.rateHint")}</p>
        </div>
      </fieldset>

      <fieldset className="card form-grid">
        <legend>{t("campaigns.sections.schedule")}</legend>
        <div className="field">
          <label className="checkbox">
            <input {...getInputProps(fields.windowEnabled, { type: "checkbox" })} />
            {t("campaigns.fields.windowEnabled")}
          </label>
        </div>
        <Field
          label={t("campaigns.fields.windowStart")}
          errors={fields.windowStart.errors}
          inputProps={{ ...getInputProps(fields.windowStart, { type: "time" }), required: windowOn }}
        />
        <Field
          label={t("campaigns.fields.windowEnd")}
          errors={fields.windowEnd.errors}
          inputProps={{ ...getInputProps(fields.windowEnd, { type: "time" }), required: windowOn }}
        />
        <CheckboxGroup
          legend={t("campaigns.fields.windowDays")}
          name={fields.windowDays.name}
          options={WEEKDAYS.map((d) => ({ value: String(d), label: t(`campaigns.weekdays.${d}`) }))}
          defaultValue={initial("windowDays")}
          errors={allErrors(fields.windowDays)}
        />
        <Field
          label={t("campaigns.fields.scheduledAt")}
          hint={t("campaigns.fields.scheduledHint")}
          errors={fields.scheduledAt.errors}
          inputProps={getInputProps(fields.scheduledAt, { type: "datetime-local" })}
        />
        <div>
          <p className="field-hint">{t("campaigns.fields.windowHint")}</p>
        </div>
      </fieldset>

      <div className="page-actions">
        <Button type="submit" name="intent" value="save" disabled={navigation.state === "submitting"}>
          {submitLabel}
        </Button>
        {cancelTo ? (
          <Link to={cancelTo} className="button button-secondary">
            {t("common.cancel")}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
