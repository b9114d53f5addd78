import { queueCampaignMessages } from "~/outreach/dispatch.server";
import { newToken, unsubscribeHeaders, unsubscribeUrl } from "~/outreach/links.server";
import { compileTemplate } from "~/outreach/template-render";
import { mergeValuesFor, templateText } from "~/outreach/templates.server";
import { type Tx } from "~/utils/db.server";

/**
 * The demo vacancy's outreach so far: the first wave of its selling letter, finished
 * (one letter to each candidate the history shows as contacted, kept in the Outbox, as
 * the demo has no mail server), and a second wave drafted for the target and adjacent
 * candidates still to write to, ready to launch. Written after the applications,
 * templates and imports, with the app's own rendering.
 */
export async function writeDemoCampaigns(tx: Tx, { vacancyId, recruiterId }: { vacancyId: string; recruiterId: string }) {
  const template = await tx.messageTemplate.findFirst({ where: { vacancyId, kind: "SELLING_LETTER" } });
  const text = template ? templateText(template, "ru") : null;
  if (!template || !text) return;

  const contacted = await tx.$queryRaw<Array<{ applicationId: string; candidateId: string; email: string; at: Date }>>`
    SELECT a.id AS "applicationId", c.id AS "candidateId", c.email, min(s."createdAt") AS at
    FROM "Application" a
    JOIN "Candidate" c ON c.id = a."candidateId"
    JOIN "StageChange" s ON s."applicationId" = a.id AND s."toStage" = 'CONTACTED'
    WHERE a."vacancyId" = ${vacancyId} AND c.email IS NOT NULL AND NOT c."doNotContact" AND c."erasedAt" IS NULL
      AND c."mergedIntoId" IS NULL
    GROUP BY a.id, c.id, c.email`;
  if (contacted.length) {
    const first = contacted.reduce((min, r) => (r.at < min ? r.at : min), contacted[0]!.at);
    const last = contacted.reduce((max, r) => (r.at > max ? r.at : max), contacted[0]!.at);
    const wave = await tx.campaign.create({
      data: {
        vacancyId,
        name: "Продающее письмо — первая волна",
        templateId: template.id,
        status: "DONE",
        audience: { mode: "filter", stages: ["SOURCED"], tiers: ["TARGET", "ADJACENT"], sources: [], tags: [] },
        createdById: recruiterId,
        launchedById: recruiterId,
        createdAt: first,
        launchedAt: first,
        finishedAt: last,
      },
    });
    const compiled = compileTemplate(template.kind, text, { locale: "ru" });
    const values = await mergeValuesFor(tx, contacted.map((r) => r.applicationId), { locale: "ru" });
    await queueCampaignMessages(
      tx,
      wave.id,
      contacted.map((r) => {
        const { token, hash } = newToken();
        const url = unsubscribeUrl(token);
        const letter = compiled.render({ ...values.get(r.applicationId), unsubscribeLink: url });
        return { ...r, to: r.email, ...letter, headers: unsubscribeHeaders(url), unsubscribeTokenHash: hash, templateKind: template.kind };
      }),
    );
    // Delivered when the history says they were contacted.
    const times = contacted.map((r) => ({ id: r.candidateId, at: r.at }));
    await tx.$executeRaw`
      UPDATE "EmailMessage" m SET status = 'STORED', "createdAt" = v.at, "attemptedAt" = v.at
      FROM (SELECT unnest(${times.map((t) => t.id)}::text[]) AS id, unnest(${times.map((t) => t.at.toISOString())}::text[])::timestamptz AT TIME ZONE 'UTC' AS at) v
      WHERE m."campaignId" = ${wave.id} AND m."candidateId" = v.id`;
  }

  await tx.campaign.create({
    data: {
      vacancyId,
      name: "Продающее письмо — вторая волна",
      templateId: template.id,
      status: "DRAFT",
      audience: { mode: "filter", stages: ["SOURCED"], tiers: ["TARGET", "ADJACENT"], sources: [], tags: [] },
      createdById: recruiterId,
    },
  });
}
