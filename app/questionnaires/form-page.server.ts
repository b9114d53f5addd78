import { db } from "~/utils/db.server";
import { lookupInvite } from "./invites.server";
import { type Questionnaire } from "./questions";
import { currentVersion, vacancyQuestionnaire } from "./store.server";
import { markInviteOpened, versionStamp } from "./submit.server";

/**
 * What the public questionnaire pages show (app/routes/q.$token.tsx and
 * q.open.$vacancyId.tsx): the vacancy, the newest version's questions with their
 * stamp (posted back, so a submit against changed questions is caught), and for a
 * personal link whom to greet and until when it works.
 */

export type FormVersion = { id: string; stamp: string; definition: Questionnaire };

export type InvitePage =
  | { status: "not-found" }
  | { status: "expired"; vacancyTitle: string }
  | { status: "answered"; vacancyTitle: string }
  | { status: "open"; vacancyTitle: string; firstName: string; expiresAt: Date; version: FormVersion };

/** The form a personal link opens; the first time it is shown, the link is marked opened. */
export async function invitePage(token: string, now: Date = new Date()): Promise<InvitePage> {
  const found = await lookupInvite(db(), token, now);
  if (found.status !== "open") return found;
  const version = await currentVersion(db(), found.invite.questionnaireId);
  if (!version) return { status: "not-found" };
  await markInviteOpened(found.invite.id, now);
  return {
    status: "open",
    vacancyTitle: found.vacancy.title,
    firstName: found.candidate.firstName,
    expiresAt: found.invite.expiresAt,
    version: { id: version.id, stamp: versionStamp(version.definition), definition: version.definition },
  };
}

/** The vacancy's open form: only an open vacancy with a questionnaire has one (null otherwise). */
export async function openLinkPage(vacancyId: string) {
  const vacancy = await db().vacancy.findFirst({ where: { id: vacancyId, status: "OPEN" }, select: { id: true, title: true, city: true } });
  if (!vacancy) return null;
  const assigned = await vacancyQuestionnaire(db(), vacancy.id);
  if (!assigned) return null;
  const { version } = assigned;
  return { vacancy, version: { id: version.id, stamp: versionStamp(version.definition), definition: version.definition } satisfies FormVersion };
}
