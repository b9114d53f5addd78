import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { CONTACT_CHANNELS, CONTACT_DIRECTIONS, CONTACT_LOG_INTENT, ContactLogSchema, MAX_CONTACT_TEXT } from "~/outreach/contact-log";
import { useTranslation } from "~/ui/use-translation";
import { Button, ErrorList, Field, FormError, SelectField } from "./form";
import { Section } from "./page";

type Application = { id: string; vacancy: { title: string } };

/**
 * "Log a message" on the candidate's profile: an SMS, a messenger chat, a reply…
 * sent or received outside the product, so the timeline has the whole conversation.
 * `savedId` (the last one saved) starts the form afresh after each save.
 */
export function ContactLogForm({ applications, savedId }: { applications: readonly Application[]; savedId: string | null }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const actionData = useActionData<SubmissionResult<string[]>>();
  const mine = (actionData?.initialValue as { intent?: string } | undefined)?.intent === CONTACT_LOG_INTENT;
  const [form, fields] = useForm({
    id: `contact-log-${savedId ?? "new"}`,
    lastResult: mine ? actionData : undefined,
    constraint: getZodConstraint(ContactLogSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ContactLogSchema }),
    defaultValue: { channel: "SMS", direction: "OUTBOUND" },
  });
  return (
    <Section id="contact-log" title={t("contactLog.form.title")}>
      <p className="muted">{t("contactLog.form.intro")}</p>
      {savedId ? (
        <div className="notice" role="status">
          {t("contactLog.form.saved")}
        </div>
      ) : null}
      <Form method="post" {...getFormProps(form)} key={form.id}>
        <FormError id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value={CONTACT_LOG_INTENT} />
        <div className="form-grid">
          <SelectField
            label={t("contactLog.form.channel")}
            options={CONTACT_CHANNELS.map((value) => ({ value, label: t(`contactLog.channels.${value}`) }))}
            errors={fields.channel.errors}
            selectProps={getSelectProps(fields.channel)}
          />
          <SelectField
            label={t("contactLog.form.direction")}
            options={CONTACT_DIRECTIONS.map((value) => ({ value, label: t(`contactLog.directions.${value}`) }))}
            errors={fields.direction.errors}
            selectProps={getSelectProps(fields.direction)}
          />
          <Field
            label={t("contactLog.form.occurredAt")}
            hint={t("contactLog.form.occurredAtHint")}
            errors={fields.occurredAt.errors}
            inputProps={getInputProps(fields.occurredAt, { type: "datetime-local" })}
          />
          {applications.length ? (
            <SelectField
              label={t("contactLog.form.vacancy")}
              placeholder={t("contactLog.form.noVacancy")}
              options={applications.map((a) => ({ value: a.id, label: a.vacancy.title }))}
              errors={fields.applicationId.errors}
              selectProps={getSelectProps(fields.applicationId)}
            />
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={fields.body.id}>{t("contactLog.form.body")}</label>
          <textarea
            {...getTextareaProps(fields.body)}
            rows={4}
            maxLength={MAX_CONTACT_TEXT}
            aria-describedby={[fields.body.descriptionId, fields.body.errors ? fields.body.errorId : ""].join(" ").trim()}
          />
          <p id={fields.body.descriptionId} className="field-hint">
            {t("contactLog.form.bodyHint", { max: MAX_CONTACT_TEXT })}
          </p>
          <ErrorList id={fields.body.errorId} errors={fields.body.errors} />
        </div>
        <div>
          <Button type="submit" variant="secondary" disabled={navigation.state === "submitting"}>
            {t("contactLog.form.submit")}
          </Button>
        </div>
      </Form>
    </Section>
  );
}
