import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import { PersonalDataSchema, type PersonalDataChange } from "~/sourcing/personal-data";
import { DateText } from "./dates";
import { Button, ErrorList, FormError } from "./form";
import { Section } from "./page";

type AuditRow = {
  id: string;
  action: string;
  reason: string | null;
  createdAt: string;
  actorName: string | null;
  vacancy: { id: string; title: string | null } | null;
  consentVersion: string | null;
  /** An apply-page consent that belongs to this source record, not to the person. */
  sourceRecordId: string | null;
};

/** Consent is withdrawn when the latest consent entry says so (the trail is newest first). */
function consentWithdrawn(trail: readonly AuditRow[]): boolean {
  return trail.find((e) => e.action === "candidate.consent-given" || e.action === "candidate.consent-withdraw")?.action === "candidate.consent-withdraw";
}

/**
 * A candidate's rights over their data: stop contacting them, withdraw their consent,
 * or erase them, and the history of each (consent given, to which vacancy and which
 * version of the text, and withdrawn). Shown to everyone who can open the profile;
 * the forms only to those who may change it.
 */
export function PersonalDataPanel({
  erased,
  doNotContact,
  canManage,
  auditTrail,
}: {
  erased: boolean;
  doNotContact: boolean;
  canManage: boolean;
  auditTrail: AuditRow[];
}) {
  const { t } = useTranslation();
  return (
    <Section id="personal-data" title={t("personalData.title")}>
      {canManage && !erased ? (
        <div className="grid-2">
          <ChangeForm intent={doNotContact ? "allow-contact" : "do-not-contact"} />
          {consentWithdrawn(auditTrail) ? null : <ChangeForm intent="withdraw-consent" />}
          <ChangeForm intent="erase" />
        </div>
      ) : null}
      <h3>{t("personalData.trail")}</h3>
      {auditTrail.length ? (
        <ol className="timeline" aria-label={t("personalData.trail")}>
          {auditTrail.map((entry) => (
            <li key={entry.id}>
              <DateText value={entry.createdAt} withTime />: <strong>{t(`auditActions.${entry.action}`, entry.action)}</strong>
              {entry.vacancy ? <span className="muted"> · {t("personalData.forVacancy", { title: entry.vacancy.title ?? entry.vacancy.id })}</span> : null}
              {entry.consentVersion ? <span className="muted"> · {t("personalData.textVersion", { version: entry.consentVersion })}</span> : null}
              {entry.sourceRecordId ? (
                <span className="muted">
                  {" · "}
                  <a href={`#source-${entry.sourceRecordId}`}>{t("personalData.ofSourceRecord")}</a>
                </span>
              ) : null}
              {entry.actorName ? <span className="muted"> · {entry.actorName}</span> : null}
              {entry.reason ? <span className="muted"> · {entry.reason}</span> : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t("personalData.noTrail")}</p>
      )}
    </Section>
  );
}

function ChangeForm({ intent }: { intent: PersonalDataChange["intent"] }) {
  const { t } = useTranslation();
  const actionData = useActionData<SubmissionResult<string[]>>();
  const mine = (actionData?.initialValue as { intent?: string } | undefined)?.intent === intent;
  const [form, fields] = useForm({
    id: `personal-data-${intent}`,
    lastResult: mine ? actionData : undefined,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PersonalDataSchema }),
  });
  const allFields = fields as unknown as Record<"reason" | "confirm", Parameters<typeof getInputProps>[0]>;
  return (
    <Form method="post" {...getFormProps(form)} className="card stack-tight">
      <h3>{t(`personalData.${intent}.title`)}</h3>
      <p className="muted">{t(`personalData.${intent}.explain`)}</p>
      <FormError id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value={intent} />
      <div className="field">
        <label htmlFor={allFields.reason.id}>{t("personalData.reason")}</label>
        <textarea
          {...getTextareaProps(allFields.reason)}
          rows={2}
          aria-describedby={allFields.reason.errors ? allFields.reason.errorId : undefined}
        />
        {intent === "erase" ? <p className="field-hint">{t("personalData.erase.reasonHint")}</p> : null}
        <ErrorList id={allFields.reason.errorId} errors={allFields.reason.errors} />
      </div>
      {intent === "erase" ? (
        <div className="field">
          <label className="checkbox">
            <input {...getInputProps(allFields.confirm, { type: "checkbox" })} />
            {t("personalData.erase.confirm")}
          </label>
          <ErrorList id={allFields.confirm.errorId} errors={allFields.confirm.errors} />
        </div>
      ) : null}
      <div>
        <Button type="submit" variant={intent === "erase" ? "danger" : "secondary"}>
          {t(`personalData.${intent}.submit`)}
        </Button>
      </div>
    </Form>
  );
}
