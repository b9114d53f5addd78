import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireAccess } from "~/auth/session.server";
import { searchCandidates } from "~/sourcing/candidates.server";
import { CandidateFlags } from "~/ui/applications-table";
import { formatCount } from "~/ui/dates";
import { Button, Field } from "~/ui/form";
import { pageTitle } from "~/ui/i18n-instance";
import { EmptyState, PageHeader } from "~/ui/page";
import { Pagination } from "~/ui/pagination";
import { CandidateLink } from "~/ui/person";
import { useLocale } from "~/ui/use-locale";
import { pageParam } from "~/utils/http";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "candidates.title");

const MAX_QUERY = 200;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAccess(request, "candidates");
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, MAX_QUERY);
  const result = await searchCandidates({ q, page: pageParam(url) });
  return json({ q, ...result });
}

export default function Candidates() {
  const { q, total, page, pageCount, candidates } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <PageHeader title={t("candidates.title")} description={t("candidates.intro")} />
      <Form method="get" className="filters filters-hinted" role="search" key={q}>
        <Field
          className="field-grow"
          label={t("candidates.searchLabel")}
          hint={t("candidates.searchHint")}
          inputProps={{ name: "q", type: "search", defaultValue: q, maxLength: MAX_QUERY }}
        />
        <Button>{t("candidates.search")}</Button>
      </Form>
      <p className="muted" aria-live="polite">
        {q ? t("candidates.foundFor", { total: formatCount(total, locale), q })
          : t("candidates.total", { total: formatCount(total, locale) })}
      </p>
      {candidates.length === 0 ? (
        <EmptyState title={q ? t("candidates.noMatches") : t("candidates.empty")} />
      ) : (
        <>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("candidates.columns.name")}</th>
                  <th scope="col">{t("candidates.columns.currentTitle")}</th>
                  <th scope="col">{t("candidates.columns.city")}</th>
                  <th scope="col">{t("candidates.columns.source")}</th>
                  <th scope="col" className="num">
                    {t("candidates.columns.applications")}
                  </th>
                  <th scope="col">{t("candidates.columns.flags")}</th>
                </tr>
              </thead>
              <tbody>
                {candidates.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <CandidateLink id={c.id} name={c.name} />
                    </th>
                    <td>{c.currentTitle ?? "—"}</td>
                    <td>{c.city ?? "—"}</td>
                    <td>{t(`sources.${c.source}`)}</td>
                    <td className="num">{c.applications}</td>
                    <td>
                      <CandidateFlags candidate={c} />
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
