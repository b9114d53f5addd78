import { type CampaignStatus, type EmailStatus, Prisma, type TemplateKind } from "@prisma/client";
import { audit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { readAudience, readExclusionCounts } from "./audience";
import { type CampaignForm } from "./campaign-form";
import { isCandidateFacing, TEMPLATE_KINDS } from "./merge-fields";
import { templateText } from "./templates.server";

/**
 * Campaigns: a vacancy + an audience + a template (in one language) + send limits.
 * This module keeps drafts (create, edit, read, list); campaign-launch.server.ts
 * launches them and campaign-controls.server.ts pauses, resumes and cancels them.
 * Sending itself is the dispatcher's (dispatch.server.ts).
 */

/** The kinds a campaign may send: everything written to candidates (not the client notice). */
export const CAMPAIGN_TEMPLATE_KINDS: readonly TemplateKind[] = TEMPLATE_KINDS.filter(isCandidateFacing);

/** A form the server refuses for what only it can check: errors by field, as i18n keys. */
export class CampaignFormRefused extends Error {
  constructor(readonly fieldErrors: Record<string, string[]>) {
    super(`Campaign form refused: ${Object.keys(fieldErrors).join(", ")}`);
    this.name = "CampaignFormRefused";
  }
}

/** An action the campaign's state does not allow (launch twice, pause a finished one): an i18n key. */
export class CampaignRefused extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`Campaign refused: ${key}`);
    this.name = "CampaignRefused";
  }
}

const TX = { maxWait: 10_000, timeout: 30_000 };

/** Locks the campaign row (the one order every campaign writer takes) and reads it. */
export async function lockCampaign(tx: Tx, campaignId: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Campaign" WHERE id = ${campaignId} FOR UPDATE`;
  if (!locked.length) throw new Response("Campaign not found", { status: 404 });
  return tx.campaign.findUniqueOrThrow({ where: { id: campaignId } });
}

/** Whether the template may be sent by a campaign on this vacancy in this language; the field error otherwise. */
async function templateProblem(tx: Tx, form: CampaignForm, vacancyId: string): Promise<string | null> {
  const template = await tx.messageTemplate.findUnique({ where: { id: form.templateId } });
  if (!template || template.archivedAt) return "campaigns.errors.templateRequired";
  if (template.vacancyId && template.vacancyId !== vacancyId) return "campaigns.errors.templateOtherVacancy";
  if (!(CAMPAIGN_TEMPLATE_KINDS as readonly string[]).includes(template.kind)) return "campaigns.errors.templateKind";
  if (!templateText(template, form.locale)) return `campaigns.errors.templateLanguage|language=${form.locale.toUpperCase()}`;
  return null;
}

async function nameTaken(tx: Tx, vacancyId: string, name: string, except?: string) {
  const found = await tx.campaign.findUnique({ where: { vacancyId_name: { vacancyId, name } }, select: { id: true } });
  return Boolean(found && found.id !== except);
}

const draftData = (form: CampaignForm) => ({
  name: form.name,
  templateId: form.templateId,
  locale: form.locale,
  audience: form.audience as Prisma.InputJsonObject,
  ratePerMinute: form.ratePerMinute,
  ratePerHour: form.ratePerHour,
  windowEnabled: form.windowEnabled,
  windowStart: form.windowStart,
  windowEnd: form.windowEnd,
  windowDays: form.windowDays,
  scheduledAt: form.scheduledAt,
});

const auditDetails = (form: CampaignForm, vacancyId: string): Prisma.InputJsonObject => ({
  vacancyId,
  templateId: form.templateId,
  locale: form.locale,
  audience: form.audience.mode,
  ratePerMinute: form.ratePerMinute,
  ratePerHour: form.ratePerHour,
  windowEnabled: form.windowEnabled,
  scheduled: Boolean(form.scheduledAt),
});

/** The same name twice on a vacancy, raced past the check: the unique index answers. */
const isNameClash = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** A new DRAFT campaign. Throws CampaignFormRefused (nothing written) for a taken name or an unusable template. */
export async function createCampaign({ actorId, form }: { actorId: string; form: CampaignForm }): Promise<{ id: string }> {
  try {
    return await db().$transaction(async (tx) => {
      const vacancyId = form.vacancyId;
      const vacancy = vacancyId ? await tx.vacancy.findUnique({ where: { id: vacancyId }, select: { id: true } }) : null;
      if (!vacancy) throw new CampaignFormRefused({ vacancyId: ["campaigns.errors.vacancyRequired"] });
      const errors: Record<string, string[]> = {};
      if (await nameTaken(tx, vacancy.id, form.name)) errors.name = ["campaigns.errors.nameTaken"];
      const problem = await templateProblem(tx, form, vacancy.id);
      if (problem) errors.templateId = [problem];
      if (Object.keys(errors).length) throw new CampaignFormRefused(errors);
      const campaign = await tx.campaign.create({
        data: { ...draftData(form), vacancyId: vacancy.id, createdById: actorId },
        select: { id: true },
      });
      await audit(tx, { actorId, action: "campaign.create", entityType: "Campaign", entityId: campaign.id, details: auditDetails(form, vacancy.id) });
      return campaign;
    }, TX);
  } catch (error) {
    if (isNameClash(error)) throw new CampaignFormRefused({ name: ["campaigns.errors.nameTaken"] });
    throw error;
  }
}

/** Saves a DRAFT's form (its vacancy stays). Refuses a campaign that is no longer a draft. */
export async function updateCampaign({ campaignId, actorId, form }: { campaignId: string; actorId: string; form: CampaignForm }) {
  try {
    await db().$transaction(async (tx) => {
      const campaign = await lockCampaign(tx, campaignId);
      if (campaign.status !== "DRAFT") throw new CampaignRefused("campaigns.errors.notDraft");
      const errors: Record<string, string[]> = {};
      if (await nameTaken(tx, campaign.vacancyId, form.name, campaign.id)) errors.name = ["campaigns.errors.nameTaken"];
      const problem = await templateProblem(tx, form, campaign.vacancyId);
      if (problem) errors.templateId = [problem];
      if (Object.keys(errors).length) throw new CampaignFormRefused(errors);
      await tx.campaign.update({ where: { id: campaign.id }, data: draftData(form) });
      await audit(tx, { actorId, action: "campaign.update", entityType: "Campaign", entityId: campaign.id, details: auditDetails(form, campaign.vacancyId) });
    }, TX);
  } catch (error) {
    if (isNameClash(error)) throw new CampaignFormRefused({ name: ["campaigns.errors.nameTaken"] });
    throw error;
  }
}

/** One campaign as its page shows it, or null. */
export async function getCampaign(campaignId: string) {
  const campaign = await db().campaign.findUnique({
    where: { id: campaignId },
    include: {
      vacancy: { select: { id: true, title: true, city: true } },
      template: { select: { id: true, name: true, kind: true, archivedAt: true } },
      _count: { select: { members: true } },
    },
  });
  if (!campaign) return null;
  const { _count, ...rest } = campaign;
  return { ...rest, audience: readAudience(campaign.audience), exclusions: readExclusionCounts(campaign.exclusions), memberCount: _count.members };
}

export type CampaignStatusCounts = Partial<Record<EmailStatus, number>>;

/** Messages of each campaign counted by status. */
export async function messageCounts(campaignIds: readonly string[]): Promise<Map<string, CampaignStatusCounts>> {
  const counts = new Map<string, CampaignStatusCounts>();
  if (!campaignIds.length) return counts;
  const groups = await db().emailMessage.groupBy({
    by: ["campaignId", "status"],
    where: { campaignId: { in: [...campaignIds] } },
    _count: { _all: true },
  });
  for (const g of groups) {
    if (!g.campaignId) continue;
    const entry = counts.get(g.campaignId) ?? {};
    entry[g.status] = g._count._all;
    counts.set(g.campaignId, entry);
  }
  return counts;
}

export const CAMPAIGN_PAGE_SIZE = 50;

/** Campaigns, newest first, optionally of one vacancy or in one status, with their message counts. */
export async function listCampaigns({ vacancyId, status, page = 1 }: { vacancyId?: string; status?: CampaignStatus; page?: number }) {
  const where: Prisma.CampaignWhereInput = { vacancyId, status };
  const [total, campaigns] = await Promise.all([
    db().campaign.count({ where }),
    db().campaign.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * CAMPAIGN_PAGE_SIZE,
      take: CAMPAIGN_PAGE_SIZE,
      select: {
        id: true,
        name: true,
        status: true,
        locale: true,
        createdAt: true,
        launchedAt: true,
        finishedAt: true,
        scheduledAt: true,
        vacancy: { select: { id: true, title: true, city: true } },
        template: { select: { name: true } },
        _count: { select: { members: true } },
      },
    }),
  ]);
  const counts = await messageCounts(campaigns.map((c) => c.id));
  return {
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / CAMPAIGN_PAGE_SIZE)),
    campaigns: campaigns.map(({ _count, ...c }) => ({ ...c, memberCount: _count.members, counts: counts.get(c.id) ?? {} })),
  };
}

/** The templates a campaign on this vacancy may use (any vacancy's, or this one's), selling letters first. */
export async function campaignTemplateOptions(vacancyId?: string) {
  const templates = await db().messageTemplate.findMany({
    where: {
      archivedAt: null,
      kind: { in: [...CAMPAIGN_TEMPLATE_KINDS] },
      OR: vacancyId ? [{ vacancyId: null }, { vacancyId }] : undefined,
    },
    orderBy: { name: "asc" },
  });
  const rank = (kind: TemplateKind) => (CAMPAIGN_TEMPLATE_KINDS as readonly string[]).indexOf(kind);
  return templates
    .sort((a, b) => rank(a.kind) - rank(b.kind))
    .map((t) => ({
      id: t.id,
      name: t.name,
      kind: t.kind,
      vacancyId: t.vacancyId,
      locales: (["ru", "en"] as const).filter((locale) => templateText(t, locale) !== null),
    }));
}
