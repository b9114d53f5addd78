import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import { requireAccess } from "~/auth/session.server";
import { EMAIL_STATUSES, EmailStatusBadge } from "~/ui/badges";
import { DateText, formatCount } from "~/ui/dates";
import { pageTitle } from "~/ui/i18n-instance";
import { EmptyState, PageHeader } from "~/ui/page";
import { Pagination } from "~/ui/pagination";
import { SelectFilter } from "~/ui/select-filter";
import { useLocale } from "~/ui/use-locale";
import { pageParam } from "~/utils/http";
import { isSmtpConfigured, listOutbox } from "~/utils/mail.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "outbox.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAccess(request, "outbox");
  const url = new URL(request.url);
  const status = EMAIL_STATUSES.find((s) => s === url.searchParams.get("status"));
  const outbox = await listOutbox({ status, page: pageParam(url) });
  return json({ ...outbox, status: status ?? null, smtpConfigured: isSmtpConfigured() });
}

export default function Outbox() {
  const { messages, total, page, pageCount, status, smtpConfigured } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <PageHeader title={t("outbox.title")} description={t("outbox.intro")} />
      {smtpConfigured ? null : (
        <p className="notice" role="note">
          {t("outbox.notConfigured")}
        </p>
      )}
      <SelectFilter
        name="status"
        label={t("outbox.status")}
        placeholder={t("outbox.allStatuses")}
        options={EMAIL_STATUSES.map((s) => ({ value: s, label: t(`outbox.statuses.${s}`) }))}
      />
      <p className="muted" aria-live="polite">
        {t("outbox.total", { total: formatCount(total, locale) })}
      </p>
      {messages.length === 0 ? (
        <EmptyState title={status ? t("outbox.emptyFiltered") : t("outbox.empty")} />
      ) : (
        <>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("outbox.columns.subject")}</th>
                  <th scope="col">{t("outbox.columns.to")}</th>
                  <th scope="col">{t("outbox.columns.status")}</th>
                  <th scope="col">{t("outbox.columns.created")}</th>
                  <th scope="col">{t("outbox.columns.sent")}</th>
                </tr>
              </thead>
              <tbody>
                {messages.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">
                      <Link to={`/outbox/${m.id}`}>{m.subject}</Link>
                    </th>
                    <td>{m.toAddress}</td>
                    <td>
                      <EmailStatusBadge status={m.status} />
                    </td>
                    <td>
                      <DateText value={m.createdAt} withTime />
                    </td>
                    <td>
                      <DateText value={m.sentAt} withTime />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pageCount={pageCount} />
        </>
      )}
    </>
  );
}
