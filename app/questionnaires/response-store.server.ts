import crypto from "node:crypto";
import { type QuestionnaireVerdict, type Stage } from "@prisma/client";
import { type AppLocale } from "~/i18n/i18n";
import { moveToStage, StageMoveError } from "~/pipeline/pipeline.server";
import { type ContactBlock } from "~/sourcing/contact-policy";
import { i18nFor } from "~/ui/i18n-instance";
import { audit } from "~/utils/audit.server";
import { newId } from "~/utils/bulk-insert.server";
import { type Tx } from "~/utils/db.server";
import { questionnaireConsentByVersion, type QuestionnaireConsent } from "./consent.server";
import { type Knockout, knockouts } from "./knockouts";
import { type Answers, type Questionnaire, validateAnswers } from "./questions";
import { score } from "./scoring";
import { currentVersion, type CurrentVersion } from "./store.server";
import { type InvalidFields, knockoutReasons } from "./submission";

/**
 * What both ways of sending a questionnaire share (submit.server.ts): the version
 * check under the questionnaire's lock, the answers' and consent's check, and storing
 * one response with its consent, audit entries and stage move. Inside the caller's
 * transaction; callers go through submitResponse / submitOpenResponse.
 */

/** A response moves the application only while it waits for one; later stages are a person's decision. */
const WAITING_STAGES: readonly Stage[] = ["SOURCED", "CONTACTED", "QUESTIONNAIRE_SENT"];
const CONTACT_BLOCKS: readonly ContactBlock[] = ["erased", "do-not-contact", "excluded"];

/** A short fingerprint of a version's questions: a version replaced in place keeps its id, not its stamp. */
export function versionStamp(definition: Questionnaire): string {
  return crypto.createHash("sha256").update(JSON.stringify(definition), "utf8").digest("hex").slice(0, 16);
}

export type Submitted = {
  status: "submitted";
  responseId: string;
  applicationId: string;
  candidateId: string;
  verdict: QuestionnaireVerdict;
  score: number;
  knockouts: Knockout[];
  /** The version's number. */
  version: number;
  /** The application's stage afterwards, and whether this submit moved it. */
  stage: Stage;
  moved: boolean;
};

export type Refusal =
  | { status: "invalid"; errors: InvalidFields }
  /** The questions changed since the form was shown: show these, with the answers kept. */
  | { status: "version-changed"; version: CurrentVersion & { stamp: string } };

/** Locks the questionnaire (FOR SHARE) and then reads its newest version, so a save that committed meanwhile is seen. */
export async function lockedVersion(tx: Tx, questionnaireId: string) {
  const locked = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM "Questionnaire" WHERE id = ${questionnaireId} AND "archivedAt" IS NULL FOR SHARE`;
  if (!locked.length) return null;
  const version = await currentVersion(tx, questionnaireId);
  return version ? { ...version, stamp: versionStamp(version.definition) } : null;
}

export const isStale = (version: { id: string; stamp: string }, input: { versionId: string; versionStamp?: string | null }) =>
  version.id !== input.versionId || (input.versionStamp ? input.versionStamp !== version.stamp : false);

export type Checked = { ok: true; answers: Answers; consent: QuestionnaireConsent } | { ok: false; errors: InvalidFields };

export function checkAnswers(definition: Questionnaire, input: { raw: Record<string, unknown>; consentVersion: string | null; locale: AppLocale }): Checked {
  const result = validateAnswers(definition, input.raw, { locale: input.locale });
  const consent = questionnaireConsentByVersion(input.consentVersion);
  const consentError = !input.consentVersion
    ? "questionnaireForm.errors.consentRequired"
    : consent
      ? null
      : "questionnaireForm.errors.consentChanged";
  if (result.ok && consent) return { ok: true, answers: result.answers, consent };
  return { ok: false, errors: { answers: result.ok ? {} : result.errors, consent: consentError } };
}

export type Store = {
  applicationId: string;
  vacancy: { id: string; salaryMaxRub: number | null };
  questionnaireId: string;
  version: CurrentVersion;
  inviteId: string | null;
  answers: Answers;
  consent: QuestionnaireConsent;
  locale: AppLocale;
  now: Date;
  /**
   * The form is the person's own (a personal link): their consent is recorded on
   * them and the verdict moves their application. An open-link form that met
   * someone we had is not (ADR 013): it is stored for a person to read, nothing more.
   */
  verified: boolean;
};

/** The StageChange reason, in Russian like the rest of the history. */
function stageReason(definition: Questionnaire, fired: readonly Knockout[], total: number): string {
  const { t } = i18nFor("ru");
  if (!fired.length) return t("questionnaireForm.stage.passed", { score: String(total).replace(".", ",") });
  return t("questionnaireForm.stage.rejected", { reasons: knockoutReasons(definition, fired, t, "ru").join("; ") });
}

/**
 * Stores the response. "answered" when the application already has one for this
 * questionnaire (nothing is written); "erased" when the person's data was erased meanwhile.
 */
export async function storeResponse(tx: Tx, s: Store): Promise<Submitted | "answered" | "erased"> {
  const { definition } = s.version;
  const fired = knockouts(definition, s.answers, { vacancy: { salaryMaxRub: s.vacancy.salaryMaxRub } });
  const total = score(definition, s.answers);
  const verdict: QuestionnaireVerdict = fired.length ? "KNOCKED_OUT" : "PASSED";

  // People first, then the application: a second submit for the same application waits here.
  const [person] = await tx.$queryRaw<Array<{ id: string; consented: boolean; erased: boolean }>>`
    SELECT id, "consentAt" IS NOT NULL AS consented, "erasedAt" IS NOT NULL AS erased FROM "Candidate"
    WHERE id = (SELECT "candidateId" FROM "Application" WHERE id = ${s.applicationId}) FOR NO KEY UPDATE`;
  if (!person || person.erased) return "erased";
  const [application] = await tx.$queryRaw<Array<{ stage: Stage }>>`
    SELECT stage::text AS stage FROM "Application" WHERE id = ${s.applicationId} FOR UPDATE`;
  if (!application) return "erased";

  const inserted = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO "QuestionnaireResponse"
      (id, "applicationId", "vacancyId", "questionnaireId", "versionId", "inviteId", answers, score, knockouts, verdict,
       locale, "consentVersion", "consentAt", "submittedAt")
    VALUES (${newId()}, ${s.applicationId}, ${s.vacancy.id}, ${s.questionnaireId}, ${s.version.id}, ${s.inviteId},
      ${JSON.stringify(s.answers)}::jsonb, ${total}::double precision, ${JSON.stringify(fired)}::jsonb,
      ${verdict}::"QuestionnaireVerdict", ${s.locale}::"Locale", ${s.consent.textSha256},
      ${s.now}::timestamp, ${s.now}::timestamp)
    ON CONFLICT ("applicationId", "questionnaireId") DO NOTHING
    RETURNING id`;
  const responseId = inserted[0]?.id;
  if (!responseId) return "answered";

  if (s.verified) {
    if (!person.consented) {
      await tx.candidate.update({ where: { id: person.id }, data: { consentAt: s.now, consentText: s.consent.text } });
    }
    await audit(tx, {
      actorId: null,
      action: "candidate.consent-given",
      entityType: "Candidate",
      entityId: person.id,
      details: { vacancyId: s.vacancy.id, textSha256: s.consent.textSha256, locale: s.consent.locale, channel: "questionnaire", responseId },
    });
  }
  await audit(tx, {
    actorId: null,
    action: "questionnaire.submit",
    entityType: "Application",
    entityId: s.applicationId,
    details: { responseId, verdict, score: total, version: s.version.version },
  });

  let stage = application.stage;
  let moved = false;
  if (s.verified && WAITING_STAGES.includes(stage)) {
    const to: Stage = verdict === "PASSED" ? "QUESTIONNAIRE_PASSED" : "REJECTED";
    try {
      stage = (await moveToStage(tx, { applicationId: s.applicationId, to, actorId: null, reason: stageReason(definition, fired, total) })).stage;
      moved = true;
    } catch (error) {
      // Someone nobody may contact (do-not-contact, an excluded company without an
      // override) keeps their stage: the response is there for a person to decide on.
      if (!(error instanceof StageMoveError && (CONTACT_BLOCKS as readonly string[]).includes(error.problem))) throw error;
    }
  }
  return {
    status: "submitted",
    responseId,
    applicationId: s.applicationId,
    candidateId: person.id,
    verdict,
    score: total,
    knockouts: fired,
    version: s.version.version,
    stage,
    moved,
  };
}
