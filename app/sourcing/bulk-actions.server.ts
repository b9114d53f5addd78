import { Prisma } from "@prisma/client";
import { moveToStage, StageMoveError } from "~/pipeline/pipeline.server";
import { type AuditAction } from "~/utils/audit-actions";
import { audit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { type BulkAction, type BulkReport, type BulkResult, type SkipReason } from "./bulk-actions";
import { contactRefusals } from "./contact-policy.server";

/**
 * The candidate list's bulk actions. Each runs in one transaction: every ticked
 * candidate is either changed (with its audit entry, and its stage history through
 * the pipeline) or skipped with a reason the result message shows; nothing is left
 * half done. Adding to a campaign list and moving into a contact stage both obey the
 * one contact rule (contact-policy.server.ts).
 */

const TX = { maxWait: 10_000, timeout: 60_000 };

type Person = { id: string; mergedIntoId: string | null; erasedAt: Date | null; tags: string[] };
type Target = { id: string; stage: string; candidateId: string };

async function lockPeople(tx: Tx, ids: string[]) {
  return tx.$queryRaw<Person[]>`
    SELECT id, "mergedIntoId", "erasedAt", tags FROM "Candidate"
    WHERE id IN (${Prisma.join(ids)}) ORDER BY id FOR UPDATE`;
}

export async function runBulkAction(actorId: string, action: BulkAction): Promise<BulkResult> {
  const ids = [...new Set(action.ids)];
  return db().$transaction(async (tx) => {
    const people = new Map((await lockPeople(tx, ids)).map((p) => [p.id, p]));
    const skipped: BulkResult["skipped"] = [];
    const skip = (candidateId: string, reason: SkipReason) => skipped.push({ candidateId, reason });
    const present: Person[] = [];
    for (const id of ids) {
      const person = people.get(id);
      if (!person) skip(id, "not-found");
      else if (person.mergedIntoId) skip(id, "merged");
      else present.push(person);
    }
    const note = (candidateId: string, act: AuditAction, details: Prisma.InputJsonObject) =>
      audit(tx, { actorId, action: act, entityType: "Candidate", entityId: candidateId, details: { ...details, bulk: true } });

    let changed = 0;
    if (action.intent === "tag-add" || action.intent === "tag-remove") {
      for (const person of present) {
        const has = person.tags.includes(action.tag);
        if (person.erasedAt) skip(person.id, "erased");
        else if (action.intent === "tag-add" && has) skip(person.id, "already-tagged");
        else if (action.intent === "tag-remove" && !has) skip(person.id, "not-tagged");
        else {
          const tags = action.intent === "tag-add" ? [...person.tags, action.tag] : person.tags.filter((t) => t !== action.tag);
          await tx.candidate.update({ where: { id: person.id }, data: { tags } });
          await note(person.id, `candidate.${action.intent}`, { tag: action.tag });
          changed += 1;
        }
      }
      return { intent: action.intent, changed, skipped };
    }

    const vacancy = await tx.vacancy.findUnique({ where: { id: action.vacancy }, select: { id: true } });
    if (!vacancy) throw new Response("Vacancy not found", { status: 404 });
    const applications = await tx.application.findMany({
      where: { vacancyId: action.vacancy, candidateId: { in: present.map((p) => p.id) } },
      select: { id: true, stage: true, candidateId: true },
    });
    const byCandidate = new Map<string, Target>(applications.map((a) => [a.candidateId, a]));
    const targets: Array<{ person: Person; application: Target }> = [];
    for (const person of present) {
      const application = byCandidate.get(person.id);
      if (application) targets.push({ person, application });
      else skip(person.id, "no-application");
    }

    if (action.intent === "campaign") {
      const campaign = await findOrCreateCampaign(tx, actorId, action);
      const members = await tx.campaignMember.findMany({
        where: { campaignId: campaign.id, applicationId: { in: applications.map((a) => a.id) } },
        select: { applicationId: true },
      });
      const alreadyIn = new Set(members.map((m) => m.applicationId));
      const refusals = await contactRefusals(tx, applications.map((a) => a.id));
      for (const { person, application } of targets) {
        const refusal = refusals.get(application.id) ?? (alreadyIn.has(application.id) ? "already-in-list" : null);
        if (refusal) {
          skip(person.id, refusal);
          continue;
        }
        await tx.campaignMember.create({ data: { campaignId: campaign.id, applicationId: application.id } });
        await note(person.id, "candidate.campaign-add", { campaignId: campaign.id, campaign: campaign.name, vacancyId: action.vacancy });
        changed += 1;
      }
      return { intent: action.intent, changed, skipped, campaign };
    }

    const to = action.intent === "reject" ? "REJECTED" : action.to;
    const reason = action.intent === "reject" ? action.reason : (action.moveReason ?? null);
    for (const { person, application } of targets) {
      try {
        await moveToStage(tx, { applicationId: application.id, to, actorId, reason });
      } catch (error) {
        if (!(error instanceof StageMoveError)) throw error;
        skip(person.id, error.problem === "already-added" ? "not-allowed" : error.problem);
        continue;
      }
      await note(person.id, `candidate.${action.intent === "reject" ? "reject" : "stage-move"}`, {
        applicationId: application.id,
        vacancyId: action.vacancy,
        from: application.stage,
        to,
        reason,
      });
      changed += 1;
    }
    return { intent: action.intent, changed, skipped };
  }, TX);
}

async function findOrCreateCampaign(tx: Tx, actorId: string, action: Extract<BulkAction, { intent: "campaign" }>) {
  if (action.campaignId) {
    const found = await tx.campaign.findFirst({ where: { id: action.campaignId, vacancyId: action.vacancy }, select: { id: true, name: true } });
    if (found) return found;
  }
  const name = action.campaignName?.trim();
  if (!name) throw new Response("Campaign list not found", { status: 404 });
  // Two people naming the same new list at once both end up adding to one list.
  await tx.$executeRaw`
    INSERT INTO "Campaign" (id, "vacancyId", name, "createdById")
    VALUES (${`c${crypto.randomUUID().replace(/-/g, "").slice(0, 24)}`}, ${action.vacancy}, ${name}, ${actorId})
    ON CONFLICT ("vacancyId", name) DO NOTHING`;
  return tx.campaign.findUniqueOrThrow({ where: { vacancyId_name: { vacancyId: action.vacancy, name } }, select: { id: true, name: true } });
}

/** runBulkAction with the names of the skipped candidates, for the result message. */
export async function runBulkActionReport(actorId: string, action: BulkAction): Promise<BulkReport> {
  const result = await runBulkAction(actorId, action);
  const people = await db().candidate.findMany({
    where: { id: { in: result.skipped.map((s) => s.candidateId) } },
    select: { id: true, firstName: true, lastName: true, middleName: true, erasedAt: true },
  });
  const names: BulkReport["names"] = {};
  for (const s of result.skipped) names[s.candidateId] = null;
  for (const p of people) names[p.id] = p.erasedAt ? null : { firstName: p.firstName, lastName: p.lastName, middleName: p.middleName };
  return { ...result, names };
}

/** The lists a vacancy's candidates can be added to, newest first. */
export function listCampaigns(vacancyId: string) {
  return db().campaign.findMany({
    where: { vacancyId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, _count: { select: { members: true } } },
  });
}
