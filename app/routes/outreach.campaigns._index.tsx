import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import { requireAccess } from "~/auth/session.server";
import { listCampaigns } from "~/outreach/campaigns.server";
import { listVacancyOptions } from "~/sourcing/vacancies.server";
import { CAMPAIGN_STATUSES, CampaignProgressBar, CampaignStatusBadge } from "~/ui/campaign-status";
import { DateText, formatCount } from "~/ui/dates";
import { Button, SelectField } from "~/ui/form";
import { pageTitle } from "~/ui/i18n-instance";
import { EmptyState, PageHeader } from "~/ui/page";
import { Pagination } from "~/ui/pagination";
import { useLocale } from "~/ui/use-locale";
import { pageParam } from "~/utils/http";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "campaigns.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAccess(request, "outreach");
  const url = new URL(request.url);
  const vacancyId = url.searchParams.get("vacancy") || undefined;
  const status = CAMPAIGN_STATUSES.find((s) => s === url.searchParams.get("status"));
  const [list, vacancies] = await Promise.all([listCampaigns({ vacancyId, status, page: pageParam(url) }), listVacancyOptions()]);
  return json({ ...list, vacancies, vacancyId: vacancyId ?? null, status: status ?? null });
}

export default function Campaigns() {
  const { campaigns, total, page, pageCount, vacancies, vacancyId, status } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const filtered = Boolean(vacancyId || status);
  return (
    <>
      <PageHeader
        title={t("campaigns.title")}
        description={t("campaigns.intro")}
        actions={
          <Link to={vacancyId ? `/outreach/campaigns/new?vacancy=${vacancyId}` : "/outreach/campaigns/new"} className="button button-primary" id="new-campaign">
            {t("campaigns.new")}
          </Link>
        }
      />
      <Form method="get" className="filters" key={`${vacancyId}-${status}`}>
        <SelectField
          label={t("campaigns.filters.vacancy")}
          placeholder={t("campaigns.filters.anyVacancy")}
          options={vacancies.map((v) => ({ value: v.id, label: `${v.title}, ${v.city}` }))}
          selectProps={{ name: "vacancy", defaultValue: vacancyId ?? "" }}
        />
        <SelectField
          label={t("campaigns.filters.status")}
          placeholder={t("campaigns.filters.anyStatus")}
          options={CAMPAIGN_STATUSES.map((s) => ({ value: s, label: t(`campaigns.statuses.${s}`) }))}
          selectProps={{ name: "status", defaultValue: status ?? "" }}
        />
        <Button variant="secondary">{t("ui.show")}</Button>
      </Form>
      <p className="muted" aria-live="polite">
        {t("campaigns.total", { total: formatCount(total, locale) })}
      </p>
      {campaigns.length === 0 ? (
        <EmptyState title={filtered ? t("campaigns.emptyFiltered") : t("campaigns.empty")} />
      ) : (
        <>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("campaigns.columns.name")}</th>
                  <th scope="col">{t("campaigns.columns.vacancy")}</th>
                  <th scope="col">{t("campaigns.columns.status")}</th>
                  <th scope="col">{t("campaigns.columns.progress")}</th>
                  <th scope="col">{t("campaigns.columns.template")}</th>
                  <th scope="col">{t("campaigns.columns.created")}</th>
                  <th scope="col">{t("campaigns.columns.launched")}</th>
                </tr>
              </thead>
              <tbody>
                {campaigns.map((c) => {
                  const total = Object.values(c.counts).reduce((sum, n) => sum + (n ?? 0), 0);
                  const done = total - (c.counts.QUEUED ?? 0);
                  return (
                    <tr key={c.id}>
                      <th scope="row">
                        <Link to={`/outreach/campaigns/${c.id}`}>{c.name}</Link>
                        {c.memberCount ? <div className="cell-sub">{t("campaigns.listMembers", { count: c.memberCount })}</div> : null}
                      </th>
                      <td>
                        <Link to={`/vacancies/${c.vacancy.id}`}>{c.vacancy.title}</Link>
                        <div className="cell-sub">{c.vacancy.city}</div>
                      </td>
                      <td>
                        <CampaignStatusBadge status={c.status} />
                      </td>
                      <td>
                        {c.status === "DRAFT" ? "—" : <CampaignProgressBar done={done} total={total} label={t("campaigns.progress.label")} />}
                        {c.status !== "DRAFT" && (c.counts.FAILED || c.counts.BOUNCED) ? (
                          <div className="cell-sub">
                            {t("campaigns.progress.failed")}: {formatCount((c.counts.FAILED ?? 0) + (c.counts.BOUNCED ?? 0), locale)}
                          </div>
                        ) : null}
                      </td>
                      <td>{c.template?.name ?? "—"}</td>
                      <td>
                        <DateText value={c.createdAt} />
                      </td>
                      <td>
                        <DateText value={c.launchedAt} withTime />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pageCount={pageCount} />
        </>
      )}
    </>
  );
}
