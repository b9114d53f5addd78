import { Link, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";

/**
 * Previous/next links that keep the current filters in the query string. `capped`:
 * the total is only known to be at least this many pages ("page 3 of 200+").
 */
export function Pagination({ page, pageCount, capped = false }: { page: number; pageCount: number; capped?: boolean }) {
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
      <span className="pagination-status">
        {capped ? t("ui.pageOfMany", { page, pageCount }) : t("ui.pageOf", { page, pageCount })}
      </span>
      {page < pageCount ? (
        <Link to={hrefFor(page + 1)} rel="next" className="button button-secondary button-small">
          {t("ui.next")} →
        </Link>
      ) : null}
    </nav>
  );
}
