import { Link } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import { type StoredTierReason, TIERS, type Tier } from "~/sourcing/tiers";
import { Badge } from "./badges";
import { translateError } from "./error-key";
import { TierReasonText } from "./tier-reason";

/** The parts of an import batch's page: counts, the records table, row errors, progress. */

export type PreviewCounts = { total?: number; new?: number; merged?: number; unchanged?: number; erased?: number; excluded?: number; tiers?: Partial<Record<Tier, number>> };

export type PreviewRowView = {
  row: number;
  name: string;
  status: "new" | "merged" | "unchanged" | "erased";
  matchedBy: "externalId" | "fingerprint" | "email" | "phone" | null;
  mergesWith: { candidateId: string | null; name: string; row: number | null } | null;
  tier: Tier | null;
  /** Read with parseTierReason: the stored preview is JSON. */
  reason: StoredTierReason | null;
};

export const TIER_TONE: Record<Tier, string> = { TARGET: "good", ADJACENT: "middle", OPEN_MARKET: "neutral", EXCLUDED: "danger" };

export function ImportCounts({ counts, withVacancy }: { counts: PreviewCounts; withVacancy: boolean }) {
  const { t } = useTranslation();
  const items = (["total", "new", "merged", "unchanged", "erased", "excluded"] as const).filter(
    (key) => key !== "erased" || (counts.erased ?? 0) > 0,
  );
  return (
    <>
      <ul className="stats" aria-label={t("imports.preview")}>
        {items.map((key) => (
          <li key={key} className="stat" data-count={key}>
            <span className="stat-value">{counts[key] ?? 0}</span>
            <span className="stat-label">{t(`imports.counts.${key}`)}</span>
          </li>
        ))}
      </ul>
      {withVacancy && counts.tiers ? (
        <ul className="stats" aria-label={t("imports.perTier")}>
          {TIERS.map((tier) => (
            <li key={tier} className="stat" data-tier={tier}>
              <span className="stat-value">{counts.tiers?.[tier] ?? 0}</span>
              <span className="stat-label">{t(`tiers.${tier}`)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function MergesWith({ row }: { row: PreviewRowView }) {
  const { t } = useTranslation();
  const target = row.mergesWith;
  if (!target) return null;
  const how = row.matchedBy ? ` (${t(`imports.matchedBy.${row.matchedBy}`)})` : "";
  if (target.candidateId) {
    return (
      <span className="cell-sub">
        {t("imports.mergesWith", { name: "" })}
        <Link to={`/candidates/${target.candidateId}`}>{target.name}</Link>
        {how}
      </span>
    );
  }
  return <span className="cell-sub">{t("imports.mergesWithRow", { row: target.row ?? "", name: target.name }) + how}</span>;
}

export function PreviewTable({ rows, withVacancy }: { rows: readonly PreviewRowView[]; withVacancy: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{t("imports.preview")}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">{t("imports.row")}</th>
            <th scope="col">{t("imports.name")}</th>
            <th scope="col">{t("imports.outcome")}</th>
            {withVacancy ? <th scope="col">{t("imports.tier")}</th> : null}
            {withVacancy ? <th scope="col">{t("imports.reason")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.row} data-status={row.status}>
              <td className="num">{row.row}</td>
              <td>{row.name}</td>
              <td>
                <Badge tone={row.status === "new" ? "good" : row.status === "merged" ? "middle" : "neutral"}>{t(`imports.outcomes.${row.status}`)}</Badge>{" "}
                <MergesWith row={row} />
              </td>
              {withVacancy ? <td>{row.tier ? <Badge tone={TIER_TONE[row.tier]}>{t(`tiers.${row.tier}`)}</Badge> : "—"}</td> : null}
              {withVacancy ? (
                <td data-tier-reason="">{row.reason ? <TierReasonText reason={row.reason} /> : "—"}</td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RowErrorsTable({ errors }: { errors: ReadonlyArray<{ row: number; field?: string; message: string }> }) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="row-errors-title">
      <h2 id="row-errors-title">{t("imports.rowErrors")}</h2>
      <p className="notice notice-danger" role="alert">
        {t("imports.rowErrorsNote")}
      </p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col" className="num">{t("imports.row")}</th>
              <th scope="col">{t("imports.field")}</th>
              <th scope="col">{t("imports.problem")}</th>
            </tr>
          </thead>
          <tbody>
            {errors.map((e, i) => (
              <tr key={`${e.row}-${e.field ?? ""}-${i}`}>
                <td className="num">{e.row}</td>
                <td>{e.field ?? "—"}</td>
                <td>{translateError(t, e.message)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function ImportProgress({ status, processed, total }: { status: "QUEUED" | "RUNNING"; processed: number; total: number }) {
  const { t } = useTranslation();
  return (
    <div className="card" aria-live="polite">
      <p>{status === "QUEUED" ? t("imports.queued") : t("imports.committing", { processed, total })}</p>
      <progress aria-label={t("imports.progress")} value={processed} max={Math.max(total, 1)} style={{ width: "100%" }} />
    </div>
  );
}

export function SearchReportView({ search, loaded }: { search: { found: number; skipped: Array<{ row: number; message: string }>; notes: string[] }; loaded: number }) {
  const { t } = useTranslation();
  return (
    <div className="notice" role="status">
      <p>{t("imports.searchFound", { found: search.found, loaded })}</p>
      {search.notes.map((note) => (
        <p key={note}>{translateError(t, note)}</p>
      ))}
      {search.skipped.length ? (
        <details>
          <summary>{t("imports.skipped", { count: search.skipped.length })}</summary>
          <ul>
            {search.skipped.map((s, i) => (
              <li key={`${s.row}-${i}`}>
                {s.row}: {translateError(t, s.message)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
