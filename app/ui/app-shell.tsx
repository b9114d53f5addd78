import { Form, Link, NavLink } from "@remix-run/react";
import { type ReactNode } from "react";
import { useTranslation } from "~/ui/use-translation";
import { canAccess, type Area, type Role } from "~/auth/access";
import { Button } from "./form";
import { LanguageSwitch } from "./language-switch";

export type ShellUser = { name: string; roles: Role[] };

type NavItem = { to: string; label: string; area: Area };

/** The pipeline, in the order the work happens: the main navigation. */
const NAV_ITEMS: ReadonlyArray<NavItem> = [
  { to: "/vacancies", label: "nav.vacancies", area: "vacancies" },
  { to: "/candidates", label: "nav.candidates", area: "candidates" },
  { to: "/imports", label: "nav.imports", area: "imports" },
  { to: "/companies", label: "nav.companies", area: "companies" },
  { to: "/outreach", label: "nav.outreach", area: "outreach" },
  { to: "/questionnaires", label: "nav.questionnaires", area: "questionnaires" },
  { to: "/interviews", label: "nav.interviews", area: "interviews" },
  { to: "/probation", label: "nav.probation", area: "probation" },
  { to: "/handover", label: "nav.handover", area: "handover" },
  { to: "/analytics", label: "nav.analytics", area: "analytics" },
];

/** Support areas beside the pipeline, in the header next to the user. */
const SUPPORT_ITEMS: ReadonlyArray<NavItem> = [
  { to: "/outbox", label: "nav.outbox", area: "outbox" },
  { to: "/admin/users", label: "nav.admin", area: "admin" },
];

export function AppShell({ user, children }: { user: ShellUser | null; children: ReactNode }) {
  const { t } = useTranslation();
  const support = user ? SUPPORT_ITEMS.filter((item) => canAccess(user.roles, item.area)) : [];
  return (
    <>
      <a href="#main" className="skip-link">
        {t("app.skipToContent")}
      </a>
      <header className="app-header">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            K
          </span>
          {t("app.name")}
        </Link>
        <div className="header-tools">
          {support.length ? (
            <nav className="support-nav" aria-label={t("shell.supportNav")}>
              {support.map((item) => (
                <NavLink key={item.to} to={item.to} prefetch="intent">
                  {t(item.label)}
                </NavLink>
              ))}
            </nav>
          ) : null}
          {user ? (
            <p className="current-user">
              <span className="visually-hidden">{t("shell.signedInAs")} </span>
              <span className="current-user-name">{user.name}</span>
              <span className="current-user-roles">
                {user.roles.map((role) => t(`roles.${role}`)).join(", ")}
              </span>
            </p>
          ) : null}
          <LanguageSwitch />
          {user ? (
            <Form method="post" action="/logout">
              <Button variant="ghost" size="small">
                {t("nav.signOut")}
              </Button>
            </Form>
          ) : null}
        </div>
      </header>
      {user ? (
        <nav className="app-nav" aria-label={t("shell.mainNav")}>
          <ul>
            {NAV_ITEMS.filter((item) => canAccess(user.roles, item.area)).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} prefetch="intent">
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <main id="main" tabIndex={-1} className="app-main">
        {children}
      </main>
    </>
  );
}
