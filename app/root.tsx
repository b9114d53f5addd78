import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { type ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { useTranslation } from "~/ui/use-translation";
import { ErrorPage } from "~/ui/page";
import { getOptionalUser, requestLocale } from "~/auth/session.server";
import { DEFAULT_LOCALE } from "~/i18n/i18n";
import styles from "~/styles/app.css";
import { AppShell } from "~/ui/app-shell";
import { i18nFor } from "~/ui/i18n-instance";

export const links: LinksFunction = () => [
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "stylesheet", href: styles },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: i18nFor(data?.locale ?? DEFAULT_LOCALE).t("app.name") },
];

/** Public: the sign-in page renders inside root too, so the user is optional here. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  const locale = requestLocale(request, user);
  return json({
    user: user ? { id: user.id, name: user.name, roles: user.roles, timeZone: user.timeZone } : null,
    locale,
  });
}

export function Layout({ children }: { children: ReactNode }) {
  // Undefined when the root loader itself failed: the error page still needs a language.
  const data = useRouteLoaderData<typeof loader>("root");
  const locale = data?.locale ?? DEFAULT_LOCALE;
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <I18nextProvider i18n={i18nFor(locale)}>{children}</I18nextProvider>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  const { user } = useLoaderData<typeof loader>();
  return (
    <AppShell user={user}>
      <Outlet />
    </AppShell>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("root");
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, message] =
    status === 403
      ? [t("errors.forbiddenTitle"), t("errors.forbidden")]
      : status === 404
        ? [t("errors.notFoundTitle"), t("errors.notFound")]
        : [t("errors.unexpectedTitle"), t("errors.unexpected")];
  return (
    <AppShell user={data?.user ?? null}>
      <ErrorPage status={status} title={title} message={message}>
        <Link to="/" className="button button-primary">
          {t("errors.backHome")}
        </Link>
      </ErrorPage>
    </AppShell>
  );
}
