import { publicUrl, hashToken, newToken } from "~/outreach/links.server";
import { bulkInsert, newId } from "~/utils/bulk-insert.server";
import { type Tx } from "~/utils/db.server";

/**
 * Per-candidate questionnaire links. The token is made here, put in the letter, and
 * only its sha256 is stored, so a database leak opens no one's form. A link expires
 * after the questionnaire's linkValidDays; once the candidate has answered, every
 * link of theirs for that questionnaire shows "already answered".
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** The public form a token opens (app/routes/q.$token.tsx). */
export function questionnaireUrl(token: string): string {
  return publicUrl(`/q/${encodeURIComponent(token)}`);
}

/** The vacancy's open link for inbound candidates (app/routes/q.open.$vacancyId.tsx). */
export function openQuestionnaireUrl(vacancyId: string): string {
  return publicUrl(`/q/open/${encodeURIComponent(vacancyId)}`);
}

export type IssuedInvite = { inviteId: string; token: string; url: string; expiresAt: Date };

/**
 * New links for many applications at once (a campaign's launch, one call's
 * "interested", a reminder): one row each, inserted in one statement in the caller's
 * transaction. Returns each application's link.
 */
export async function issueInvites(
  tx: Tx,
  input: {
    questionnaireId: string;
    applicationIds: readonly string[];
    validDays: number;
    actorId: string | null;
    isReminder?: boolean;
    /** The letter each link goes out in, when its id is known before it is queued. */
    emailIds?: ReadonlyMap<string, string>;
    now?: Date;
  },
): Promise<Map<string, IssuedInvite>> {
  const now = input.now ?? new Date();
  const expiresAt = new Date(now.getTime() + input.validDays * DAY_MS);
  const rows = [...new Set(input.applicationIds)].map((applicationId) => {
    const { token, hash } = newToken();
    return { id: newId(), applicationId, token, hash };
  });
  await bulkInsert(tx, "QuestionnaireInvite", [
    { name: "id", type: "text", value: (r) => r.id },
    { name: "applicationId", type: "text", value: (r) => r.applicationId },
    { name: "questionnaireId", type: "text", value: () => input.questionnaireId },
    { name: "tokenHash", type: "text", value: (r) => r.hash },
    { name: "expiresAt", type: "timestamp", value: () => expiresAt },
    { name: "isReminder", type: "boolean", value: () => input.isReminder ?? false },
    { name: "emailId", type: "text", value: (r) => input.emailIds?.get(r.applicationId) ?? null },
    { name: "createdById", type: "text", value: () => input.actorId },
    { name: "createdAt", type: "timestamp", value: () => now },
  ], rows);
  return new Map(rows.map((r) => [r.applicationId, { inviteId: r.id, token: r.token, url: questionnaireUrl(r.token), expiresAt }]));
}

export type InviteLookup =
  | { status: "not-found" }
  | { status: "expired"; vacancyTitle: string }
  | { status: "answered"; vacancyTitle: string }
  | {
      status: "open";
      invite: { id: string; applicationId: string; questionnaireId: string; expiresAt: Date };
      vacancy: { id: string; title: string; city: string; salaryMaxRub: number | null };
      candidate: { firstName: string };
    };

/**
 * What a token opens. A forged or unknown token, a link whose candidate was erased,
 * or a questionnaire taken off the vacancy: not found. Past its expiry: expired.
 * The candidate has answered this questionnaire (through any link): answered.
 */
export async function lookupInvite(tx: Pick<Tx, "questionnaireInvite">, token: string, now: Date = new Date()): Promise<InviteLookup> {
  if (!token || token.length > 200) return { status: "not-found" };
  const invite = await tx.questionnaireInvite.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      applicationId: true,
      questionnaireId: true,
      expiresAt: true,
      application: {
        select: {
          candidate: { select: { firstName: true, erasedAt: true } },
          vacancy: { select: { id: true, title: true, city: true, salaryMaxRub: true, status: true } },
          questionnaireResponses: { select: { questionnaireId: true } },
        },
      },
      questionnaire: { select: { archivedAt: true } },
    },
  });
  if (!invite || invite.application.candidate.erasedAt || invite.questionnaire.archivedAt) return { status: "not-found" };
  const { vacancy, candidate } = invite.application;
  if (invite.application.questionnaireResponses.some((r) => r.questionnaireId === invite.questionnaireId)) {
    return { status: "answered", vacancyTitle: vacancy.title };
  }
  if (invite.expiresAt <= now) return { status: "expired", vacancyTitle: vacancy.title };
  return {
    status: "open",
    invite: { id: invite.id, applicationId: invite.applicationId, questionnaireId: invite.questionnaireId, expiresAt: invite.expiresAt },
    vacancy: { id: vacancy.id, title: vacancy.title, city: vacancy.city, salaryMaxRub: vacancy.salaryMaxRub },
    candidate: { firstName: candidate.firstName },
  };
}
