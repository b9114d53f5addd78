import { type QuestionnaireVerdict } from "@prisma/client";
import { db, type Tx } from "~/utils/db.server";
import { answerRows, effectiveVerdict, shownKnockout, storedAnswers, storedKnockouts } from "./response-view";
import { versionById } from "./store.server";

/**
 * One response as staff read it (/questionnaires/responses/:id): against the version
 * the candidate answered, with the newest version's number beside it, the override
 * and its history. For an erased candidate: no name, no answers (erasure emptied
 * them) and no free-text reasons; the score, verdict and knock-out rules stay.
 */
export async function loadResponse(id: string) {
  const response = await db().questionnaireResponse.findUnique({
    where: { id },
    select: {
      id: true,
      score: true,
      verdict: true,
      override: true,
      overrideReason: true,
      overrideAt: true,
      overrideById: true,
      knockouts: true,
      answers: true,
      versionId: true,
      questionnaireId: true,
      inviteId: true,
      locale: true,
      consentVersion: true,
      consentAt: true,
      submittedAt: true,
      questionnaire: { select: { id: true, name: true } },
      vacancy: { select: { id: true, title: true, city: true } },
      application: {
        select: { id: true, stage: true, candidate: { select: { id: true, firstName: true, lastName: true, middleName: true, erasedAt: true } } },
      },
    },
  });
  if (!response) return null;
  const [version, newest, overrider, entries] = await Promise.all([
    versionById(db(), response.versionId),
    db().questionnaireVersion.findFirst({ where: { questionnaireId: response.questionnaireId }, orderBy: { version: "desc" }, select: { version: true } }),
    response.overrideById ? db().user.findUnique({ where: { id: response.overrideById }, select: { name: true } }) : null,
    db().auditEntry.findMany({
      where: { entityType: "QuestionnaireResponse", entityId: id, action: "questionnaire.override" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 20,
      select: { id: true, createdAt: true, details: true, actor: { select: { name: true } } },
    }),
  ]);
  if (!version) throw new Error(`Response ${id} points to a missing version`);
  const { candidate } = response.application;
  const erased = Boolean(candidate.erasedAt);
  const knockouts = storedKnockouts(response.knockouts);
  return {
    id: response.id,
    score: response.score,
    verdict: response.verdict,
    effective: effectiveVerdict(response),
    override: response.override
      ? { to: response.override, reason: erased ? null : response.overrideReason, at: response.overrideAt, byName: overrider?.name ?? null }
      : null,
    history: entries.map((e) => {
      const details = (e.details ?? {}) as { from?: QuestionnaireVerdict; to?: QuestionnaireVerdict; reason?: string; cleared?: boolean };
      return {
        id: e.id.toString(),
        at: e.createdAt,
        byName: e.actor?.name ?? null,
        from: details.from ?? null,
        to: details.to ?? null,
        cleared: Boolean(details.cleared),
        reason: erased ? null : (details.reason ?? null),
      };
    }),
    viaOpenLink: response.inviteId === null,
    locale: response.locale,
    consentVersion: response.consentVersion,
    consentAt: response.consentAt,
    submittedAt: response.submittedAt,
    questionnaire: { ...response.questionnaire, version: version.version, newestVersion: newest?.version ?? version.version },
    vacancy: response.vacancy,
    application: { id: response.application.id, stage: response.application.stage },
    candidate: { id: candidate.id, name: erased ? null : { firstName: candidate.firstName, lastName: candidate.lastName, middleName: candidate.middleName } },
    erased,
    rows: answerRows(version.definition, erased ? {} : storedAnswers(response.answers), knockouts),
    knockouts: knockouts.map((k) => shownKnockout(version.definition, k)),
  };
}

export type ResponseSummary = { id: string; score: number; verdict: QuestionnaireVerdict; overridden: boolean };

/**
 * Each application's questionnaire result in brief (the candidate profile's line),
 * by application id: the latest response when there are several.
 */
export async function responseSummaries(tx: Pick<Tx, "questionnaireResponse">, applicationIds: readonly string[]): Promise<Map<string, ResponseSummary>> {
  const out = new Map<string, ResponseSummary>();
  if (!applicationIds.length) return out;
  const responses = await tx.questionnaireResponse.findMany({
    where: { applicationId: { in: [...applicationIds] } },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    select: { id: true, applicationId: true, score: true, verdict: true, override: true },
  });
  for (const r of responses) out.set(r.applicationId, { id: r.id, score: r.score, verdict: effectiveVerdict(r), overridden: r.override !== null });
  return out;
}
