import { Link, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Previous/next links that keep the current filters in the query string. */
export function Pagination({ page, pageCount }: { page: number; pageCount: number }) {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  if (pageCount <= 1) return null;
  const hrefFor = (target: number) => {
    const params = new URLSearchParams(searchParams);
    params.set("page", String(target));
    return `?${params}`;
  };
  return (
    <nav className="pagination" aria-label={t("ui.pagination")}>
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} rel="prev" className="button button-secondary button-small">
          ← {t("ui.previous")}
        </Link>
      ) : null}
      <span className="pagination-status">{t("ui.pageOf", { page, pageCount })}</span>
      {page < pageCount ? (
        <Link to={hrefFor(page + 1)} rel="next" className="button button-secondary button-small">
          {t("ui.next")} →
        </Link>
      ) : null}
    </nav>
  );
}
