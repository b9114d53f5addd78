import { describe, expect, test } from "vitest";
import { addManyToVacancy } from "~/pipeline/pipeline.server";
import { eraseCandidate } from "~/sourcing/personal-data.server";
import { runBulkAction } from "~/sourcing/bulk-actions.server";
import { ingestPlanned, ingestRecords, type IngestOptions, previewRecords } from "~/sourcing/ingest.server";
import { planIngest } from "~/sourcing/ingest-plan.server";
import { newId } from "~/utils/bulk-insert.server";
import { companyMatchKey } from "~/sourcing/company-match";
import { CandidateRecordSchema, type CandidateRecordInput } from "~/sourcing/record";
import { db } from "~/utils/db.server";
import { createCandidate, createUser } from "../factories";

let counter = 0;
function record(overrides: Partial<CandidateRecordInput> = {}) {
  counter += 1;
  const base: CandidateRecordInput = {
    source: "HH",
    channel: "API",
    adapter: "hh-api",
    externalId: `resume-${counter}-${Date.now()}`,
    firstName: "Анна",
    lastName: `Петрова${counter}`,
    email: `Anna.${counter}@Mail.test`,
    phone: `8 (916) 700-${String(1000 + counter).slice(-2)}-${String(10 + (counter % 90))}`,
    city: "Москва",
    workHistory: [{ companyName: "ООО «Гидромаш»", title: "Менеджер по ключевым клиентам", startedOn: "2019-03-01", endedOn: null }],
    raw: { id: counter, at: Date.now() },
  };
  const merged = { ...base, ...overrides };
  // The raw record differs whenever the fields do, as a board's JSON would.
  const { workHistory: _jobs, ...fields } = overrides;
  if (!("raw" in overrides)) merged.raw = { ...(base.raw as object), ...fields };
  return CandidateRecordSchema.parse(merged);
}

const ingest = (records: ReturnType<typeof record>[], options: Partial<IngestOptions> = {}) =>
  db().$transaction((tx) => ingestRecords(tx, records, { vacancyId: null, actorId: null, ...options }), { timeout: 120_000 });

async function vacancyWithLists(lists: { target?: string[]; excluded?: string[]; adjacent?: string[]; niches?: string[] }) {
  const vacancy = await db().vacancy.create({
    data: { title: "KAM", city: "Москва", industry: "Оборудование", adjacentNiches: lists.niches ?? [] },
  });
  for (const [kind, names] of [["TARGET", lists.target], ["EXCLUDED", lists.excluded], ["ADJACENT", lists.adjacent]] as const) {
    for (const name of names ?? []) {
      const normalizedName = companyMatchKey(name);
      const company = await db().company.upsert({ where: { normalizedName }, create: { name, normalizedName }, update: {} });
      await db().vacancyCompanyList.create({ data: { vacancyId: vacancy.id, companyId: company.id, kind } });
    }
  }
  return vacancy;
}

describe("a new person", () => {
  test("becomes a candidate with normalised contacts, a source record, jobs, an application with its tier, search text and an audit entry", async () => {
    const user = await createUser({ roles: ["RECRUITER"] });
    const vacancy = await vacancyWithLists({ target: ["Гидромаш"] });
    const batch = await db().importBatch.create({ data: { source: "HH", channel: "API", adapter: "hh-api", label: "test", records: [] } });
    const r = record({ email: " Anna.NEW@Mail.Test ", phone: "8 (916) 123-45-67", consentAt: "2024-05-01T10:00:00.000Z", consentText: "Согласна" });
    const [outcome] = await ingest([r], { vacancyId: vacancy.id, actorId: user.id, batchId: batch.id });

    expect(outcome).toMatchObject({ status: "new", matchedBy: null, tier: "TARGET", erased: false });
    expect(outcome!.reason).toMatchObject({ list: "TARGET", match: "company", companyName: "ООО «Гидромаш»" });
    const candidate = await db().candidate.findUniqueOrThrow({
      where: { id: outcome!.candidateId },
      include: { sources: true, workHistory: { include: { company: true } }, applications: { include: { history: true } } },
    });
    expect(candidate).toMatchObject({ email: "anna.new@mail.test", phone: "+79161234567", source: "HH", externalId: r.externalId, consentText: "Согласна" });
    expect(candidate.consentAt?.toISOString()).toBe("2024-05-01T10:00:00.000Z");
    expect(candidate.searchText).toContain("gidromash");
    expect(candidate.sources).toHaveLength(1);
    expect(candidate.sources[0]).toMatchObject({ externalId: r.externalId, importBatchId: batch.id, raw: r.raw, adapter: "hh-api" });
    expect(candidate.sources[0]!.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(candidate.sources[0]!.parsed).toMatchObject({ firstName: "Анна", email: " Anna.NEW@Mail.Test ".trim() });
    expect(candidate.workHistory[0]!.company?.normalizedName).toBe(companyMatchKey("Гидромаш"));
    expect(candidate.applications[0]).toMatchObject({ id: outcome!.applicationId, vacancyId: vacancy.id, stage: "SOURCED", tier: "TARGET" });
    expect(candidate.applications[0]!.history).toHaveLength(1);
    const entries = await db().auditEntry.findMany({ where: { entityId: candidate.id } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: "candidate.import", actorId: user.id, details: { batchId: batch.id, source: "HH", vacancyId: vacancy.id } });
    expect(JSON.stringify(entries[0]!.details)).not.toContain("anna.new");
  });
});

describe("a person we already have", () => {
  test("is recognised by board id, fingerprint, e-mail and phone, in that order", async () => {
    const byExternal = record();
    const noId = record({ externalId: null, source: "FILE", channel: "FILE", adapter: "csv" });
    const [first, second] = await ingest([byExternal, noId]);

    const [sameId] = await ingest([record({ externalId: byExternal.externalId, email: null, phone: null, city: "Тула" })]);
    expect(sameId).toMatchObject({ candidateId: first!.candidateId, status: "merged", matchedBy: "externalId" });
    const [sameRaw] = await ingest([{ ...noId }]);
    expect(sameRaw).toMatchObject({ candidateId: second!.candidateId, status: "unchanged", matchedBy: "fingerprint" });
    const [sameEmail] = await ingest([record({ source: "SUPERJOB", email: byExternal.email!.toUpperCase(), phone: null })]);
    expect(sameEmail).toMatchObject({ candidateId: first!.candidateId, status: "merged", matchedBy: "email" });
    const [samePhone] = await ingest([record({ source: "SUPERJOB", email: null, phone: `+7${byExternal.phone!.replace(/\D/g, "").slice(1)}` })]);
    expect(samePhone).toMatchObject({ candidateId: first!.candidateId, status: "merged", matchedBy: "phone" });

    expect(await db().sourceRecord.count({ where: { candidateId: first!.candidateId } })).toBe(3);
    // The board's newer version of the resume replaced the older one: one record per board id.
    const hh = await db().sourceRecord.findFirstOrThrow({ where: { candidateId: first!.candidateId, source: "HH" } });
    expect(hh.parsed).toMatchObject({ city: "Тула" });
  });

  test("a candidate written before source records existed is found by its board id", async () => {
    const legacy = await createCandidate({ source: "HH", externalId: `legacy-${Date.now()}`, email: null, phone: null });
    const [outcome] = await ingest([record({ externalId: legacy.externalId })]);
    expect(outcome).toMatchObject({ candidateId: legacy.id, status: "merged", matchedBy: "externalId" });
  });

  test("fills only empty fields; a value that disagrees stays with its source", async () => {
    const existing = await createCandidate({ city: "Москва", currentTitle: null, salaryExpectationRub: null, middleName: null });
    const r = record({ email: existing.email, city: "Казань", currentTitle: "KAM", salaryExpectationRub: 250_000, middleName: "Ивановна" });
    const [outcome] = await ingest([r]);
    expect(outcome).toMatchObject({ candidateId: existing.id, status: "merged", matchedBy: "email" });
    const after = await db().candidate.findUniqueOrThrow({ where: { id: existing.id }, include: { sources: true } });
    expect(after).toMatchObject({ city: "Москва", currentTitle: "KAM", salaryExpectationRub: 250_000, middleName: "Ивановна", firstName: existing.firstName, lastName: existing.lastName });
    expect(after.sources[0]!.parsed).toMatchObject({ city: "Казань" });
    const entry = await db().auditEntry.findFirstOrThrow({ where: { entityId: existing.id, action: "candidate.import-merge" } });
    expect(entry.details).toMatchObject({ matchedBy: "email", filled: expect.arrayContaining(["currentTitle", "salaryExpectationRub", "middleName"]) });
    expect((entry.details as { filled: string[] }).filled).not.toContain("city");
  });

  test("adds only jobs it does not have (same employer by match key, title and start month)", async () => {
    const first = record({ workHistory: [{ companyName: "ООО «Ромашка»", title: "KAM", startedOn: "2020-01-01", endedOn: null }] });
    const [outcome] = await ingest([first]);
    await ingest([
      record({
        externalId: first.externalId,
        workHistory: [
          { companyName: "Ромашка", title: "kam", startedOn: "2020-01-15", endedOn: "2023-01-01" },
          { companyName: "Гидромаш", title: "Менеджер", startedOn: "2016-01-01", endedOn: "2019-12-01" },
        ],
      }),
    ]);
    const jobs = await db().workExperience.findMany({ where: { candidateId: outcome!.candidateId }, orderBy: { startedOn: "asc" } });
    expect(jobs.map((j) => j.companyName)).toEqual(["Гидромаш", "ООО «Ромашка»"]);
  });

  test("a merged candidate is followed to the one it was merged into", async () => {
    const survivor = await createCandidate();
    const merged = await createCandidate({ mergedIntoId: survivor.id });
    const [outcome] = await ingest([record({ email: merged.email, phone: null })]);
    expect(outcome).toMatchObject({ candidateId: survivor.id, status: "merged" });
    expect(await db().sourceRecord.count({ where: { candidateId: merged.id } })).toBe(0);
  });
});

describe("one batch", () => {
  test("records of one person de-duplicate against each other", async () => {
    const a = record({ phone: "+79160000001", email: "one@batch.test" });
    const b = record({ phone: "+7 916 000-00-01", email: "two@batch.test", city: null, currentTitle: "KAM" });
    const c = record({ phone: null, email: "TWO@batch.test" });
    const outcomes = await ingest([a, b, c, { ...a }]);
    expect(outcomes.map((o) => [o.status, o.matchedBy])).toEqual([
      ["new", null],
      ["merged", "phone"],
      ["merged", "email"],
      ["unchanged", "externalId"],
    ]);
    expect(new Set(outcomes.map((o) => o.candidateId)).size).toBe(1);
    const candidate = await db().candidate.findUniqueOrThrow({ where: { id: outcomes[0]!.candidateId }, include: { sources: true } });
    expect(candidate).toMatchObject({ email: "one@batch.test", currentTitle: "KAM" });
    expect(candidate.sources).toHaveLength(3);
    expect(await db().auditEntry.count({ where: { entityId: candidate.id } })).toBe(1);
  });

  test("importing the same data twice adds nothing", async () => {
    const vacancy = await vacancyWithLists({});
    const records = [record(), record({ externalId: null }), record()];
    const count = async () =>
      Promise.all([
        db().candidate.count(),
        db().sourceRecord.count(),
        db().workExperience.count(),
        db().application.count(),
        db().stageChange.count(),
        db().auditEntry.count(),
        db().company.count(),
      ]);
    await ingest(records, { vacancyId: vacancy.id });
    const before = await count();
    const again = await ingest(records.map((r) => ({ ...r })), { vacancyId: vacancy.id });
    expect(again.map((o) => o.status)).toEqual(["unchanged", "unchanged", "unchanged"]);
    expect(again.every((o) => o.applicationId)).toBe(true);
    expect(await count()).toEqual(before);
  });

  test("the same people imported for another vacancy are added to it", async () => {
    const [one, two] = [await vacancyWithLists({}), await vacancyWithLists({})];
    const r = record();
    const [first] = await ingest([r], { vacancyId: one.id });
    const [second] = await ingest([{ ...r }], { vacancyId: two.id });
    expect(second).toMatchObject({ candidateId: first!.candidateId, status: "merged" });
    expect(await db().application.count({ where: { candidateId: first!.candidateId } })).toBe(2);
  });
});

describe("tiers", () => {
  test("every tier with the job that decided it", async () => {
    const vacancy = await vacancyWithLists({ target: ["Гидромаш"], excluded: ["Откат-Трейд"], adjacent: ["РыбТорг"], niches: ["охотничьи товары"] });
    const job = (companyName: string, industry: string | null = null) => [{ companyName, industry, title: "KAM", startedOn: "2020-01-01", endedOn: null }];
    const outcomes = await ingest(
      [
        record({ workHistory: job("ООО «Гидромаш»") }),
        record({ workHistory: [...job("Гидромаш"), { companyName: "АО Откат-Трейд", industry: null, title: "Менеджер", startedOn: "2010-01-01", endedOn: "2011-01-01" }] }),
        record({ workHistory: job("Рыбторг") }),
        record({ workHistory: job("Лесник", "Охотничьи товары и снаряжение") }),
        record({ workHistory: job("Булочная") }),
      ],
      { vacancyId: vacancy.id },
    );
    expect(outcomes.map((o) => o.tier)).toEqual(["TARGET", "EXCLUDED", "ADJACENT", "ADJACENT", "OPEN_MARKET"]);
    expect(outcomes[1]!.reason).toMatchObject({ list: "EXCLUDED", companyName: "АО Откат-Трейд", startedOn: "2010-01-01" });
    expect(outcomes[3]!.reason).toMatchObject({ match: "niche", niche: "охотничьи товары" });
    expect(outcomes[4]!.reason).toBeNull();
    const stored = await db().application.findUniqueOrThrow({ where: { id: outcomes[1]!.applicationId! } });
    expect(stored).toMatchObject({ tier: "EXCLUDED", tierReason: { companyName: "АО Откат-Трейд" } });
  });

  test("a merge that brings an excluded job re-tiers the application", async () => {
    const vacancy = await vacancyWithLists({ excluded: ["Откат-Трейд"] });
    const r = record();
    const [first] = await ingest([r], { vacancyId: vacancy.id });
    expect(first!.tier).toBe("OPEN_MARKET");
    const [second] = await ingest([record({ source: "SUPERJOB", email: r.email, workHistory: [{ companyName: "Откат-Трейд", title: "KAM", startedOn: "2015-01-01", endedOn: "2016-01-01" }] })], { vacancyId: vacancy.id });
    expect(second).toMatchObject({ candidateId: first!.candidateId, applicationId: first!.applicationId, tier: "EXCLUDED" });
    expect(await db().application.findUniqueOrThrow({ where: { id: first!.applicationId! } })).toMatchObject({ tier: "EXCLUDED" });
  });
});

describe("the person's other applications", () => {
  test("an import into one vacancy re-tiers the person on every other vacancy too", async () => {
    const user = await createUser({ roles: ["RECRUITER"] });
    const strict = await vacancyWithLists({ excluded: ["Откат-Сервис"] });
    const wanted = await vacancyWithLists({ target: ["Цель-Сервис"] });
    const untouched = await vacancyWithLists({});
    const r = record();
    const [onStrict] = await ingest([r], { vacancyId: strict.id });
    const [onUntouched] = await ingest([{ ...r }], { vacancyId: untouched.id });
    expect(onStrict!.tier).toBe("OPEN_MARKET");
    // The same person from another board, imported for the vacancy that wants Цель-Сервис.
    const [onWanted] = await ingest(
      [record({
        source: "SUPERJOB", email: r.email, workHistory: [
          { companyName: "ООО «Цель-Сервис»", title: "KAM", startedOn: "2021-01-01", endedOn: null },
          { companyName: "Откат-Сервис", title: "Менеджер", startedOn: "2012-01-01", endedOn: "2014-01-01" },
        ],
      })],
      { vacancyId: wanted.id, actorId: user.id },
    );
    expect(onWanted).toMatchObject({ candidateId: onStrict!.candidateId, tier: "TARGET" });
    const tierOf = async (id: string | null) => db().application.findUniqueOrThrow({ where: { id: id! }, select: { tier: true, tierReason: true } });
    expect(await tierOf(onStrict!.applicationId)).toMatchObject({ tier: "EXCLUDED", tierReason: { list: "EXCLUDED", companyName: "Откат-Сервис", startedOn: "2012-01-01" } });
    expect(await tierOf(onUntouched!.applicationId)).toEqual({ tier: "OPEN_MARKET", tierReason: null });
    const report = await runBulkAction(user.id, { intent: "campaign", vacancy: strict.id, campaignName: "Первая волна", ids: [onStrict!.candidateId] });
    expect(report.skipped).toEqual([{ candidateId: onStrict!.candidateId, reason: "excluded" }]);
  });
});

describe("where each value came from", () => {
  test("fields, jobs and applications keep the source record that brought them", async () => {
    const vacancy = await vacancyWithLists({});
    const first = record({ phone: null, city: "Москва", currentTitle: null });
    const [outcome] = await ingest([first], { vacancyId: vacancy.id });
    const second = record({ source: "SUPERJOB", email: first.email, phone: "+7 916 111-22-33", city: "Тула", currentTitle: "KAM",
      workHistory: [{ companyName: "ООО «Вторая»", title: "KAM", startedOn: "2010-01-01", endedOn: "2012-01-01" }] });
    await ingest([second]);
    const candidate = await db().candidate.findUniqueOrThrow({ where: { id: outcome!.candidateId }, include: { sources: true, workHistory: true, applications: true } });
    const idOf = (source: string) => candidate.sources.find((s) => s.source === source)!.id;
    expect(candidate.fieldSources).toEqual({ email: idOf("HH"), city: idOf("HH"), phone: idOf("SUPERJOB"), currentTitle: idOf("SUPERJOB") });
    expect(Object.fromEntries(candidate.workHistory.map((j) => [j.companyName, j.sourceRecordId]))).toEqual({ "ООО «Гидромаш»": idOf("HH"), "ООО «Вторая»": idOf("SUPERJOB") });
    expect(candidate.applications.map((a) => a.sourceRecordId)).toEqual([idOf("HH")]);
    expect(candidate.sources.map((s) => [s.source, s.email, s.phone])).toEqual(
      expect.arrayContaining([["HH", first.email!.toLowerCase(), null], ["SUPERJOB", first.email!.toLowerCase(), "+79161112233"]]),
    );
  });

  test("a person is recognised by the contacts any of their source records gave", async () => {
    const r = record({ email: "main@contacts.test", phone: "+79162220000" });
    const [first] = await ingest([r]);
    // Same person (by phone), another address the profile does not show.
    await ingest([record({ source: "SUPERJOB", email: "second@contacts.test", phone: r.phone })]);
    expect((await db().candidate.findUniqueOrThrow({ where: { id: first!.candidateId } })).email).toBe("main@contacts.test");
    const [byOtherEmail] = await ingest([record({ source: "FILE", channel: "FILE", adapter: "csv", email: "SECOND@contacts.test", phone: null })]);
    expect(byOtherEmail).toMatchObject({ candidateId: first!.candidateId, status: "merged", matchedBy: "email" });
    // An erased person's records recognise nobody.
    const user = await createUser({ roles: ["ADMIN"] });
    await eraseCandidate({ actorId: user.id, candidateId: first!.candidateId, reason: "Запрос" });
    const [afterErasure] = await ingest([record({ source: "FILE", channel: "FILE", adapter: "csv", email: "second@contacts.test", phone: null })]);
    expect(afterErasure).toMatchObject({ status: "new", erased: false });
  });
});

describe("the public apply page", () => {
  const applyPage = (overrides: Partial<CandidateRecordInput>) =>
    record({ source: "INBOUND", channel: "FORM", adapter: "apply-page", externalId: null, consentAt: "2026-01-10T09:00:00.000Z", consentText: "Согласен", ...overrides });

  test("never changes a person we have: the record and the application are added, nothing else", async () => {
    const vacancy = await vacancyWithLists({ excluded: ["Откат-Плюс"] });
    const victim = await createCandidate({ phone: null, city: null, consentAt: null, consentText: null, currentTitle: null,
      workHistory: { create: { companyName: "Ромашка", title: "KAM", startedOn: new Date("2019-01-01") } } });
    const before = await db().candidate.findUniqueOrThrow({ where: { id: victim.id } });
    const [outcome] = await ingest(
      [applyPage({ firstName: "Злоумышленник", email: victim.email!.toUpperCase(), phone: "+7 916 999-00-11", city: "Тула", currentTitle: "Директор",
        workHistory: [{ companyName: "ООО «Откат-Плюс»", title: "KAM", startedOn: "2020-01-01", endedOn: null }] })],
      { vacancyId: vacancy.id },
    );
    expect(outcome).toMatchObject({ candidateId: victim.id, status: "merged", matchedBy: "email", tier: "OPEN_MARKET" });
    const after = await db().candidate.findUniqueOrThrow({ where: { id: victim.id }, include: { workHistory: true, sources: true, applications: true } });
    const { workHistory, sources, applications, updatedAt: _u, searchText, ...fields } = after;
    const { updatedAt: _b, searchText: _s, ...was } = before;
    expect(fields).toEqual(was);
    expect(searchText).not.toMatch(/тула|откат|злоумышленник|директор/);
    expect(workHistory.map((j) => j.companyName)).toEqual(["Ромашка"]);
    expect(applications).toMatchObject([{ vacancyId: vacancy.id, tier: "OPEN_MARKET", sourceRecordId: sources[0]!.id }]);
    // What the visitor typed stays visible in its source record, and recognises nobody later.
    expect(sources).toMatchObject([{ adapter: "apply-page", email: null, phone: null, parsed: { phone: "+7 916 999-00-11", city: "Тула" } }]);
    const entry = await db().auditEntry.findFirstOrThrow({ where: { entityId: victim.id, action: "candidate.import-merge" } });
    expect(entry.details).toMatchObject({ filled: [], jobsAdded: 0, applicationAdded: true });
    const [later] = await ingest([record({ email: null, phone: "8 916 999 00 11" })]);
    expect(later).toMatchObject({ status: "new" });
  });

  test("a new person from the page is created from it, jobs and all", async () => {
    const vacancy = await vacancyWithLists({ excluded: ["Откат-Плюс"] });
    const [outcome] = await ingest([applyPage({ workHistory: [{ companyName: "Откат-Плюс", title: "KAM", startedOn: "2020-01-01", endedOn: null }] })], { vacancyId: vacancy.id });
    expect(outcome).toMatchObject({ status: "new", tier: "EXCLUDED" });
    expect(await db().candidate.findUniqueOrThrow({ where: { id: outcome!.candidateId } })).toMatchObject({ city: "Москва", consentText: "Согласен" });
  });
});

describe("erased people", () => {
  test("are never matched, changed or brought back", async () => {
    const user = await createUser({ roles: ["RECRUITER"] });
    const r = record();
    const [first] = await ingest([r]);
    await eraseCandidate({ actorId: user.id, candidateId: first!.candidateId, reason: "Запрос" });
    const erased = await db().candidate.findUniqueOrThrow({ where: { id: first!.candidateId } });

    const [again] = await ingest([record({ externalId: r.externalId, email: r.email, city: "Тула" })]);
    expect(again).toMatchObject({ candidateId: first!.candidateId, status: "unchanged", erased: true, applicationId: null });
    const [byEmail] = await ingest([record({ source: "SUPERJOB", email: r.email })]);
    expect(byEmail).toMatchObject({ status: "new", erased: false });
    expect(byEmail!.candidateId).not.toBe(first!.candidateId);

    expect(await db().candidate.findUniqueOrThrow({ where: { id: first!.candidateId } })).toEqual(erased);
    expect(await db().workExperience.count({ where: { candidateId: first!.candidateId } })).toBe(0);
    expect(await db().auditEntry.count({ where: { entityId: first!.candidateId, action: { startsWith: "candidate.import" } } })).toBe(1);
  });
});

describe("an erasure that commits while an import is under way", () => {
  test("leaves the person erased: the import writes no field, record, job or application of theirs", async () => {
    const user = await createUser({ roles: ["RECRUITER"] });
    const vacancy = await vacancyWithLists({ target: ["Гидромаш"] });
    const existing = await createCandidate({ city: null, currentTitle: null, middleName: null });
    const theirs = record({ email: existing.email, city: "Тула", currentTitle: "KAM", middleName: "Ивановна" });
    const stranger = record();
    const [sources, jobs, entries] = await Promise.all([
      db().sourceRecord.count(),
      db().workExperience.count(),
      db().auditEntry.count({ where: { entityId: existing.id } }),
    ]);

    const outcomes = await db().$transaction(
      async (tx) => {
        // The import has read the batch and planned it: the person was there, with empty fields to fill.
        const plan = await planIngest(tx, [stranger, theirs], vacancy.id, newId);
        expect(plan.records[1]).toMatchObject({ candidate: { id: existing.id, isNew: false }, matchedBy: "email" });
        expect(plan.records[1]!.candidate!.filled).toMatchObject({ city: "Тула", currentTitle: "KAM" });
        // Meanwhile the person's erasure commits on its own connection.
        await eraseCandidate({ actorId: user.id, candidateId: existing.id, reason: "Запрос" });
        return ingestPlanned(tx, plan, { vacancyId: vacancy.id, actorId: user.id });
      },
      { timeout: 60_000 },
    );

    expect(outcomes[0]).toMatchObject({ status: "new", erased: false });
    expect(outcomes[1]).toMatchObject({ candidateId: existing.id, erased: true, applicationId: null, sourceRecordId: null });
    const after = await db().candidate.findUniqueOrThrow({ where: { id: existing.id } });
    expect(after).toMatchObject({ city: null, currentTitle: null, middleName: null, email: null, fieldSources: {} });
    expect(after.erasedAt).not.toBeNull();
    expect(await db().sourceRecord.count({ where: { candidateId: existing.id } })).toBe(0);
    expect(await db().workExperience.count({ where: { candidateId: existing.id } })).toBe(0);
    expect(await db().application.count({ where: { candidateId: existing.id } })).toBe(0);
    // The stranger's record and job were written; nothing of the erased person's.
    expect(await db().sourceRecord.count()).toBe(sources + 1);
    expect(await db().workExperience.count()).toBe(jobs + 1);
    // Only the erasure's own entry joined the trail, no import entry.
    expect(await db().auditEntry.findMany({ where: { entityId: existing.id }, select: { action: true }, skip: entries })).toEqual([{ action: "candidate.erase" }]);
  });
});

describe("preview", () => {
  test("shows what a commit would do and writes nothing", async () => {
    const vacancy = await vacancyWithLists({ excluded: ["Откат-Трейд"] });
    const existing = await createCandidate();
    const erasedRecord = record();
    const [erased] = await ingest([erasedRecord]);
    const user = await createUser({ roles: ["RECRUITER"] });
    await eraseCandidate({ actorId: user.id, candidateId: erased!.candidateId, reason: "Запрос" });
    const a = record({ workHistory: [{ companyName: "Откат-Трейд", title: "KAM", startedOn: "2015-01-01", endedOn: null }] });
    const before = await db().candidate.count();
    const companies = await db().company.count();
    const summary = await previewRecords([a, record({ email: existing.email }), record({ email: a.email }), { ...a }, { ...erasedRecord }], vacancy.id);
    expect(summary).toMatchObject({ total: 5, new: 1, merged: 2, unchanged: 1, erased: 1, excluded: 1, tiers: { EXCLUDED: 1, OPEN_MARKET: 1 } });
    expect(summary.rows[1]).toMatchObject({ status: "merged", matchedBy: "email", mergesWith: { candidateId: existing.id, row: null } });
    expect(summary.rows[2]).toMatchObject({ status: "merged", mergesWith: { candidateId: null, row: 1 }, tier: "EXCLUDED" });
    expect(summary.rows[0]).toMatchObject({ status: "new", tier: "EXCLUDED", reason: { companyName: "Откат-Трейд" } });
    expect(await db().candidate.count()).toBe(before);
    expect(await db().company.count()).toBe(companies);
  });
});

describe("bulk applications", () => {
  test("adding someone already on the vacancy refuses the whole set and writes nothing", async () => {
    const vacancy = await vacancyWithLists({});
    const [one, two] = [await createCandidate(), await createCandidate()];
    await db().$transaction((tx) => addManyToVacancy(tx, { vacancyId: vacancy.id, actorId: null, candidates: [{ candidateId: one.id, tier: null }] }));
    await expect(
      db().$transaction((tx) =>
        addManyToVacancy(tx, { vacancyId: vacancy.id, actorId: null, candidates: [{ candidateId: two.id, tier: "TARGET" }, { candidateId: one.id, tier: null }] }),
      ),
    ).rejects.toMatchObject({ problem: "already-added" });
    expect(await db().application.count({ where: { vacancyId: vacancy.id } })).toBe(1);
    expect(await db().stageChange.count({ where: { application: { vacancyId: vacancy.id } } })).toBe(1);
  });
});

describe("scale", () => {
  test("5,000 records with a vacancy commit in one transaction, reporting progress", { timeout: 120_000 }, async () => {
    const vacancy = await vacancyWithLists({ target: ["Компания 7"] });
    const records = Array.from({ length: 5_000 }, (_, i) =>
      record({
        email: `bulk${i}@scale.test`,
        phone: null,
        workHistory: [
          { companyName: `Компания ${i % 50}`, title: "KAM", startedOn: "2020-01-01", endedOn: null },
          { companyName: `Завод ${i % 700}`, title: "Менеджер", startedOn: "2015-01-01", endedOn: "2019-12-01" },
        ],
      }),
    );
    const progress: number[] = [];
    const outcomes = await ingest(records, { vacancyId: vacancy.id, onProgress: (done) => void progress.push(done) });
    expect(outcomes.filter((o) => o.status === "new")).toHaveLength(5_000);
    expect(outcomes.filter((o) => o.tier === "TARGET")).toHaveLength(100);
    expect(progress.at(-1)).toBe(5_000);
    expect(await db().application.count({ where: { vacancyId: vacancy.id } })).toBe(5_000);
  });
});
