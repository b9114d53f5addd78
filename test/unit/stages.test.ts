import { Stage } from "@prisma/client";
import { describe, expect, it } from "vitest";
import {
  EXITS,
  FUNNEL,
  STAGES,
  canMove,
  checkMove,
  firstBadStep,
  isOpen,
  movesFrom,
  needsReason,
  pathTo,
  stageBeforeExit,
  type HistoryStep,
} from "~/pipeline/stages";

describe("stage list", () => {
  it("matches the Prisma enum, in order", () => {
    expect([...STAGES]).toEqual(Object.values(Stage));
  });

  it("splits into the funnel and two exits", () => {
    expect([...FUNNEL, ...EXITS]).toEqual([...STAGES]);
  });

  it.each([
    ["SOURCED", true],
    ["INTERVIEWED", true],
    ["PROBATION", true],
    ["HIRED", false],
    ["REJECTED", false],
    ["WITHDRAWN", false],
  ] as const)("isOpen(%s) is %s", (stage, open) => {
    expect(isOpen(stage)).toBe(open);
  });
});

describe("canMove", () => {
  it.each([
    ["SOURCED", "CONTACTED"],
    ["CONTACTED", "QUESTIONNAIRE_SENT"],
    ["SOURCED", "INTERVIEW_INVITED"], // internal candidate skips outreach and questionnaire
    ["CONTACTED", "INTERVIEW_INVITED"], // referral skips the questionnaire
    ["INTERVIEWED", "PROBATION"],
    ["PROBATION", "HIRED"],
    ["SOURCED", "HIRED"],
  ] as const)("allows forward %s → %s without a reason", (from, to) => {
    expect(checkMove(from, to)).toEqual({ ok: true, kind: "forward" });
  });

  it("allows every exit from every open stage, without a reason", () => {
    for (const from of FUNNEL.filter(isOpen)) {
      for (const to of EXITS) expect(checkMove(from, to)).toEqual({ ok: true, kind: "exit" });
    }
  });

  it("refuses a move to the same stage", () => {
    for (const stage of STAGES) {
      expect(checkMove(stage, stage, { reason: "x", stageBeforeExit: stage })).toEqual({ ok: false, problem: "same-stage" });
    }
  });

  it.each([
    ["CONTACTED", "SOURCED"],
    ["INTERVIEW_INVITED", "QUESTIONNAIRE_PASSED"],
    ["PROBATION", "INTERVIEWED"],
    ["HIRED", "PROBATION"],
  ] as const)("allows back one step %s → %s only with a reason", (from, to) => {
    expect(checkMove(from, to)).toEqual({ ok: false, problem: "reason-required" });
    expect(checkMove(from, to, { reason: "   " })).toEqual({ ok: false, problem: "reason-required" });
    expect(checkMove(from, to, { reason: "Нажали не ту кнопку" })).toEqual({ ok: true, kind: "back" });
  });

  it.each([
    ["QUESTIONNAIRE_SENT", "SOURCED"],
    ["INTERVIEWED", "CONTACTED"],
    ["HIRED", "INTERVIEWED"],
  ] as const)("refuses back more than one step %s → %s even with a reason", (from, to) => {
    expect(checkMove(from, to, { reason: "Передумали" })).toEqual({ ok: false, problem: "not-allowed" });
  });

  it("lets HIRED go only to WITHDRAWN or back to PROBATION, with a reason", () => {
    const reason = "Не вышел на работу";
    expect(movesFrom("HIRED")).toEqual(["PROBATION", "WITHDRAWN"]);
    expect(canMove("HIRED", "REJECTED", { reason })).toBe(false);
    expect(canMove("HIRED", "WITHDRAWN")).toBe(false);
    expect(canMove("HIRED", "WITHDRAWN", { reason })).toBe(true);
  });

  it("reopens an exit only to the stage it left from, with a reason", () => {
    const reason = "Кандидат передумал";
    const ctx = { reason, stageBeforeExit: "QUESTIONNAIRE_SENT" as const };
    expect(checkMove("WITHDRAWN", "QUESTIONNAIRE_SENT", ctx)).toEqual({ ok: true, kind: "reopen" });
    expect(checkMove("REJECTED", "QUESTIONNAIRE_SENT", ctx)).toEqual({ ok: true, kind: "reopen" });
    expect(checkMove("WITHDRAWN", "QUESTIONNAIRE_SENT", { stageBeforeExit: "QUESTIONNAIRE_SENT" })).toEqual({
      ok: false,
      problem: "reason-required",
    });
    expect(canMove("WITHDRAWN", "CONTACTED", ctx)).toBe(false);
    expect(canMove("WITHDRAWN", "INTERVIEW_INVITED", ctx)).toBe(false);
    expect(canMove("WITHDRAWN", "QUESTIONNAIRE_SENT", { reason })).toBe(false); // history unknown
    expect(canMove("REJECTED", "WITHDRAWN", { reason, stageBeforeExit: "SOURCED" })).toBe(false);
    expect(canMove("WITHDRAWN", "REJECTED", { reason, stageBeforeExit: "SOURCED" })).toBe(false);
  });

  it("says which moves need a reason", () => {
    expect(needsReason("SOURCED", "CONTACTED")).toBe(false);
    expect(needsReason("CONTACTED", "REJECTED")).toBe(false);
    expect(needsReason("CONTACTED", "SOURCED")).toBe(true);
    expect(needsReason("REJECTED", "CONTACTED")).toBe(true);
    expect(needsReason("HIRED", "WITHDRAWN")).toBe(true);
  });

  it("offers from an open stage every later stage, one step back and both exits", () => {
    expect(movesFrom("QUESTIONNAIRE_SENT")).toEqual([
      "CONTACTED",
      "QUESTIONNAIRE_PASSED",
      "INTERVIEW_INVITED",
      "INTERVIEWED",
      "PROBATION",
      "HIRED",
      "REJECTED",
      "WITHDRAWN",
    ]);
    expect(movesFrom("SOURCED")).not.toContain("SOURCED");
    expect(movesFrom("REJECTED", "INTERVIEWED")).toEqual(["INTERVIEWED"]);
    expect(movesFrom("REJECTED")).toEqual([]);
  });
});

describe("pathTo", () => {
  it("walks the funnel from SOURCED", () => {
    expect(pathTo("SOURCED")).toEqual(["SOURCED"]);
    expect(pathTo("QUESTIONNAIRE_PASSED")).toEqual(["SOURCED", "CONTACTED", "QUESTIONNAIRE_SENT", "QUESTIONNAIRE_PASSED"]);
    expect(pathTo("HIRED")).toEqual([...FUNNEL]);
  });

  it("ends an exit path with the exit, after the stage left from", () => {
    expect(pathTo("REJECTED")).toEqual(["SOURCED", "REJECTED"]);
    expect(pathTo("WITHDRAWN", "CONTACTED")).toEqual(["SOURCED", "CONTACTED", "WITHDRAWN"]);
    expect(pathTo("WITHDRAWN", "HIRED").at(-2)).toBe("HIRED");
    expect(() => pathTo("REJECTED", "WITHDRAWN")).toThrow();
  });

  it("is made of legal moves for every stage", () => {
    const ends = [
      ...FUNNEL.map((s) => pathTo(s)),
      ...FUNNEL.filter(isOpen).map((s) => pathTo("REJECTED", s)),
    ];
    for (const path of ends) {
      for (let i = 1; i < path.length; i++) expect(canMove(path[i - 1]!, path[i]!)).toBe(true);
    }
  });
});

describe("history checks", () => {
  const step = (fromStage: Stage | null, toStage: Stage, reason?: string): HistoryStep => ({ fromStage, toStage, reason });

  it("accepts a history with a skip, an exit and a reopening", () => {
    const history = [
      step(null, "SOURCED"),
      step("SOURCED", "CONTACTED"),
      step("CONTACTED", "WITHDRAWN"),
      step("WITHDRAWN", "CONTACTED", "Перезвонил сам"),
      step("CONTACTED", "INTERVIEW_INVITED"),
    ];
    expect(firstBadStep(history)).toBe(-1);
    expect(stageBeforeExit(history.slice(0, 3))).toBe("CONTACTED");
    expect(stageBeforeExit(history)).toBeNull();
  });

  it("points at the first bad step", () => {
    expect(firstBadStep([step("SOURCED", "CONTACTED")])).toBe(0);
    expect(firstBadStep([step(null, "CONTACTED")])).toBe(0);
    expect(firstBadStep([step(null, "SOURCED"), step("CONTACTED", "INTERVIEWED")])).toBe(1); // gap
    expect(firstBadStep([step(null, "SOURCED"), step("SOURCED", "CONTACTED"), step("CONTACTED", "SOURCED")])).toBe(2);
    expect(
      firstBadStep([step(null, "SOURCED"), step("SOURCED", "REJECTED"), step("REJECTED", "CONTACTED", "Ошибка")]),
    ).toBe(2);
    expect(firstBadStep([])).toBe(-1);
  });

  it("accepts steps recorded inside a stage, but only where the stage is right and with an event", () => {
    const invited = [step(null, "SOURCED"), step("SOURCED", "INTERVIEW_INVITED")];
    const event = { fromStage: "INTERVIEW_INVITED", toStage: "INTERVIEW_INVITED", event: "INTERVIEW_NO_SHOW" } as const;
    expect(firstBadStep([...invited, event, step("INTERVIEW_INVITED", "INTERVIEWED")])).toBe(-1);
    expect(firstBadStep([...invited, { ...event, event: null }])).toBe(2);
    expect(firstBadStep([...invited, { ...event, fromStage: "INTERVIEWED", toStage: "INTERVIEWED" }])).toBe(2);
  });
});
