import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, isRouteErrorResponse, Link, useActionData, useLoaderData, useNavigation, useParams, useRouteError } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import { getOptionalUser, requestLocale } from "~/auth/session.server";
import { clientIp } from "~/auth/sign-in.server";
import { formatRubRange } from "~/i18n/format";
import { APPLY_FIELDS, ApplyFormSchema, HONEYPOT_FIELD, MAX_APPLY_BODY_BYTES, MAX_APPLY_BODY_KB, submittedFields } from "~/sourcing/intake";
import {
  applyConsent,
  ApplyRefused,
  consentByVersion,
  openVacancy,
  refuseApplication,
  submitApplication,
} from "~/sourcing/intake.server";
import { Button, ErrorList, FormError } from "~/ui/form";
import { dataTitle } from "~/ui/i18n-instance";
import { ErrorPage, PageHeader } from "~/ui/page";
import { JobRows, PersonFields } from "~/ui/person-form-fields";
import { useLocale } from "~/ui/use-locale";
import { BodyTooLarge, readFormData } from "~/utils/body-limit.server";
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
  // The text shown and its version come from one place, so the consent kept is the one read.
  const { text, textSha256 } = applyConsent(requestLocale(request, await getOptionalUser(request)));
  return json({ vacancy, consent: { text, version: textSha256 }, sent: new URL(request.url).searchParams.has("sent") });
}

const tooMany = (reply: SubmissionResult<string[]>) => json(reply, { status: 429, headers: { "Retry-After": "3600" } });

/**
 * Every post counts toward the address's hourly limit, accepted or not: a body over
 * MAX_APPLY_BODY_KB is refused unread (413), a bot's trap field is thanked and
 * forgotten, a form that does not validate comes back with its errors (or 429 once
 * the address is over the limit), and only the declared fields of a valid one are kept.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const vacancy = await openVacancy(params.id ?? "");
  invariantResponse(vacancy, "Vacancy not found");
  const ip = clientIp(context);
  const thanks = redirect(`/apply/${vacancy.id}?sent=1`);
  let formData: FormData;
  try {
    formData = await readFormData(request, MAX_APPLY_BODY_BYTES);
  } catch (error) {
    if (!(error instanceof BodyTooLarge)) throw error;
    await refuseApplication({ vacancyId: vacancy.id, ip, problem: "too-large" });
    throw json({ problem: "too-large" }, { status: 413 });
  }
  if (String(formData.get(HONEYPOT_FIELD) ?? "").trim()) {
    await refuseApplication({ vacancyId: vacancy.id, ip, problem: "honeypot" });
    return thanks;
  }
  const submission = parseWithZod(formData, { schema: ApplyFormSchema });
  const consent = submission.status === "success" ? consentByVersion(submission.value.consentVersion) : null;
  if (submission.status !== "success" || !consent) {
    // A page shown before its consent text changed: the person reads the new one and agrees again.
    const reply = submission.status === "success" ? submission.reply({ fieldErrors: { consent: ["intake.errors.consentChanged"] } }) : submission.reply();
    const { limited } = await refuseApplication({ vacancyId: vacancy.id, ip, problem: "invalid" });
    return limited ? tooMany(submission.reply({ formErrors: ["intake.apply.tooMany"] })) : json(reply, { status: 400 });
  }
  try {
    await submitApplication({ vacancyId: vacancy.id, form: submission.value, fields: submittedFields(formData, APPLY_FIELDS), consent, ip });
  } catch (error) {
    if (!(error instanceof ApplyRefused)) throw error;
    invariantResponse(error.problem !== "closed", "Vacancy not found");
    return tooMany(submission.reply({ formErrors: ["intake.apply.tooMany"] }));
  }
  return thanks;
}

export default function ApplyPage() {
  const { vacancy, consent, sent } = useLoaderData<typeof loader>();
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
            <p className="field-hint">{consent.text}</p>
            <input type="hidden" name="consentVersion" value={consent.version} />
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

/** A body too large gets a page that says so; anything else what the app says everywhere. */
export function ErrorBoundary() {
  const error = useRouteError();
  const { id } = useParams();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, message] =
    status === 413
      ? [t("intake.apply.tooLargeTitle"), t("intake.apply.tooLarge", { max: MAX_APPLY_BODY_KB })]
      : status === 404
        ? [t("errors.notFoundTitle"), t("errors.notFound")]
        : [t("errors.unexpectedTitle"), t("errors.unexpected")];
  return (
    <ErrorPage status={status} title={title} message={message}>
      {status === 413 ? (
        <Link to={`/apply/${id ?? ""}`} className="button button-primary">
          {t("intake.apply.backToForm")}
        </Link>
      ) : (
        <Link to="/" className="button button-primary">
          {t("errors.backHome")}
        </Link>
      )}
    </ErrorPage>
  );
}
