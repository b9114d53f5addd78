import type { Stage } from "@prisma/client";
import { Link } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import { FUNNEL } from "~/pipeline/stages";

export type PipelineRow = {
  id: string;
  title: string;
  city: string;
  openings: number;
  counts: Record<Stage, number>;
};

/** Open vacancies against the pipeline: how many applications sit at each stage now. */
export function PipelineTable({ vacancies, caption }: { vacancies: readonly PipelineRow[]; caption?: string }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table">
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <tr>
            <th scope="col">{t("vacancies.columns.title")}</th>
            <th scope="col" className="num">
              {t("vacancies.columns.openings")}
            </th>
            {FUNNEL.map((stage) => (
              <th key={stage} scope="col" className="num">
                {t(`stagesShort.${stage}`)}
              </th>
            ))}
            <th scope="col" className="num">
              {t("vacancies.columns.dropped")}
            </th>
          </tr>
        </thead>
        <tbody>
          {vacancies.map((v) => (
            <tr key={v.id}>
              <th scope="row">
                <Link to={`/vacancies/${v.id}`}>{v.title}</Link>
                <span className="cell-sub">{v.city}</span>
              </th>
              <td className="num">{v.openings}</td>
              {FUNNEL.map((stage) => (
                <td key={stage} className={v.counts[stage] ? "num" : "num muted"}>
                  {v.counts[stage]}
                </td>
              ))}
              <td className="num muted">{v.counts.REJECTED + v.counts.WITHDRAWN}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
