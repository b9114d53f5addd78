import { type SourcingTier } from "@prisma/client";
import { type CampaignMessageInput, queueCampaignMessages } from "~/outreach/dispatch.server";
import { newToken } from "~/outreach/links.server";
import { db } from "~/utils/db.server";

/**
 * A vacancy with `count` sourced candidates (e-mail, phone, an application each),
 * written in bulk: what the delivery tests send to. Names and addresses are numbered.
 */
export async function createAudience(count: number, { tier = "TARGET" as SourcingTier | null, prefix = "kam" } = {}) {
  const vacancy = await db().vacancy.create({
    data: { title: "Key Account Manager", city: "Москва", industry: "Промышленное оборудование", status: "OPEN" },
  });
  const tag = `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const candidates = await db().candidate.createManyAndReturn({
    data: Array.from({ length: count }, (_, i) => ({
      firstName: `Имя${i}`,
      lastName: `Фамилия${i}`,
      email: `${tag}.${i}@mail.test`,
      phone: `+7916${String(1_000_000 + i).slice(-7)}`,
    })),
    select: { id: true, email: true, firstName: true },
  });
  const applications = await db().application.createManyAndReturn({
    data: candidates.map((c) => ({ candidateId: c.id, vacancyId: vacancy.id, tier })),
    select: { id: true, candidateId: true },
  });
  const byCandidate = new Map(candidates.map((c) => [c.id, c]));
  return {
    vacancy,
    people: applications.map((a) => ({ applicationId: a.id, candidateId: a.candidateId, email: byCandidate.get(a.candidateId)!.email! })),
  };
}

export type Person = Awaited<ReturnType<typeof createAudience>>["people"][number];

/** A campaign already launched (SENDING, no window, generous limits) with one message per person. */
export async function launchedCampaign(
  vacancyId: string,
  people: readonly Person[],
  settings: Partial<{ ratePerMinute: number; ratePerHour: number; windowEnabled: boolean; status: "SENDING" | "SCHEDULED" | "PAUSED"; scheduledAt: Date }> = {},
) {
  const campaign = await db().campaign.create({
    data: {
      vacancyId,
      name: `Рассылка ${Math.random().toString(36).slice(2, 8)}`,
      status: "SENDING",
      ratePerMinute: 10_000,
      ratePerHour: 100_000,
      windowEnabled: false,
      launchedAt: new Date(),
      ...settings,
    },
  });
  const messages: CampaignMessageInput[] = people.map((p, i) => ({
    applicationId: p.applicationId,
    candidateId: p.candidateId,
    to: p.email,
    subject: `Приглашение в конкурс, письмо ${i}`,
    text: `Здравствуйте! Письмо номер ${i}.`,
    html: `<p>Здравствуйте! Письмо номер ${i}.</p>`,
    headers: { "List-Unsubscribe": `<http://127.0.0.1:3000/u/token${i}>` },
    unsubscribeTokenHash: newToken().hash,
    templateKind: "SELLING_LETTER",
  }));
  await db().$transaction((tx) => queueCampaignMessages(tx, campaign.id, messages), { timeout: 60_000 });
  return campaign;
}

