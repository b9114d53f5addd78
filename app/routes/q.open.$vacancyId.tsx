import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useParams } from "@remix-run/react";
import { z } from "zod";
import { getOptionalUser, requestLocale } from "~/auth/session.server";
import { clientIp } from "~/auth/sign-in.server";
import { questionnaireConsent } from "~/questionnaires/consent.server";
import { openLinkPage } from "~/questionnaires/form-page.server";
import { fieldErrors, FORM_FIELDS, formValues, MAX_QUESTIONNAIRE_BODY_BYTES, postedPerson } from "~/questionnaires/submission";
import { submitOpenResponse } from "~/questionnaires/submit.server";
import { openVacancy, refuseApplication } from "~/sourcing/intake.server";
import styles from "~/styles/questionnaire-form.css";
import { dataTitle } from "~/ui/i18n-instance";
import { draftKey } from "~/ui/questionnaire-draft";
import { QuestionnaireErrorPage, QuestionnaireForm, QuestionnaireNotice } from "~/ui/questionnaire-form";
import { useTranslation } from "~/ui/use-translation";
import { BodyTooLarge, readFormData } from "~/utils/body-limit.server";
import { invariantResponse } from "~/utils/http";

/**
 * A vacancy's open questionnaire link (/q/open/<vacancyId>) for inbound candidates:
 * public, only for an open vacancy with a questionnaire. The person gives their name
 * and an e-mail or phone, then answers; they become a candidate the way the apply
 * page makes one, within its hourly limit per address, and every post is thanked
 * alike (?done=1), so the page never tells whether someone's e-mail is known.
 */
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  ...dataTitle(matches, data?.vacancy.title, "questionnaireForm.open.title"),
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Public by design (candidates never sign in): only open vacancies with a questionnaire exist here.
  const page = await openLinkPage(params.vacancyId ?? "");
  invariantResponse(page, "Not found");
  const { text, textSha256 } = questionnaireConsent(requestLocale(request, await getOptionalUser(request)));
  return json({
    vacancy: page.vacancy,
    version: page.version,
    consent: { text, version: textSha256 },
    done: new URL(request.url).searchParams.has("done"),
  });
}

const echo = (formData: FormData) => parseWithZod(formData, { schema: z.any() });
const one = (value: unknown) => (typeof value === "string" ? value : "");

export async function action({ request, params, context }: ActionFunctionArgs) {
  // Public by design: submitOpenResponse checks the vacancy, the limit and every answer.
  const vacancy = await openVacancy(params.vacancyId ?? "");
  invariantResponse(vacancy, "Not found");
  const ip = clientIp(context);
  const thanks = redirect(`/q/open/${encodeURIComponent(vacancy.id)}?done=1`);
  let formData: FormData;
  try {
    formData = await readFormData(request, MAX_QUESTIONNAIRE_BODY_BYTES);
  } catch (error) {
    if (!(error instanceof BodyTooLarge)) throw error;
    await refuseApplication({ vacancyId: vacancy.id, ip, problem: "too-large" });
    throw json({ problem: "too-large" }, { status: 413 });
  }
  if (String(formData.get(FORM_FIELDS.honeypot) ?? "").trim()) {
    await refuseApplication({ vacancyId: vacancy.id, ip, problem: "honeypot" });
    return thanks;
  }
  const values = formValues(formData);
  const outcome = await submitOpenResponse({
    vacancyId: vacancy.id,
    person: postedPerson(values),
    versionId: one(values[FORM_FIELDS.versionId]),
    versionStamp: one(values[FORM_FIELDS.versionStamp]) || null,
    raw: values,
    consentVersion: values[FORM_FIELDS.consentGiven] ? one(values[FORM_FIELDS.consentVersion]) || null : null,
    locale: requestLocale(request, await getOptionalUser(request)),
    ip,
  });
  switch (outcome.status) {
    case "submitted":
    case "answered":
      return thanks;
    case "not-found":
      throw new Response("Not found", { status: 404, statusText: "Not found" });
    case "too-many":
      return json(echo(formData).reply({ formErrors: ["questionnaireForm.errors.tooMany"] }), { status: 429, headers: { "Retry-After": "3600" } });
    case "invalid":
      return json(echo(formData).reply({ fieldErrors: fieldErrors(outcome.errors), formErrors: ["questionnaireForm.errors.fixBelow"] }), { status: 400 });
    case "version-changed":
      return json(echo(formData).reply({ formErrors: ["questionnaireForm.versionChanged"] }), { status: 409 });
  }
}

export default function OpenQuestionnairePage() {
  const { vacancy, version, consent, done } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation();
  const key = draftKey({ vacancyId: vacancy.id });
  if (done) {
    return (
      <div className="qf">
        <QuestionnaireNotice title={t("questionnaireForm.thanksTitle")} message={t("questionnaireForm.open.thanks", { title: vacancy.title })} clearDraft={key} />
      </div>
    );
  }
  return (
    <div className="qf">
      <header className="qf-header">
        <p className="muted">{t("questionnaireForm.vacancy", { title: vacancy.title })}</p>
        <h1>{t("questionnaireForm.greetingAnonymous")}</h1>
        <p>{t("questionnaireForm.open.intro")}</p>
        <p className="field-hint">{t("questionnaireForm.intro")}</p>
      </header>
      <section className="card" aria-label={t("questionnaireForm.open.title")}>
        <QuestionnaireForm mode="open" version={version} consent={consent} lastResult={lastResult} draftKey={key} />
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  const { vacancyId = "" } = useParams();
  const { t } = useTranslation();
  return <QuestionnaireErrorPage formPath={`/q/open/${encodeURIComponent(vacancyId)}`} notFound={{ title: t("errors.notFoundTitle"), message: t("errors.notFound") }} />;
}
