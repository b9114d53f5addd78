import type { Stage } from "@prisma/client";

/**
 * The hiring funnel's rules, pure and client-safe: which stage may follow which.
 * Every change of an application's stage is checked here (by moveToStage on the
 * server, and by the UI to offer only legal moves).
 *
 * Rules, and why:
 * - Forward moves may skip stages: an internal candidate goes straight from SOURCED
 *   to INTERVIEW_INVITED, a referral may skip the questionnaire.
 * - Back exactly one funnel step is allowed with a reason: people click the wrong
 *   button, and the history must say why the funnel went backwards.
 * - REJECTED and WITHDRAWN are exits reachable from any open stage. A rejection
 *   reason is recommended but optional, because bulk knock-outs pass their own.
 * - An exit can be reopened only to the stage the application left from, with a
 *   reason (the candidate changed their mind, the rejection was a mistake).
 * - HIRED is final: only WITHDRAWN (the hire fell through: did not start, left at
 *   once) or back to PROBATION (a mistaken click) may follow it, both with a reason.
 *   A failed probation is PROBATION → REJECTED, never HIRED → REJECTED.
 */

/** Same order as `enum Stage` in prisma/schema.prisma (a unit test checks it). */
export const STAGES = [
  "SOURCED",
  "CONTACTED",
  "QUESTIONNAIRE_SENT",
  "QUESTIONNAIRE_PASSED",
  "INTERVIEW_INVITED",
  "INTERVIEWED",
  "PROBATION",
  "HIRED",
  "REJECTED",
  "WITHDRAWN",
] as const satisfies readonly Stage[];

/** The funnel proper, in order; everything else is an exit. */
export const FUNNEL = STAGES.slice(0, 8) as readonly Stage[];
export const EXITS = ["REJECTED", "WITHDRAWN"] as const satisfies readonly Stage[];

const funnelIndex = (stage: Stage) => FUNNEL.indexOf(stage);

export function isExit(stage: Stage): boolean {
  return stage === "REJECTED" || stage === "WITHDRAWN";
}

/** Still in the running: neither hired nor out. */
export function isOpen(stage: Stage): boolean {
  return !isExit(stage) && stage !== "HIRED";
}

export type MoveKind = "forward" | "back" | "exit" | "reopen";
export type MoveProblem = "same-stage" | "not-allowed" | "reason-required";
export type MoveCheck = { ok: true; kind: MoveKind } | { ok: false; problem: MoveProblem };

export type MoveContext = {
  reason?: string | null;
  /** For a move out of REJECTED/WITHDRAWN: the stage the application left from. */
  stageBeforeExit?: Stage | null;
};

/** What kind of move from → to is, ignoring reasons; null when never allowed. */
export function moveKind(from: Stage, to: Stage, stageBeforeExit?: Stage | null): MoveKind | null {
  if (from === to) return null;
  if (isExit(from)) return to === stageBeforeExit && !isExit(to) ? "reopen" : null;
  if (from === "HIRED") {
    if (to === "WITHDRAWN") return "exit";
    return to === "PROBATION" ? "back" : null;
  }
  if (isExit(to)) return "exit";
  const step = funnelIndex(to) - funnelIndex(from);
  if (step > 0) return "forward";
  return step === -1 ? "back" : null;
}

/** Whether the move needs a written reason (the UI shows the field when it does). */
export function needsReason(from: Stage, to: Stage): boolean {
  const kind = moveKind(from, to, isExit(from) ? to : null);
  return kind === "back" || kind === "reopen" || (from === "HIRED" && kind === "exit");
}

export function checkMove(from: Stage, to: Stage, context: MoveContext = {}): MoveCheck {
  if (from === to) return { ok: false, problem: "same-stage" };
  const kind = moveKind(from, to, context.stageBeforeExit);
  if (!kind) return { ok: false, problem: "not-allowed" };
  if (needsReason(from, to) && !context.reason?.trim()) return { ok: false, problem: "reason-required" };
  return { ok: true, kind };
}

export function canMove(from: Stage, to: Stage, context: MoveContext = {}): boolean {
  return checkMove(from, to, context).ok;
}

/** Stages an application at `from` may move to (some of them need a reason). */
export function movesFrom(from: Stage, stageBeforeExit?: Stage | null): Stage[] {
  return STAGES.filter((to) => moveKind(from, to, stageBeforeExit) !== null);
}

/**
 * The typical sequence of stages from SOURCED to `stage`, both included. For an exit,
 * `exitFrom` says where the application left (SOURCED when not given).
 */
export function pathTo(stage: Stage, exitFrom: Stage = "SOURCED"): Stage[] {
  if (isExit(stage)) {
    if (!isOpen(exitFrom) && exitFrom !== "HIRED") throw new Error(`cannot exit from ${exitFrom}`);
    return [...pathTo(exitFrom), stage];
  }
  return FUNNEL.slice(0, funnelIndex(stage) + 1);
}

export type HistoryStep = { fromStage: Stage | null; toStage: Stage; reason?: string | null; event?: string | null };

/** The stage an application left from to reach its current exit, read from its history. */
export function stageBeforeExit(history: readonly HistoryStep[]): Stage | null {
  const last = history.at(-1);
  return last && isExit(last.toStage) ? last.fromStage : null;
}

/**
 * Checks a whole stage history (oldest first): it starts with null → SOURCED, each
 * step starts where the previous one ended, and every move is legal. Returns the
 * index of the first bad step, or -1 when the history is consistent. Rows with an
 * `event` and the same stage on both sides are steps inside a stage, always fine
 * where the stage is right.
 */
export function firstBadStep(history: readonly HistoryStep[]): number {
  for (let i = 0; i < history.length; i++) {
    const step = history[i]!;
    if (i === 0) {
      if (step.fromStage !== null || step.toStage !== "SOURCED") return 0;
      continue;
    }
    const before = history.slice(0, i);
    if (step.fromStage !== before.at(-1)!.toStage) return i;
    // A step recorded inside the stage (an interview confirmed, a no-show) changes nothing.
    if (step.event && step.fromStage === step.toStage) continue;
    const context = { reason: step.reason, stageBeforeExit: stageBeforeExit(before) };
    if (!step.fromStage || !canMove(step.fromStage, step.toStage, context)) return i;
  }
  return -1;
}
