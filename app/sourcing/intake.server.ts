import crypto from "node:crypto";
import { sessionSecret } from "~/auth/session.server";
import { LOCALES, type AppLocale } from "~/i18n/i18n";
import { i18nFor } from "~/ui/i18n-instance";
import { type AuditAction } from "~/utils/audit-actions";
import { audit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { ingestRecords } from "./ingest.server";
import { APPLY_LIMIT_PER_HOUR, applyRecord, manualRecord, type ApplyForm, type ManualEntry } from "./intake";
import { CandidateRecordSchema } from "./record";

/**
 * Writing the people who come through a form: the public apply page and the
 * recruiters' manual entry. Both hand one CandidateRecord to ingest, which finds
 * an existing person by contact (so applying twice does not make two candidates),
 * writes the source record, work history and application, and audits it.
 */

/** A vacancy that takes applications: only open ones have a public page. */
export async function openVacancy(id: string) {
  return db().vacancy.findFirst({
    where: { id, status: "OPEN" },
    select: { id: true, title: true, city: true, industry: true, description: true, salaryMinRub: true, salaryMaxRub: true },
  });
}

export class ApplyRefused extends Error {
  constructor(readonly problem: "closed" | "too-many") {
    super(`Application refused: ${problem}`);
    this.name = "ApplyRefused";
  }
}

const sha256 = (text: string) => crypto.createHash("sha256").update(text, "utf8").digest("hex");

/** The consent text the apply page shows in a language, and its version (sha256 of the exact text). */
export function applyConsent(locale: AppLocale) {
  const text = i18nFor(locale).t("intake.apply.consentText");
  return { text, textSha256: sha256(text), locale };
}

/** The consent text a version names, in whichever language the page showed it; null when no page shows it (any more). */
export function consentByVersion(version: string | null) {
  if (!version) return null;
  return LOCALES.map(applyConsent).find((c) => c.textSha256 === version) ?? null;
}

/**
 * The address is kept as an HMAC keyed by the server's secret: enough to count one
 * sender's applications, not to read their address back from the audit trail (a plain
 * hash of an IPv4 address is reversed by trying all four billion).
 */
export function addressKey(ip: string, secret: string = sessionSecret()): string {
  return crypto.createHmac("sha256", secret).update(`apply-address:${ip}`).digest("hex").slice(0, 32);
}

const HOUR_MS = 60 * 60 * 1000;
/** What counts toward one address's hourly limit: applications and refused posts alike. */
const ATTEMPTS: AuditAction[] = ["vacancy.apply", "vacancy.apply-refused"];

/**
 * Counts this address's posts in the last hour, under a transaction-scoped advisory
 * lock on the address so parallel requests are counted one after another. Each post
 * leaves an audit entry with the address key (only the last hour is read, through the
 * createdAt index): no extra table, and every web process sees the same count. The
 * questionnaire's open link (app/questionnaires/submit.server.ts) counts under the same limit.
 */
export async function lockAndCount(tx: Tx, address: string, now: Date): Promise<number> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${address}))`;
  return tx.auditEntry.count({
    where: {
      action: { in: ATTEMPTS },
      createdAt: { gt: new Date(now.getTime() - HOUR_MS) },
      details: { path: ["address"], equals: address },
    },
  });
}

export type RefusedPost = "honeypot" | "invalid" | "too-large";

/**
 * A post the page refused (a bot's trap field, a form that does not validate, a body
 * too large) still counts toward the address's limit, so a script cannot try without
 * end. Returns whether the address is over its limit. Once it is, nothing more is
 * written: a flood does not fill the trail.
 */
export async function refuseApplication(input: { vacancyId: string; ip: string; problem: RefusedPost; now?: Date }): Promise<{ limited: boolean }> {
  const now = input.now ?? new Date();
  const address = addressKey(input.ip);
  return db().$transaction(async (tx) => {
    if ((await lockAndCount(tx, address, now)) >= APPLY_LIMIT_PER_HOUR) return { limited: true };
    await audit(tx, { actorId: null, action: "vacancy.apply-refused", entityType: "Vacancy", entityId: input.vacancyId, details: { address, problem: input.problem } });
    return { limited: false };
  });
}

/**
 * One application from the public page, within the per-address limit. The consent is
 * kept on the source record (what was shown, to which vacancy). When the form made a
 * new person it is theirs too: a "consent given" entry, which the profile lists. When
 * it met someone we have, it is not: anyone can type anyone's e-mail (ADR 013), so the
 * entry is "candidate.apply-unverified", naming the source record and application the
 * consent belongs to, and no personal data.
 */
export async function submitApplication(input: {
  vacancyId: string;
  form: ApplyForm;
  fields: Record<string, string>;
  consent: { text: string; textSha256: string; locale: string };
  ip: string;
  now?: Date;
}) {
  const now = input.now ?? new Date();
  const address = addressKey(input.ip);
  return db().$transaction(async (tx) => {
    const recent = await lockAndCount(tx, address, now);
    const vacancy = await tx.vacancy.findFirst({ where: { id: input.vacancyId, status: "OPEN" }, select: { id: true } });
    if (!vacancy) throw new ApplyRefused("closed");
    if (recent >= APPLY_LIMIT_PER_HOUR) throw new ApplyRefused("too-many");

    const consent = { ...input.consent, at: now, vacancyId: vacancy.id };
    const record = CandidateRecordSchema.parse(applyRecord(input.form, consent, input.fields));
    const [outcome] = await ingestRecords(tx, [record], { vacancyId: vacancy.id, actorId: null });
    // Ingest audits the candidate's own changes; this entry is the application's
    // arrival (and the rate limit's count). No candidate when the person had their data erased.
    const candidateId = outcome && !outcome.erased ? outcome.candidateId : null;
    await audit(tx, {
      actorId: null,
      action: "vacancy.apply",
      entityType: "Vacancy",
      entityId: vacancy.id,
      details: { address, candidateId },
    });
    if (candidateId) {
      const given = { vacancyId: vacancy.id, textSha256: consent.textSha256, locale: consent.locale, channel: "apply-page" };
      await audit(
        tx,
        outcome!.status === "new"
          ? { actorId: null, action: "candidate.consent-given", entityType: "Candidate", entityId: candidateId, details: given }
          : {
              actorId: null,
              action: "candidate.apply-unverified",
              entityType: "Candidate",
              entityId: candidateId,
              details: { ...given, sourceRecordId: outcome!.sourceRecordId, applicationId: outcome!.applicationId },
            },
      );
    }
    return { candidateId };
  });
}

/** A candidate added by a recruiter: by hand, a referral or an internal employee. */
export async function addManualCandidate(input: {
  form: ManualEntry;
  actor: { id: string; name: string; locale: AppLocale };
  raw: Record<string, string>;
  now?: Date;
}) {
  const { form, actor } = input;
  const t = i18nFor(actor.locale).t;
  const consentText =
    form.kind === "INTERNAL" ? t("intake.manual.internalConsent") : t("intake.manual.consentText", { name: actor.name });
  const note =
    form.kind === "REFERRAL"
      ? t("intake.manual.referralNote", { name: form.referrerName, contact: form.referrerContact })
      : form.kind === "INTERNAL"
        ? t("intake.manual.internalNote", { department: form.department })
        : null;
  const record = CandidateRecordSchema.parse(
    manualRecord(form, { at: input.now ?? new Date(), text: consentText }, note, input.raw),
  );
  return db().$transaction(async (tx) => {
    if (form.vacancyId) {
      const vacancy = await tx.vacancy.findFirst({ where: { id: form.vacancyId, status: { not: "CLOSED" } }, select: { id: true } });
      if (!vacancy) throw new ManualEntryRefused("vacancy");
    }
    const [outcome] = await ingestRecords(tx, [record], { vacancyId: form.vacancyId, actorId: actor.id });
    if (!outcome) throw new Error("ingest returned no outcome for one record");
    // The recruiter vouches for the person's consent; an employee's data needs none.
    if (form.kind !== "INTERNAL" && !outcome.erased) {
      await audit(tx, {
        actorId: actor.id,
        action: "candidate.consent-given",
        entityType: "Candidate",
        entityId: outcome.candidateId,
        details: { vacancyId: form.vacancyId, textSha256: sha256(consentText), locale: actor.locale, channel: "manual-form" },
      });
    }
    // Someone already known (or erased on request) is shown as they are: the profile says which.
    return { candidateId: outcome.candidateId, status: outcome.status, erased: outcome.erased };
  });
}

export class ManualEntryRefused extends Error {
  constructor(readonly field: "vacancy") {
    super(`Manual entry refused: ${field}`);
    this.name = "ManualEntryRefused";
  }
}
