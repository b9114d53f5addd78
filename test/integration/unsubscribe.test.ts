import { afterAll, describe, expect, test } from "vitest";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { newToken, unsubscribeHeaders, unsubscribeUrl } from "~/outreach/links.server";
import { sendTemplateMail } from "~/outreach/send-template.server";
import { UNSUBSCRIBE_REASON, unsubscribe } from "~/outreach/unsubscribe.server";
import { addApplication } from "~/pipeline/pipeline.server";
import { loader as profileLoader } from "~/routes/candidates.$id";
import UnsubscribePage, { action, loader } from "~/routes/u.$token";
import { ContactRefused, contactRefusals } from "~/sourcing/contact-policy.server";
import { mergeCandidates } from "~/sourcing/merge.server";
import { eraseCandidate, setDoNotContact } from "~/sourcing/personal-data.server";
import { i18nFor } from "~/ui/i18n-instance";
import { db } from "~/utils/db.server";
import { stopJobs } from "~/utils/jobs.server";
import { sendMail } from "~/utils/mail.server";
import { createCandidate, createUser, formRequest, getRequest, respond, sessionCookie } from "../factories";

// sendMail queues its delivery job through pg-boss.
afterAll(() => stopJobs());

const context = {};
const get = (token: string, headers: Record<string, string> = {}, query = "") =>
  respond(() => loader({ request: new Request(`http://localhost/u/${token}${query}`, { headers }), params: { token }, context }));
const post = (token: string, fields: Record<string, string>) =>
  respond(() => action({ request: formRequest(`/u/${token}`, fields), params: { token }, context }));

/** A candidate on two vacancies with a sent letter (whose link we hold) and two letters still waiting. */
async function writtenTo() {
  const candidate = await createCandidate();
  const vacancies = await Promise.all(
    ["KAM, насосы", "KAM, арматура"].map((title) => db().vacancy.create({ data: { title, city: "Москва", industry: "Оборудование", status: "OPEN" } })),
  );
  const applications = await Promise.all(vacancies.map((v) => addApplication({ candidateId: candidate.id, vacancyId: v.id, actorId: null })));
  const letter = async (applicationId: string, subject: string) => {
    const { token, hash } = newToken();
    const sent = await sendMail({
      to: candidate.email!,
      subject,
      text: `Ирина, здравствуйте! Отписаться: ${unsubscribeUrl(token)}`,
      candidateId: candidate.id,
      applicationId,
      headers: unsubscribeHeaders(unsubscribeUrl(token)),
      unsubscribeTokenHash: hash,
    });
    return { token, id: sent.id! };
  };
  const first = await letter(applications[0]!.id, "Приглашение на конкурс");
  await db().emailMessage.update({ where: { id: first.id }, data: { status: "SENT", sentAt: new Date() } });
  const waiting = [await letter(applications[0]!.id, "Напоминание"), await letter(applications[1]!.id, "Вакансия KAM, арматура")];
  const someoneElse = await createCandidate();
  const theirs = await sendMail({ to: someoneElse.email!, subject: "Приглашение", text: "Здравствуйте", candidateId: someoneElse.id });
  return { candidate, applications, first, waiting, someoneElse, theirs: theirs.id! };
}

const auditCount = (candidateId: string) => db().auditEntry.count({ where: { entityId: candidateId } });

/** The page as a browser gets it after pressing the button: the action, then the loader, then the component. */
async function renderAfterPost(token: string, query = "") {
  const handler = createStaticHandler([
    {
      id: "page",
      path: "/u/:token",
      loader: (args) => loader({ ...args, context }),
      action: (args) => action({ ...args, context }),
      Component: UnsubscribePage,
    },
  ]);
  const result = await handler.query(formRequest(`/u/${token}${query}`, { intent: "unsubscribe" }));
  if (result instanceof Response) throw new Error(`answered ${result.status}`);
  const router = createStaticRouter(handler.dataRoutes, result);
  return renderToString(
    createElement(I18nextProvider, { i18n: i18nFor("ru") }, createElement(StaticRouterProvider, { router, context: result, hydrate: false })),
  );
}

async function renderGet(token: string, query = "", headers: Record<string, string> = {}) {
  const handler = createStaticHandler([{ id: "page", path: "/u/:token", loader: (args) => loader({ ...args, context }), Component: UnsubscribePage }]);
  const result = await handler.query(new Request(`http://localhost/u/${token}${query}`, { headers }));
  if (result instanceof Response) throw new Error(`answered ${result.status}`);
  const router = createStaticRouter(handler.dataRoutes, result);
  return renderToString(
    createElement(I18nextProvider, { i18n: i18nFor("ru") }, createElement(StaticRouterProvider, { router, context: result, hydrate: false })),
  );
}

describe("opening the unsubscribe link", () => {
  test("asks first, in Russian or in English, and changes nothing (mail scanners open links too)", async () => {
    const w = await writtenTo();
    const page = await get(w.first.token);
    expect(page.status).toBe(200);
    expect(await page.json()).toEqual({ company: "KAM Hiring", locale: "ru" });
    expect(await (await get(w.first.token, {}, "?lang=en")).json()).toMatchObject({ locale: "en" });
    expect(await (await get(w.first.token, { "Accept-Language": "en-GB,en;q=0.9" })).json()).toMatchObject({ locale: "en" });
    expect(await (await get(w.first.token, { "Accept-Language": "en-GB,en;q=0.9" }, "?lang=ru")).json()).toMatchObject({ locale: "ru" });

    const ru = await renderGet(w.first.token);
    expect(ru).toContain("Отписаться от писем о вакансиях от KAM Hiring?");
    expect(ru).toMatch(/<a[^>]*href="\/u\/[^"]+\?lang=en"[^>]*>English<\/a>/);
    const en = await renderGet(w.first.token, "?lang=en");
    expect(en).toContain("Unsubscribe from hiring messages from KAM Hiring?");
    expect(en).toContain(">Русский</a>");
    expect(en).not.toContain(w.candidate.lastName);

    expect(await db().candidate.findUniqueOrThrow({ where: { id: w.candidate.id } })).toMatchObject({ doNotContact: false, doNotContactAt: null });
    expect(await db().emailMessage.count({ where: { id: { in: w.waiting.map((m) => m.id) }, status: "QUEUED" } })).toBe(2);
    expect(await auditCount(w.candidate.id)).toBe(0);
  });

  test("an unknown or forged token is a plain 404 that says nothing about anyone, and writes nothing", async () => {
    const w = await writtenTo();
    const forged = newToken().token;
    for (const token of [forged, "not-a-token", w.first.token.slice(0, -1), `${w.first.token}x`]) {
      const page = await get(token);
      expect(page.status).toBe(404);
      expect(await page.text()).toBe("Not found");
      const posted = await post(token, { "List-Unsubscribe": "One-Click" });
      expect(posted.status).toBe(404);
    }
    expect((await db().candidate.findUniqueOrThrow({ where: { id: w.candidate.id } })).doNotContact).toBe(false);
    expect(await db().auditEntry.count({ where: { action: { in: ["candidate.unsubscribe", "candidate.do-not-contact"] } } })).toBe(0);
  });
});

describe("unsubscribing", () => {
  test("the button marks the person do-not-contact everywhere, cancels what is waiting, audits without personal data, and confirms", async () => {
    const w = await writtenTo();
    const response = await post(w.first.token, { intent: "unsubscribe" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ done: true, outcome: "unsubscribed" });

    const after = await db().candidate.findUniqueOrThrow({ where: { id: w.candidate.id } });
    expect(after.doNotContact).toBe(true);
    expect(after.doNotContactAt).toBeInstanceOf(Date);
    // Both vacancies' waiting letters, not only the one the link came in; the sent one and someone else's stay.
    for (const m of w.waiting) expect(await db().emailMessage.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({ status: "CANCELLED", error: "unsubscribed" });
    expect(await db().emailMessage.findUniqueOrThrow({ where: { id: w.first.id } })).toMatchObject({ status: "SENT" });
    expect(await db().emailMessage.findUniqueOrThrow({ where: { id: w.theirs } })).toMatchObject({ status: "QUEUED" });
    expect((await db().candidate.findUniqueOrThrow({ where: { id: w.someoneElse.id } })).doNotContact).toBe(false);

    const entries = await db().auditEntry.findMany({ where: { entityId: w.candidate.id }, orderBy: { id: "asc" } });
    expect(entries.map((e) => [e.action, e.actorId])).toEqual([
      ["candidate.do-not-contact", null],
      ["candidate.unsubscribe", null],
    ]);
    expect(entries[0]!.details).toEqual({ reason: UNSUBSCRIBE_REASON });
    expect(entries[1]!.details).toEqual({ emailMessageId: w.first.id, markedCandidates: 1, cancelledMessages: 2 });
    expect(JSON.stringify(entries.map((e) => e.details))).not.toMatch(/Ирина|Соколова|mail\.test|\+7/);

    // The profile's change log and timeline say it, with the reason.
    const recruiter = await createUser({ roles: ["RECRUITER"] });
    const cookie = await sessionCookie(recruiter.id);
    const data = await (await respond(() => profileLoader({ request: getRequest(`/candidates/${w.candidate.id}`, cookie), params: { id: w.candidate.id }, context }))).json();
    expect(data.auditTrail).toEqual([expect.objectContaining({ action: "candidate.do-not-contact", reason: UNSUBSCRIBE_REASON, actorName: null })]);
    expect(data.timeline.filter((e: { kind: string }) => e.kind === "audit").map((e: { action: string }) => e.action)).toEqual([
      "candidate.unsubscribe",
      "candidate.do-not-contact",
    ]);

    // The confirmation page, in the page's language.
    expect(await renderAfterPost(w.first.token)).toContain("Вы больше не будете получать сообщений о вакансиях.");
    expect(await renderAfterPost(w.first.token, "?lang=en")).toContain("You will not get any more messages about vacancies.");
  });

  test("doing it again, by any of the person's links, confirms the same and writes nothing", async () => {
    const w = await writtenTo();
    expect(await (await post(w.first.token, { intent: "unsubscribe" })).json()).toMatchObject({ done: true });
    const before = await db().candidate.findUniqueOrThrow({ where: { id: w.candidate.id } });
    const entries = await auditCount(w.candidate.id);
    for (const token of [w.first.token, w.waiting[0]!.token, w.waiting[1]!.token]) {
      const again = await post(token, { intent: "unsubscribe" });
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual({ done: true, outcome: "already" });
    }
    expect(await db().candidate.findUniqueOrThrow({ where: { id: w.candidate.id } })).toEqual(before);
    expect(await auditCount(w.candidate.id)).toBe(entries);
  });

  test("a mail client's one-click POST (no cookie, RFC 8058 body) is answered 200 in plain text", async () => {
    const w = await writtenTo();
    const response = await post(w.waiting[1]!.token, { "List-Unsubscribe": "One-Click" });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/plain/);
    expect((await db().candidate.findUniqueOrThrow({ where: { id: w.candidate.id } })).doNotContact).toBe(true);
    expect(await db().emailMessage.count({ where: { id: { in: w.waiting.map((m) => m.id) }, status: "CANCELLED" } })).toBe(2);
  });

  test("someone a recruiter had already marked do-not-contact: their waiting letters are cancelled, the mark and its reason stay", async () => {
    const w = await writtenTo();
    const recruiter = await createUser({ roles: ["RECRUITER"] });
    await setDoNotContact({ actorId: recruiter.id, candidateId: w.candidate.id, doNotContact: true, reason: "Просил по телефону" });
    const marked = await db().candidate.findUniqueOrThrow({ where: { id: w.candidate.id } });
    expect(await unsubscribe(w.first.token)).toEqual({ outcome: "unsubscribed", company: "KAM Hiring" });
    expect((await db().candidate.findUniqueOrThrow({ where: { id: w.candidate.id } })).doNotContactAt).toEqual(marked.doNotContactAt);
    expect(await db().auditEntry.count({ where: { entityId: w.candidate.id, action: "candidate.do-not-contact" } })).toBe(1);
    expect(await db().auditEntry.findFirstOrThrow({ where: { entityId: w.candidate.id, action: "candidate.unsubscribe" } })).toMatchObject({
      details: { markedCandidates: 0, cancelledMessages: 2 },
    });
  });

  test("afterwards the contact rule refuses them: no campaign, no templated letter", async () => {
    const w = await writtenTo();
    const ids = w.applications.map((a) => a.id);
    expect([...(await db().$transaction((tx) => contactRefusals(tx, ids))).values()]).toEqual([null, null]);
    await post(w.first.token, { "List-Unsubscribe": "One-Click" });
    const refusals = await db().$transaction((tx) => contactRefusals(tx, ids));
    expect(ids.map((id) => refusals.get(id))).toEqual(["do-not-contact", "do-not-contact"]);
    const letter = db().$transaction((tx) => sendTemplateMail(tx, { applicationId: ids[1]!, kind: "INTERVIEW_INVITATION" }));
    await expect(letter).rejects.toBeInstanceOf(ContactRefused);
    await expect(letter).rejects.toMatchObject({ problem: "do-not-contact" });
  });

  test("a link to someone merged into another profile stops the person under both rows", async () => {
    const w = await writtenTo();
    const survivor = await createCandidate();
    const recruiter = await createUser({ roles: ["RECRUITER"] });
    await mergeCandidates({ survivorId: survivor.id, mergedId: w.candidate.id, actorId: recruiter.id, reason: "Тот же человек" });
    expect(await unsubscribe(w.first.token)).toMatchObject({ outcome: "unsubscribed" });
    for (const id of [survivor.id, w.candidate.id]) expect((await db().candidate.findUniqueOrThrow({ where: { id } })).doNotContact).toBe(true);
    expect(await db().auditEntry.findFirstOrThrow({ where: { action: "candidate.unsubscribe", entityId: survivor.id } })).toMatchObject({
      details: { emailMessageId: w.first.id, markedCandidates: 2, cancelledMessages: 2 },
    });
  });

  test("an erased person's link still confirms, and nothing is written", async () => {
    const w = await writtenTo();
    const admin = await createUser({ roles: ["ADMIN"] });
    await eraseCandidate({ actorId: admin.id, candidateId: w.candidate.id, reason: "Запрос кандидата" });
    const entries = await auditCount(w.candidate.id);
    const response = await post(w.first.token, { intent: "unsubscribe" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ done: true, outcome: "erased" });
    expect((await get(w.first.token)).status).toBe(200);
    expect(await auditCount(w.candidate.id)).toBe(entries);
  });
});
