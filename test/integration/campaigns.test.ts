import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { previewAudience } from "~/outreach/campaign-audience.server";
import { campaignMessages, campaignProgress } from "~/outreach/campaign-progress.server";
import { campaignFormSchema } from "~/outreach/campaign-form";
import { createCampaign } from "~/outreach/campaigns.server";
import { drainCampaign } from "~/outreach/dispatch.server";
import { hashToken } from "~/outreach/links.server";
import { addApplication } from "~/pipeline/pipeline.server";
import * as campaignRoute from "~/routes/outreach.campaigns.$id";
import * as listRoute from "~/routes/outreach.campaigns._index";
import * as newRoute from "~/routes/outreach.campaigns.new";
import * as outreachIndex from "~/routes/outreach._index";
import { db } from "~/utils/db.server";
import { JOBS_SCHEMA, stopJobs } from "~/utils/jobs.server";
import { createCandidate, createUser, formRequest, getRequest, respond, sessionCookie } from "../factories";
import { renderRoute, textsOf } from "../render-route";
import { resetSmtp, startSmtpServer, setSmtpUrl } from "../setup/smtp";


afterEach(resetSmtp);
afterAll(() => stopJobs());

let recruiterId: string;
let cookie: string;
let managerCookie: string;
let vacancyId: string;
let templateId: string;
const c: Record<string, { candidateId: string; applicationId: string; email: string | null }> = {};

const SCARY = `Анна <b>& "Ко"`;
const valid = {
  name: "Продающее письмо",
  templateId: "",
  locale: "ru",
  audienceMode: "filter",
  stages: ["SOURCED"],
  ratePerMinute: "10000",
  ratePerHour: "100000",
  windowStart: "09:00",
  windowEnd: "19:00",
  windowDays: ["1", "2", "3", "4", "5"],
};

const post = async (route: { action: (args: never) => Promise<unknown> }, url: string, fields: Record<string, string | string[]>, params: Record<string, string> = {}, as = cookie) => {
  const response = await respond(() => (route.action as (args: object) => Promise<unknown>)({ request: formRequest(url, fields, as), params, context: {} }));
  const body = response.headers.get("Content-Type")?.includes("json") ? await response.json() : null;
  return { status: response.status, location: response.headers.get("Location"), body };
};
const campaignAction = (id: string, fields: Record<string, string | string[]>, as = cookie) =>
  post(campaignRoute, `/outreach/campaigns/${id}`, fields, { id }, as);

/** A draft made through the server function, as the new-campaign page makes it. */
async function draft(name: string, overrides: Record<string, string | string[] | undefined> = {}) {
  const data = new FormData();
  const fields = { ...valid, templateId, vacancyId, name, ...overrides };
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) data.append(key, v);
  }
  const { parseWithZod } = await import("@conform-to/zod/v4");
  const submission = parseWithZod(data, { schema: campaignFormSchema() });
  if (submission.status !== "success") throw new Error(JSON.stringify(submission.reply().error));
  return createCampaign({ actorId: recruiterId, form: submission.value });
}

const counts = async () => ({
  campaigns: await db().campaign.count(),
  messages: await db().emailMessage.count(),
  audits: await db().auditEntry.count({ where: { action: { startsWith: "campaign." } } }),
  jobs: await dispatchJobs(),
});

/** campaign.dispatch jobs queued (for one campaign, or all); the queue's tables appear with its first job. */
async function dispatchJobs(campaignId?: string) {
  const [exists] = await db().$queryRawUnsafe<Array<{ ok: boolean }>>(`SELECT to_regclass('${JOBS_SCHEMA}.job') IS NOT NULL AS ok`);
  if (!exists?.ok) return 0;
  const rows = await db().$queryRawUnsafe<Array<{ n: bigint }>>(
    `SELECT count(*) AS n FROM ${JOBS_SCHEMA}.job WHERE name = 'campaign.dispatch' AND ($1::text IS NULL OR data->>'campaignId' = $1)`,
    campaignId ?? null,
  );
  return Number(rows[0]!.n);
}

beforeAll(async () => {
  const recruiter = await createUser({ roles: ["RECRUITER"] });
  recruiterId = recruiter.id;
  cookie = await sessionCookie(recruiter.id);
  managerCookie = await sessionCookie((await createUser({ roles: ["HIRING_MANAGER"] })).id);
  vacancyId = (await db().vacancy.create({ data: { title: "Key Account Manager", city: "Казань", industry: "Оборудование", status: "OPEN" } })).id;
  templateId = (
    await db().messageTemplate.create({
      data: {
        kind: "SELLING_LETTER",
        name: `Продающее письмо ${Date.now()}`,
        subjectRu: "{{vacancyTitle}} — приглашение к конкурсу",
        bodyRu: "Здравствуйте, {{firstName}}!\n\nПриглашаем на вакансию **{{vacancyTitle}}** в городе {{city}}.\n\n[Откликнуться]({{applyLink}})",
      },
    })
  ).id;
  const add = async (key: string, person: Parameters<typeof createCandidate>[0] = {}, tier: "OPEN_MARKET" | "EXCLUDED" | "TARGET" = "OPEN_MARKET") => {
    const candidate = await createCandidate({ lastName: `Кампания-${key}`, ...person });
    const application = await addApplication({ candidateId: candidate.id, vacancyId, actorId: recruiterId, tier });
    c[key] = { candidateId: candidate.id, applicationId: application.id, email: candidate.email };
    return application;
  };
  await add("ok", { firstName: "Ирина" });
  await add("target", { firstName: "Олег" }, "TARGET");
  await add("scary", { firstName: SCARY });
  await add("noEmail", { email: null });
  await add("badEmail", { email: "не адрес" });
  await add("quiet", { doNotContact: true });
  await add("excluded", {}, "EXCLUDED");
  const overridden = await add("overridden", { firstName: "Пётр" }, "EXCLUDED");
  await db().application.update({ where: { id: overridden.id }, data: { contactOverrideAt: new Date(), contactOverrideReason: "Ушёл оттуда пять лет назад" } });
  await add("erased", { firstName: "", lastName: "", email: "gone@mail.test", erasedAt: new Date() });
  await add("merged", { mergedIntoId: c.ok!.candidateId });
  await add("received");
});

describe("the campaign form on the server", () => {
  it("refuses bad input with a message next to each field and writes nothing", async () => {
    const before = await counts();
    const bad = await post(newRoute, "/outreach/campaigns/new", { ...valid, vacancyId, templateId, ratePerMinute: "0", ratePerHour: "-3", windowEnabled: "on", windowStart: "19:00", windowEnd: "09:00", scheduledAt: "2020-01-01T10:00" });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({
      ratePerMinute: ["campaigns.errors.ratePerMinute|min=1|max=10000"],
      ratePerHour: ["campaigns.errors.ratePerHour|min=1|max=100000"],
      windowEnd: ["campaigns.errors.windowOrder"],
      scheduledAt: ["campaigns.errors.scheduleInPast"],
    });
    // What was typed comes back.
    expect(bad.body.initialValue).toMatchObject({ ratePerMinute: "0", windowStart: "19:00", name: valid.name });

    const slower = await post(newRoute, "/outreach/campaigns/new", { ...valid, vacancyId, templateId, ratePerMinute: "50", ratePerHour: "10" });
    expect(slower.body.error).toMatchObject({ ratePerHour: ["campaigns.errors.hourBelowMinute"] });

    // What only the server can check: the template's language, the vacancy, the name.
    const english = await post(newRoute, "/outreach/campaigns/new", { ...valid, vacancyId, templateId, locale: "en" });
    expect(english.status).toBe(400);
    expect(english.body.error).toMatchObject({ templateId: ["campaigns.errors.templateLanguage|language=EN"] });
    const noVacancy = await post(newRoute, "/outreach/campaigns/new", { ...valid, vacancyId: "no-such-vacancy", templateId });
    expect(noVacancy.body.error).toMatchObject({ vacancyId: ["campaigns.errors.vacancyRequired"] });
    const noTemplate = await post(newRoute, "/outreach/campaigns/new", { ...valid, vacancyId, templateId: "no-such-template" });
    expect(noTemplate.body.error).toMatchObject({ templateId: ["campaigns.errors.templateRequired"] });
    expect(await counts()).toEqual(before);

    const created = await post(newRoute, "/outreach/campaigns/new", { ...valid, vacancyId, templateId, name: "Первая волна" });
    expect(created.status).toBe(302);
    expect(created.location).toMatch(/^\/outreach\/campaigns\/[a-z0-9]+$/);
    const taken = await post(newRoute, "/outreach/campaigns/new", { ...valid, vacancyId, templateId, name: "Первая волна" });
    expect(taken.body.error).toMatchObject({ name: ["campaigns.errors.nameTaken"] });
    const after = await counts();
    expect(after.campaigns).toBe(before.campaigns + 1);
    expect(after.audits).toBe(before.audits + 1);
  });

  it("edits a draft and keeps its vacancy", async () => {
    const { id } = await draft("Правка");
    const saved = await campaignAction(id, { ...valid, intent: "save", templateId, name: "Правка 2", ratePerMinute: "5", ratePerHour: "50", windowEnabled: "on", scheduledAt: "2099-01-01T10:00" });
    expect(saved.status).toBe(400);
    expect(saved.body.result.error).toMatchObject({ scheduledAt: ["campaigns.errors.scheduleTooFar|max=365"] });
    const ok = await campaignAction(id, { ...valid, intent: "save", templateId, name: "Правка 2", ratePerMinute: "5", ratePerHour: "50", windowEnabled: "on", vacancyId: "ignored" });
    expect(ok.status).toBe(302);
    expect(ok.location).toBe(`/outreach/campaigns/${id}?saved=1`);
    expect(await db().campaign.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: "Правка 2", vacancyId, ratePerMinute: 5, ratePerHour: 50, windowEnabled: true, windowStart: 540, windowEnd: 1140 });
  });
});

describe("who will get it and who is left out", () => {
  it("lists the recipients and every left-out person with the reason; merged rows and other stages never appear", async () => {
    const { id } = await draft("Предпросмотр");
    // A message of this campaign that already reached this person (a repeated import, a lost launch…).
    await db().emailMessage.create({
      data: { toAddress: c.received!.email!, fromAddress: "hr@test.kam", subject: "x", text: "x", campaignId: id, candidateId: c.received!.candidateId, status: "SENT" },
    });
    const preview = (await previewAudience(id))!;
    const recipientKeys = preview.recipients.map((r) => Object.entries(c).find(([, v]) => v.applicationId === r.applicationId)?.[0]).sort();
    expect(recipientKeys).toEqual(["ok", "overridden", "scary", "target"]);
    const reasons = Object.fromEntries(preview.leftOut.map((l) => [Object.entries(c).find(([, v]) => v.applicationId === l.applicationId)?.[0], l.reason]));
    expect(reasons).toEqual({
      noEmail: "no-email",
      badEmail: "no-email",
      quiet: "do-not-contact",
      excluded: "excluded",
      erased: "erased",
      received: "already-received",
    });
    expect(preview.counts).toEqual({ erased: 1, "do-not-contact": 1, excluded: 1, "no-email": 2, "already-received": 1 });
    expect(preview.recipientCount).toBe(4);
    // An erased person shows nothing of themselves.
    expect(preview.leftOut.find((l) => l.reason === "erased")).toMatchObject({ name: null, email: null });

    const html = await renderRoute(getRequest(`/outreach/campaigns/${id}`, cookie), { path: "/outreach/campaigns/:id", loader: campaignRoute.loader, Component: campaignRoute.default });
    expect(html).toContain("Нет адреса эл. почты");
    expect(html).toContain("Уже получил эту рассылку");
    expect(html).toContain("Кампания-quiet");
    expect(textsOf(html, 'id="launch-campaign"')).toEqual(["Запустить рассылку"]);
    expect(textsOf(html, 'data-testid="recipient-count"')).toEqual(["4"]);
  });

  it("a hand-built list sends to its members only", async () => {
    const { id } = await draft("Список", { audienceMode: "list", stages: undefined });
    await db().campaignMember.createMany({ data: [c.target!, c.quiet!].map((p) => ({ campaignId: id, applicationId: p.applicationId })) });
    const preview = (await previewAudience(id))!;
    expect(preview.recipients.map((r) => r.applicationId)).toEqual([c.target!.applicationId]);
    expect(preview.leftOut.map((l) => [l.applicationId, l.reason])).toEqual([[c.quiet!.applicationId, "do-not-contact"]]);
  });
});

describe("launch", () => {
  it("refuses an empty audience with a clear message and writes nothing", async () => {
    const { id } = await draft("Пусто", { stages: ["HIRED"] });
    const before = await counts();
    const refused = await campaignAction(id, { intent: "launch" });
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({ error: "campaigns.errors.emptyAudience" });
    expect(await counts()).toEqual(before);
    expect(await db().campaign.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "DRAFT", launchedAt: null });

    // Nobody left once the contact rule has spoken is empty too.
    const { id: list } = await draft("Только молчуны", { audienceMode: "list", stages: undefined });
    await db().campaignMember.create({ data: { campaignId: list, applicationId: c.quiet!.applicationId } });
    const beforeList = await counts();
    expect((await campaignAction(list, { intent: "launch" })).body).toEqual({ error: "campaigns.errors.emptyAudience" });
    expect(await counts()).toEqual(beforeList);
  });

  it("queues one merged, escaped message per recipient with its own unsubscribe link, then delivers exactly those over SMTP", async () => {
    const { id } = await draft("Основная", { stages: ["SOURCED"] });
    const launched = await campaignAction(id, { intent: "launch" });
    expect(launched.status).toBe(200);
    expect(launched.body).toEqual({ notice: "campaigns.launch.launched|count=5" });

    const campaign = await db().campaign.findUniqueOrThrow({ where: { id } });
    expect(campaign).toMatchObject({ status: "SENDING", launchedById: recruiterId });
    expect(campaign.exclusions).toEqual({ erased: 1, "do-not-contact": 1, excluded: 1, "no-email": 2 });
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: "campaign.launch", entityId: id } });
    expect(entry.details).toMatchObject({ recipients: 5, excluded: { "no-email": 2 } });
    // Counts only: no names or addresses in the audit trail.
    expect(JSON.stringify(entry.details)).not.toMatch(/@|Ирина|Кампания/);
    expect(await dispatchJobs(id)).toBe(1);

    // "received" got a message of another campaign, not this one: it is a recipient here.
    const eligible = ["ok", "target", "scary", "overridden", "received"].map((k) => c[k]!);
    const messages = await db().emailMessage.findMany({ where: { campaignId: id } });
    expect(messages.map((m) => m.toAddress).sort()).toEqual(eligible.map((p) => p.email).sort());
    const tokens = new Set<string>();
    for (const m of messages) {
      expect(m).toMatchObject({ status: "QUEUED", templateKind: "SELLING_LETTER", subject: "Key Account Manager — приглашение к конкурсу" });
      const headers = m.headers as Record<string, string>;
      const link = /^<(http[^>]+\/u\/([^>]+))>$/.exec(headers["List-Unsubscribe"] ?? "");
      expect(link).not.toBeNull();
      expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
      expect(hashToken(decodeURIComponent(link![2]!))).toBe(m.unsubscribeTokenHash);
      expect(m.text).toContain(link![1]);
      tokens.add(link![2]!);
    }
    expect(tokens.size).toBe(5);
    const byPerson = (key: string) => messages.find((m) => m.applicationId === c[key]!.applicationId)!;
    expect(byPerson("ok").text).toContain("Здравствуйте, Ирина!");
    expect(byPerson("ok").text).toContain("Приглашаем на вакансию Key Account Manager в городе Казань.");
    expect(byPerson("ok").html).toContain("<strong>Key Account Manager</strong>");
    expect(byPerson("scary").html).toContain("Здравствуйте, Анна &lt;b&gt;&amp; &quot;Ко&quot;!");
    expect(byPerson("scary").html).not.toContain("<b>&");
    expect(byPerson("scary").text).toContain(`Здравствуйте, ${SCARY}!`);

    // A second launch adds nothing.
    expect((await campaignAction(id, { intent: "launch" })).body).toEqual({ error: "campaigns.errors.notDraft" });
    expect(await db().emailMessage.count({ where: { campaignId: id } })).toBe(5);

    const smtp = await startSmtpServer();
    try {
      setSmtpUrl(smtp.url);
      expect(await drainCampaign(id)).toMatchObject({ state: "done" });
      expect(smtp.messages.map((m) => m.to[0]).sort()).toEqual(eligible.map((p) => p.email).sort());
      for (const received of smtp.messages) {
        const sent = messages.find((m) => m.toAddress === received.to[0])!;
        expect(received.subject).toBe("Key Account Manager — приглашение к конкурсу");
        expect(received.text.trim()).toBe(sent.text.trim());
        expect(received.html?.trim()).toBe(sent.html!.trim());
        expect(received.raw.replace(/\r?\n[ \t]+/g, " ")).toMatch(/^List-Unsubscribe: <http[^>]+\/u\/[^>]+>/m);
      }
      expect(smtp.messages.find((m) => m.to[0] === c.scary!.email)!.html).toContain("Анна &lt;b&gt;&amp; &quot;Ко&quot;");
    } finally {
      await smtp.close();
    }
    expect(await db().campaign.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "DONE" });
    expect(await campaignProgress(id)).toMatchObject({ total: 5, sent: 5, queued: 0, failed: 0, done: 5 });
    const page = await campaignMessages(id, { status: "SENT" });
    expect(page.total).toBe(5);
    expect(page.messages.find((m) => m.candidateId === c.ok!.candidateId)).toMatchObject({ name: { firstName: "Ирина" }, status: "SENT", unconfirmed: false });

    const html = await renderRoute(getRequest(`/outreach/campaigns/${id}`, cookie), { path: "/outreach/campaigns/:id", loader: campaignRoute.loader, Component: campaignRoute.default });
    expect(html).toMatch(/role="progressbar"[^>]*aria-valuenow="100"/);
    expect(html).toContain(`href="/outbox/${messages[0]!.id}"`);
    const list = await renderRoute(getRequest(`/outreach/campaigns?vacancy=${vacancyId}`, cookie), { path: "/outreach/campaigns", loader: listRoute.loader, Component: listRoute.default });
    expect(list).toContain("Основная");
    expect(list).toContain('data-campaign-status="DONE"');
  });
});

describe("pause, resume and cancel", () => {
  it("each only from the right state, each audited; cancel leaves nothing to send", async () => {
    const { id } = await draft("Управление", { audienceMode: "list", stages: undefined });
    await db().campaignMember.createMany({ data: [c.ok!, c.target!, c.scary!].map((p) => ({ campaignId: id, applicationId: p.applicationId })) });
    expect((await campaignAction(id, { intent: "pause" })).body).toEqual({ error: "campaigns.errors.cannotPause" });
    expect((await campaignAction(id, { intent: "launch" })).body).toEqual({ notice: "campaigns.launch.launched|count=3" });

    expect((await campaignAction(id, { intent: "resume" })).body).toEqual({ error: "campaigns.errors.cannotResume" });
    expect((await campaignAction(id, { intent: "pause" })).body).toEqual({ notice: "campaigns.controls.paused" });
    expect(await db().campaign.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "PAUSED", pausedAt: expect.any(Date) });
    expect((await campaignAction(id, { intent: "pause" })).status).toBe(409);
    // Paused: the dispatcher sends nothing.
    expect(await drainCampaign(id)).toMatchObject({ state: "stopped" });
    expect(await db().emailMessage.count({ where: { campaignId: id, status: "QUEUED" } })).toBe(3);

    const before = await dispatchJobs(id);
    expect((await campaignAction(id, { intent: "resume" })).body).toEqual({ notice: "campaigns.controls.resumed" });
    expect(await db().campaign.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENDING", pausedAt: null });
    expect(await dispatchJobs(id)).toBe(before + 1);

    expect((await campaignAction(id, { intent: "cancel" })).body).toEqual({ notice: "campaigns.controls.cancelled|count=3" });
    const messages = await db().emailMessage.findMany({ where: { campaignId: id } });
    expect(messages.map((m) => [m.status, m.error])).toEqual(Array(3).fill(["CANCELLED", "campaign cancelled"]));
    expect(await db().campaign.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "CANCELLED", cancelledAt: expect.any(Date) });
    for (const intent of ["resume", "pause", "cancel", "launch"]) expect((await campaignAction(id, { intent })).status).toBe(409);
    expect(await drainCampaign(id)).toMatchObject({ state: "stopped" });

    const audits = await db().auditEntry.findMany({ where: { entityId: id }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["campaign.create", "campaign.launch", "campaign.pause", "campaign.resume", "campaign.cancel"]);
    expect(audits.at(-1)!.details).toMatchObject({ from: "SENDING", to: "CANCELLED", cancelled: 3 });
  });

  it("a message handed to the mail server before its sender died is counted as sent, not cancelled", async () => {
    const { id } = await draft("Обрыв", { audienceMode: "list", stages: undefined });
    await db().campaignMember.createMany({ data: [c.ok!, c.target!].map((p) => ({ campaignId: id, applicationId: p.applicationId })) });
    await campaignAction(id, { intent: "launch" });
    const [first] = await db().emailMessage.findMany({ where: { campaignId: id }, orderBy: { id: "asc" } });
    await db().mailHandover.create({ data: { emailId: first!.id } });
    expect((await campaignAction(id, { intent: "cancel" })).body).toEqual({ notice: "campaigns.controls.cancelled|count=1" });
    expect(await db().emailMessage.findUniqueOrThrow({ where: { id: first!.id } })).toMatchObject({ status: "SENT", unconfirmed: true });
    expect(await db().mailHandover.count({ where: { emailId: first!.id } })).toBe(0);
  });
});

describe("pages", () => {
  it("the new-campaign form starts with the vacancy asked for, the selling letter and the safe limits", async () => {
    const html = await renderRoute(getRequest(`/outreach/campaigns/new?vacancy=${vacancyId}`, cookie), { path: "/outreach/campaigns/new", loader: newRoute.loader, Component: newRoute.default });
    expect(html).toMatch(new RegExp(`<option value="${vacancyId}" selected="">Key Account Manager, Казань</option>`));
    expect(html).toMatch(new RegExp(`<option value="${templateId}" selected="">[^<]*Продающее письмо \\(RU\\)</option>`));
    expect(html).toMatch(/id="campaign-form-ratePerMinute"[^>]*value="20"|value="20"[^>]*id="campaign-form-ratePerMinute"/);
    expect(html).toMatch(/id="campaign-form-windowEnabled"[^>]*checked=""|checked=""[^>]*id="campaign-form-windowEnabled"/);
    expect(html).toContain('name="stages" checked="" value="SOURCED"');
    expect(html).not.toContain('name="stages" checked="" value="CONTACTED"');
    expect(html.match(/name="windowDays" checked=""/g)).toHaveLength(5);
  });

  it("the outreach page keeps its step list and leads to campaigns, templates and the call list", async () => {
    const html = await renderRoute(getRequest("/outreach", cookie), { path: "/outreach", loader: outreachIndex.loader, Component: outreachIndex.default });
    for (const href of ["/outreach/campaigns", "/outreach/templates", "/outreach/calls"]) expect(html).toContain(`href="${href}"`);
    expect(textsOf(html, 'id="step-list"')).toEqual(["Кандидаты на этом шаге"]);
  });
});

describe("access", () => {
  it("a hiring manager is refused every campaign page and button", async () => {
    const { id } = await draft("Доступ");
    const args = (url: string, params: Record<string, string> = {}) => ({ request: getRequest(url, managerCookie), params, context: {} });
    expect((await respond(() => listRoute.loader(args("/outreach/campaigns")))).status).toBe(403);
    expect((await respond(() => newRoute.loader(args("/outreach/campaigns/new")))).status).toBe(403);
    expect((await respond(() => campaignRoute.loader(args(`/outreach/campaigns/${id}`, { id })))).status).toBe(403);
    expect((await post(newRoute, "/outreach/campaigns/new", { ...valid, vacancyId, templateId }, {}, managerCookie)).status).toBe(403);
    for (const intent of ["launch", "save", "pause", "cancel"]) expect((await campaignAction(id, { intent }, managerCookie)).status).toBe(403);
    expect(await db().campaign.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "DRAFT" });
  });

  it("answers 404 for a campaign that does not exist", async () => {
    expect((await respond(() => campaignRoute.loader({ request: getRequest("/outreach/campaigns/nope", cookie), params: { id: "nope" }, context: {} }))).status).toBe(404);
    expect((await campaignAction("nope", { intent: "launch" })).status).toBe(404);
  });
});
