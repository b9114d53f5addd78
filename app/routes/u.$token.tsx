import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, isRouteErrorResponse, Link, useActionData, useLoaderData, useParams, useRouteError, useSearchParams } from "@remix-run/react";
import { type ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { getOptionalUser, requestLocale } from "~/auth/session.server";
import { isLocale, type AppLocale } from "~/i18n/i18n";
import { isOneClick } from "~/outreach/unsubscribe";
import { unsubscribe, unsubscribePage } from "~/outreach/unsubscribe.server";
import { Button } from "~/ui/form";
import { i18nFor, pageTitle } from "~/ui/i18n-instance";
import { useTranslation } from "~/ui/use-translation";
import { ErrorPage } from "~/ui/page";
import { BodyTooLarge, readFormData } from "~/utils/body-limit.server";
import { invariantResponse } from "~/utils/http";

/**
 * The unsubscribe link of every outreach message: public (the person has no account)
 * and in their language (?lang=en, else what their browser asks for). Opening it
 * only asks (mail scanners open links before anyone reads them); the button, or a
 * mail client's one-click POST (RFC 8058, no cookies), unsubscribes.
 */
export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, "contactLog.unsubscribe.title"), { name: "robots", content: "noindex" }];

const MAX_BODY_BYTES = 4 * 1024;

async function pageLocale(request: Request): Promise<AppLocale> {
  const lang = new URL(request.url).searchParams.get("lang");
  return isLocale(lang) ? lang : requestLocale(request, await getOptionalUser(request));
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Public by design: looks the token up and changes nothing.
  const page = await unsubscribePage(params.token ?? "");
  invariantResponse(page, "Not found");
  return json({ company: page.company, locale: await pageLocale(request) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  let form: FormData;
  try {
    form = await readFormData(request, MAX_BODY_BYTES);
  } catch (error) {
    if (!(error instanceof BodyTooLarge)) throw error;
    throw new Response("Request too large", { status: 413 });
  }
  const result = await unsubscribe(params.token ?? "");
  invariantResponse(result, "Not found");
  // A mail client reads only the status; the page renders the confirmation from any action data.
  if (isOneClick(form)) return new Response("Unsubscribed.\n", { status: 200, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return json({ done: true, outcome: result.outcome });
}

/** The page in its own language, which may differ from the one the header speaks. */
function InLanguage({ locale, children }: { locale: AppLocale; children: ReactNode }) {
  return <I18nextProvider i18n={i18nFor(locale)}>{children}</I18nextProvider>;
}

function OtherLanguage({ locale }: { locale: AppLocale }) {
  const { t } = useTranslation();
  const other: AppLocale = locale === "ru" ? "en" : "ru";
  return (
    <p>
      <Link to={`?lang=${other}`} lang={other} hrefLang={other}>
        {t("contactLog.unsubscribe.otherLanguage")}
      </Link>
    </p>
  );
}

export default function UnsubscribePage() {
  const { company, locale } = useLoaderData<typeof loader>();
  const done = Boolean(useActionData());
  const { token = "" } = useParams();
  return (
    <InLanguage locale={locale}>
      <Content company={company} locale={locale} done={done} token={token} />
    </InLanguage>
  );
}

function Content({ company, locale, done, token }: { company: string | null; locale: AppLocale; done: boolean; token: string }) {
  const { t } = useTranslation();
  return (
    <section className="card auth-card" lang={locale} aria-live="polite">
      {done ? (
        <>
          <h1>{t("contactLog.unsubscribe.doneTitle")}</h1>
          <p role="status">{t("contactLog.unsubscribe.done")}</p>
          <p className="muted">{t("contactLog.unsubscribe.doneHint")}</p>
        </>
      ) : (
        <>
          <h1>{t("contactLog.unsubscribe.question", { company: company ?? t("app.name") })}</h1>
          <p>{t("contactLog.unsubscribe.explain")}</p>
          <Form method="post" action={`/u/${encodeURIComponent(token)}?lang=${locale}`}>
            <input type="hidden" name="intent" value="unsubscribe" />
            <Button type="submit">{t("contactLog.unsubscribe.submit")}</Button>
          </Form>
        </>
      )}
      <OtherLanguage locale={locale} />
    </section>
  );
}

/** An unknown token says only that the link does not work: nothing about whether anyone is behind it. */
export function ErrorBoundary() {
  const error = useRouteError();
  const [search] = useSearchParams();
  const lang = search.get("lang");
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const page = <ErrorContent status={status} />;
  return isLocale(lang) ? <InLanguage locale={lang}>{page}</InLanguage> : page;
}

function ErrorContent({ status }: { status: number }) {
  const { t } = useTranslation();
  const [title, message] =
    status === 404
      ? [t("contactLog.unsubscribe.notFoundTitle"), t("contactLog.unsubscribe.notFound")]
      : status === 413
        ? [t("errors.unexpectedTitle"), t("contactLog.unsubscribe.tooLarge")]
        : [t("errors.unexpectedTitle"), t("errors.unexpected")];
  return (
    <ErrorPage status={status} title={title} message={message} />
  );
}
