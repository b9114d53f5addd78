import { type Locale, type Stage } from "@prisma/client";
import { moveToStage } from "~/pipeline/pipeline.server";
import { knockouts } from "~/questionnaires/knockouts";
import { type Answers } from "~/questionnaires/questions";
import { score } from "~/questionnaires/scoring";
import { currentVersion, versionById } from "~/questionnaires/store.server";
import { db } from "~/utils/db.server";

/**
 * A questionnaire response written the way the public form's submit does it, without
 * depending on that code: score and knock-outs from the pure functions, verdict
 * PASSED or KNOCKED_OUT, and the application moved through the pipeline (passed →
 * QUESTIONNAIRE_PASSED, knocked out → REJECTED with "Анкета: …") when it was still at
 * SOURCED, CONTACTED or QUESTIONNAIRE_SENT. Answers are given as stored (validated form).
 */
const MOVABLE: readonly Stage[] = ["SOURCED", "CONTACTED", "QUESTIONNAIRE_SENT"];

export async function insertResponse(input: {
  applicationId: string;
  answers: Answers;
  /** Default: the newest version of the vacancy's questionnaire. */
  versionId?: string;
  /** The link it came through; none: the vacancy's open link. */
  inviteId?: string | null;
  submittedAt?: Date;
  locale?: Locale;
}) {
  return db().$transaction(async (tx) => {
    const application = await tx.application.findUniqueOrThrow({
      where: { id: input.applicationId },
      select: { vacancyId: true, stage: true, vacancy: { select: { salaryMaxRub: true, questionnaireId: true } } },
    });
    const version = input.versionId ? await versionById(tx, input.versionId) : await currentVersion(tx, application.vacancy.questionnaireId ?? "");
    if (!version) throw new Error("insertResponse: no questionnaire version");
    const out = knockouts(version.definition, input.answers, { vacancy: { salaryMaxRub: application.vacancy.salaryMaxRub } });
    const verdict = out.length ? "KNOCKED_OUT" : "PASSED";
    const submittedAt = input.submittedAt ?? new Date();
    const response = await tx.questionnaireResponse.create({
      data: {
        applicationId: input.applicationId,
        vacancyId: application.vacancyId,
        questionnaireId: version.questionnaireId,
        versionId: version.id,
        inviteId: input.inviteId ?? null,
        answers: input.answers,
        score: score(version.definition, input.answers),
        knockouts: out,
        verdict,
        locale: input.locale ?? "ru",
        consentVersion: "c0ffee".repeat(10).slice(0, 64),
        consentAt: submittedAt,
        submittedAt,
      },
    });
    if (MOVABLE.includes(application.stage)) {
      await moveToStage(tx, {
        applicationId: input.applicationId,
        to: verdict === "PASSED" ? "QUESTIONNAIRE_PASSED" : "REJECTED",
        actorId: null,
        reason: verdict === "PASSED" ? null : `Анкета: ${out.map((k) => k.reason).join("; ")}`,
      });
    }
    return response;
  });
}
