import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireAccess } from "~/auth/session.server";
import { TEMPLATE_KINDS } from "~/outreach/merge-fields";
import { listTemplates } from "~/outreach/templates.server";
import { Badge } from "~/ui/badges";
import { DateText } from "~/ui/dates";
import { pageTitle } from "~/ui/i18n-instance";
import { EmptyState, PageHeader, Section } from "~/ui/page";
import { useTranslation } from "~/ui/use-translation";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "templates.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAccess(request, "outreach");
  const archived = new URL(request.url).searchParams.get("archived") === "1";
  return json({ archived, templates: await listTemplates({ archived }) });
}

export default function Templates() {
  const { templates, archived } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <PageHeader
        title={t("templates.title")}
        description={t("templates.intro")}
        actions={
          <>
            <Link to={archived ? "/outreach/templates" : "/outreach/templates?archived=1"} className="button button-ghost">
              {t(archived ? "templates.hideArchived" : "templates.showArchived")}
            </Link>
            <Link to="/outreach/templates/new" className="button button-primary">
              {t("templates.newTemplate")}
            </Link>
          </>
        }
      />
      {templates.length === 0 ? <EmptyState title={t("templates.noTemplates")} /> : null}
      {TEMPLATE_KINDS.map((kind) => {
        const ofKind = templates.filter((tpl) => tpl.kind === kind);
        return (
          <Section
            key={kind}
            id={`kind-${kind}`}
            title={t(`templates.kinds.${kind}`)}
            actions={
              <Link to={`/outreach/templates/new?kind=${kind}`} className="button button-secondary button-small">
                {t("templates.newTemplate")}
              </Link>
            }
          >
            {ofKind.length === 0 ? (
              <p className="muted">{t("templates.empty")}</p>
            ) : (
              <div className="table-wrap">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t("templates.columns.name")}</th>
                      <th scope="col">{t("templates.columns.vacancy")}</th>
                      <th scope="col">{t("templates.columns.languages")}</th>
                      <th scope="col">{t("templates.columns.updated")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {ofKind.map((tpl) => (
                      <tr key={tpl.id} data-template={tpl.id}>
                        <th scope="row">
                          <Link to={`/outreach/templates/${tpl.id}`}>{tpl.name}</Link>{" "}
                          {tpl.archivedAt ? <Badge tone="out">{t("templates.archivedBadge")}</Badge> : null}
                        </th>
                        <td>{tpl.vacancy ? `${tpl.vacancy.title} · ${tpl.vacancy.city}` : <span className="muted">{t("templates.anyVacancy")}</span>}</td>
                        <td className="nowrap">
                          {(["ru", "en"] as const).map((l) => (
                            <span key={l} style={{ marginRight: "0.35rem" }}>
                              {tpl.languages[l] ? (
                                <Badge tone="good">{l.toUpperCase()}</Badge>
                              ) : (
                                <span className="muted" title={t("templates.missingLanguage")}>
                                  <s>{l.toUpperCase()}</s>
                                </span>
                              )}
                            </span>
                          ))}
                        </td>
                        <td>
                          <DateText value={tpl.updatedAt} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Section>
        );
      })}
    </>
  );
}
