import { describe, expect, it } from "vitest";
import { buildFunnels, furthestStage, type FunnelRow } from "~/analytics/funnel";
import { FUNNEL } from "~/pipeline/stages";

const row = (vacancyId: string, current: FunnelRow["current"], reached: FunnelRow["reached"], count = 1): FunnelRow => ({
  vacancyId,
  current,
  reached,
  count,
});

const reachedOf = (steps: ReturnType<typeof buildFunnels>["overall"]["steps"]) =>
  Object.fromEntries(steps.map((s) => [s.stage, s.reached]));

describe("furthestStage", () => {
  it("is the current stage when the history has nothing further", () => {
    expect(furthestStage("INTERVIEWED", ["SOURCED", "CONTACTED", "INTERVIEWED"])).toBe("INTERVIEWED");
  });

  it("is the last funnel stage entered before an exit", () => {
    expect(furthestStage("REJECTED", ["SOURCED", "CONTACTED", "QUESTIONNAIRE_SENT", "REJECTED"])).toBe(
      "QUESTIONNAIRE_SENT",
    );
  });

  it("keeps progress made before a step back", () => {
    expect(furthestStage("CONTACTED", ["SOURCED", "CONTACTED", "QUESTIONNAIRE_SENT"])).toBe("QUESTIONNAIRE_SENT");
  });

  it("falls back to SOURCED for an exit with no history", () => {
    expect(furthestStage("WITHDRAWN", [])).toBe("SOURCED");
  });

  it("counts a hire that later fell through as having reached HIRED", () => {
    expect(furthestStage("WITHDRAWN", ["SOURCED", "PROBATION", "HIRED", "WITHDRAWN"])).toBe("HIRED");
  });
});

describe("buildFunnels", () => {
  it("counts every stage an application passed, even when stages were skipped", () => {
    const { overall } = buildFunnels([row("v1", "INTERVIEW_INVITED", ["SOURCED", "INTERVIEW_INVITED"])]);
    expect(reachedOf(overall.steps)).toEqual({
      SOURCED: 1,
      CONTACTED: 1,
      QUESTIONNAIRE_SENT: 1,
      QUESTIONNAIRE_PASSED: 1,
      INTERVIEW_INVITED: 1,
      INTERVIEWED: 0,
      PROBATION: 0,
      HIRED: 0,
    });
  });

  it("makes reached counts non-increasing along the funnel and computes conversion", () => {
    const { overall } = buildFunnels([
      row("v1", "SOURCED", ["SOURCED"], 50),
      row("v1", "CONTACTED", ["SOURCED", "CONTACTED"], 30),
      row("v1", "REJECTED", ["SOURCED", "CONTACTED", "REJECTED"], 10),
      row("v1", "HIRED", ["SOURCED", "CONTACTED", "INTERVIEWED", "PROBATION", "HIRED"], 10),
    ]);
    expect(overall.total).toBe(100);
    const reached = overall.steps.map((s) => s.reached);
    expect(reached).toEqual([100, 50, 10, 10, 10, 10, 10, 10]);
    for (let i = 1; i < reached.length; i++) expect(reached[i]).toBeLessThanOrEqual(reached[i - 1]!);
    expect(overall.steps[0]!.conversion).toBeNull();
    expect(overall.steps[1]!.conversion).toBeCloseTo(0.5);
    expect(overall.steps[2]!.conversion).toBeCloseTo(0.2);
    expect(overall.steps[7]!.conversion).toBe(1);
  });

  it("counts where applications are now, exits included", () => {
    const { overall } = buildFunnels([
      row("v1", "REJECTED", ["SOURCED", "REJECTED"], 3),
      row("v2", "WITHDRAWN", ["SOURCED", "WITHDRAWN"], 2),
      row("v2", "PROBATION", ["SOURCED", "PROBATION"], 1),
    ]);
    expect(overall.now.REJECTED).toBe(3);
    expect(overall.now.WITHDRAWN).toBe(2);
    expect(overall.now.PROBATION).toBe(1);
    expect(overall.now.SOURCED).toBe(0);
  });

  it("splits by vacancy, keeping requested vacancies without applications, in order", () => {
    const { byVacancy, overall } = buildFunnels(
      [row("v2", "CONTACTED", ["SOURCED", "CONTACTED"], 4), row("v3", "SOURCED", [], 1)],
      ["v1", "v2"],
    );
    expect(byVacancy.map((v) => v.vacancyId)).toEqual(["v1", "v2", "v3"]);
    expect(byVacancy[0]!.funnel.total).toBe(0);
    expect(byVacancy[0]!.funnel.steps.every((s) => s.reached === 0 && s.conversion === null)).toBe(true);
    expect(byVacancy[1]!.funnel.steps[1]).toEqual({ stage: "CONTACTED", reached: 4, conversion: 1 });
    expect(overall.total).toBe(5);
  });

  it("has one step per funnel stage, in funnel order", () => {
    expect(buildFunnels([]).overall.steps.map((s) => s.stage)).toEqual([...FUNNEL]);
  });

  it("reports no conversion after an empty step rather than dividing by zero", () => {
    const { overall } = buildFunnels([row("v1", "SOURCED", ["SOURCED"], 5)]);
    expect(overall.steps[2]!.conversion).toBeNull();
    expect(overall.steps[1]!.conversion).toBe(0);
  });
});
