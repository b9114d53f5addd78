import { type CompanyListKind, Prisma, type Stage } from "@prisma/client";
import { beforeAll, describe, expect, it } from "vitest";
import { addApplication, moveApplication } from "~/pipeline/pipeline.server";
import { action, loader } from "~/routes/candidates.$id";
import { runBulkAction } from "~/sourcing/bulk-actions.server";
import { searchCandidates } from "~/sourcing/candidates.server";
import { companyMatchKey } from "~/sourcing/company-match";
import { ingestRecords } from "~/sourcing/ingest.server";
import { findMergeCandidates, mergeCandidates, MergeRefused, unmergeCandidates } from "~/sourcing/merge.server";
import { eraseCandidate } from "~/sourcing/personal-data.server";
import { CandidateRecordSchema, type CandidateRecordInput } from "~/sourcing/record";
import { refreshSearchText } from "~/sourcing/search-text.server";
import { splitSourceRecord, SplitRefused } from "~/sourcing/split.server";
import { i18nFor } from "~/ui/i18n-instance";
import { db } from "~/utils/db.server";
import { createCandidate, createUser, formRequest, getRequest, respond, sessionCookie } from "../factories";

let recruiter: Awaited<ReturnType<typeof createUser>>;
let cookie: string;
const vacancies: string[] = [];

const source = (candidateId: string, key: string, parsed: object = {}) =>
  db().sourceRecord.create({
    data: { candidateId, source: "HH", channel: "API", adapter: "hh-api", externalId: key, fingerprint: key, raw: { id: key }, parsed },
  });

async function applyTo(candidateId: string, vacancy: number, path: Stage[] = []) {
  const application = await addApplication({ candidateId, vacancyId: vacancies[vacancy]!, actorId: recruiter.id, tier: "OPEN_MARKET" });
  for (const to of path) await moveApplication({ applicationId: application.id, to, actorId: recruiter.id });
  return application.id;
}

/** Everything a merge may touch, to compare before and after an un-merge. */
async function snapshot(ids: string[]) {
  const people = await db().candidate.findMany({
    where: { id: { in: ids } },
    orderBy: { id: "asc" },
    include: {
      sources: { select: { id: true }, orderBy: { id: "asc" } },
      workHistory: { select: { id: true }, orderBy: { id: "asc" } },
      applications: { select: { id: true, vacancyId: true, stage: true }, orderBy: { id: "asc" } },
    },
  });
  return people.map(({ updatedAt: _u, ...p }) => p);
}

beforeAll(async () => {
  recruiter = await createUser({ roles: ["RECRUITER"] });
  cookie = await sessionCookie(recruiter.id);
  for (const title of ["KAM 1", "KAM 2", "KAM 3"]) {
    vacancies.push((await db().vacancy.create({ data: { title, city: "Москва", industry: "Оборудование", status: "OPEN" } })).id);
  }
});

describe("merge and un-merge", () => {
  it("moves everything to the survivor, fills its gaps, and undoes it exactly", async () => {
    const survivor = await createCandidate({
      firstName: "Анна", lastName: "Иванова", middleName: null, email: "anna@a.ru", phone: null, city: "Москва",
      currentTitle: null, salaryExpectationRub: null, consentAt: null, tags: ["сильный"],
      workHistory: { create: { companyName: "ООО «Ромашка»", title: "KAM", startedOn: new Date("2020-01-01") } },
    });
    const merged = await createCandidate({
      firstName: "Анна", lastName: "Иванова", middleName: "Сергеевна", email: "anna@b.ru", phone: "+79160000001", city: "Казань",
      currentTitle: "Менеджер по ключевым клиентам", salaryExpectationRub: 200_000, relocation: true,
      consentAt: new Date("2026-01-05T10:00:00Z"), consentText: "Согласна", tags: ["резерв", "сильный"],
      workHistory: { create: [
        { companyName: "ООО «Гидромаш»", title: "KAM", startedOn: new Date("2016-01-01"), endedOn: new Date("2019-12-01") },
        { companyName: "ИП Петров", title: "Продавец", startedOn: new Date("2012-01-01"), endedOn: new Date("2015-12-01") },
      ] },
    });
    await source(survivor.id, "hh-1", { city: "Москва" });
    await source(merged.id, "hh-2", { city: "Казань" });
    const survivorV1 = await applyTo(survivor.id, 0);
    const survivorV2 = await applyTo(survivor.id, 1, ["CONTACTED"]);
    const mergedV1 = await applyTo(merged.id, 0, ["CONTACTED", "INTERVIEW_INVITED"]);
    const mergedV2 = await applyTo(merged.id, 1);
    const mergedV3 = await applyTo(merged.id, 2);
    // Asked to be left alone after the first contact.
    await db().candidate.update({ where: { id: merged.id }, data: { doNotContact: true, doNotContactAt: new Date("2026-01-06T10:00:00Z") } });
    await db().$transaction((tx) => refreshSearchText(tx, [survivor.id, merged.id]));
    const before = await snapshot([survivor.id, merged.id]);

    const merge = await mergeCandidates({ survivorId: survivor.id, mergedId: merged.id, actorId: recruiter.id, reason: "Один телефон" });

    const after = await db().candidate.findUniqueOrThrow({ where: { id: survivor.id } });
    expect(after).toMatchObject({
      email: "anna@a.ru", city: "Москва", middleName: "Сергеевна", phone: "+79160000001", currentTitle: "Менеджер по ключевым клиентам",
      salaryExpectationRub: 200_000, relocation: true, consentText: "Согласна", tags: ["сильный", "резерв"], doNotContact: true,
    });
    expect(after.consentAt).toEqual(new Date("2026-01-05T10:00:00Z"));
    expect(after.searchText).toContain("гидромаш");
    expect((await db().candidate.findUniqueOrThrow({ where: { id: merged.id } })).mergedIntoId).toBe(survivor.id);
    const owner = async (id: string) => (await db().application.findUniqueOrThrow({ where: { id } })).candidateId;
    // The one further in the pipeline stays with the survivor; the other waits with the merged record.
    expect([await owner(mergedV1), await owner(survivorV1)]).toEqual([survivor.id, merged.id]);
    expect([await owner(survivorV2), await owner(mergedV2)]).toEqual([survivor.id, merged.id]);
    expect(await owner(mergedV3)).toBe(survivor.id);
    expect(await db().sourceRecord.count({ where: { candidateId: survivor.id } })).toBe(2);
    expect(await db().workExperience.count({ where: { candidateId: survivor.id } })).toBe(3);
    expect(merge).toMatchObject({ survivorId: survivor.id, mergedId: merged.id, reason: "Один телефон", actorId: recruiter.id });
    expect([...merge.applicationIds].sort()).toEqual([mergedV1, mergedV3].sort());
    expect(merge.sourceRecordIds).toHaveLength(1);
    expect(merge.workExperienceIds).toHaveLength(2);
    // The values to give back live on the merge row; the audit trail names the fields only.
    expect(merge.undo).toMatchObject({ filled: { phone: "+79160000001", middleName: "Сергеевна" }, tagsAdded: ["резерв"] });
    const entry = await db().auditEntry.findFirstOrThrow({ where: { entityId: survivor.id, action: "candidate.merge" } });
    expect(entry.details).toMatchObject({ mergeId: merge.id, otherId: merged.id, reason: "Один телефон", tagsAdded: 1, doNotContactAdded: true });
    expect([...(entry.details as { filled: string[] }).filled].sort()).toEqual(
      ["consentAt", "consentText", "currentTitle", "middleName", "phone", "relocation", "salaryExpectationRub"].sort(),
    );
    for (const value of ["+79160000001", "Сергеевна", "Согласна", "резерв", "200000", "Менеджер по ключевым"]) {
      expect(JSON.stringify(entry.details)).not.toContain(value);
    }
    expect((await searchCandidates({ q: "иванова" })).candidates.map((c) => c.id)).toEqual([survivor.id]);

    const redirected = await respond(() => loader({ request: getRequest(`/candidates/${merged.id}`, cookie), params: { id: merged.id }, context: {} }));
    expect(redirected.status).toBe(302);
    expect(redirected.headers.get("Location")).toBe(`/candidates/${survivor.id}?merged=1`);
    const profile = await (await respond(() => loader({ request: getRequest(`/candidates/${survivor.id}`, cookie), params: { id: survivor.id }, context: {} }))).json();
    expect(profile.candidate.merges).toMatchObject([{ id: merge.id, mergedId: merged.id, moved: { sources: 1, applications: 2, jobs: 2 } }]);
    expect(profile.candidate.disagreements).toEqual([
      { field: "city", values: [{ value: "Москва", sourceRecordIds: [expect.any(String)] }, { value: "Казань", sourceRecordIds: [expect.any(String)] }] },
    ]);

    await unmergeCandidates({ mergeId: merge.id, actorId: recruiter.id, survivorId: survivor.id });
    expect(await snapshot([survivor.id, merged.id])).toEqual(before);
    expect((await db().candidateMerge.findUniqueOrThrow({ where: { id: merge.id } })).undoneAt).toBeInstanceOf(Date);
    const actions = await db().auditEntry.findMany({ where: { entityId: { in: [survivor.id, merged.id] } }, orderBy: { id: "asc" } });
    expect(actions.map((a) => [a.entityId === survivor.id ? "survivor" : "merged", a.action])).toEqual([
      ["survivor", "candidate.merge"],
      ["merged", "candidate.merged-into"],
      ["survivor", "candidate.unmerge"],
      ["merged", "candidate.unmerged-from"],
    ]);
    await expect(unmergeCandidates({ mergeId: merge.id, actorId: recruiter.id })).rejects.toMatchObject({ problem: "undone" });
  });

  it("keeps values changed after the merge when undoing it", async () => {
    const survivor = await createCandidate({ phone: null });
    const merged = await createCandidate({ phone: "+79160000002" });
    const merge = await mergeCandidates({ survivorId: survivor.id, mergedId: merged.id, actorId: recruiter.id });
    await db().candidate.update({ where: { id: survivor.id }, data: { phone: "+79160000003" } });
    await unmergeCandidates({ mergeId: merge.id, actorId: recruiter.id });
    expect((await db().candidate.findUniqueOrThrow({ where: { id: survivor.id } })).phone).toBe("+79160000003");
  });

  it("refuses what cannot be merged or undone", async () => {
    const [a, b, c] = [await createCandidate(), await createCandidate(), await createCandidate()];
    const erased = await createCandidate({ erasedAt: new Date() });
    const refused = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => (e instanceof MergeRefused ? e.problem : e));
    expect(await refused(mergeCandidates({ survivorId: a.id, mergedId: a.id, actorId: recruiter.id }))).toBe("same");
    expect(await refused(mergeCandidates({ survivorId: a.id, mergedId: erased.id, actorId: recruiter.id }))).toBe("erased");
    expect(await refused(mergeCandidates({ survivorId: a.id, mergedId: "nope", actorId: recruiter.id }))).toBe("not-found");
    const first = await mergeCandidates({ survivorId: a.id, mergedId: b.id, actorId: recruiter.id });
    expect(await refused(mergeCandidates({ survivorId: c.id, mergedId: b.id, actorId: recruiter.id }))).toBe("merged");
    await mergeCandidates({ survivorId: c.id, mergedId: a.id, actorId: recruiter.id });
    expect(await refused(unmergeCandidates({ mergeId: first.id, actorId: recruiter.id }))).toBe("survivor-merged");
  });
});

describe("the profile's merge forms", () => {
  it("find duplicates by name, e-mail or phone, and merge through the action", async () => {
    const survivor = await createCandidate({ lastName: "Кузнецова", email: "k1@x.ru" });
    const other = await createCandidate({ lastName: "Кузнецова", email: "olga.k@mail.ru", phone: "+79161112233" });
    await db().$transaction((tx) => refreshSearchText(tx, [survivor.id, other.id]));
    for (const q of ["кузнецова", "kuznetsova", "Olga.K@Mail.ru", "8 (916) 111-22-33"]) {
      expect((await findMergeCandidates(survivor.id, q)).map((p) => p.id)).toEqual([other.id]);
    }
    // Also by a contact only one of their source records gave.
    await db().sourceRecord.create({
      data: { candidateId: other.id, source: "FILE", channel: "FILE", adapter: "csv", fingerprint: "k-2", raw: {}, parsed: {}, email: "olga@work.ru", phone: "+79163334455" },
    });
    for (const q of ["OLGA@work.ru", "+7 916 333-44-55"]) expect((await findMergeCandidates(survivor.id, q)).map((p) => p.id)).toEqual([other.id]);
    const post = (fields: Record<string, string>, as = cookie) =>
      respond(() => action({ request: formRequest(`/candidates/${survivor.id}`, fields, as), params: { id: survivor.id }, context: {} }));
    const manager = await sessionCookie((await createUser({ roles: ["HIRING_MANAGER"] })).id);
    expect((await post({ intent: "merge", otherId: other.id }, manager)).status).toBe(403);
    const done = await post({ intent: "merge", otherId: other.id, reason: "Одна почта" });
    expect(done.status).toBe(302);
    expect((await db().candidate.findUniqueOrThrow({ where: { id: other.id } })).mergedIntoId).toBe(survivor.id);
    const again = await post({ intent: "merge", otherId: other.id });
    expect(again.status).toBe(409);
    expect((await again.json()).error).toEqual({ "": ["profile.merge.problems.merged"] });
  });
});

describe("splitting a source record", () => {
  it("makes a new candidate from what the record said", async () => {
    const candidate = await createCandidate({ lastName: "Смирнова", firstName: "Ольга", source: "HH", externalId: "hh-wrong" });
    await source(candidate.id, "hh-right", { firstName: "Ольга", lastName: "Смирнова" });
    const wrong = await source(candidate.id, "hh-wrong", {
      firstName: "Олег", lastName: "Смирнов", email: "Oleg@Example.ru", phone: "8 (916) 765-43-21", city: "Тула",
      salaryExpectationRub: 120_000, workHistory: [{ companyName: "ООО «Тулагидро»", industry: null, title: "KAM", startedOn: "2018-02-01", endedOn: null }],
    });
    const created = await splitSourceRecord({ candidateId: candidate.id, sourceRecordId: wrong.id, actorId: recruiter.id });
    const fresh = await db().candidate.findUniqueOrThrow({ where: { id: created.id }, include: { workHistory: true, sources: true } });
    expect(fresh).toMatchObject({
      firstName: "Олег", lastName: "Смирнов", email: "oleg@example.ru", phone: "+79167654321", city: "Тула",
      salaryExpectationRub: 120_000, source: "HH", externalId: "hh-wrong",
    });
    expect(fresh.workHistory).toMatchObject([{ companyName: "ООО «Тулагидро»", title: "KAM", endedOn: null, sourceRecordId: wrong.id }]);
    // Linked to the company catalog, as an import links it, so company lists see the job.
    expect((await db().company.findUniqueOrThrow({ where: { id: fresh.workHistory[0]!.companyId! } })).normalizedName).toBe(companyMatchKey("Тулагидро"));
    expect(fresh.sources.map((s) => s.id)).toEqual([wrong.id]);
    expect(fresh.searchText).toContain("тулагидро");
    expect((await db().candidate.findUniqueOrThrow({ where: { id: candidate.id } })).externalId).toBeNull();
    expect(await db().auditEntry.findFirstOrThrow({ where: { entityId: candidate.id, action: "candidate.split" } })).toMatchObject({
      actorId: recruiter.id, details: { otherId: created.id, sourceRecordId: wrong.id },
    });
    await expect(splitSourceRecord({ candidateId: candidate.id, sourceRecordId: wrong.id, actorId: recruiter.id })).rejects.toBeInstanceOf(SplitRefused);
    const single = await db().sourceRecord.findFirstOrThrow({ where: { candidateId: candidate.id } });
    await expect(splitSourceRecord({ candidateId: candidate.id, sourceRecordId: single.id, actorId: recruiter.id })).rejects.toMatchObject({ problem: "only-source" });
  });
});

async function company(name: string) {
  const normalizedName = companyMatchKey(name);
  return db().company.upsert({ where: { normalizedName }, create: { name, normalizedName }, update: {} });
}

/** A vacancy with real company lists: { "ООО «Откат-Трейд»": "EXCLUDED", … }. */
async function vacancyListing(lists: Record<string, CompanyListKind>) {
  const vacancy = await db().vacancy.create({ data: { title: "KAM", city: "Москва", industry: "Оборудование", status: "OPEN" } });
  for (const [name, kind] of Object.entries(lists)) {
    await db().vacancyCompanyList.create({ data: { vacancyId: vacancy.id, companyId: (await company(name)).id, kind } });
  }
  return vacancy;
}

const job = async (name: string, startedOn: string, endedOn: string | null = null) => ({
  companyId: (await company(name)).id,
  companyName: name,
  title: "KAM",
  startedOn: new Date(startedOn),
  endedOn: endedOn ? new Date(endedOn) : null,
});

const tiers = async (ids: string[]) =>
  (await db().application.findMany({ where: { id: { in: ids } }, select: { id: true, tier: true, tierReason: true } }))
    .sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id))
    .map((a) => [a.tier, (a.tierReason as { companyName?: string } | null)?.companyName ?? null]);

describe("tiers follow the work history through merges", () => {
  it("a merge re-tiers every application of the survivor, an un-merge gives the old tiers back", async () => {
    const struckOut = await vacancyListing({ "ООО «Стоп-Трейд»": "EXCLUDED" });
    const wanted = await vacancyListing({ "ООО «Цель-Маш»": "TARGET" });
    const survivor = await createCandidate({ workHistory: { create: [await job("ООО «Ромашка»", "2021-01-01")] } });
    const merged = await createCandidate({
      workHistory: { create: [await job("Стоп-Трейд", "2012-01-01", "2014-01-01"), await job("Цель-Маш", "2015-01-01", "2020-12-01")] },
    });
    const onStruck = await addApplication({ candidateId: survivor.id, vacancyId: struckOut.id, actorId: recruiter.id, tier: "OPEN_MARKET" });
    const onWanted = await addApplication({ candidateId: survivor.id, vacancyId: wanted.id, actorId: recruiter.id, tier: "OPEN_MARKET" });

    const merge = await mergeCandidates({ survivorId: survivor.id, mergedId: merged.id, actorId: recruiter.id });
    expect(await tiers([onStruck.id, onWanted.id])).toEqual([["EXCLUDED", "Стоп-Трейд"], ["TARGET", "Цель-Маш"]]);
    // The campaign list now refuses the person on the vacancy that strikes them out.
    const report = await runBulkAction(recruiter.id, { intent: "campaign", vacancy: struckOut.id, campaignName: "Волна", ids: [survivor.id] });
    expect(report).toMatchObject({ changed: 0, skipped: [{ candidateId: survivor.id, reason: "excluded" }] });

    await unmergeCandidates({ mergeId: merge.id, actorId: recruiter.id });
    expect(await tiers([onStruck.id, onWanted.id])).toEqual([["OPEN_MARKET", null], ["OPEN_MARKET", null]]);
  });
});

describe("un-merging an erased person", () => {
  it("is refused whichever side was erased, and says so in the merge panel", async () => {
    const admin = await createUser({ roles: ["ADMIN"] });
    for (const side of ["survivor", "merged"] as const) {
      const survivor = await createCandidate();
      const merged = await createCandidate({ city: "Казань" });
      const merge = await mergeCandidates({ survivorId: survivor.id, mergedId: merged.id, actorId: recruiter.id });
      await eraseCandidate({ actorId: admin.id, candidateId: side === "survivor" ? survivor.id : merged.id, reason: "Просьба кандидата" });
      await expect(unmergeCandidates({ mergeId: merge.id, actorId: recruiter.id })).rejects.toMatchObject({ problem: "erased" });
      const hidden = await db().candidate.findUniqueOrThrow({ where: { id: merged.id } });
      expect(hidden.mergedIntoId).toBe(survivor.id);
      expect((await db().candidateMerge.findUniqueOrThrow({ where: { id: merge.id } })).undoneAt).toBeNull();
      if (side === "merged") {
        const refused = await respond(() =>
          action({ request: formRequest(`/candidates/${survivor.id}`, { intent: "unmerge", mergeId: merge.id }, cookie), params: { id: survivor.id }, context: {} }),
        );
        expect(refused.status).toBe(409);
        expect((await refused.json()).error).toEqual({ "": ["profile.merge.problems.erased"] });
      }
    }
  });
});

describe("un-merging a merge that kept nothing to give back", () => {
  it("is refused with a translated message, and nothing moves", async () => {
    const survivor = await createCandidate({ city: null });
    const merged = await createCandidate({ city: "Казань", tags: ["склад"] });
    await source(merged.id, `no-undo-${Date.now()}`);
    await applyTo(merged.id, 2);
    const merge = await mergeCandidates({ survivorId: survivor.id, mergedId: merged.id, actorId: recruiter.id });
    // What an erasure of one of them clears (or a merge from before undo data was kept).
    await db().candidateMerge.update({ where: { id: merge.id }, data: { undo: Prisma.DbNull } });
    const before = await snapshot([survivor.id, merged.id]);
    const trail = await db().auditEntry.count();

    const refused = await respond(() =>
      action({ request: formRequest(`/candidates/${survivor.id}`, { intent: "unmerge", mergeId: merge.id }, cookie), params: { id: survivor.id }, context: {} }),
    );
    expect(refused.status).toBe(409);
    expect((await refused.json()).error).toEqual({ "": ["profile.merge.problems.no-undo"] });
    for (const locale of ["ru", "en"] as const) {
      const text = i18nFor(locale).t("profile.merge.problems.no-undo");
      expect(text).not.toContain("profile.merge");
      expect(text.length).toBeGreaterThan(40);
    }
    expect(await snapshot([survivor.id, merged.id])).toEqual(before);
    expect(await db().candidateMerge.findUniqueOrThrow({ where: { id: merge.id } })).toMatchObject({ undoneAt: null });
    expect(await db().auditEntry.count()).toBe(trail);
  });
});

describe("splitting what an import merged wrongly", () => {
  const hh = (overrides: Partial<CandidateRecordInput>) =>
    CandidateRecordSchema.parse({ source: "HH", channel: "API", adapter: "hh-api", firstName: "Анна", lastName: "Иванова", raw: { ...overrides }, ...overrides });
  async function importInto(vacancyId: string, record: ReturnType<typeof hh>) {
    const batch = await db().importBatch.create({ data: { vacancyId, source: record.source, channel: record.channel, adapter: record.adapter, label: "test", records: [] } });
    const [outcome] = await db().$transaction((tx) => ingestRecords(tx, [record], { vacancyId, actorId: recruiter.id, batchId: batch.id }));
    return outcome!;
  }

  it("takes back exactly what the record brought, field by field, and hands over its application", async () => {
    const first = await vacancyListing({ "ООО «Откат-Групп»": "EXCLUDED" });
    const second = await vacancyListing({ "ООО «Откат-Групп»": "EXCLUDED" });
    const anna = await importInto(first.id, hh({
      externalId: "split-anna", email: "family@mail.test", phone: null, city: "Москва", currentTitle: null, salaryExpectationRub: null,
      workHistory: [{ companyName: "ООО «Ромашка»", title: "KAM", startedOn: "2019-01-01", endedOn: null }],
    }));
    // Another person with the family's address, imported for the second vacancy: merged by e-mail.
    const oleg = await importInto(second.id, hh({
      source: "SUPERJOB", adapter: "superjob-api", externalId: "split-oleg", firstName: "Олег", lastName: "Смирнов",
      email: "family@mail.test", phone: "8 (916) 765-43-21", city: "Тула", currentTitle: "Менеджер по продажам", salaryExpectationRub: 150_000, middleName: "Ильич",
      workHistory: [
        { companyName: "ООО «Ромашка»", title: "KAM", startedOn: "2019-01-01", endedOn: null },
        { companyName: "Откат-Групп", title: "Менеджер", startedOn: "2014-01-01", endedOn: "2016-01-01" },
      ],
    }));
    expect(oleg).toMatchObject({ candidateId: anna.candidateId, matchedBy: "email", tier: "EXCLUDED" });
    const annaFirst = anna.applicationId!;
    expect(await tiers([annaFirst])).toEqual([["EXCLUDED", "Откат-Групп"]]);
    const merged = await db().candidate.findUniqueOrThrow({ where: { id: anna.candidateId } });
    expect(merged).toMatchObject({ phone: "+79167654321", currentTitle: "Менеджер по продажам", salaryExpectationRub: 150_000, middleName: "Ильич", city: "Москва" });
    // A recruiter corrected the title since: that is theirs, and stays.
    await db().candidate.update({ where: { id: anna.candidateId }, data: { currentTitle: "Ведущий KAM" } });

    const olegRecord = await db().sourceRecord.findFirstOrThrow({ where: { candidateId: anna.candidateId, externalId: "split-oleg" } });
    const created = await splitSourceRecord({ candidateId: anna.candidateId, sourceRecordId: olegRecord.id, actorId: recruiter.id });

    const original = await db().candidate.findUniqueOrThrow({ where: { id: anna.candidateId }, include: { workHistory: true, applications: true, sources: true } });
    expect(original).toMatchObject({
      firstName: "Анна", email: "family@mail.test", city: "Москва", currentTitle: "Ведущий KAM",
      phone: null, salaryExpectationRub: null, middleName: null,
    });
    expect(original.workHistory.map((j) => j.companyName)).toEqual(["ООО «Ромашка»"]);
    expect(original.applications.map((a) => a.vacancyId)).toEqual([first.id]);
    expect(original.sources.map((s) => s.externalId)).toEqual(["split-anna"]);
    expect(Object.keys(original.fieldSources as object).sort()).toEqual(["city", "email"]);
    expect(await tiers([annaFirst])).toEqual([["OPEN_MARKET", null]]);

    const person = await db().candidate.findUniqueOrThrow({ where: { id: created.id }, include: { workHistory: true, applications: true } });
    expect(person).toMatchObject({
      firstName: "Олег", lastName: "Смирнов", middleName: "Ильич", email: "family@mail.test", phone: "+79167654321", city: "Тула",
      currentTitle: "Менеджер по продажам", salaryExpectationRub: 150_000, source: "SUPERJOB", externalId: "split-oleg",
    });
    expect(person.workHistory.map((j) => j.companyName).sort()).toEqual(["ООО «Ромашка»", "Откат-Групп"].sort());
    expect(person.workHistory.every((j) => j.companyId && j.sourceRecordId === olegRecord.id)).toBe(true);
    // The application the record's import brought went with it, history and all, re-tiered.
    expect(person.applications.map((a) => [a.id, a.vacancyId])).toEqual([[oleg.applicationId, second.id]]);
    expect(await tiers([oleg.applicationId!])).toEqual([["EXCLUDED", "Откат-Групп"]]);
    expect(await db().stageChange.count({ where: { applicationId: oleg.applicationId! } })).toBe(1);

    const entry = await db().auditEntry.findFirstOrThrow({ where: { entityId: anna.candidateId, action: "candidate.split" } });
    expect(entry.details).toMatchObject({ otherId: created.id, jobsTaken: 1, applicationsMoved: 1 });
    expect([...(entry.details as { fieldsTaken: string[] }).fieldsTaken].sort()).toEqual(["middleName", "phone", "salaryExpectationRub"]);
    expect(JSON.stringify(entry.details)).not.toMatch(/79167654321|Ильич|150000/);
  });

  it("a job another remaining record also lists stays, and the record's import vacancy gets its own application", async () => {
    const vacancy = await vacancyListing({});
    const shared = { companyName: "ООО «Общая»", industry: null, title: "KAM", startedOn: "2018-01-01", endedOn: null };
    const candidate = await createCandidate({ lastName: "Общая" });
    const keep = await source(candidate.id, "keep-1", { firstName: "Ирина", lastName: "Общая", workHistory: [shared] });
    const batch = await db().importBatch.create({ data: { vacancyId: vacancy.id, source: "HH", channel: "API", adapter: "hh-api", label: "t", records: [] } });
    const other = await db().sourceRecord.create({
      data: {
        candidateId: candidate.id, source: "HH", channel: "API", adapter: "hh-api", externalId: "other-1", fingerprint: "other-1", raw: {},
        parsed: { firstName: "Инна", lastName: "Общая", workHistory: [shared] }, importBatchId: batch.id,
      },
    });
    const work = await db().workExperience.create({
      data: { candidateId: candidate.id, companyName: shared.companyName, title: "KAM", startedOn: new Date("2018-01-01"), sourceRecordId: other.id },
    });
    await applyTo(candidate.id, 0);
    const created = await splitSourceRecord({ candidateId: candidate.id, sourceRecordId: other.id, actorId: recruiter.id });
    expect(await db().workExperience.findUniqueOrThrow({ where: { id: work.id } })).toMatchObject({ candidateId: candidate.id, sourceRecordId: keep.id });
    const added = await db().application.findMany({ where: { candidateId: created.id }, include: { history: true } });
    expect(added).toMatchObject([{ vacancyId: vacancy.id, stage: "SOURCED", sourceRecordId: other.id, tier: "OPEN_MARKET" }]);
    expect(added[0]!.history).toHaveLength(1);
    expect(await db().application.count({ where: { candidateId: candidate.id } })).toBe(1);
  });

  it("is refused for an erased candidate", async () => {
    const candidate = await createCandidate();
    await source(candidate.id, "erased-1", { firstName: "А", lastName: "Б" });
    const record = await source(candidate.id, "erased-2", { firstName: "В", lastName: "Г" });
    await eraseCandidate({ actorId: recruiter.id, candidateId: candidate.id, reason: "Просьба кандидата" });
    await expect(splitSourceRecord({ candidateId: candidate.id, sourceRecordId: record.id, actorId: recruiter.id })).rejects.toMatchObject({ problem: "erased" });
    expect(await db().candidate.count({ where: { sources: { some: { id: record.id } }, id: { not: candidate.id } } })).toBe(0);
  });
});
