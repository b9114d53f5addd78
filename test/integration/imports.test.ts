import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { action as batchAction, loader as batchLoader } from "~/routes/imports.$id";
import { action as indexAction, loader as indexLoader } from "~/routes/imports._index";
import { createImportBatch, runImportBatch } from "~/sourcing/imports.server";
import { eraseCandidate } from "~/sourcing/personal-data.server";
import { CandidateRecordSchema, type CandidateRecordInput, type RowError } from "~/sourcing/record";
import { db } from "~/utils/db.server";
import { startJobs, stopJobs } from "~/utils/jobs.server";
import { createUser, formRequest, getRequest, respond, sessionCookie } from "../factories";

const context = { clientIp: "127.0.0.1" };
let counter = 0;

function record(overrides: Partial<CandidateRecordInput> = {}) {
  counter += 1;
  const id = `${counter}-${Date.now()}`;
  return CandidateRecordSchema.parse({
    source: "HH",
    channel: "FILE",
    adapter: "hh-file",
    externalId: `resume-${id}`,
    firstName: "Олег",
    lastName: `Смирнов${counter}`,
    email: `oleg${id}@imports.test`,
    workHistory: [{ companyName: `Завод ${counter % 40}`, title: "KAM", startedOn: "2018-01-01", endedOn: null }],
    raw: { id, ...overrides },
    ...overrides,
  });
}

async function recruiter() {
  const user = await createUser({ roles: ["RECRUITER"] });
  return { user, cookie: await sessionCookie(user.id) };
}

async function batchOf(records: ReturnType<typeof record>[], options: { vacancyId?: string | null; actorId?: string | null; rowErrors?: RowError[] } = {}) {
  return createImportBatch({
    source: "HH",
    channel: "FILE",
    adapter: "hh-file",
    label: "resumes.json",
    vacancyId: options.vacancyId ?? null,
    actorId: options.actorId ?? null,
    records,
    rowErrors: options.rowErrors ?? [],
  });
}

const post = (id: string, intent: string, cookie: string) =>
  respond(() => batchAction({ request: formRequest(`/imports/${id}`, { intent }, cookie), params: { id }, context }));
const view = async (id: string, cookie: string) => {
  const response = await respond(() => batchLoader({ request: getRequest(`/imports/${id}`, cookie), params: { id }, context }));
  return { status: response.status, data: response.status === 200 ? await response.json() : null };
};
/** What an import writes about people; the batch's own audit entries (import.*) are not counted. */
const counts = () =>
  Promise.all([
    db().candidate.count(),
    db().sourceRecord.count(),
    db().workExperience.count(),
    db().application.count(),
    db().company.count(),
    db().auditEntry.count({ where: { entityType: { not: "ImportBatch" } } }),
  ]);
const trailOf = async (batchId: string) =>
  (await db().auditEntry.findMany({ where: { entityType: "ImportBatch", entityId: batchId }, orderBy: { id: "asc" } })).map((e) => [e.action, e.actorId, e.details]);

/** Makes the database itself refuse one person, as a full disk or a broken constraint would. */
const REFUSED = "Отказной";
beforeAll(async () => {
  await db().$executeRawUnsafe(`CREATE FUNCTION test_refuse_candidate() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN IF NEW."lastName" = '${REFUSED}' THEN RAISE EXCEPTION 'test: the database refuses %', NEW."lastName"; END IF; RETURN NEW; END $$`);
  await db().$executeRawUnsafe(`CREATE TRIGGER test_refuse_candidate BEFORE INSERT ON "Candidate" FOR EACH ROW EXECUTE FUNCTION test_refuse_candidate()`);
});

describe("a small batch", () => {
  test("is previewed, committed in one go by the route, and keeps counts, not people", async () => {
    const { user, cookie } = await recruiter();
    const vacancy = await db().vacancy.create({ data: { title: "KAM", city: "Москва", industry: "Оборудование" } });
    const batch = await batchOf([record(), record(), record()], { vacancyId: vacancy.id, actorId: user.id });

    const before = await view(batch.id, cookie);
    expect(before.data).toMatchObject({ batch: { status: "PREVIEW", total: 3 }, counts: { new: 3, merged: 0, tiers: { OPEN_MARKET: 3 } } });
    expect(before.data.rows).toHaveLength(3);

    const response = await post(batch.id, "commit", cookie);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/imports/${batch.id}`);
    const stored = await db().importBatch.findUniqueOrThrow({ where: { id: batch.id } });
    expect(stored).toMatchObject({ status: "COMMITTED", processed: 3, records: [], summary: { new: 3, result: { new: 3, merged: 0, unchanged: 0 } } });
    expect(stored.summary).not.toHaveProperty("rows");
    expect(await db().sourceRecord.count({ where: { importBatchId: batch.id } })).toBe(3);
    expect(await db().application.count({ where: { vacancyId: vacancy.id } })).toBe(3);
    expect(await db().auditEntry.count({ where: { action: "candidate.import", actorId: user.id } })).toBe(3);

    const again = await post(batch.id, "commit", cookie);
    expect(again.status).toBe(400);
    expect((await again.json()).error).toMatchObject({ "": ["imports.refused.not-preview"] });
  });

  test("keeps nothing of a person erased on request: their record is counted, its name, e-mail and phone are not stored", async () => {
    const { user, cookie } = await recruiter();
    const vacancy = await db().vacancy.create({ data: { title: "KAM", city: "Москва", industry: "Оборудование" } });
    const person = { firstName: "Зинаида", lastName: "Забвенная", middleName: "Петровна", email: "zina.zabvennaya@imports.test", phone: "+7 916 321-54-76" };
    const theirs = record(person);
    const first = await batchOf([theirs], { actorId: user.id });
    await post(first.id, "commit", cookie);
    const erasedId = (await db().sourceRecord.findFirstOrThrow({ where: { externalId: theirs.externalId } })).candidateId;
    await eraseCandidate({ actorId: user.id, candidateId: erasedId, reason: "Запрос" });

    // The board gives their resume again (same id), between two other people.
    const [before, after] = [record(), record()];
    const batch = await batchOf([before, { ...theirs, raw: { ...(theirs.raw as object), updated: true } }, after], { vacancyId: vacancy.id, actorId: user.id });
    const stored = await db().importBatch.findUniqueOrThrow({ where: { id: batch.id } });
    const records = stored.records as Array<Record<string, unknown>>;
    const summary = stored.summary as { rows: Array<{ row: number; name: string; mergesWith: unknown }> } & Record<string, unknown>;
    expect(stored.total).toBe(2);
    expect(records.map((r) => r.externalId)).toEqual([before.externalId, after.externalId]);
    expect(summary).toMatchObject({ total: 3, new: 2, merged: 0, unchanged: 0, erased: 1 });
    expect(summary.rows.map((r) => [r.row, r.name])).toEqual([[1, `${before.lastName} ${before.firstName}`], [2, `${after.lastName} ${after.firstName}`]]);
    for (const r of records) {
      expect(r.firstName).not.toBe(person.firstName);
      expect(r.lastName).not.toBe(person.lastName);
      expect(r.middleName ?? null).not.toBe(person.middleName);
      expect(r.email).not.toBe(person.email);
      expect(r.phone ?? null).toBeNull();
    }
    for (const row of summary.rows) expect(row.mergesWith).toBeNull();
    const everything = JSON.stringify({ records: stored.records, summary: stored.summary, rowErrors: stored.rowErrors, label: stored.label, mapping: stored.mapping });
    for (const value of [person.firstName, person.lastName, person.middleName, person.email, "9163215476", "321-54-76", theirs.externalId!]) {
      expect(everything).not.toContain(value);
    }
    expect((await view(batch.id, cookie)).data).toMatchObject({ counts: { total: 3, new: 2, erased: 1 } });

    // The commit writes the other two and says one record was of a person erased.
    await post(batch.id, "commit", cookie);
    expect(await db().importBatch.findUniqueOrThrow({ where: { id: batch.id } })).toMatchObject({
      status: "COMMITTED",
      summary: { erased: 1, result: { new: 2, merged: 0, unchanged: 0, erased: 1 } },
    });
    expect(await db().sourceRecord.count({ where: { candidateId: erasedId } })).toBe(1);
    expect(await db().candidate.findUniqueOrThrow({ where: { id: erasedId } })).toMatchObject({ lastName: "", email: null, phone: null });
  });

  test("with row errors imports nothing", async () => {
    const { cookie } = await recruiter();
    const batch = await batchOf([record()], { rowErrors: [{ row: 3, field: "phone", message: "companies.phone.notAPhone|value=нет" }] });
    const before = await counts();
    const page = await view(batch.id, cookie);
    expect(page.data).toMatchObject({ rowErrorCount: 1, rowErrors: [{ row: 3, field: "phone" }] });
    const response = await post(batch.id, "commit", cookie);
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ "": ["imports.refused.row-errors"] });
    expect(await counts()).toEqual(before);
    expect(await db().importBatch.findUniqueOrThrow({ where: { id: batch.id } })).toMatchObject({ status: "PREVIEW" });
  });

  test("that fails on one record rolls everything back and is marked failed", async () => {
    const { cookie } = await recruiter();
    // The 150th record passes every check but the database refuses it.
    const records = Array.from({ length: 200 }, (_, i) => record(i === 149 ? { lastName: REFUSED } : {}));
    const batch = await batchOf(records);
    const before = await counts();
    const response = await post(batch.id, "commit", cookie);
    expect(response.status).toBe(302);
    expect(await counts()).toEqual(before);
    const stored = await db().importBatch.findUniqueOrThrow({ where: { id: batch.id } });
    expect(stored.status).toBe("FAILED");
    expect(stored.error).toContain(`test: the database refuses ${REFUSED}`);
    // Only its creation is on the trail: the failed commit left nothing, not even its entry.
    expect((await trailOf(batch.id)).map(([action]) => action)).toEqual(["import.create"]);
    const page = await view(batch.id, cookie);
    expect(page.data.batch).toMatchObject({ status: "FAILED" });
  });

  test("the same file twice adds nothing the second time", async () => {
    const { cookie } = await recruiter();
    const records = [record(), record({ externalId: null })];
    const first = await batchOf(records);
    await post(first.id, "commit", cookie);
    const before = await counts();
    const second = await batchOf(records.map((r) => ({ ...r })));
    expect((await view(second.id, cookie)).data.counts).toMatchObject({ new: 0, merged: 0, unchanged: 2 });
    await post(second.id, "commit", cookie);
    const after = await counts();
    // Only the commit itself is new: no candidate, source, job, application, company or audit entry.
    expect(after).toEqual(before);
    expect(await db().importBatch.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ status: "COMMITTED", summary: { result: { unchanged: 2 } } });
  });

  test("discarding keeps no records and cannot be committed after", async () => {
    const { cookie } = await recruiter();
    const batch = await batchOf([record()]);
    const response = await post(batch.id, "discard", cookie);
    expect(response.status).toBe(302);
    expect(await db().importBatch.findUniqueOrThrow({ where: { id: batch.id } })).toMatchObject({ status: "DISCARDED", records: [] });
    expect((await post(batch.id, "commit", cookie)).status).toBe(400);
    expect((await post(batch.id, "discard", cookie)).status).toBe(400);
  });

  test("creating, committing and discarding are on the audit trail, by whom, with counts and no names", async () => {
    const { user, cookie } = await recruiter();
    const vacancy = await db().vacancy.create({ data: { title: "KAM", city: "Москва", industry: "Оборудование" } });
    const kept = await batchOf([record(), record()], { vacancyId: vacancy.id, actorId: user.id });
    const created = { source: "HH", channel: "FILE", adapter: "hh-file", vacancyId: vacancy.id, total: 2 };
    expect(await trailOf(kept.id)).toEqual([["import.create", user.id, created]]);
    await post(kept.id, "commit", cookie);
    expect(await trailOf(kept.id)).toEqual([
      ["import.create", user.id, created],
      ["import.commit", user.id, { vacancyId: vacancy.id, records: 2, new: 2, merged: 0, unchanged: 0, erased: 0 }],
    ]);

    const thrown = await batchOf([record({ lastName: "Забытов" })], { actorId: user.id });
    await post(thrown.id, "discard", cookie);
    expect(await trailOf(thrown.id)).toEqual([
      ["import.create", user.id, { ...created, vacancyId: null, total: 1 }],
      ["import.discard", user.id, null],
    ]);
    expect(JSON.stringify(await db().auditEntry.findMany({ where: { entityType: "ImportBatch" }, select: { details: true } }))).not.toMatch(/Смирнов|Забытов|@imports\.test/);
  });
});

describe("access", () => {
  test("a hiring manager gets 403 on every import page and action", async () => {
    const manager = await createUser({ roles: ["HIRING_MANAGER"] });
    const cookie = await sessionCookie(manager.id);
    const batch = await batchOf([record()]);
    expect((await respond(() => indexLoader({ request: getRequest("/imports", cookie), params: {}, context }))).status).toBe(403);
    expect((await respond(() => indexAction({ request: formRequest("/imports", { board: "hh", vacancyId: "x" }, cookie), params: {}, context }))).status).toBe(403);
    expect((await view(batch.id, cookie)).status).toBe(403);
    expect((await post(batch.id, "commit", cookie)).status).toBe(403);
    expect(await db().importBatch.findUniqueOrThrow({ where: { id: batch.id } })).toMatchObject({ status: "PREVIEW" });
  });
});

describe("a large batch", () => {
  beforeAll(() => startJobs({ work: true }));
  afterAll(() => stopJobs());

  test("is committed by the background job in one transaction, with progress on the page", { timeout: 120_000 }, async () => {
    const { user, cookie } = await recruiter();
    const batch = await batchOf(Array.from({ length: 1_200 }, () => record()), { actorId: user.id });
    const response = await post(batch.id, "commit", cookie);
    expect(response.status).toBe(302);
    expect((await db().importBatch.findUniqueOrThrow({ where: { id: batch.id } })).status).toMatch(/QUEUED|RUNNING/);

    const seen = new Set<string>();
    let partial = false;
    await vi.waitFor(
      async () => {
        const { data } = await view(batch.id, cookie);
        seen.add(data.batch.status);
        // Progress shows while the transaction is open, and the rows are not visible yet.
        if (data.batch.status === "RUNNING" && data.batch.processed > 0 && data.batch.processed < 1_200) {
          partial = true;
          expect(await db().sourceRecord.count({ where: { importBatchId: batch.id } })).toBe(0);
        }
        expect(data.batch.status).toBe("COMMITTED");
      },
      { timeout: 100_000, interval: 50 },
    );
    expect(seen).toContain("RUNNING");
    expect(partial).toBe(true);
    expect(await db().sourceRecord.count({ where: { importBatchId: batch.id } })).toBe(1_200);
    expect(await db().importBatch.findUniqueOrThrow({ where: { id: batch.id } })).toMatchObject({ processed: 1_200, summary: { result: { new: 1_200 } } });

    // A retried job finds the batch committed and does nothing, not even a second entry.
    const before = await counts();
    await runImportBatch(batch.id, user.id, { isLastAttempt: true });
    expect(await counts()).toEqual(before);
    expect((await trailOf(batch.id)).map(([action, actor]) => [action, actor])).toEqual([
      ["import.create", user.id],
      ["import.commit", user.id],
    ]);
  });

  test("rolls everything back when a record fails, and is marked failed on the last attempt", { timeout: 60_000 }, async () => {
    // Two chunks of 250 are written before the third fails: all of it is rolled back.
    const records = Array.from({ length: 600 }, (_, i) => record(i === 550 ? { lastName: REFUSED } : {}));
    const batch = await batchOf(records);
    await db().importBatch.update({ where: { id: batch.id }, data: { status: "QUEUED" } });
    const before = await counts();
    await expect(runImportBatch(batch.id, null, { isLastAttempt: false })).rejects.toThrow();
    expect(await db().importBatch.findUniqueOrThrow({ where: { id: batch.id } })).toMatchObject({ status: "QUEUED", processed: 0, error: expect.any(String) });
    await expect(runImportBatch(batch.id, null, { isLastAttempt: true })).rejects.toThrow();
    expect(await db().importBatch.findUniqueOrThrow({ where: { id: batch.id } })).toMatchObject({ status: "FAILED" });
    expect(await counts()).toEqual(before);
  });
});
