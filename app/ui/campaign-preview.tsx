import type { SourcingTier, Stage } from "@prisma/client";
import { Link } from "@remix-run/react";
import { type ReactNode } from "react";
import { useTranslation } from "~/ui/use-translation";
import { EXCLUSION_REASONS, type ExclusionCounts, type ExclusionReason } from "~/outreach/audience";
import { StageBadge } from "./badges";
import { formatCount } from "./dates";
import { EmptyState, Section } from "./page";
import { useLocale } from "./use-locale";

type Name = { firstName: string; lastName: string; middleName: string | null } | null;
type Person = { applicationId: string; candidateId: string; name: Name; email: string | null; stage: Stage; tier: SourcingTier | null };

export type AudiencePreview = {
  recipientCount: number;
  leftOutCount: number;
  counts: ExclusionCounts;
  recipients: readonly Person[];
  leftOut: ReadonlyArray<Person & { reason: ExclusionReason }>;
};

function PersonName({ person }: { person: Person }) {
  const { t } = useTranslation();
  if (!person.name) return <span className="muted">{t("campaigns.preview.erasedName")}</span>;
  const { lastName, firstName, middleName } = person.name;
  return <Link to={`/candidates/${person.candidateId}`}>{[lastName, firstName, middleName].filter(Boolean).join(" ")}</Link>;
}

// A section's table reaches its edges; in one of two columns it stays in its column.
const COLUMN_TABLE = { margin: 0 } as const;

/** Left-out people counted by reason, in the rule's order. */
export function ExclusionList({ counts, id }: { counts: ExclusionCounts; id?: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const reasons = EXCLUSION_REASONS.filter((r) => counts[r]);
  if (!reasons.length) return null;
  return (
    <ul className="stage-strip" id={id}>
      {reasons.map((reason) => (
        <li key={reason} className="badge badge-out" data-reason={reason}>
          {t(`campaigns.reasons.${reason}`)}: {formatCount(counts[reason] ?? 0, locale)}
        </li>
      ))}
    </ul>
  );
}

/** "Who will get it / who is left out and why": counts, and the first page of each list. */
export function CampaignPreview({ preview, children }: { preview: AudiencePreview; children?: ReactNode }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const shown = (list: readonly unknown[], total: number) =>
    list.length < total ? <p className="muted">{t("campaigns.preview.shownFirst", { shown: list.length, total })}</p> : null;
  return (
    <Section id="campaign-preview" title={t("campaigns.preview.title")}>
      <ul className="stats">
        <li className="stat">
          <span className="stat-value" data-testid="recipient-count">
            {formatCount(preview.recipientCount, locale)}
          </span>
          <span className="stat-label">{t("campaigns.preview.recipientsTitle")}</span>
        </li>
        <li className="stat">
          <span className="stat-value" data-testid="left-out-count">
            {formatCount(preview.leftOutCount, locale)}
          </span>
          <span className="stat-label">{t("campaigns.preview.leftOutTitle")}</span>
        </li>
      </ul>
      <ExclusionList counts={preview.counts} id="exclusion-counts" />
      {children ? <div style={{ marginBottom: "1.25rem" }}>{children}</div> : null}
      <div className="grid-2">
        <div>
          <h3 id="recipients-title">{t("campaigns.preview.recipients", { count: formatCount(preview.recipientCount, locale) })}</h3>
          {preview.recipients.length ? (
            <div className="table-wrap" style={COLUMN_TABLE}>
              <table className="table" aria-labelledby="recipients-title" id="recipients">
                <thead>
                  <tr>
                    <th scope="col">{t("campaigns.preview.columns.name")}</th>
                    <th scope="col">{t("campaigns.preview.columns.email")}</th>
                    <th scope="col">{t("campaigns.preview.columns.stage")}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.recipients.map((p) => (
                    <tr key={p.applicationId}>
                      <td>
                        <PersonName person={p} />
                      </td>
                      <td>{p.email}</td>
                      <td>
                        <StageBadge stage={p.stage} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <EmptyState title={t("campaigns.preview.nobody")} />
          )}
          {shown(preview.recipients, preview.recipientCount)}
        </div>
        <div>
          <h3 id="left-out-title">{t("campaigns.preview.leftOut", { count: formatCount(preview.leftOutCount, locale) })}</h3>
          {preview.leftOut.length ? (
            <div className="table-wrap" style={COLUMN_TABLE}>
              <table className="table" aria-labelledby="left-out-title" id="left-out">
                <thead>
                  <tr>
                    <th scope="col">{t("campaigns.preview.columns.name")}</th>
                    <th scope="col">{t("campaigns.preview.columns.reason")}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.leftOut.map((p) => (
                    <tr key={p.applicationId} data-reason={p.reason}>
                      <td>
                        <PersonName person={p} />
                      </td>
                      <td>{t(`campaigns.reasons.${p.reason}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="muted">{t("campaigns.preview.nobodyLeftOut")}</p>
          )}
          {shown(preview.leftOut, preview.leftOutCount)}
        </div>
      </div>
    </Section>
  );
}
