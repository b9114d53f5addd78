import { type Stage } from "@prisma/client";
import { beforeAll, describe, expect, it } from "vitest";
import { addApplication, moveApplication } from "~/pipeline/pipeline.server";
import { action, loader } from "~/routes/candidates.$id";
import { searchCandidates } from "~/sourcing/candidates.server";
import { findMergeCandidates, mergeCandidates, MergeRefused, unmergeCandidates } from "~/sourcing/merge.server";
import { refreshSearchText } from "~/sourcing/search-text.server";
import { splitSourceRecord, SplitRefused } from "~/sourcing/split.server";
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
      doNotContact: true, doNotContactAt: new Date("2026-01-06T10:00:00Z"),
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
    expect(fresh.workHistory).toMatchObject([{ companyName: "ООО «Тулагидро»", title: "KAM", endedOn: null }]);
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
