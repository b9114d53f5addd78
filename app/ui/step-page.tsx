import type { Stage } from "@prisma/client";
import { type ReactNode } from "react";
import { useTranslation } from "~/ui/use-translation";
import { ApplicationsTable, type ApplicationRow } from "./applications-table";
import { NumberText } from "./dates";
import { ComingNote, EmptyState, PageHeader, Section } from "./page";
import { Pagination } from "./pagination";
import { StageFilters } from "./stage-filters";

/**
 * The common page of a pipeline step (outreach, questionnaires, interviews,
 * probation): who is at this step now, narrowed by vacancy and stage, and what the
 * step's own tools will add later.
 */
export function StepPage({
  title,
  intro,
  stages,
  counts,
  vacancies,
  list,
  coming,
  children,
}: {
  title: string;
  intro: string;
  stages: readonly Stage[];
  counts: Partial<Record<Stage, number>>;
  vacancies: ReadonlyArray<{ id: string; title: string; city: string }>;
  list: { total: number; page: number; pageCount: number; applications: readonly ApplicationRow[] };
  coming?: readonly string[];
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={title} description={intro} />
      <ul className="stats" aria-label={t("pages.atThisStep")}>
        {stages.map((stage) => (
          <li key={stage} className="stat">
            <span className="stat-value">
              <NumberText value={counts[stage] ?? 0} />
            </span>
            <span className="stat-label">{t(`stages.${stage}`)}</span>
          </li>
        ))}
      </ul>
      {children}
      <Section id="step-list" title={t("pages.candidatesAtStep")}>
        <StageFilters vacancies={vacancies} stages={stages} />
        {list.applications.length ? (
          <>
            <ApplicationsTable
              applications={list.applications}
              caption={t("ui.shownOf", { shown: list.applications.length, total: list.total })}
            />
            <Pagination page={list.page} pageCount={list.pageCount} />
          </>
        ) : (
          <EmptyState title={t("pages.nobodyAtStep")} />
        )}
      </Section>
      {coming?.length ? <ComingNote items={coming} /> : null}
    </>
  );
}
