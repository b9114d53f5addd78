import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useParams } from "@remix-run/react";
import { z } from "zod";
import { getOptionalUser, requestLocale } from "~/auth/session.server";
import { formatDate } from "~/i18n/format";
import { questionnaireConsent } from "~/questionnaires/consent.server";
import { invitePage } from "~/questionnaires/form-page.server";
import { fieldErrors, FORM_FIELDS, formValues, MAX_QUESTIONNAIRE_BODY_BYTES } from "~/questionnaires/submission";
import { submitResponse } from "~/questionnaires/submit.server";
import styles from "~/styles/questionnaire-form.css";
import { dataTitle } from "~/ui/i18n-instance";
import { draftKey } from "~/ui/questionnaire-draft";
import { QuestionnaireErrorPage, QuestionnaireForm, QuestionnaireNotice } from "~/ui/questionnaire-form";
import { useLocale } from "~/ui/use-locale";
import { useTranslation } from "~/ui/use-translation";
import { BodyTooLarge, readFormData } from "~/utils/body-limit.server";
import { invariantResponse } from "~/utils/http";

/**
 * A candidate's personal questionnaire link (/q/<token>): public, the token is the
 * key (only its hash is stored). It shows the form, or that the link expired (410),
 * was answered (200) or never existed (404); a submit that passes stores the answers
 * and thanks (?done=1). Refusals come back next to each field with everything kept.
 */
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  ...dataTitle(matches, data && "vacancyTitle" in data ? data.vacancyTitle : undefined, "questionnaireForm.title"),
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Public by design (candidates never sign in): what the token opens is all there is.
  const page = await invitePage(params.token ?? "");
  invariantResponse(page.status !== "not-found", "Not found");
  if (page.status === "expired") return json({ state: "expired" as const, vacancyTitle: page.vacancyTitle }, { status: 410 });
  if (page.status === "answered") {
    const done = new URL(request.url).searchParams.has("done");
    return json({ state: done ? ("thanks" as const) : ("answered" as const), vacancyTitle: page.vacancyTitle });
  }
  const { text, textSha256 } = questionnaireConsent(requestLocale(request, await getOptionalUser(request)));
  return json({
    state: "open" as const,
    vacancyTitle: page.vacancyTitle,
    firstName: page.firstName,
    expiresAt: page.expiresAt,
    version: page.version,
    consent: { text, version: textSha256 },
  });
}

/** A reply in Conform's shape without the questions' schema: the server's verdict came from submitResponse. */
const echo = (formData: FormData) => parseWithZod(formData, { schema: z.any() });
const one = (value: unknown) => (typeof value === "string" ? value : "");

export async function action({ request, params }: ActionFunctionArgs) {
  // Public by design: the token is the key, and submitResponse checks everything else.
  const token = params.token ?? "";
  let formData: FormData;
  try {
    formData = await readFormData(request, MAX_QUESTIONNAIRE_BODY_BYTES);
  } catch (error) {
    if (!(error instanceof BodyTooLarge)) throw error;
    throw json({ problem: "too-large" }, { status: 413 });
  }
  const values = formValues(formData);
  const outcome = await submitResponse({
    token,
    versionId: one(values[FORM_FIELDS.versionId]),
    versionStamp: one(values[FORM_FIELDS.versionStamp]) || null,
    raw: values,
    consentVersion: values[FORM_FIELDS.consentGiven] ? one(values[FORM_FIELDS.consentVersion]) || null : null,
    locale: requestLocale(request, await getOptionalUser(request)),
  });
  const page = `/q/${encodeURIComponent(token)}`;
  switch (outcome.status) {
    case "submitted":
    case "answered":
      return redirect(`${page}?done=1`);
    case "expired":
      return redirect(page);
    case "not-found":
      throw new Response("Not found", { status: 404, statusText: "Not found" });
    case "invalid":
      return json(echo(formData).reply({ fieldErrors: fieldErrors(outcome.errors), formErrors: ["questionnaireForm.errors.fixBelow"] }), { status: 400 });
    case "version-changed":
      // The loader runs again after the action and shows the new questions; the answers come back in the reply.
      return json(echo(formData).reply({ formErrors: ["questionnaireForm.versionChanged"] }), { status: 409 });
  }
}

export default function QuestionnairePage() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { token = "" } = useParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const key = draftKey({ token });

  if (data.state === "expired") {
    return (
      <div className="qf">
        <QuestionnaireNotice title={t("questionnaireForm.expiredTitle")} message={t("questionnaireForm.expired", { title: data.vacancyTitle })} />
      </div>
    );
  }
  if (data.state !== "open") {
    const thanks = data.state === "thanks";
    return (
      <div className="qf">
        <QuestionnaireNotice
          title={t(thanks ? "questionnaireForm.thanksTitle" : "questionnaireForm.answeredTitle")}
          message={t(thanks ? "questionnaireForm.thanks" : "questionnaireForm.answered", { title: data.vacancyTitle })}
          clearDraft={key}
        />
      </div>
    );
  }
  return (
    <div className="qf">
      <header className="qf-header">
        <p className="muted">{t("questionnaireForm.vacancy", { title: data.vacancyTitle })}</p>
        <h1>{t("questionnaireForm.greeting", { name: data.firstName })}</h1>
        <p>{t("questionnaireForm.intro")}</p>
        <p className="field-hint">{t("questionnaireForm.validUntil", { date: formatDate(data.expiresAt, locale) })}</p>
      </header>
      <section className="card" aria-label={t("questionnaireForm.title")}>
        <QuestionnaireForm mode="invite" version={data.version} consent={data.consent} lastResult={lastResult} draftKey={key} />
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  const { token = "" } = useParams();
  const { t } = useTranslation();
  return <QuestionnaireErrorPage formPath={`/q/${encodeURIComponent(token)}`} notFound={{ title: t("questionnaireForm.notFoundTitle"), message: t("questionnaireForm.notFound") }} />;
}
