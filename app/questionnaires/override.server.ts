import { type QuestionnaireVerdict, type Stage } from "@prisma/client";
import { moveToStage, StageMoveError, type StageMoveProblem } from "~/pipeline/pipeline.server";
import { stageBeforeExit } from "~/pipeline/stages";
import { contactRefusals } from "~/sourcing/contact-policy.server";
import { audit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { type OverrideProblem, overrideMoves } from "./override";

/**
 * A person changing what a questionnaire decided, with a reason. The response keeps
 * its own verdict; the override stands beside it. Setting it back to the
 * questionnaire's own verdict clears the override. The application follows through
 * the pipeline (app/questionnaires/override.ts says which moves), and the change, the
 * moves and the audit entry commit together or not at all.
 */

export class OverrideRefused extends Error {
  constructor(readonly problem: OverrideProblem | "not-found" | StageMoveProblem) {
    super(`Questionnaire override refused: ${problem}`);
    this.name = "OverrideRefused";
  }
}

export type OverrideResult = { from: QuestionnaireVerdict; to: QuestionnaireVerdict; cleared: boolean; stageFrom: Stage; stageTo: Stage };

export async function overrideVerdict(
  tx: Tx,
  input: { responseId: string; to: QuestionnaireVerdict; reason: string; actorId: string },
): Promise<OverrideResult> {
  const found = await tx.questionnaireResponse.findUnique({ where: { id: input.responseId }, select: { applicationId: true } });
  if (!found) throw new OverrideRefused("not-found");
  // The person, then the application, then the response: the order every writer of them locks in.
  await contactRefusals(tx, [found.applicationId]);
  const [response] = await tx.$queryRaw<Array<{ verdict: QuestionnaireVerdict; override: QuestionnaireVerdict | null; applicationId: string; vacancyId: string }>>`
    SELECT verdict::text AS verdict, override::text AS override, "applicationId", "vacancyId"
    FROM "QuestionnaireResponse" WHERE id = ${input.responseId} FOR UPDATE`;
  if (!response) throw new OverrideRefused("not-found");
  const application = await tx.application.findUniqueOrThrow({
    where: { id: response.applicationId },
    select: { stage: true, candidateId: true },
  });
  const lastChange = await tx.stageChange.findFirst({
    where: { applicationId: response.applicationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { fromStage: true, toStage: true },
  });
  const from = response.override ?? response.verdict;
  const plan = overrideMoves({ from, to: input.to, stage: application.stage, stageBeforeExit: lastChange ? stageBeforeExit([lastChange]) : null });
  if (!plan.ok) throw new OverrideRefused(plan.problem);

  let stage = application.stage;
  for (const to of plan.moves) {
    try {
      stage = (await moveToStage(tx, { applicationId: response.applicationId, to, actorId: input.actorId, reason: input.reason })).stage;
    } catch (error) {
      // Thrown before the move wrote anything; the caller's transaction rolls back whatever came before.
      if (error instanceof StageMoveError) throw new OverrideRefused(error.problem);
      throw error;
    }
  }

  const cleared = input.to === response.verdict;
  await tx.questionnaireResponse.update({
    where: { id: input.responseId },
    data: cleared
      ? { override: null, overrideReason: null, overrideById: null, overrideAt: null }
      : { override: input.to, overrideReason: input.reason, overrideById: input.actorId, overrideAt: new Date() },
  });
  await audit(tx, {
    actorId: input.actorId,
    action: "questionnaire.override",
    entityType: "QuestionnaireResponse",
    entityId: input.responseId,
    details: {
      from,
      to: input.to,
      reason: input.reason,
      cleared,
      applicationId: response.applicationId,
      vacancyId: response.vacancyId,
      candidateId: application.candidateId,
      stageFrom: application.stage,
      stageTo: stage,
    },
  });
  return { from, to: input.to, cleared, stageFrom: application.stage, stageTo: stage };
}

/** overrideVerdict in a transaction of its own. */
export function overrideResponseVerdict(input: Parameters<typeof overrideVerdict>[1]): Promise<OverrideResult> {
  return db().$transaction((tx) => overrideVerdict(tx, input), { maxWait: 10_000, timeout: 15_000 });
}
