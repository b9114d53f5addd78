import { type QuestionnaireVerdict, type Stage } from "@prisma/client";
import { z } from "zod";
import { FUNNEL, isExit, isOpen } from "~/pipeline/stages";

/**
 * A person overriding a questionnaire's verdict, pure and client-safe: the form,
 * and which stage moves the change brings (the server makes them through the
 * pipeline, in the same transaction as the override).
 */

export const MAX_OVERRIDE_REASON = 500;

export const OverrideSchema = z.object({
  to: z.enum(["PASSED", "KNOCKED_OUT"], { error: "validation.invalidChoice" }),
  reason: z
    .string({ error: "questionnaireResults.errors.reasonRequired" })
    .trim()
    .min(1, "questionnaireResults.errors.reasonRequired")
    .max(MAX_OVERRIDE_REASON, `validation.tooLong|max=${MAX_OVERRIDE_REASON}`),
});
export type OverrideInput = z.output<typeof OverrideSchema>;

export type OverrideProblem = "unchanged" | "too-late" | "not-reopenable";
export type OverridePlan = { ok: true; moves: Stage[] } | { ok: false; problem: OverrideProblem };

/** Past interviews a questionnaire no longer decides anything: the person is on probation or hired. */
const LATE: readonly Stage[] = ["PROBATION", "HIRED"];
const PASSED_AT = FUNNEL.indexOf("QUESTIONNAIRE_PASSED");

/**
 * The stage moves that follow changing the effective verdict `from` → `to`, for an
 * application at `stage` (and, when it is an exit, the stage it left from):
 * - to passed: a rejected application is reopened to the stage it left from, then
 *   moved on to "questionnaire passed" when it is still before it; an open one before
 *   it moves there; one already further stays.
 * - to knocked out: an open application is rejected; one already out stays out.
 * - a withdrawn application stays withdrawn (the candidate left by themselves).
 * Refused once the application reached probation or was hired (also when it left
 * from there): the questionnaire no longer decides anything.
 */
export function overrideMoves(input: {
  from: QuestionnaireVerdict;
  to: QuestionnaireVerdict;
  stage: Stage;
  stageBeforeExit: Stage | null;
}): OverridePlan {
  const { from, to, stage, stageBeforeExit } = input;
  if (from === to) return { ok: false, problem: "unchanged" };
  const position = isExit(stage) ? stageBeforeExit : stage;
  if (position && LATE.includes(position)) return { ok: false, problem: "too-late" };
  if (to === "KNOCKED_OUT") return { ok: true, moves: isOpen(stage) ? ["REJECTED"] : [] };
  if (stage === "WITHDRAWN") return { ok: true, moves: [] };
  const moves: Stage[] = [];
  let at: Stage = stage;
  if (stage === "REJECTED") {
    if (!stageBeforeExit || isExit(stageBeforeExit)) return { ok: false, problem: "not-reopenable" };
    moves.push(stageBeforeExit);
    at = stageBeforeExit;
  }
  if (FUNNEL.indexOf(at) < PASSED_AT) moves.push("QUESTIONNAIRE_PASSED");
  return { ok: true, moves };
}
