import { afterAll, describe, expect, it } from "vitest";
import { logContact } from "~/outreach/contact-log.server";
import { addApplication, moveApplication } from "~/pipeline/pipeline.server";
import CandidatePage, { loader } from "~/routes/candidates.$id";
import { runBulkAction } from "~/sourcing/bulk-actions.server";
import { mergeCandidates, unmergeCandidates } from "~/sourcing/merge.server";
import { eraseCandidate, setDoNotContact } from "~/sourcing/personal-data.server";
import { candidateTimeline, sortTimeline, type TimelineEvent } from "~/sourcing/timeline.server";
import { db } from "~/utils/db.server";
import { stopJobs } from "~/utils/jobs.server";
import { sendMail } from "~/utils/mail.server";
import { createCandidate, createUser, getRequest, respond, sessionCookie } from "../factories";
import { renderRoute } from "../render-route";

// sendMail queues its delivery job through pg-boss.
afterAll(() => stopJobs());

/** Waits past the clock's millisecond so consecutive events get distinct times. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("candidateTimeline", () => {
  it("lists every kind of event, newest first", async () => {
    const recruiter = await createUser({ roles: ["RECRUITER"], name: "Ольга Рекрутер" });
    const vacancy = await db().vacancy.create({ data: { title: "KAM, насосы", city: "Москва", industry: "Оборудование" } });
    const candidate = await createCandidate({ source: "HH", createdAt: new Date(Date.now() - 60_000) });
    const batch = await db().importBatch.create({
      data: { source: "SUPERJOB", channel: "FILE", adapter: "superjob-file", label: "sj.json", records: [], createdById: recruiter.id },
    });
    await db().sourceRecord.create({
      data: {
        candidateId: candidate.id, source: "SUPERJOB", channel: "FILE", adapter: "superjob-file", fingerprint: "t1",
        raw: {}, parsed: {}, importBatchId: batch.id, importedAt: new Date(Date.now() - 30_000),
      },
    });
    const application = await addApplication({ candidateId: candidate.id, vacancyId: vacancy.id, actorId: recruiter.id });
    await tick();
    await moveApplication({ applicationId: application.id, to: "CONTACTED", actorId: recruiter.id });
    await tick();
    await runBulkAction(recruiter.id, { intent: "tag-add", tag: "резерв", ids: [candidate.id] });
    await tick();
    const duplicate = await createCandidate();
    const merge = await mergeCandidates({ survivorId: candidate.id, mergedId: duplicate.id, actorId: recruiter.id, reason: "Тот же телефон" });
    await tick();
    await unmergeCandidates({ mergeId: merge.id, actorId: recruiter.id });
    await tick();
    await setDoNotContact({ actorId: recruiter.id, candidateId: candidate.id, doNotContact: true, reason: "Попросил" });

    const events = await candidateTimeline(candidate.id);
    expect(events.map((e) => (e.kind === "audit" ? e.action : e.kind))).toEqual([
      "candidate.do-not-contact",
      "unmerge",
      "merge",
      "candidate.tag-add",
      "stage-change",
      "stage-change",
      "source-imported",
      "created",
    ]);
    for (let i = 1; i < events.length; i++) expect(events[i - 1]!.at.getTime()).toBeGreaterThanOrEqual(events[i]!.at.getTime());
    expect(events[2]).toMatchObject({ kind: "merge", otherId: duplicate.id, actorName: "Ольга Рекрутер", reason: "Тот же телефон" });
    expect(events[4]).toMatchObject({ kind: "stage-change", fromStage: "SOURCED", toStage: "CONTACTED", vacancy: { title: "KAM, насосы" } });
    expect(events[6]).toMatchObject({ kind: "source-imported", source: "SUPERJOB", adapter: "superjob-file", importBatchId: batch.id });
    expect(events[7]).toMatchObject({ kind: "created", source: "HH" });
    expect((await candidateTimeline(duplicate.id)).map((e) => e.kind).slice(0, 2)).toEqual(["unmerged-from", "merged-into"]);

    const cookie = await sessionCookie(recruiter.id);
    const page = await (await respond(() => loader({ request: getRequest("/c", cookie), params: { id: candidate.id }, context: {} }))).json();
    expect(page.timeline).toHaveLength(8);
    // The personal-data panel keeps to its own entries; merges and tags are on the timeline.
    expect(page.auditTrail.map((e: { action: string }) => e.action)).toEqual(["candidate.do-not-contact"]);
  });

  it("keeps what happened but not why for an erased candidate", async () => {
    const admin = await createUser({ roles: ["ADMIN"] });
    const vacancy = await db().vacancy.create({ data: { title: "KAM", city: "Москва", industry: "Оборудование" } });
    const candidate = await createCandidate({ lastName: "Сидоров" });
    const application = await addApplication({ candidateId: candidate.id, vacancyId: vacancy.id, actorId: admin.id });
    await moveApplication({ applicationId: application.id, to: "WITHDRAWN", actorId: admin.id, reason: "Сидоров передумал" });
    await eraseCandidate({ actorId: admin.id, candidateId: candidate.id, reason: "Запрос Сидорова" });
    const events = await candidateTimeline(candidate.id);
    expect(events.map((e) => e.kind)).toEqual(["audit", "stage-change", "stage-change", "created"]);
    expect(JSON.stringify(events)).not.toContain("Сидоров");
  });

  it("orders events at the same moment as they happen: created, imported, moved", async () => {
    const at = new Date("2026-01-01T10:00:00Z");
    const events: TimelineEvent[] = [
      { at, kind: "created", source: "HH" },
      { at, kind: "audit", action: "candidate.erase", actorName: null, reason: null },
      { at, kind: "source-imported", sourceRecordId: "s", source: "HH", adapter: "hh-api", importBatchId: null },
    ];
    expect(sortTimeline(events).map((e) => e.kind)).toEqual(["audit", "source-imported", "created"]);
    expect(await candidateTimeline("nope")).toEqual([]);
  });

  describe("outreach", () => {
    /** A candidate written to, called and messaged by hand, each at a known minute (base + n). */
    async function contacted() {
      const recruiter = await createUser({ roles: ["RECRUITER"], name: "Ольга Рекрутер" });
      const vacancy = await db().vacancy.create({ data: { title: "KAM, насосы", city: "Москва", industry: "Оборудование" } });
      const candidate = await createCandidate({ createdAt: new Date(Date.now() - 3_600_000) });
      const application = await addApplication({ candidateId: candidate.id, vacancyId: vacancy.id, actorId: recruiter.id });
      // All of it after the candidate was added to the vacancy (just now).
      const base = Date.now() + 1_000;
      const at = (minute: number) => new Date(base + minute * 60_000);
      const letter = async (subject: string, data: Record<string, unknown>) => {
        const { id } = await sendMail({ to: candidate.email!, subject, text: "Ирина, здравствуйте", candidateId: candidate.id, applicationId: application.id });
        await db().emailMessage.update({ where: { id: id! }, data });
        return id!;
      };
      const sent = await letter("Приглашение на конкурс KAM", { status: "SENT", sentAt: at(1) });
      const bounced = await letter("Напоминание", { status: "BOUNCED", sentAt: at(2), error: "550 mailbox unavailable" });
      await db().callAttempt.create({
        data: { applicationId: application.id, vacancyId: vacancy.id, recruiterId: recruiter.id, outcome: "CALL_BACK", callbackAt: at(60 * 24), note: "Просила перезвонить завтра", createdAt: at(3) },
      });
      // The call list audits each call too: the timeline shows the call once.
      await db().auditEntry.create({ data: { actorId: recruiter.id, action: "candidate.call", entityType: "Candidate", entityId: candidate.id, createdAt: at(3) } });
      await logContact({
        actorId: recruiter.id,
        candidateId: candidate.id,
        entry: { intent: "contact-log", channel: "MESSENGER", direction: "INBOUND", body: "Интересно, пришлите анкету", occurredAt: at(4), applicationId: application.id },
      });
      await db().callAttempt.create({
        data: { applicationId: application.id, vacancyId: vacancy.id, recruiterId: recruiter.id, outcome: "NOT_INTERESTED", reason: "salary", createdAt: at(5) },
      });
      const unconfirmed = await letter("Анкета", { status: "SENT", sentAt: at(6), unconfirmed: true });
      const cancelled = await letter("Ещё одно напоминание", { status: "CANCELLED", error: "unsubscribed", createdAt: at(7) });
      return { recruiter, vacancy, candidate, application, sent, bounced, unconfirmed, cancelled, at };
    }

    it("every message, call and logged message, newest first among the other events", async () => {
      const c = await contacted();
      const events = await candidateTimeline(c.candidate.id);
      const kinds = events.map((e) => (e.kind === "audit" ? e.action : e.kind));
      expect(kinds).toEqual(["email", "email", "call", "contact-log", "call", "email", "email", "stage-change", "created"]);
      for (let i = 1; i < events.length; i++) expect(events[i - 1]!.at.getTime()).toBeGreaterThanOrEqual(events[i]!.at.getTime());
      expect(events[0]).toEqual({
        at: expect.any(Date), kind: "email", emailId: c.cancelled, subject: "Ещё одно напоминание", status: "CANCELLED",
        unconfirmed: false, error: "unsubscribed", campaignId: null,
      });
      expect(events[1]).toMatchObject({ kind: "email", emailId: c.unconfirmed, status: "SENT", unconfirmed: true, at: c.at(6) });
      expect(events[2]).toEqual({
        at: c.at(5), kind: "call", vacancy: { id: c.vacancy.id, title: "KAM, насосы" }, outcome: "NOT_INTERESTED",
        notInterestedReason: "salary", callbackAt: null, actorName: "Ольга Рекрутер", note: null,
      });
      expect(events[3]).toEqual({
        at: c.at(4), kind: "contact-log", channel: "MESSENGER", direction: "INBOUND", text: "Интересно, пришлите анкету",
        vacancy: { id: c.vacancy.id, title: "KAM, насосы" }, actorName: "Ольга Рекрутер",
      });
      expect(events[4]).toMatchObject({ kind: "call", outcome: "CALL_BACK", callbackAt: c.at(60 * 24), note: "Просила перезвонить завтра" });
      expect(events[5]).toMatchObject({ kind: "email", emailId: c.bounced, status: "BOUNCED", error: "550 mailbox unavailable", at: c.at(2) });
      expect(events[6]).toMatchObject({ kind: "email", emailId: c.sent, subject: "Приглашение на конкурс KAM", status: "SENT" });
    });

    it("links each message to the Outbox for those who may open it, and only for them", async () => {
      const c = await contacted();
      const manager = await createUser({ roles: ["HIRING_MANAGER"] });
      const render = async (userId: string) =>
        renderRoute(getRequest(`/candidates/${c.candidate.id}`, await sessionCookie(userId)), { path: "/candidates/:id", loader: loader as never, Component: CandidatePage });
      const recruiterPage = await render(c.recruiter.id);
      for (const id of [c.sent, c.bounced, c.unconfirmed, c.cancelled]) expect(recruiterPage).toContain(`href="/outbox/${id}"`);
      expect(recruiterPage).toContain("Письмо «Приглашение на конкурс KAM»");
      expect(recruiterPage).toContain("отправка не подтверждена");
      expect(recruiterPage).toContain("Мессенджер: Кандидат ответил");
      expect(recruiterPage).toContain("не интересно");
      const managerPage = await render(manager.id);
      expect(managerPage).toContain("Письмо «Приглашение на конкурс KAM»");
      expect(managerPage).not.toContain('href="/outbox/');
    });

    it("after erasure keeps that messages went and calls were made, not what they said", async () => {
      const c = await contacted();
      await eraseCandidate({ actorId: c.recruiter.id, candidateId: c.candidate.id, reason: "Запрос кандидата" });
      const events = await candidateTimeline(c.candidate.id);
      expect(events.filter((e) => e.kind === "email")).toHaveLength(4);
      expect(events.filter((e) => e.kind === "call")).toHaveLength(2);
      expect(events.find((e) => e.kind === "contact-log")).toMatchObject({ channel: "MESSENGER", direction: "INBOUND", text: null });
      const body = JSON.stringify(events);
      for (const text of ["Приглашение", "Напоминание", "550", "перезвонить", "анкету", "unsubscribed"]) expect(body).not.toContain(text);
    });
  });
});
