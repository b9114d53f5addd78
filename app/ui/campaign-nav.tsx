import { Link, NavLink } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";

/** The outreach area's pages, in the order the work goes. */
const SECTIONS = [
  { to: "/outreach", key: "steps", end: true },
  { to: "/outreach/campaigns", key: "campaigns", end: false },
  { to: "/outreach/templates", key: "templates", end: false },
  { to: "/outreach/calls", key: "calls", end: false },
] as const;

/** Links between the outreach pages, shown above each of them. */
export function OutreachNav() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("campaigns.outreachNav.label")}>
      <ul className="stage-filter">
        {SECTIONS.map((s) => (
          <li key={s.to}>
            <NavLink to={s.to} end={s.end} prefetch="intent">
              {t(`campaigns.outreachNav.${s.key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The outreach tools as cards on the step page: where campaigns, templates and the call list start. */
export function OutreachTools() {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="outreach-tools">
      <h2 id="outreach-tools">{t("campaigns.tools.title")}</h2>
      <ul className="stats">
        {SECTIONS.filter((s) => s.key !== "steps").map((s) => (
          <li key={s.to} className="stat">
            <Link to={s.to} className="stat-value">
              {t(`campaigns.outreachNav.${s.key}`)}
            </Link>
            <span className="stat-label">{t(`campaigns.tools.${s.key}`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
