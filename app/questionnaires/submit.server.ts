import { type AppLocale } from "~/i18n/i18n";
import { ingestPlanned } from "~/sourcing/ingest.server";
import { planIngest } from "~/sourcing/ingest-plan.server";
import { APPLY_LIMIT_PER_HOUR } from "~/sourcing/intake";
import { addressKey, lockAndCount } from "~/sourcing/intake.server";
import { CandidateRecordSchema } from "~/sourcing/record";
import { audit } from "~/utils/audit.server";
import { newId } from "~/utils/bulk-insert.server";
import { db } from "~/utils/db.server";
import { type QuestionnaireConsent } from "./consent.server";
import { lookupInvite } from "./invites.server";
import { checkAnswers, isStale, lockedVersion, type Refusal, storeResponse, type Submitted } from "./response-store.server";
import { type OpenPerson, OpenPersonSchema } from "./submission";

export { versionStamp, type Refusal, type Submitted } from "./response-store.server";

/**
 * A candidate sends a questionnaire: through their personal link (submitResponse) or
 * through the vacancy's open link (submitOpenResponse). Each is one transaction that
 * checks the answers against the questionnaire's newest version, stores exactly one
 * response per application (a second submit from another tab, link or request stores
 * nothing and is told "answered"), keeps the consent, audits, and moves the application
 * on: passed → QUESTIONNAIRE_PASSED, knocked out → REJECTED with the reasons.
 *
 * Plain inputs, no Request: the routes, the demo data and the load script call these.
 * The questionnaire row is locked FOR SHARE, so a builder's save (saveVersion takes
 * FOR UPDATE) and a submit happen one after the other: a version is never replaced
 * in place under a response, and a response never answers a version that is no
 * longer the newest. Then the person and the application are locked, in the order
 * every writer takes them (people first, ADR 013). The shared steps are in
 * response-store.server.ts.
 */

const TX_OPTIONS = { maxWait: 30_000, timeout: 30_000 };

export type SubmitOutcome =
  | Submitted
  | Refusal
  | { status: "not-found" }
  | { status: "expired"; vacancyTitle: string }
  | { status: "answered"; vacancyTitle: string };

export type SubmitInput = {
  /** The token from the link (/q/<token>). */
  token: string;
  /** The version the form showed, and its stamp (versionStamp; optional: without it only the id is compared). */
  versionId: string;
  versionStamp?: string | null;
  /** Form values by question id: strings, or lists of strings for a multiple choice. */
  raw: Record<string, unknown>;
  /** The version (sha256) of the consent text the candidate ticked; null when they did not tick it. */
  consentVersion: string | null;
  /** The form's language: how numbers are read, and what the response records. */
  locale: AppLocale;
  /** Not stored (an address is personal data); accepted so both functions take the same shape. */
  ip?: string;
  now?: Date;
};

/**
 * A candidate's answers through their personal link. The link is looked up before the
 * transaction (a read of four tables at once); what could change since is checked
 * again under the locks: the questionnaire archived (not found), the person erased
 * (not found), an answer from another tab or link (answered).
 */
export async function submitResponse(input: SubmitInput): Promise<SubmitOutcome> {
  const now = input.now ?? new Date();
  const found = await lookupInvite(db(), input.token, now);
  if (found.status !== "open") return found;
  return db().$transaction(async (tx): Promise<SubmitOutcome> => {
    const version = await lockedVersion(tx, found.invite.questionnaireId);
    if (!version) return { status: "not-found" };
    if (isStale(version, input)) return { status: "version-changed", version };
    const checked = checkAnswers(version.definition, input);
    if (!checked.ok) return { status: "invalid", errors: checked.errors };
    const stored = await storeResponse(tx, {
      applicationId: found.invite.applicationId,
      vacancy: found.vacancy,
      questionnaireId: found.invite.questionnaireId,
      version,
      inviteId: found.invite.id,
      answers: checked.answers,
      consent: checked.consent,
      locale: input.locale,
      now,
      verified: true,
    });
    if (stored === "erased") return { status: "not-found" };
    return stored === "answered" ? { status: "answered", vacancyTitle: found.vacancy.title } : stored;
  }, TX_OPTIONS);
}

/** Marks a link opened, the first time its form is shown (for the completion funnel). */
export async function markInviteOpened(inviteId: string, now: Date = new Date()): Promise<void> {
  await db().questionnaireInvite.updateMany({ where: { id: inviteId, openedAt: null }, data: { openedAt: now } });
}

export type OpenSubmitInput = Omit<SubmitInput, "token" | "ip"> & {
  vacancyId: string;
  /** As typed: a first and last name, and an e-mail or a phone (at least one). */
  person: { firstName?: string; lastName?: string; email?: string | null; phone?: string | null };
  /** The sender's address: the hourly limit per address the apply page has counts it (kept only as a keyed hash). */
  ip: string;
};

export type OpenSubmitOutcome =
  | Submitted
  | Refusal
  | { status: "not-found" }
  /** Nothing new was stored (the person had answered, or asked to be erased); the page thanks them all the same. */
  | { status: "answered" }
  | { status: "too-many" };

/** Thrown to roll back everything a post wrote when, in the end, it stores no response. */
class NothingStored extends Error {}

/** What the open form hands to ingest: an inbound record, unverified like the apply page's (ADR 013). */
function openRecord(person: OpenPerson, consent: QuestionnaireConsent, vacancyId: string, now: Date) {
  return CandidateRecordSchema.parse({
    source: "INBOUND",
    channel: "FORM",
    adapter: "apply-page",
    firstName: person.firstName,
    lastName: person.lastName,
    email: person.email,
    phone: person.phone,
    consentAt: now.toISOString(),
    consentText: consent.text,
    raw: {
      form: "questionnaire-open-link",
      firstName: person.firstName,
      lastName: person.lastName,
      ...(person.email ? { email: person.email } : {}),
      ...(person.phone ? { phone: person.phone } : {}),
      consentShown: { vacancyId, textSha256: consent.textSha256, locale: consent.locale },
    },
  });
}

/**
 * A questionnaire through the vacancy's open link (inbound candidates): the person is
 * found or created as the apply page does it (ingest, source INBOUND), put on the
 * vacancy, and the response stored, all in one transaction and within the apply
 * page's hourly limit per address. Anyone can type anyone's e-mail (ADR 013): when
 * the person we matched has answered already, nothing new is stored at all; when
 * they had not, the response is kept for a person to read, but their consent and
 * stage stay as they were. Only a new person's consent and stage follow the form.
 */
export async function submitOpenResponse(input: OpenSubmitInput): Promise<OpenSubmitOutcome> {
  const now = input.now ?? new Date();
  const address = addressKey(input.ip);
  try {
    return await db().$transaction(async (tx): Promise<OpenSubmitOutcome> => {
      const recent = await lockAndCount(tx, address, now);
      const vacancy = await tx.vacancy.findFirst({
        where: { id: input.vacancyId, status: "OPEN" },
        select: { id: true, salaryMaxRub: true, questionnaireId: true },
      });
      if (!vacancy?.questionnaireId) return { status: "not-found" };
      if (recent >= APPLY_LIMIT_PER_HOUR) return { status: "too-many" };
      const version = await lockedVersion(tx, vacancy.questionnaireId);
      if (!version) return { status: "not-found" };
      if (isStale(version, input)) return { status: "version-changed", version };

      const refused = (problem: string) =>
        audit(tx, { actorId: null, action: "vacancy.apply-refused", entityType: "Vacancy", entityId: vacancy.id, details: { address, problem } });
      const person = OpenPersonSchema.safeParse({ ...input.person, email: input.person.email ?? undefined, phone: input.person.phone ?? undefined });
      const checked = checkAnswers(version.definition, input);
      if (!person.success || !checked.ok) {
        await refused("invalid");
        const personErrors = person.success ? {} : Object.fromEntries(person.error.issues.map((i) => [String(i.path[0]), i.message]));
        const errors = checked.ok ? { answers: {}, consent: null } : checked.errors;
        return { status: "invalid", errors: { ...errors, person: personErrors } };
      }

      const plan = await planIngest(tx, [openRecord(person.data, checked.consent, vacancy.id, now)], vacancy.id, newId);
      const known = plan.records[0]?.candidate;
      const existing = known?.application
        ? await tx.questionnaireResponse.findUnique({
            where: { applicationId_questionnaireId: { applicationId: known.application.id, questionnaireId: vacancy.questionnaireId } },
            select: { id: true },
          })
        : null;
      if (!known || existing) {
        await refused("nothing-new");
        return { status: "answered" };
      }

      const [outcome] = await ingestPlanned(tx, plan, { vacancyId: vacancy.id, actorId: null, at: now });
      if (!outcome || outcome.erased || !outcome.applicationId) throw new NothingStored();
      const verified = outcome.status === "new";
      await audit(tx, { actorId: null, action: "vacancy.apply", entityType: "Vacancy", entityId: vacancy.id, details: { address, candidateId: outcome.candidateId, channel: "questionnaire" } });
      if (!verified) {
        await audit(tx, {
          actorId: null,
          action: "candidate.apply-unverified",
          entityType: "Candidate",
          entityId: outcome.candidateId,
          details: {
            vacancyId: vacancy.id,
            textSha256: checked.consent.textSha256,
            locale: checked.consent.locale,
            channel: "questionnaire",
            sourceRecordId: outcome.sourceRecordId,
            applicationId: outcome.applicationId,
          },
        });
      }
      const stored = await storeResponse(tx, {
        applicationId: outcome.applicationId,
        vacancy,
        questionnaireId: vacancy.questionnaireId,
        version,
        inviteId: null,
        answers: checked.answers,
        consent: checked.consent,
        locale: input.locale,
        now,
        verified,
      });
      // Answered meanwhile from another address: this post keeps nothing.
      if (typeof stored === "string") throw new NothingStored();
      return stored;
    }, TX_OPTIONS);
  } catch (error) {
    if (error instanceof NothingStored) return { status: "answered" };
    throw error;
  }
}
