import type { Stage } from "@prisma/client";
import { FUNNEL, STAGES } from "~/pipeline/stages";

/**
 * Applications of one vacancy that share a current stage and the set of stages
 * their history ever entered (StageChange.toStage), with how many there are.
 */
export type FunnelRow = {
  vacancyId: string;
  current: Stage;
  reached: readonly Stage[];
  count: number;
};

export type FunnelStep = {
  stage: Stage;
  /** Applications that got at least this far (now here, further on, or dropped out later). */
  reached: number;
  /** Share of the previous step's applications that got here; null for the first step or when the previous step is empty. */
  conversion: number | null;
};

export type Funnel = {
  total: number;
  steps: FunnelStep[];
  /** Applications at each stage right now, exits included. */
  now: Record<Stage, number>;
};

/**
 * The furthest pipeline stage an application got to. Every application starts at
 * SOURCED, so that is the floor even when the history is empty; exits do not count
 * as progress, the stages entered before them do.
 */
export function furthestStage(current: Stage, reached: readonly Stage[]): Stage {
  let furthest = 0;
  for (const stage of [current, ...reached]) furthest = Math.max(furthest, FUNNEL.indexOf(stage));
  return FUNNEL[furthest] ?? "SOURCED";
}

function emptyNow(): Record<Stage, number> {
  return Object.fromEntries(STAGES.map((stage) => [stage, 0])) as Record<Stage, number>;
}

function funnelOf(rows: readonly FunnelRow[]): Funnel {
  const furthestCounts = new Array<number>(FUNNEL.length).fill(0);
  const now = emptyNow();
  let total = 0;
  for (const row of rows) {
    total += row.count;
    now[row.current] += row.count;
    furthestCounts[FUNNEL.indexOf(furthestStage(row.current, row.reached))]! += row.count;
  }
  // Reaching a stage means reaching every stage before it: sum from the end.
  const reached = [...furthestCounts];
  for (let i = reached.length - 2; i >= 0; i--) reached[i]! += reached[i + 1]!;
  const steps = FUNNEL.map((stage, i) => {
    const previous = i > 0 ? reached[i - 1]! : 0;
    return {
      stage,
      reached: reached[i]!,
      conversion: i > 0 && previous > 0 ? reached[i]! / previous : null,
    };
  });
  return { total, steps, now };
}

/**
 * The hiring funnel per vacancy and for all of them together. `vacancyIds` lists
 * vacancies to show even when they have no applications yet, in that order;
 * vacancies only present in `rows` follow.
 */
export function buildFunnels(
  rows: readonly FunnelRow[],
  vacancyIds: readonly string[] = [],
): { overall: Funnel; byVacancy: Array<{ vacancyId: string; funnel: Funnel }> } {
  const grouped = new Map<string, FunnelRow[]>(vacancyIds.map((id) => [id, []]));
  for (const row of rows) {
    const list = grouped.get(row.vacancyId);
    if (list) list.push(row);
    else grouped.set(row.vacancyId, [row]);
  }
  return {
    overall: funnelOf(rows),
    byVacancy: [...grouped].map(([vacancyId, list]) => ({ vacancyId, funnel: funnelOf(list) })),
  };
}
