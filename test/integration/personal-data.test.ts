import { afterAll, describe, expect, test } from "vitest";
import { logContact } from "~/outreach/contact-log.server";
import { addApplication, moveApplication } from "~/pipeline/pipeline.server";
import { action, loader } from "~/routes/candidates.$id";
import { action as applyAction } from "~/routes/apply.$id";
import { companyMatchKey } from "~/sourcing/company-match";
import { overrideExclusion } from "~/sourcing/contact-override.server";
import { uploadFile } from "~/sourcing/import-upload.server";
import { commitImportBatch, createImportBatch } from "~/sourcing/imports.server";
import { applyConsent } from "~/sourcing/intake.server";
import { mergeCandidates } from "~/sourcing/merge.server";
import { CandidateRecordSchema, type CandidateRecordInput } from "~/sourcing/record";
import { db } from "~/utils/db.server";
import { stopJobs } from "~/utils/jobs.server";
import { sendMail } from "~/utils/mail.server";
import { createCandidate, createUser, formRequest, getRequest, respond, sessionCookie } from "../factories";

const context = { clientIp: "127.0.0.1" };
// sendMail queues its delivery job through pg-boss.
afterAll(() => stopJobs());
const post = (id: string, fields: Record<string, string>, cookie: string) =>
  respond(() => action({ request: formRequest(`/candidates/${id}`, fields, cookie), context, params: { id } }));
const profile = async (id: string, cookie: string) => {
  const page = await respond(() => loader({ request: getRequest(`/candidates/${id}`, cookie), context, params: { id } }));
  return page.json();
};

async function recruiter() {
  const user = await createUser({ roles: ["RECRUITER"] });
  return { user, cookie: await sessionCookie(user.id) };
}

describe("a candidate's personal data", () => {
  test("a recruiter marks a candidate do-not-contact with a reason, and it is audited", async () => {
    const { user, cookie } = await recruiter();
    const candidate = await createCandidate();
    const response = await post(candidate.id, { intent: "do-not-contact", reason: "Попросил по телефону" }, cookie);
    expect(response.status).toBe(302);
    const after = await db().candidate.findUniqueOrThrow({ where: { id: candidate.id } });
    expect(after.doNotContact).toBe(true);
    expect(after.doNotContactAt).toBeInstanceOf(Date);
    const entry = await db().auditEntry.findFirstOrThrow({ where: { entityId: candidate.id } });
    expect(entry).toMatchObject({ actorId: user.id, action: "candidate.do-not-contact", details: { reason: "Попросил по телефону" } });
  });

  test("no reason, or a hiring manager, changes nothing", async () => {
    const { cookie } = await recruiter();
    const manager = await createUser({ roles: ["HIRING_MANAGER"] });
    const candidate = await createCandidate();
    const empty = await post(candidate.id, { intent: "do-not-contact", reason: "  " }, cookie);
    expect(empty.status).toBe(400);
    expect((await empty.json()).error).toMatchObject({ reason: ["validation.required"] });
    const forbidden = await post(candidate.id, { intent: "erase", reason: "x", confirm: "on" }, await sessionCookie(manager.id));
    expect(forbidden.status).toBe(403);
    expect(await db().candidate.findUniqueOrThrow({ where: { id: candidate.id } })).toMatchObject({
      doNotContact: false,
      erasedAt: null,
    });
    expect(await db().auditEntry.count({ where: { entityId: candidate.id } })).toBe(0);
  });

  test("erasure needs confirmation, removes the person's data and keeps the anonymous funnel", async () => {
    const { user, cookie } = await recruiter();
    const candidate = await createCandidate({
      workHistory: { create: { companyName: "ООО «Гидромаш»", title: "KAM", startedOn: new Date("2020-01-01") } },
      tags: ["сильный"],
      searchText: "соколова ирина sokolova irina",
      sources: {
        create: {
          source: "HH", channel: "API", adapter: "hh-api", externalId: "resume-1", fingerprint: "f1",
          url: "https://hh.ru/resume/resume-1", raw: { first_name: "Ирина" }, parsed: { firstName: "Ирина" },
        },
      },
    });
    const vacancy = await db().vacancy.create({ data: { title: "KAM", city: "Москва", industry: "Оборудование" } });
    await addApplication({ candidateId: candidate.id, vacancyId: vacancy.id, actorId: user.id });
    await sendMail({ to: candidate.email!, subject: "Вакансия", text: "Ирина, здравствуйте", candidateId: candidate.id });

    const unconfirmed = await post(candidate.id, { intent: "erase", reason: "Запрос кандидата" }, cookie);
    expect(unconfirmed.status).toBe(400);
    expect((await unconfirmed.json()).error).toMatchObject({ confirm: ["personalData.confirmRequired"] });
    expect((await db().candidate.findUniqueOrThrow({ where: { id: candidate.id } })).erasedAt).toBeNull();

    const erased = await post(candidate.id, { intent: "erase", reason: "Запрос кандидата", confirm: "on" }, cookie);
    expect(erased.status).toBe(302);
    const row = await db().candidate.findUniqueOrThrow({ where: { id: candidate.id } });
    expect(row).toMatchObject({ firstName: "", lastName: "", middleName: null, email: null, phone: null, city: null, doNotContact: true });
    expect(row.erasedAt).toBeInstanceOf(Date);
    expect(await db().workExperience.count({ where: { candidateId: candidate.id } })).toBe(0);
    expect(row).toMatchObject({ tags: [], searchText: "" });
    // The source record keeps only what recognises the same resume if it is imported again.
    expect(await db().sourceRecord.findFirstOrThrow({ where: { candidateId: candidate.id } })).toMatchObject({
      raw: {}, parsed: {}, url: null, email: null, phone: null, externalId: "resume-1", fingerprint: "f1",
    });
    // Not sent after all: a message waiting for delivery is cancelled, not delivered to "erased".
    expect(await db().emailMessage.findFirstOrThrow({ where: { candidateId: candidate.id } })).toMatchObject({
      toAddress: "erased", subject: "", text: "", status: "CANCELLED", error: "Erased on request: not sent.",
    });
    expect(await db().application.count({ where: { candidateId: candidate.id } })).toBe(1);
    expect(await db().auditEntry.count({ where: { entityId: candidate.id, action: "candidate.erase" } })).toBe(1);

    const body = JSON.stringify(await profile(candidate.id, cookie));
    expect(body).not.toContain("Соколова");
    expect(body).not.toContain("mail.test");
    expect(body).toContain("candidate.erase");

    // Erasing twice is refused: there is nothing left to erase.
    expect((await post(candidate.id, { intent: "erase", reason: "again", confirm: "on" }, cookie)).status).toBe(404);
  });

  test("after erasure the trail keeps why it was erased, not what was written about the person before", async () => {
    const { cookie } = await recruiter();
    const candidate = await createCandidate();
    expect((await post(candidate.id, { intent: "do-not-contact", reason: "Соколова просила звонить на +7 916 555-00-00" }, cookie)).status).toBe(302);
    expect((await post(candidate.id, { intent: "erase", reason: "Запрос по почте от 12.03", confirm: "on" }, cookie)).status).toBe(302);
    const { auditTrail } = await profile(candidate.id, cookie);
    expect(auditTrail.map((e: { action: string; reason: string | null }) => [e.action, e.reason])).toEqual([
      ["candidate.erase", "Запрос по почте от 12.03"],
      ["candidate.do-not-contact", null],
    ]);
  });
});

describe("consent", () => {
  test("given on the apply page, listed on the profile with its vacancy and text version; withdrawn, audited, contact stopped", async () => {
    const { user, cookie } = await recruiter();
    const vacancy = await db().vacancy.create({ data: { title: "KAM Урал", city: "Екатеринбург", industry: "Оборудование", status: "OPEN" } });
    const shown = applyConsent("ru");
    const fields = {
      lastName: "Орлова", firstName: "Вера", email: "vera.orlova@mail.test", phone: "+7 916 444-10-20",
      consent: "on", consentVersion: shown.textSha256,
    };
    const applied = await respond(() =>
      applyAction({ request: formRequest(`/apply/${vacancy.id}`, fields), context: { clientIp: "198.51.100.7" }, params: { id: vacancy.id } }),
    );
    expect(applied.status).toBe(302);
    const candidate = await db().candidate.findFirstOrThrow({ where: { email: "vera.orlova@mail.test" } });
    expect(candidate.consentText).toBe(shown.text);

    const withdrawn = await post(candidate.id, { intent: "withdraw-consent", reason: "Ответила на письмо: отзываю согласие" }, cookie);
    expect(withdrawn.status).toBe(302);
    const after = await db().candidate.findUniqueOrThrow({ where: { id: candidate.id } });
    expect(after).toMatchObject({ consentAt: null, consentText: null, doNotContact: true });
    expect(await db().auditEntry.findFirstOrThrow({ where: { entityId: candidate.id, action: "candidate.consent-withdraw" } })).toMatchObject({
      actorId: user.id,
      details: { reason: "Ответила на письмо: отзываю согласие" },
    });
    // What was agreed to stays on the source record: which vacancy, which text.
    const source = await db().sourceRecord.findFirstOrThrow({ where: { candidateId: candidate.id } });
    expect(source.raw).toMatchObject({ consentShown: { vacancyId: vacancy.id, textSha256: shown.textSha256 } });

    const { auditTrail } = await profile(candidate.id, cookie);
    expect(auditTrail).toEqual([
      expect.objectContaining({ action: "candidate.consent-withdraw", reason: "Ответила на письмо: отзываю согласие", actorName: user.name }),
      expect.objectContaining({
        action: "candidate.consent-given",
        vacancy: { id: vacancy.id, title: "KAM Урал" },
        consentVersion: shown.textSha256.slice(0, 12),
        actorName: null,
      }),
    ]);
  });
});

let counter = 0;
function record(overrides: Partial<CandidateRecordInput>) {
  counter += 1;
  return CandidateRecordSchema.parse({
    source: "FILE",
    channel: "FILE",
    adapter: "csv",
    firstName: "Олег",
    lastName: `Смирнов${counter}`,
    email: `oleg${counter}@other.test`,
    raw: { row: counter, ...overrides },
    ...overrides,
  });
}

const csv = (rows: string[][]) => new File([["Кто,Куда писать,Где работал,Кем,Когда", ...rows.map((r) => r.join(","))].join("\n")], "кандидаты.csv");

/**
 * One person as the product meets them: imported from hh.ru, then applying on the
 * public page with a work address (a second candidate) that a recruiter merges, struck
 * out for an excluded employer and contacted on an override, written to, and waiting
 * in imports nobody committed yet.
 */
let people = 0;
async function onePersonEverywhere() {
  // Each test meets its own Пётр Иванов: an erased one is never imported again.
  const n = (people += 1);
  const IVANOV = { firstName: "Пётр", lastName: "Иванов", email: `petr.ivanov${n}@mail.test`, phone: `8 (916) 555-12-3${n}` };
  const work = { email: `p.ivanov${n}@work.test`, phone: `+7 903 111-22-3${n}` };
  const resume = `resume-ivanov-${n}`;
  const { user, cookie } = await recruiter();
  const vacancy = await db().vacancy.create({ data: { title: "KAM", city: "Москва", industry: "Оборудование", status: "OPEN" } });
  const normalizedName = companyMatchKey("ООО «Гидромаш»");
  const company = await db().company.upsert({ where: { normalizedName }, create: { name: "ООО «Гидромаш»", normalizedName }, update: {} });
  await db().vacancyCompanyList.create({ data: { vacancyId: vacancy.id, companyId: company.id, kind: "EXCLUDED" } });

  const hh = CandidateRecordSchema.parse({
    source: "HH", channel: "FILE", adapter: "hh-file", externalId: resume, url: `https://hh.ru/resume/${resume}`, ...IVANOV,
    workHistory: [{ companyName: "ООО «Гидромаш»", title: "Менеджер по ключевым клиентам", startedOn: "2016-02-01", endedOn: "2019-05-01" }],
    raw: { id: resume, first_name: "Пётр", last_name: "Иванов" },
  });
  const committed = await createImportBatch({ source: "HH", channel: "FILE", adapter: "hh-file", label: "Иванов Пётр.json", vacancyId: vacancy.id, actorId: user.id, records: [hh], rowErrors: [] });
  expect(await commitImportBatch(committed.id, user.id)).toBe("COMMITTED");
  const survivor = await db().candidate.findFirstOrThrow({ where: { email: IVANOV.email } });

  const applied = await respond(() =>
    applyAction({
      request: formRequest(`/apply/${vacancy.id}`, {
        lastName: "Иванов", firstName: "Пётр", email: work.email, phone: work.phone, consent: "on",
        consentVersion: applyConsent("ru").textSha256, "jobs[0].companyName": "Альфа", "jobs[0].title": "KAM", "jobs[0].from": "06.2019",
      }),
      context: { clientIp: "198.51.100.9" },
      params: { id: vacancy.id },
    }),
  );
  expect(applied.status).toBe(302);
  const second = await db().candidate.findFirstOrThrow({ where: { email: work.email } });
  await mergeCandidates({ survivorId: survivor.id, mergedId: second.id, actorId: user.id, reason: "Тот же Иванов, писал с рабочей почты" });

  const application = await db().application.findFirstOrThrow({ where: { candidateId: survivor.id, vacancyId: vacancy.id } });
  expect(application.tierReason).toMatchObject({ companyName: "ООО «Гидромаш»" });
  await overrideExclusion({ applicationId: application.id, actorId: user.id, reason: "Иванов ушёл из Гидромаша в 2019, руководитель разрешил" });
  await moveApplication({ applicationId: application.id, to: "CONTACTED", actorId: user.id, reason: "Иванов просил звонить после 18" });

  const mail = [
    await sendMail({ to: IVANOV.email, subject: "Пётр, приглашаем", text: "Пётр Иванов, здравствуйте", candidateId: survivor.id }),
    await sendMail({ to: IVANOV.email.replace("petr.ivanov", "Petr.Ivanov").replace("mail.test", "Mail.test"), subject: "Рассылка", text: "Здравствуйте, Пётр" }),
    await sendMail({ to: work.email, subject: "Ответ на отклик", text: "Пётр, спасибо за отклик" }),
  ].map((m) => m.id!);
  const unrelated = await sendMail({ to: "someone@other.test", subject: "Приглашение", text: "Здравствуйте" });

  // Outreach by hand and by phone: a reply logged on the profile, one logged on the row merged in before the merge, calls with a note, a place on the call list.
  await logContact({
    actorId: user.id,
    candidateId: survivor.id,
    entry: { intent: "contact-log", channel: "MESSENGER", direction: "INBOUND", body: `Пётр Иванов: звоните после 18 на ${work.phone}`, occurredAt: new Date(), applicationId: application.id },
  });
  await db().contactLog.create({ data: { candidateId: second.id, channel: "SMS", direction: "OUTBOUND", body: "Пётр, добрый день! Вакансия KAM", occurredAt: new Date(), authorId: user.id } });
  await db().callAttempt.create({
    data: { applicationId: application.id, vacancyId: vacancy.id, recruiterId: user.id, outcome: "CALL_BACK", callbackAt: new Date(Date.now() + 86_400_000), note: "Иванов просил перезвонить в пятницу" },
  });
  await db().callAttempt.create({ data: { applicationId: application.id, vacancyId: vacancy.id, recruiterId: user.id, outcome: "NO_ANSWER" } });
  await db().callTask.create({ data: { applicationId: application.id, vacancyId: vacancy.id, attempts: 2, lastOutcome: "CALL_BACK", callbackRequested: true } });

  const other = record({});
  const preview = await createImportBatch({
    source: "FILE", channel: "FILE", adapter: "csv", label: "Иванов_резюме.csv", vacancyId: null, actorId: user.id,
    records: [record({ ...IVANOV, email: IVANOV.email.toUpperCase() }), other],
    rowErrors: [
      { row: 4, field: "phone", message: `companies.phone.extension|value=${IVANOV.phone} доб. 3` },
      { row: 6, field: "phone", message: "companies.phone.notAPhone|value=нет" },
    ],
  });
  const failed = await createImportBatch({ source: "FILE", channel: "FILE", adapter: "csv", label: "выгрузка.csv", vacancyId: null, actorId: user.id, records: [record({ phone: work.phone.replace(/-/g, " ") })], rowErrors: [] });
  const queued = await createImportBatch({
    source: "HH", channel: "FILE", adapter: "hh-file", label: "hh.json", vacancyId: null, actorId: user.id,
    records: [CandidateRecordSchema.parse({ ...hh, city: "Тула", raw: { id: "resume-ivanov", city: "Тула" } })], rowErrors: [],
  });
  // States the job machinery puts batches in: a run that failed, a commit waiting for its worker.
  await db().importBatch.update({ where: { id: failed.id }, data: { status: "FAILED", error: "boom" } });
  await db().importBatch.update({ where: { id: queued.id }, data: { status: "QUEUED" } });
  const pending = await uploadFile({ file: csv([["Иванов Пётр", IVANOV.email, "Гидромаш", "KAM", "2016–2019"]]), vacancyId: null, actorId: user.id });
  const otherPending = await uploadFile({ file: csv([["Лебедев Игорь", "i.lebedev@other.test", "Альфа", "KAM", "2018–2022"]]), vacancyId: null, actorId: user.id });
  expect(await db().importBatch.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ mapping: { file: expect.anything() } });

  return { IVANOV, work, resume, user, cookie, vacancy, survivor, second, application, committed, preview, failed, queued, pending, otherPending, mail, unrelated, other };
}

describe("erasure reaches everywhere the person is", () => {
  test("merged candidates, sources, tier reasons, overrides, merges, mail to their addresses and imports not committed", async () => {
    const p = await onePersonEverywhere();
    const someoneElse = await createCandidate();
    const theirApplication = await addApplication({ candidateId: someoneElse.id, vacancyId: p.vacancy.id, actorId: p.user.id });
    await db().contactLog.create({ data: { candidateId: someoneElse.id, channel: "SMS", direction: "INBOUND", body: "Перезвоню сам", occurredAt: new Date() } });
    await db().callAttempt.create({ data: { applicationId: theirApplication.id, vacancyId: p.vacancy.id, outcome: "CALL_BACK", note: "Просила в понедельник" } });
    await db().callTask.create({ data: { applicationId: theirApplication.id, vacancyId: p.vacancy.id } });
    const erased = await post(p.survivor.id, { intent: "erase", reason: "Запрос кандидата от 12.03", confirm: "on" }, p.cookie);
    expect(erased.status).toBe(302);

    // Both rows of the person: the profile and the one merged into it.
    for (const id of [p.survivor.id, p.second.id]) {
      const row = await db().candidate.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ firstName: "", lastName: "", middleName: null, email: null, phone: null, city: null, consentText: null, searchText: "", doNotContact: true, fieldSources: {} });
      expect(row.erasedAt).toBeInstanceOf(Date);
      expect(await db().workExperience.count({ where: { candidateId: id } })).toBe(0);
    }
    expect((await db().candidate.findUniqueOrThrow({ where: { id: p.second.id } })).mergedIntoId).toBe(p.survivor.id);
    const sources = await db().sourceRecord.findMany({ where: { candidateId: { in: [p.survivor.id, p.second.id] } } });
    expect(sources).toHaveLength(2);
    for (const s of sources) expect(s).toMatchObject({ raw: {}, parsed: {}, url: null, email: null, phone: null });
    expect(sources.map((s) => s.externalId)).toContain(p.resume);

    // Applications stay for the funnel; their reasons keep the list and the kind of match only.
    const applications = await db().application.findMany({ where: { candidateId: { in: [p.survivor.id, p.second.id] } } });
    expect(applications.length).toBeGreaterThanOrEqual(1);
    const main = applications.find((a) => a.id === p.application.id)!;
    expect(main).toMatchObject({
      stage: "CONTACTED",
      tier: "EXCLUDED",
      tierReason: { list: "EXCLUDED", match: "company" },
      contactOverrideReason: null,
      contactOverrideMatch: { list: "EXCLUDED", match: "company" },
    });
    expect(main.contactOverrideAt).toBeInstanceOf(Date);
    for (const a of applications) expect(JSON.stringify(a.tierReason ?? null)).not.toMatch(/Гидромаш|Альфа|KAM|20\d\d/);

    const merge = await db().candidateMerge.findFirstOrThrow({ where: { survivorId: p.survivor.id } });
    expect(merge).toMatchObject({ reason: null, undo: null });

    // Every message to any of the person's addresses, linked or not; someone else's stays.
    const mine = await db().emailMessage.findMany({ where: { id: { in: p.mail } } });
    expect(mine).toHaveLength(3);
    for (const m of mine) expect(m).toMatchObject({ toAddress: "erased", subject: "", text: "", html: null, headers: null, status: "CANCELLED" });
    expect(await db().emailMessage.findUniqueOrThrow({ where: { id: p.unrelated.id! } })).toMatchObject({ toAddress: "someone@other.test", subject: "Приглашение" });

    // Imports not committed: the person's records, preview rows and row errors go; the others' stay.
    const preview = await db().importBatch.findUniqueOrThrow({ where: { id: p.preview.id } });
    expect(preview).toMatchObject({ status: "PREVIEW", total: 1, label: "…_резюме.csv" });
    expect(preview.records).toEqual([JSON.parse(JSON.stringify(p.other))]);
    expect(preview.rowErrors).toEqual([{ row: 6, field: "phone", message: "companies.phone.notAPhone|value=нет" }]);
    const rows = (preview.summary as { rows: Array<{ row: number; name: string }> }).rows;
    expect(rows.map((r) => r.row)).toEqual([2]);
    expect(preview.summary).toMatchObject({ total: 1, new: 1 });
    for (const id of [p.failed.id, p.queued.id]) {
      const batch = await db().importBatch.findUniqueOrThrow({ where: { id } });
      expect(batch).toMatchObject({ records: [], total: 0 });
      expect(JSON.stringify(batch)).not.toMatch(/Иванов|ivanov|555-12-3|111 22 3/i);
    }
    // A file waiting for its mapping cannot lose one row: it is discarded; a file without the person is not.
    expect(await db().importBatch.findUniqueOrThrow({ where: { id: p.pending.id } })).toMatchObject({ status: "DISCARDED", mapping: null, records: [] });
    expect(await db().importBatch.findUniqueOrThrow({ where: { id: p.otherPending.id } })).toMatchObject({ status: "PREVIEW", mapping: { file: expect.anything() } });
    // The committed batch keeps counts only, and its file name loses the person's name.
    const committed = await db().importBatch.findUniqueOrThrow({ where: { id: p.committed.id } });
    expect(committed).toMatchObject({ status: "COMMITTED", records: [], label: "… ….json" });
    expect(committed.summary).not.toHaveProperty("rows");

    // One entry per erased row, in the same transaction; none names the person.
    const entries = await db().auditEntry.findMany({ where: { action: "candidate.erase", entityId: { in: [p.survivor.id, p.second.id] } } });
    expect(entries.map((e) => e.entityId).sort()).toEqual([p.survivor.id, p.second.id].sort());
    expect(entries.find((e) => e.entityId === p.survivor.id)!.details).toEqual({
      reason: "Запрос кандидата от 12.03",
      mergedCandidates: 1,
      importBatches: 4,
      importRecords: 3,
      messages: 3,
      contactLogs: 2,
      callNotes: 1,
      callTasks: 1,
      questionnaireResponses: 0,
      questionnaireInvites: 0,
      interviewInvitations: 0,
      scorecards: 0,
    });
    expect(entries.find((e) => e.entityId === p.second.id)!.details).toEqual({ reason: "Запрос кандидата от 12.03", erasedWith: p.survivor.id });
    expect(JSON.stringify(entries.map((e) => e.details))).not.toMatch(/Иванов|Пётр|ivanov|555|111/i);

    // Outreach keeps that a message went or came and how calls ended; what was said and their place on the call list go.
    const logs = await db().contactLog.findMany({ where: { candidateId: { in: [p.survivor.id, p.second.id] } } });
    expect(logs.map((l) => [l.channel, l.direction, l.body]).sort()).toEqual([["MESSENGER", "INBOUND", ""], ["SMS", "OUTBOUND", ""]]);
    const attempts = await db().callAttempt.findMany({ where: { applicationId: p.application.id } });
    expect(attempts.map((a) => [a.outcome, a.note]).sort()).toEqual([["CALL_BACK", null], ["NO_ANSWER", null]]);
    expect(await db().callTask.count({ where: { applicationId: p.application.id } })).toBe(0);
    const outreach = JSON.stringify([logs, attempts, await db().emailMessage.findMany({ where: { OR: [{ id: { in: p.mail } }, { candidateId: { in: [p.survivor.id, p.second.id] } }] } })]);
    expect(outreach).not.toMatch(/Иванов|Пётр|ivanov|555-12-3|111-22-3|пятницу/i);
    // Someone else's stay as they were.
    expect(await db().contactLog.findFirstOrThrow({ where: { candidateId: someoneElse.id } })).toMatchObject({ body: "Перезвоню сам" });
    expect(await db().callAttempt.findFirstOrThrow({ where: { applicationId: theirApplication.id } })).toMatchObject({ note: "Просила в понедельник" });
    expect(await db().callTask.count({ where: { applicationId: theirApplication.id } })).toBe(1);

    // The stage history is append-only and keeps its reason, but no screen shows it for an erased person.
    expect(await db().stageChange.count({ where: { applicationId: p.application.id, reason: { contains: "после 18" } } })).toBe(1);
    const page = JSON.stringify(await profile(p.survivor.id, p.cookie));
    for (const text of ["Иванов", "Пётр", "ivanov", "555-12-3", "Гидромаш", "после 18", "рабочей почты", "руководитель разрешил", "пятницу", "добрый день"]) {
      expect(page).not.toContain(text);
    }
  });

  test("an import of the person being committed makes the erasure wait, then refuse; nothing is half erased", async () => {
    const p = await onePersonEverywhere();
    const [first, last] = [p.preview.id, p.failed.id].sort();
    const before = await db().importBatch.findUniqueOrThrow({ where: { id: first! } });
    let response: Response | undefined;
    // A commit of the later batch holds its lock while the erasure runs.
    await db().$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`import:${last}`}))`;
        response = await post(p.survivor.id, { intent: "erase", reason: "Запрос кандидата", confirm: "on" }, p.cookie);
      },
      { timeout: 20_000 },
    );
    expect(response!.status).toBe(409);
    expect((await response!.json()).error).toEqual({ "": ["personalData.problems.busy"] });
    expect(await db().candidate.findUniqueOrThrow({ where: { id: p.survivor.id } })).toMatchObject({ erasedAt: null, lastName: "Иванов" });
    expect(await db().candidate.findUniqueOrThrow({ where: { id: p.second.id } })).toMatchObject({ erasedAt: null, email: p.work.email });
    // The batch scrubbed before the wait is as it was: the transaction rolled back as one.
    expect(await db().importBatch.findUniqueOrThrow({ where: { id: first! } })).toMatchObject({ records: before.records, label: before.label });
    expect(await db().emailMessage.count({ where: { id: { in: p.mail }, toAddress: "erased" } })).toBe(0);
    expect(await db().auditEntry.count({ where: { action: "candidate.erase", entityId: { in: [p.survivor.id, p.second.id] } } })).toBe(0);
    expect(await db().contactLog.count({ where: { candidateId: { in: [p.survivor.id, p.second.id] }, body: "" } })).toBe(0);
    expect(await db().callTask.count({ where: { applicationId: p.application.id } })).toBe(1);

    // Once the commit is done, the same request erases.
    expect((await post(p.survivor.id, { intent: "erase", reason: "Запрос кандидата", confirm: "on" }, p.cookie)).status).toBe(302);
    expect((await db().candidate.findUniqueOrThrow({ where: { id: p.second.id } })).erasedAt).toBeInstanceOf(Date);
  });
});
