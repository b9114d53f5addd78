import { type SourcingTier } from "@prisma/client";
import { afterAll, describe, expect, test } from "vitest";
import { CallRefused, claimNext, recordOutcome } from "~/outreach/call-list.server";
import { type OutcomeForm } from "~/outreach/calls";
import { addApplication } from "~/pipeline/pipeline.server";
import CallList, { action, loader } from "~/routes/outreach.calls";
import { action as editVacancy } from "~/routes/vacancies.$id_.edit";
import { db } from "~/utils/db.server";
import { reloadEnv } from "~/utils/env.server";
import { stopJobs } from "~/utils/jobs.server";
import { closeSmtp, deliverNow } from "~/utils/mail.server";
import { createCandidate, createUser, formRequest, getRequest, respond, sessionCookie } from "../factories";
import { renderRoute, textsOf } from "../render-route";
import { startSmtpServer } from "../setup/smtp";

const context = { clientIp: "127.0.0.1" };
afterAll(() => stopJobs());
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const newVacancy = () => db().vacancy.create({ data: { title: "KAM насосы", city: "Москва", industry: "Оборудование", status: "OPEN" } });

let order = 0;
/** A candidate on the vacancy; applications get distinct creation times, oldest first. */
async function onList(vacancyId: string, tier: SourcingTier | null, candidate: Parameters<typeof createCandidate>[0] = {}) {
  const person = await createCandidate(candidate);
  const application = await addApplication({ candidateId: person.id, vacancyId, actorId: null, tier });
  order += 1;
  await db().application.update({ where: { id: application.id }, data: { createdAt: new Date(Date.UTC(2026, 0, 1) + order * MINUTE) } });
  return { ...application, candidate: person };
}

const outcome = (recruiterId: string, applicationId: string, now: Date, fields: Partial<OutcomeForm> & Pick<OutcomeForm, "outcome">) =>
  recordOutcome({ applicationId, recruiterId, now, locale: "ru", callbackAt: null, reason: null, note: null, ...fields });

async function claimed(vacancyId: string, recruiterId: string, now: Date) {
  return (await claimNext({ vacancyId, recruiterId, now }))?.applicationId ?? null;
}

async function recruiter() {
  const user = await createUser({ roles: ["RECRUITER"] });
  return { ...user, cookie: await sessionCookie(user.id) };
}

const page = (vacancyId: string, cookie: string) =>
  respond(() => loader({ request: getRequest(`/outreach/calls?vacancy=${vacancyId}`, cookie), context, params: {} }));
const post = (vacancyId: string, fields: Record<string, string>, cookie: string) =>
  respond(() => action({ request: formRequest(`/outreach/calls?vacancy=${vacancyId}`, { intent: "outcome", ...fields }, cookie), context, params: {} }));

async function questionnaireTemplate(vacancyId: string) {
  return db().messageTemplate.create({
    data: {
      kind: "QUESTIONNAIRE_INVITATION",
      name: `Анкета ${vacancyId}`,
      vacancyId,
      subjectRu: "{{firstName}}, анкета конкурса",
      bodyRu: "Заполните анкету: {{questionnaireLink}}",
    },
  });
}

describe("who is on the list", () => {
  test("only SOURCED/CONTACTED people with a phone who may be contacted; tasks are made when the list is opened", async () => {
    const vacancy = await newVacancy();
    const other = await newVacancy();
    const r = await recruiter();
    const sourced = await onList(vacancy.id, "OPEN_MARKET");
    const contacted = await onList(vacancy.id, "TARGET");
    await db().application.update({ where: { id: contacted.id }, data: { stage: "CONTACTED" } });
    const overridden = await onList(vacancy.id, "EXCLUDED");
    await db().application.update({ where: { id: overridden.id }, data: { contactOverrideAt: new Date(), contactOverrideReason: "Проверено по звонку" } });
    const out = [
      await onList(vacancy.id, "TARGET", { phone: null }),
      await onList(vacancy.id, "TARGET", { phone: "  " }),
      await onList(vacancy.id, "TARGET", { doNotContact: true, doNotContactAt: new Date() }),
      await onList(vacancy.id, "EXCLUDED"),
      await onList(vacancy.id, "TARGET", { erasedAt: new Date() }),
      await onList(vacancy.id, "TARGET"),
      await onList(vacancy.id, "TARGET"),
    ];
    const [, , , , , merged, later] = out;
    await db().candidate.update({ where: { id: merged!.candidateId }, data: { mergedIntoId: sourced.candidateId } });
    await db().application.update({ where: { id: later!.id }, data: { stage: "QUESTIONNAIRE_SENT" } });
    const elsewhere = await onList(other.id, "TARGET");

    const now = new Date();
    const got: string[] = [];
    for (let id = await claimed(vacancy.id, r.id, now); id; id = await claimed(vacancy.id, r.id, now)) {
      got.push(id);
      await outcome(r.id, id, now, { outcome: "WRONG_NUMBER" });
    }
    // Tier order: target, open market, then the excluded one someone allowed.
    expect(got).toEqual([contacted.id, sourced.id, overridden.id]);
    const tasks = await db().callTask.findMany({ where: { vacancyId: vacancy.id } });
    expect(tasks.map((t) => t.applicationId).sort()).toEqual([contacted.id, sourced.id, overridden.id].sort());
    expect(await db().callTask.count({ where: { applicationId: elsewhere.id } })).toBe(0);
  });

  test("the contact rule has the last word: an override given for another company is skipped, a do-not-contact request refuses the outcome", async () => {
    const vacancy = await newVacancy();
    const r = await recruiter();
    const match = (companyName: string) => ({ list: "EXCLUDED", match: "company", companyName, jobTitle: "KAM", startedOn: "2015-01-01", endedOn: null });
    const stale = await onList(vacancy.id, "EXCLUDED");
    await db().application.update({
      where: { id: stale.id },
      data: { contactOverrideAt: new Date(), contactOverrideReason: "Проверено", contactOverrideMatch: match("Альфа"), tierReason: match("Бета") },
    });
    const fine = await onList(vacancy.id, "TARGET");
    const now = new Date();
    expect(await claimed(vacancy.id, r.id, now)).toBe(fine.id);

    await db().candidate.update({ where: { id: fine.candidateId }, data: { doNotContact: true, doNotContactAt: new Date() } });
    await expect(outcome(r.id, fine.id, now, { outcome: "INTERESTED" })).rejects.toMatchObject({ problem: "do-not-contact" });
    expect(await db().callAttempt.count({ where: { applicationId: fine.id } })).toBe(0);
    expect(await db().application.findUniqueOrThrow({ where: { id: fine.id } })).toMatchObject({ stage: "SOURCED" });
    // Nobody left to offer: the held one may no longer be called, the stale override is skipped.
    expect(await claimed(vacancy.id, r.id, now)).toBeNull();
  });
});

describe("queue order", () => {
  test("due callbacks first at their time and not before, then the never called by tier, then retries with the fewest attempts", async () => {
    const vacancy = await newVacancy();
    const [r, r2] = [await recruiter(), await recruiter()];
    const p = await onList(vacancy.id, "TARGET");
    const s = await onList(vacancy.id, "ADJACENT");
    const q = await onList(vacancy.id, "OPEN_MARKET");
    const untiered = await onList(vacancy.id, null);
    const [fresh1, fresh2] = [await onList(vacancy.id, null), await onList(vacancy.id, null)];
    const t0 = new Date();
    const at = (ms: number) => new Date(t0.getTime() + ms);

    expect(await claimed(vacancy.id, r.id, t0)).toBe(p.id);
    await outcome(r.id, p.id, t0, { outcome: "NO_ANSWER" });
    expect(await claimed(vacancy.id, r.id, t0)).toBe(s.id);
    await outcome(r.id, s.id, t0, { outcome: "CALL_BACK", callbackAt: at(HOUR) });

    // Before its time the callback is not offered (nor the retry); the never called go by tier, then age.
    expect(await claimed(vacancy.id, r.id, at(30 * MINUTE))).toBe(q.id);
    await outcome(r.id, q.id, at(30 * MINUTE), { outcome: "WRONG_NUMBER" });
    expect(await claimed(vacancy.id, r.id, at(59 * MINUTE))).toBe(untiered.id);
    await outcome(r.id, untiered.id, at(59 * MINUTE), { outcome: "NO_ANSWER" });
    expect(await claimed(vacancy.id, r2.id, at(HOUR - 1))).toBe(fresh1.id);
    // At its time it comes first, before someone nobody has called yet.
    expect(await claimed(vacancy.id, r.id, at(HOUR))).toBe(s.id);
    await outcome(r.id, s.id, at(HOUR), { outcome: "NO_ANSWER" });
    await outcome(r2.id, fresh1.id, at(HOUR), { outcome: "WRONG_NUMBER" });
    expect(await claimed(vacancy.id, r.id, at(HOUR))).toBe(fresh2.id);
    await outcome(r.id, fresh2.id, at(HOUR), { outcome: "WRONG_NUMBER" });
    expect(await claimed(vacancy.id, r.id, at(HOUR))).toBeNull();

    // Two hours after its call the first retry is back.
    expect(await claimed(vacancy.id, r.id, at(2 * HOUR))).toBe(p.id);
    await outcome(r.id, p.id, at(2 * HOUR), { outcome: "NO_ANSWER" });
    // All due: one attempt before two; between two attempts each, the one due longer ago.
    const late = at(10 * HOUR);
    expect(await claimed(vacancy.id, r.id, late)).toBe(untiered.id);
    await outcome(r.id, untiered.id, late, { outcome: "WRONG_NUMBER" });
    expect(await claimed(vacancy.id, r.id, late)).toBe(s.id);
    await outcome(r.id, s.id, late, { outcome: "WRONG_NUMBER" });
    expect(await claimed(vacancy.id, r.id, late)).toBe(p.id);
  });
});

describe("two recruiters on one list", () => {
  test("concurrent claims never hand out the same candidate, and a reload gives back your own", async () => {
    const vacancy = await newVacancy();
    const [a, b, c] = [await recruiter(), await recruiter(), await recruiter()];
    const people = [];
    for (let i = 0; i < 30; i++) people.push(await onList(vacancy.id, i % 2 ? "TARGET" : "OPEN_MARKET"));
    const now = new Date();
    const seen = new Set<string>();
    for (let round = 0; round < 10; round++) {
      const ids = await Promise.all([a, b, c].map((r) => claimed(vacancy.id, r.id, now)));
      expect(ids.every(Boolean)).toBe(true);
      expect(new Set(ids).size).toBe(3);
      for (const id of ids) {
        expect(seen.has(id!)).toBe(false);
        seen.add(id!);
      }
      // Reloading gives each their own again.
      expect(await Promise.all([a, b, c].map((r) => claimed(vacancy.id, r.id, now)))).toEqual(ids);
      await Promise.all([a, b, c].map((r, i) => outcome(r.id, ids[i]!, now, { outcome: "NO_ANSWER" })));
    }
    expect(seen.size).toBe(30);
    expect(await claimed(vacancy.id, a.id, now)).toBeNull();
  });

  test("someone being changed right now (an erasure, a merge) is skipped, not waited for", async () => {
    const vacancy = await newVacancy();
    const [a, b] = [await recruiter(), await recruiter()];
    const busy = await onList(vacancy.id, "TARGET");
    const free = await onList(vacancy.id, "OPEN_MARKET");
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const change = db().$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Candidate" WHERE id = ${busy.candidateId} FOR UPDATE`;
      locked();
      await released;
    });
    await isLocked;
    try {
      expect(await claimed(vacancy.id, a.id, new Date())).toBe(free.id);
    } finally {
      release();
      await change;
    }
    expect(await claimed(vacancy.id, b.id, new Date())).toBe(busy.id);
  });

  test("a claim left for more than ten minutes may be taken by someone else, and then the first cannot record on it", async () => {
    const vacancy = await newVacancy();
    const [a, b] = [await recruiter(), await recruiter()];
    const only = await onList(vacancy.id, "TARGET");
    const t0 = new Date();
    expect(await claimed(vacancy.id, a.id, t0)).toBe(only.id);
    expect(await claimed(vacancy.id, b.id, new Date(t0.getTime() + 9 * MINUTE))).toBeNull();
    expect(await claimed(vacancy.id, b.id, new Date(t0.getTime() + 11 * MINUTE))).toBe(only.id);
    await expect(outcome(a.id, only.id, t0, { outcome: "NO_ANSWER" })).rejects.toBeInstanceOf(CallRefused);
    expect(await db().callAttempt.count({ where: { applicationId: only.id } })).toBe(0);
  });
});

describe("recording an outcome", () => {
  test("no answer: counted, due again in two hours, stage unchanged, audited without the note; the fifth in a row takes them off", async () => {
    const vacancy = await newVacancy();
    const r = await recruiter();
    const person = await onList(vacancy.id, "TARGET");
    const t0 = new Date();
    expect(await claimed(vacancy.id, r.id, t0)).toBe(person.id);
    await outcome(r.id, person.id, t0, { outcome: "NO_ANSWER", note: "Гудки, потом сброс" });
    expect(await db().callTask.findUniqueOrThrow({ where: { applicationId: person.id } })).toMatchObject({
      attempts: 1,
      lastOutcome: "NO_ANSWER",
      lastCalledAt: t0,
      dueAt: new Date(t0.getTime() + 2 * HOUR),
      callbackRequested: false,
      claimedById: null,
      claimedUntil: null,
      doneAt: null,
    });
    expect(await db().callAttempt.findFirstOrThrow({ where: { applicationId: person.id } })).toMatchObject({
      vacancyId: vacancy.id,
      recruiterId: r.id,
      outcome: "NO_ANSWER",
      note: "Гудки, потом сброс",
    });
    expect(await db().application.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ stage: "SOURCED" });
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: "candidate.call", entityId: person.candidateId } });
    expect(entry).toMatchObject({ actorId: r.id, entityType: "Candidate", details: { outcome: "NO_ANSWER", applicationId: person.id, vacancyId: vacancy.id } });
    expect(JSON.stringify(entry.details)).not.toMatch(/Гудки/);

    let at = t0;
    for (let call = 2; call <= 5; call++) {
      at = new Date(at.getTime() + 2 * HOUR);
      expect(await claimed(vacancy.id, r.id, at)).toBe(person.id);
      const result = await outcome(r.id, person.id, at, { outcome: "NO_ANSWER" });
      expect(result.done).toBe(call === 5 ? "unreachable" : null);
    }
    expect((await db().callTask.findUniqueOrThrow({ where: { applicationId: person.id } })).doneAt).toEqual(at);
    expect(await claimed(vacancy.id, r.id, new Date(at.getTime() + 10 * HOUR))).toBeNull();
  });

  test("call back: contacted (with its history), due at the time asked for", async () => {
    const vacancy = await newVacancy();
    const r = await recruiter();
    const person = await onList(vacancy.id, "TARGET");
    const now = new Date();
    const callbackAt = new Date(now.getTime() + 26 * HOUR);
    await claimed(vacancy.id, r.id, now);
    await outcome(r.id, person.id, now, { outcome: "CALL_BACK", callbackAt });
    expect(await db().callTask.findUniqueOrThrow({ where: { applicationId: person.id } })).toMatchObject({
      dueAt: callbackAt,
      callbackRequested: true,
      doneAt: null,
      attempts: 1,
    });
    const history = await db().stageChange.findMany({ where: { applicationId: person.id }, orderBy: { id: "asc" } });
    expect(history.map((h) => [h.fromStage, h.toStage, h.actorId])).toEqual([
      [null, "SOURCED", null],
      ["SOURCED", "CONTACTED", r.id],
    ]);
    expect(history[1]!.reason).toBe("Звонок: просит перезвонить");
    expect((await db().callAttempt.findFirstOrThrow({ where: { applicationId: person.id } })).callbackAt).toEqual(callbackAt);
  });

  test("interested: SOURCED → CONTACTED → QUESTIONNAIRE_SENT and the questionnaire invitation is queued with the apply link", async () => {
    const vacancy = await newVacancy();
    await questionnaireTemplate(vacancy.id);
    const r = await recruiter();
    const person = await onList(vacancy.id, "TARGET");
    const now = new Date();
    await claimed(vacancy.id, r.id, now);
    const result = await outcome(r.id, person.id, now, { outcome: "INTERESTED" });
    expect(result).toMatchObject({ outcome: "INTERESTED", done: "interested", questionnaire: "queued" });
    const history = await db().stageChange.findMany({ where: { applicationId: person.id }, orderBy: { id: "asc" } });
    expect(history.map((h) => h.toStage)).toEqual(["SOURCED", "CONTACTED", "QUESTIONNAIRE_SENT"]);
    expect(history.slice(1).every((h) => h.actorId === r.id)).toBe(true);
    const mail = await db().emailMessage.findFirstOrThrow({ where: { applicationId: person.id } });
    expect(mail).toMatchObject({ toAddress: person.candidate.email, templateKind: "QUESTIONNAIRE_INVITATION", candidateId: person.candidateId });
    expect(mail.subject).toBe(`${person.candidate.firstName}, анкета конкурса`);
    expect(mail.text).toContain(`/apply/${vacancy.id}`);
    expect((await db().callTask.findUniqueOrThrow({ where: { applicationId: person.id } })).doneAt).toEqual(now);

    // Delivered over SMTP like any letter, with its unsubscribe header.
    const smtp = await startSmtpServer();
    process.env.SMTP_URL = smtp.url;
    reloadEnv();
    try {
      expect((await deliverNow(mail.id)).status).toBe("SENT");
      expect(smtp.messages).toHaveLength(1);
      expect(smtp.messages[0]).toMatchObject({ to: [person.candidate.email], subject: `${person.candidate.firstName}, анкета конкурса` });
      expect(smtp.messages[0]!.text).toContain(`/apply/${vacancy.id}`);
      expect(smtp.messages[0]!.raw).toMatch(/^List-Unsubscribe:\s+<http[^>]+\/u\//m);
    } finally {
      delete process.env.SMTP_URL;
      reloadEnv();
      closeSmtp();
      await smtp.close();
    }
  });

  test("interested from CONTACTED moves one step; without a template or an e-mail address the stage still moves and the page says so", async () => {
    const vacancy = await newVacancy();
    const r = await recruiter();
    const contacted = await onList(vacancy.id, "TARGET");
    await db().application.update({ where: { id: contacted.id }, data: { stage: "CONTACTED" } });
    const now = new Date();
    await claimed(vacancy.id, r.id, now);
    expect((await outcome(r.id, contacted.id, now, { outcome: "INTERESTED" })).questionnaire).toBe("no-template");
    const history = await db().stageChange.findMany({ where: { applicationId: contacted.id }, orderBy: { id: "asc" } });
    expect(history.map((h) => [h.fromStage, h.toStage])).toEqual([
      [null, "SOURCED"],
      ["CONTACTED", "QUESTIONNAIRE_SENT"],
    ]);

    await questionnaireTemplate(vacancy.id);
    const noEmail = await onList(vacancy.id, "TARGET", { email: null });
    expect(await claimed(vacancy.id, r.id, now)).toBe(noEmail.id);
    expect((await outcome(r.id, noEmail.id, now, { outcome: "INTERESTED" })).questionnaire).toBe("no-email");
    expect(await db().application.findUniqueOrThrow({ where: { id: noEmail.id } })).toMatchObject({ stage: "QUESTIONNAIRE_SENT" });
    expect(await db().emailMessage.count({ where: { applicationId: { in: [contacted.id, noEmail.id] } } })).toBe(0);
  });

  test("not interested: withdrawn with the reason, through contacted; wrong number: off the list, stage unchanged", async () => {
    const vacancy = await newVacancy();
    const r = await recruiter();
    const declined = await onList(vacancy.id, "TARGET");
    const wrong = await onList(vacancy.id, "ADJACENT");
    const now = new Date();
    await claimed(vacancy.id, r.id, now);
    await outcome(r.id, declined.id, now, { outcome: "NOT_INTERESTED", reason: "salary", note: "Хочет 400 тысяч" });
    const history = await db().stageChange.findMany({ where: { applicationId: declined.id }, orderBy: { id: "asc" } });
    expect(history.map((h) => [h.fromStage, h.toStage])).toEqual([
      [null, "SOURCED"],
      ["SOURCED", "CONTACTED"],
      ["CONTACTED", "WITHDRAWN"],
    ]);
    expect(history[2]!.reason).toBe("Звонок: не интересно — Не устраивает зарплата");
    expect(await db().callAttempt.findFirstOrThrow({ where: { applicationId: declined.id } })).toMatchObject({ reason: "salary", note: "Хочет 400 тысяч" });

    expect(await claimed(vacancy.id, r.id, now)).toBe(wrong.id);
    expect((await outcome(r.id, wrong.id, now, { outcome: "WRONG_NUMBER" })).done).toBe("wrong-number");
    expect(await db().application.findUniqueOrThrow({ where: { id: wrong.id } })).toMatchObject({ stage: "SOURCED" });
    expect(await db().stageChange.count({ where: { applicationId: wrong.id } })).toBe(1);
    expect(await db().callTask.findUniqueOrThrow({ where: { applicationId: wrong.id } })).toMatchObject({ lastOutcome: "WRONG_NUMBER", doneAt: now });
  });
});

describe("the page", () => {
  test("shows the claimed candidate with a tel: link, the script, numbered buttons; an outcome brings the next one and today's figures", async () => {
    const vacancy = await newVacancy();
    const r = await recruiter();
    const first = await onList(vacancy.id, "TARGET", { phone: "+79161234567" });
    const second = await onList(vacancy.id, "OPEN_MARKET");
    const html = await renderRoute(getRequest(`/outreach/calls?vacancy=${vacancy.id}`, r.cookie), { path: "/outreach/calls", loader, Component: CallList });
    expect(html).toContain(`data-candidate-id="${first.candidateId}"`);
    expect(html).toContain('href="tel:+79161234567"');
    expect(html).toMatch(/конкурс/);
    const buttons = textsOf(html, "aria-keyshortcuts");
    expect(buttons).toEqual(expect.arrayContaining(["1 · Не дозвонился", "2 · Перезвонить", "3 · Интересно", "4 · Не интересно", "5 · Неверный номер"]));

    const saved = await post(vacancy.id, { applicationId: first.id, outcome: "CALL_BACK", callbackAt: "2099-01-01T10:00" }, r.cookie);
    expect(saved.status).toBe(400);
    expect((await saved.json()).reply.error).toEqual({ callbackAt: ["calls.errors.callbackTooFar"] });
    const ok = await post(vacancy.id, { applicationId: first.id, outcome: "NOT_INTERESTED", reason: "not-looking" }, r.cookie);
    expect(ok.status).toBe(200);
    expect((await ok.json()).saved).toMatchObject({ outcome: "NOT_INTERESTED", done: "not-interested" });

    const next = await (await page(vacancy.id, r.cookie)).json();
    expect(next.page.card.applicationId).toBe(second.id);
    expect(next.page.counts).toEqual({ callbacksDue: 0, toCall: 1, later: 0, done: 1 });
    expect(next.page.today.stats).toEqual([expect.objectContaining({ recruiterId: r.id, recruiterName: r.name, calls: 1, reached: 1, interested: 0 })]);
    expect(next.page.card.prior.calls).toEqual([]);
    expect(next.page.script.isDefault).toBe(true);
  });

  test("an outcome by a recruiter who does not hold the candidate is refused with a message, and nothing is written", async () => {
    const vacancy = await newVacancy();
    const [a, b] = [await recruiter(), await recruiter()];
    const person = await onList(vacancy.id, "TARGET");
    expect((await (await page(vacancy.id, a.cookie)).json()).page.card.applicationId).toBe(person.id);
    const refused = await post(vacancy.id, { applicationId: person.id, outcome: "INTERESTED" }, b.cookie);
    expect(refused.status).toBe(409);
    expect((await refused.json()).reply.error).toEqual({ "": ["calls.problems.not-claimed"] });
    expect(await db().callAttempt.count({ where: { applicationId: person.id } })).toBe(0);
    expect(await db().callTask.findUniqueOrThrow({ where: { applicationId: person.id } })).toMatchObject({ claimedById: a.id, attempts: 0 });
    expect(await db().application.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ stage: "SOURCED" });

    expect((await post(vacancy.id, { applicationId: person.id, outcome: "WRONG_NUMBER" }, a.cookie)).status).toBe(200);
    const twice = await post(vacancy.id, { applicationId: person.id, outcome: "WRONG_NUMBER" }, a.cookie);
    expect((await twice.json()).reply.error).toEqual({ "": ["calls.problems.already-recorded"] });
    expect(await db().callAttempt.count({ where: { applicationId: person.id } })).toBe(1);
  });

  test("bad input comes back with the message and what was typed; nothing is written", async () => {
    const vacancy = await newVacancy();
    const r = await recruiter();
    const person = await onList(vacancy.id, "TARGET");
    await page(vacancy.id, r.cookie);
    const cases: Array<[Record<string, string>, Record<string, string[]>]> = [
      [{ outcome: "CALL_BACK", callbackAt: "2020-05-01T10:00", note: "Перезвонить вечером" }, { callbackAt: ["calls.errors.callbackPast"] }],
      [{ outcome: "CALL_BACK" }, { callbackAt: ["calls.errors.callbackRequired"] }],
      [{ outcome: "NOT_INTERESTED", note: "Сказал, что подумает" }, { reason: ["calls.errors.reasonRequired"] }],
      [{ outcome: "WRONG_NUMBER", note: "x".repeat(2001) }, { note: ["validation.tooLong|max=2000"] }],
      [{ outcome: "MAYBE" }, { outcome: ["calls.errors.outcome"] }],
    ];
    for (const [fields, error] of cases) {
      const response = await post(vacancy.id, { applicationId: person.id, ...fields }, r.cookie);
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.reply.error).toEqual(error);
      if (fields.note) expect(body.reply.initialValue.note).toBe(fields.note);
    }
    expect(await db().callAttempt.count({ where: { applicationId: person.id } })).toBe(0);
    expect(await db().callTask.findUniqueOrThrow({ where: { applicationId: person.id } })).toMatchObject({ attempts: 0, claimedById: r.id, doneAt: null });
    expect(await db().stageChange.count({ where: { applicationId: person.id } })).toBe(1);
    expect(await db().auditEntry.count({ where: { action: "candidate.call", entityId: person.candidateId } })).toBe(0);
  });

  test("a hiring manager is refused the page and the action (403); an unknown vacancy is a 404", async () => {
    const vacancy = await newVacancy();
    const person = await onList(vacancy.id, "TARGET");
    const manager = await createUser({ roles: ["HIRING_MANAGER"] });
    const cookie = await sessionCookie(manager.id);
    expect((await page(vacancy.id, cookie)).status).toBe(403);
    expect((await post(vacancy.id, { applicationId: person.id, outcome: "NO_ANSWER" }, cookie)).status).toBe(403);
    expect(await db().callTask.count({ where: { vacancyId: vacancy.id } })).toBe(0);
    const r = await recruiter();
    expect((await page("no-such-vacancy", r.cookie)).status).toBe(404);
    const picker = await (await respond(() => loader({ request: getRequest("/outreach/calls", r.cookie), context, params: {} }))).json();
    expect(picker.page).toBeNull();
    expect(picker.vacancies.map((v: { id: string }) => v.id)).toContain(vacancy.id);
  });

  test("the vacancy's own script, saved in the vacancy editor, is shown filled in for the candidate", async () => {
    const vacancy = await newVacancy();
    const r = await recruiter();
    await onList(vacancy.id, "TARGET", { firstName: "Мария", middleName: null });
    const fields = { title: vacancy.title, city: vacancy.city, industry: vacancy.industry, openings: "1", status: "OPEN" };
    const edit = (callScript: string) =>
      respond(() => editVacancy({ request: formRequest(`/vacancies/${vacancy.id}/edit`, { ...fields, callScript }, r.cookie), context, params: { id: vacancy.id } }));
    const tooLong = await edit("а".repeat(20_001));
    expect(tooLong.status).toBe(400);
    expect((await tooLong.json()).result.error).toMatchObject({ callScript: ["validation.tooLong|max=20000"] });
    expect((await edit("{{firstName}} {{middleName}}, здравствуйте! Это {{recruiterName}}, {{vacancyTitle}}.")).status).toBe(302);
    expect((await db().vacancy.findUniqueOrThrow({ where: { id: vacancy.id } })).callScript).toMatch(/^\{\{firstName\}\}/);
    const { page: shown } = await (await page(vacancy.id, r.cookie)).json();
    expect(shown.script).toEqual({ text: `Мария, здравствуйте! Это ${r.name}, KAM насосы.`, isDefault: false });
  });
});
