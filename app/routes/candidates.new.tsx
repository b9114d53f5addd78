import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import { requireAccess } from "~/auth/session.server";
import { ENTRY_KINDS, ManualEntrySchema, submittedFields } from "~/sourcing/intake";
import { addManualCandidate, ManualEntryRefused } from "~/sourcing/intake.server";
import { listVacancyOptions } from "~/sourcing/vacancies.server";
import { Button, ErrorList, Field, FormError, SelectField } from "~/ui/form";
import { pageTitle } from "~/ui/i18n-instance";
import { PageHeader } from "~/ui/page";
import { JobRows, PersonFields } from "~/ui/person-form-fields";

/**
 * Adding a candidate by hand: found by the recruiter, referred by someone, or an
 * employee (the method's internal route). The person goes through ingest like any
 * import, so someone already known by e-mail or phone gets this as one more source.
 */
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "intake.manual.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAccess(request, "candidateEdit");
  const vacancies = (await listVacancyOptions()).filter((v) => v.status !== "CLOSED");
  const requested = new URL(request.url).searchParams.get("vacancy");
  return json({ vacancies, vacancyId: vacancies.some((v) => v.id === requested) ? requested : null });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAccess(request, "candidateEdit");
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: ManualEntrySchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  try {
    const { candidateId } = await addManualCandidate({ form: submission.value, actor: user, raw: submittedFields(formData) });
    return redirect(`/candidates/${candidateId}`);
  } catch (error) {
    if (!(error instanceof ManualEntryRefused)) throw error;
    return json(submission.reply({ fieldErrors: { vacancyId: ["validation.invalidChoice"] } }), { status: 400 });
  }
}

export default function NewCandidate() {
  const { vacancies, vacancyId } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "new-candidate",
    lastResult,
    constraint: getZodConstraint(ManualEntrySchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ManualEntrySchema }),
    defaultValue: { kind: "MANUAL", vacancyId: vacancyId ?? "" },
  });
  const kind = fields.kind.value ?? "MANUAL";
  const text = (name: "referrerName" | "referrerContact" | "department") => (
    <Field
      className="field-grow"
      label={t(`intake.manual.${name}`)}
      errors={fields[name].errors}
      inputProps={getInputProps(fields[name], { type: "text" })}
    />
  );
  return (
    <>
      <p className="breadcrumb">
        <Link to="/candidates">← {t("candidates.title")}</Link>
      </p>
      <PageHeader title={t("intake.manual.title")} description={t("intake.manual.intro")} />
      <section className="card">
        <Form method="post" {...getFormProps(form)} className="form-grid">
          <FormError id={form.errorId} errors={form.errors} />
          <fieldset className="field">
            <legend>{t("intake.manual.kind")}</legend>
            {ENTRY_KINDS.map((value) => (
              <label key={value} className="checkbox">
                <input type="radio" name={fields.kind.name} value={value} defaultChecked={fields.kind.initialValue === value} />
                {t(`intake.manual.kinds.${value}`)}
              </label>
            ))}
            <ErrorList errors={fields.kind.errors} />
          </fieldset>
          <PersonFields fields={fields} contactRequired={false} />
          <fieldset className="field">
            <legend>{t("intake.manual.kinds.REFERRAL")}</legend>
            <div className="filters">
              {text("referrerName")}
              {text("referrerContact")}
            </div>
          </fieldset>
          <fieldset className="field">
            <legend>{t("intake.manual.kinds.INTERNAL")}</legend>
            <p className="field-hint">{t("intake.manual.internalHint")}</p>
            <div className="filters">{text("department")}</div>
          </fieldset>
          <JobRows formId={form.id} initialValue={fields.jobs.initialValue} allErrors={form.allErrors} />
          <SelectField
            label={t("intake.manual.vacancy")}
            placeholder={t("intake.manual.noVacancy")}
            options={vacancies.map((v) => ({ value: v.id, label: `${v.title} · ${v.city}` }))}
            errors={fields.vacancyId.errors}
            selectProps={getSelectProps(fields.vacancyId)}
          />
          <fieldset className="field">
            <legend>{t("intake.apply.consentTitle")}</legend>
            <label className="checkbox">
              <input {...getInputProps(fields.consent, { type: "checkbox" })} />
              {t("intake.manual.consentLabel")}
            </label>
            <p className="field-hint">{t(kind === "INTERNAL" ? "intake.manual.internalConsent" : "intake.manual.consentHint")}</p>
            <ErrorList id={fields.consent.errorId} errors={fields.consent.errors} />
          </fieldset>
          <div>
            <Button type="submit" disabled={navigation.state === "submitting"}>
              {t("intake.manual.submit")}
            </Button>
          </div>
        </Form>
      </section>
    </>
  );
}
