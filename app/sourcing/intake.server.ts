import crypto from "node:crypto";
import { getOptionalUser } from "~/auth/session.server";
import { localeFromHeader, type AppLocale } from "~/i18n/i18n";
import { i18nFor } from "~/ui/i18n-instance";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { localeFromCookie } from "~/utils/http";
import { ingestRecords } from "./ingest.server";
import { APPLY_LIMIT_PER_HOUR, applyRecord, manualRecord, type ApplyForm, type ManualEntry } from "./intake";
import { CandidateRecordSchema } from "./record";

/**
 * Writing the people who come through a form: the public apply page and the
 * recruiters' manual entry. Both hand one CandidateRecord to ingest, which finds
 * an existing person by contact (so applying twice does not make two candidates),
 * writes the source record, work history and application, and audits it.
 */

/** The language the page is shown in, chosen as the root loader chooses it. */
export async function requestLocale(request: Request): Promise<AppLocale> {
  const user = await getOptionalUser(request);
  return (
    user?.locale ??
    localeFromCookie(request.headers.get("Cookie")) ??
    localeFromHeader(request.headers.get("Accept-Language"))
  );
}

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

/**
 * The address is kept hashed: enough to count one sender's applications, not to
 * read their address back from the audit trail.
 */
export function addressKey(ip: string): string {
  return crypto.createHash("sha256").update(`apply:${ip}`).digest("hex").slice(0, 32);
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * One application from the public page. The per-address limit counts this
 * address's earlier applications in the audit trail (each leaves a "vacancy.apply"
 * entry with the hashed address; only the last hour is read, through the createdAt
 * index), under a transaction-scoped advisory lock on the address so parallel
 * requests are counted one after another. No extra table, and every web process
 * sees the same count.
 */
export async function submitApplication(input: {
  vacancyId: string;
  form: ApplyForm;
  raw: Record<string, string>;
  consentText: string;
  ip: string;
  now?: Date;
}) {
  const now = input.now ?? new Date();
  const address = addressKey(input.ip);
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${address}))`;
    const vacancy = await tx.vacancy.findFirst({ where: { id: input.vacancyId, status: "OPEN" }, select: { id: true } });
    if (!vacancy) throw new ApplyRefused("closed");
    const recent = await tx.auditEntry.count({
      where: {
        action: "vacancy.apply",
        createdAt: { gt: new Date(now.getTime() - HOUR_MS) },
        details: { path: ["address"], equals: address },
      },
    });
    if (recent >= APPLY_LIMIT_PER_HOUR) throw new ApplyRefused("too-many");

    const record = CandidateRecordSchema.parse(
      applyRecord(input.form, { at: now, text: input.consentText }, input.raw),
    );
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
