import type { CandidateSource, ImportChannel } from "@prisma/client";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import type { Disagreement } from "~/sourcing/provenance";
import { Money } from "./badges";
import { DateText } from "./dates";
import { Button } from "./form";
import { Section } from "./page";

export type SourceRow = {
  id: string;
  source: CandidateSource;
  channel: ImportChannel;
  adapter: string;
  externalId: string | null;
  url: string | null;
  importBatchId: string | null;
  importedAt: string;
};

/** The public apply page's records, which never change someone we already had (ingest-keys.ts isUnverified). */
const UNVERIFIED_ADAPTER = "apply-page";

/**
 * Every source record of a candidate, and where they disagree: each differing value
 * with the records that gave it (the provenance of the profile's fields).
 */
export function SourcesSection({
  sources,
  disagreements = [],
  canSplit,
}: {
  sources: readonly SourceRow[];
  disagreements?: readonly Disagreement[];
  canSplit: boolean;
}) {
  const { t } = useTranslation();
  const label = (id: string) => {
    const record = sources.find((s) => s.id === id);
    return record ? `${t(`sources.${record.source}`)} (${record.adapter})` : id;
  };
  return (
    <Section id="sources" title={t("profile.sources.title")}>
      {sources.length === 0 ? (
        <p className="muted">{t("profile.sources.none")}</p>
      ) : (
        <>
          <p className="muted">{t("profile.sources.intro")}</p>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("profile.sources.board")}</th>
                  <th scope="col">{t("profile.sources.adapter")}</th>
                  <th scope="col">{t("profile.sources.externalId")}</th>
                  <th scope="col">{t("profile.sources.link")}</th>
                  <th scope="col">{t("profile.sources.importedAt")}</th>
                  <th scope="col">{t("profile.sources.batch")}</th>
                  {canSplit ? <th scope="col"><span className="visually-hidden">{t("profile.sources.split")}</span></th> : null}
                </tr>
              </thead>
              <tbody>
                {sources.map((s) => (
                  <tr key={s.id} id={`source-${s.id}`}>
                    <th scope="row">{t(`sources.${s.source}`)}</th>
                    <td>
                      {s.adapter}
                      {s.adapter === UNVERIFIED_ADAPTER ? <span className="muted"> ({t("profile.sources.unverified")})</span> : null}
                    </td>
                    <td>{s.externalId ?? "—"}</td>
                    <td>
                      {s.url ? (
                        <a href={s.url} target="_blank" rel="noreferrer noopener">
                          {t("profile.sources.open")}
                        </a>
                      ) : (
                        "—"
                      )}
                    </td>
                    <td>
                      <DateText value={s.importedAt} withTime />
                    </td>
                    <td>{s.importBatchId ? <Link to={`/imports/${s.importBatchId}`}>{t("profile.sources.openBatch")}</Link> : "—"}</td>
                    {canSplit ? (
                      <td>
                        <Form method="post" title={t("profile.sources.splitHint")}>
                          <input type="hidden" name="intent" value="split" />
                          <input type="hidden" name="sourceRecordId" value={s.id} />
                          <Button variant="ghost" size="small">
                            {t("profile.sources.split")}
                          </Button>
                        </Form>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {disagreements.length ? (
        <>
          <h3>{t("profile.sources.disagreements")}</h3>
          <dl className="details">
            {disagreements.map((d) => (
              <div key={d.field} style={{ display: "contents" }}>
                <dt>{t(`profile.sources.fields.${d.field}`)}</dt>
                <dd>
                  <ul>
                    {d.values.map((v) => (
                      <li key={String(v.value)}>
                        {typeof v.value === "number" && d.field === "salaryExpectationRub" ? <Money amount={v.value} /> : v.value}
                        <span className="muted"> — {v.sourceRecordIds.map(label).join(", ")}</span>
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
    </Section>
  );
}
