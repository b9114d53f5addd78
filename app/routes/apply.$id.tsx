import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { clientIp } from "~/auth/sign-in.server";
import { formatRubRange } from "~/i18n/format";
import { ApplyFormSchema, HONEYPOT_FIELD, submittedFields } from "~/sourcing/intake";
import { ApplyRefused, openVacancy, requestLocale, submitApplication } from "~/sourcing/intake.server";
import { Button, ErrorList, FormError } from "~/ui/form";
import { dataTitle, i18nFor } from "~/ui/i18n-instance";
import { PageHeader } from "~/ui/page";
import { JobRows, PersonFields } from "~/ui/person-form-fields";
import { useLocale } from "~/ui/use-locale";
import { invariantResponse } from "~/utils/http";

/**
 * The public apply page of an open vacancy: no sign-in. Candidates read the
 * description, leave their contacts and work history and consent to processing;
 * the page then thanks them in the language their browser asks for.
 */
export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  dataTitle(matches, data?.vacancy.title, "intake.apply.formTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Public by design (candidates never sign in): only open vacancies exist here.
  const vacancy = await openVacancy(params.id ?? "");
  invariantResponse(vacancy, "Vacancy not found");
  return json({ vacancy, sent: new URL(request.url).searchParams.has("sent") });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const vacancy = await openVacancy(params.id ?? "");
  invariantResponse(vacancy, "Vacancy not found");
  const thanks = redirect(`/apply/${vacancy.id}?sent=1`);
  const formData = await request.formData();
  // A bot filled the hidden field: it sees the usual thank-you, nothing is stored.
  if (String(formData.get(HONEYPOT_FIELD) ?? "").trim()) return thanks;
  const submission = parseWithZod(formData, { schema: ApplyFormSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const locale = await requestLocale(request);
  try {
    await submitApplication({
      vacancyId: vacancy.id,
      form: submission.value,
      raw: submittedFields(formData),
      consentText: i18nFor(locale).t("intake.apply.consentText"),
      ip: clientIp(context),
    });
  } catch (error) {
    if (!(error instanceof ApplyRefused)) throw error;
    invariantResponse(error.problem !== "closed", "Vacancy not found");
    return json(submission.reply({ formErrors: ["intake.apply.tooMany"] }), { status: 429, headers: { "Retry-After": "3600" } });
  }
  return thanks;
}

export default function ApplyPage() {
  const { vacancy, sent } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const locale = useLocale();
  const [form, fields] = useForm({
    id: "apply",
    lastResult,
    constraint: getZodConstraint(ApplyFormSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ApplyFormSchema }),
  });
  const salary = vacancy.salaryMinRub !== null || vacancy.salaryMaxRub !== null;
  const description = [
    t("intake.apply.location", { city: vacancy.city }),
    salary ? t("intake.apply.salary", { range: formatRubRange(vacancy.salaryMinRub, vacancy.salaryMaxRub, locale) }) : null,
  ]
    .filter(Boolean)
    .join(" · ");

  if (sent) {
    return (
      <section className="card" aria-live="polite">
        <h1>{t("intake.apply.thanksTitle")}</h1>
        <p>{t("intake.apply.thanks", { title: vacancy.title })}</p>
      </section>
    );
  }
  return (
    <>
      <PageHeader title={vacancy.title} description={description} />
      {vacancy.description ? <p className="vacancy-description">{vacancy.description}</p> : null}
      <section className="card" aria-labelledby="apply-title">
        <h2 id="apply-title">{t("intake.apply.formTitle")}</h2>
        <p className="muted">{t("intake.apply.intro")}</p>
        <Form method="post" {...getFormProps(form)} className="form-grid">
          <FormError id={form.errorId} errors={form.errors} />
          <PersonFields fields={fields} contactRequired />
          <JobRows formId={form.id} initialValue={fields.jobs.initialValue} allErrors={form.allErrors} />
          <div className="visually-hidden" aria-hidden="true">
            <label htmlFor="apply-website">{t("intake.apply.honeypot")}</label>
            <input id="apply-website" name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" />
          </div>
          <fieldset className="field">
            <legend>{t("intake.apply.consentTitle")}</legend>
            <p className="field-hint">{t("intake.apply.consentText")}</p>
            <label className="checkbox">
              <input {...getInputProps(fields.consent, { type: "checkbox" })} required />
              {t("intake.apply.consentLabel")}
            </label>
            <ErrorList id={fields.consent.errorId} errors={fields.consent.errors} />
            <p className="field-hint">{t("intake.apply.privacy")}</p>
          </fieldset>
          <div>
            <Button type="submit" disabled={navigation.state === "submitting"}>
              {t("intake.apply.submit")}
            </Button>
          </div>
        </Form>
      </section>
    </>
  );
}
