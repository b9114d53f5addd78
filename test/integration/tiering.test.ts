import { describe, expect, it } from "vitest";
import { eraseCandidate } from "~/sourcing/personal-data.server";
import { getCandidateProfile } from "~/sourcing/profile.server";
import { companyMatchKey } from "~/sourcing/company-match";
import { refreshSearchText } from "~/sourcing/search-text.server";
import { loadCriteria, retierCandidates, retierVacancy, tierCandidate } from "~/sourcing/tiering.server";
import { db } from "~/utils/db.server";
import { createCandidate, createUser } from "../factories";

async function company(name: string) {
  return db().company.create({ data: { name, normalizedName: companyMatchKey(name) } });
}

type Job = { companyId?: string | null; companyName: string; industry?: string; title?: string; startedOn: string; endedOn?: string };

async function person(jobs: Job[]) {
  return createCandidate({
    workHistory: {
      create: jobs.map((j) => ({
        companyId: j.companyId ?? null,
        companyName: j.companyName,
        industry: j.industry ?? null,
        title: j.title ?? "Менеджер по продажам",
        startedOn: new Date(j.startedOn),
        endedOn: j.endedOn ? new Date(j.endedOn) : null,
      })),
    },
  });
}

describe("tiering", () => {
  it("loads a vacancy's lists and niches, and tiers a candidate from their history", async () => {
    const [target, excluded] = [await company("ООО «ТирЦель»"), await company("ООО «ТирСтоп»")];
    const vacancy = await db().vacancy.create({
      data: {
        title: "KAM",
        city: "Москва",
        industry: "Оборудование",
        adjacentNiches: ["трубопроводная арматура", "  "],
        companyLists: { create: [{ companyId: target.id, kind: "TARGET" }, { companyId: excluded.id, kind: "EXCLUDED" }] },
      },
    });
    const criteria = await db().$transaction((tx) => loadCriteria(tx, vacancy.id));
    expect(criteria.niches).toEqual(["трубопроводная арматура"]);
    expect([...criteria.lists]).toEqual(expect.arrayContaining([[target.id, "TARGET"], [excluded.id, "EXCLUDED"]]));

    const candidate = await person([{ companyId: target.id, companyName: "TirCel LLC", title: "KAM", startedOn: "2019-03-01", endedOn: "2022-05-31" }]);
    expect(await db().$transaction((tx) => tierCandidate(tx, candidate.id, criteria))).toEqual({
      tier: "TARGET",
      reason: { list: "TARGET", match: "company", companyName: "TirCel LLC", jobTitle: "KAM", startedOn: "2019-03-01", endedOn: "2022-05-31" },
    });
  });

  it("re-tiers every application of a vacancy after its lists change, and only the changed ones", async () => {
    const [a, b] = [await company("ООО «ПерваяТир»"), await company("ООО «ВтораяТир»")];
    const vacancy = await db().vacancy.create({ data: { title: "KAM", city: "Москва", industry: "Оборудование" } });
    const atA = await person([{ companyId: a.id, companyName: "ПерваяТир", startedOn: "2018-01-01" }]);
    const atB = await person([{ companyId: b.id, companyName: "ВтораяТир", startedOn: "2018-01-01", endedOn: "2020-01-01" }]);
    const both = await person([
      { companyId: a.id, companyName: "ПерваяТир", startedOn: "2021-01-01" },
      { companyId: b.id, companyName: "ВтораяТир", startedOn: "2015-01-01", endedOn: "2016-01-01" },
    ]);
    // Saved before the catalog knew the company: linked by name when re-tiered.
    const unlinked = await person([{ companyName: "Vtoraya Tir LLC", startedOn: "2017-01-01" }]);
    const niche = await person([{ companyName: "Вентиль", industry: "Трубопроводная арматура", startedOn: "2017-01-01" }]);
    const nobody = await person([]);
    const people = [atA, atB, both, unlinked, niche, nobody];
    const applications = await Promise.all(
      people.map((p) => db().application.create({ data: { candidateId: p.id, vacancyId: vacancy.id } })),
    );
    const tierOf = async () => {
      const rows = await db().application.findMany({ where: { vacancyId: vacancy.id }, select: { candidateId: true, tier: true } });
      return people.map((p) => rows.find((r) => r.candidateId === p.id)!.tier);
    };

    expect(await db().$transaction((tx) => retierVacancy(tx, vacancy.id))).toBe(6);
    expect(await tierOf()).toEqual(["OPEN_MARKET", "OPEN_MARKET", "OPEN_MARKET", "OPEN_MARKET", "OPEN_MARKET", "OPEN_MARKET"]);
    expect((await db().application.findUniqueOrThrow({ where: { id: applications[0]!.id } })).tierReason).toBeNull();

    await db().vacancyCompanyList.createMany({ data: [{ vacancyId: vacancy.id, companyId: a.id, kind: "TARGET" }, { vacancyId: vacancy.id, companyId: b.id, kind: "EXCLUDED" }] });
    await db().vacancy.update({ where: { id: vacancy.id }, data: { adjacentNiches: ["арматура"] } });
    expect(await db().$transaction((tx) => retierVacancy(tx, vacancy.id))).toBe(5);
    expect(await tierOf()).toEqual(["TARGET", "EXCLUDED", "EXCLUDED", "EXCLUDED", "ADJACENT", "OPEN_MARKET"]);
    expect((await db().workExperience.findFirstOrThrow({ where: { candidateId: unlinked.id } })).companyId).toBe(b.id);
    expect((await db().application.findUniqueOrThrow({ where: { id: applications[2]!.id } })).tierReason).toEqual({
      list: "EXCLUDED",
      match: "company",
      companyName: "ВтораяТир",
      jobTitle: "Менеджер по продажам",
      startedOn: "2015-01-01",
      endedOn: "2016-01-01",
      // the current target job the blacklist outranked is kept beside it
      also: [{ list: "TARGET", match: "company", companyName: "ПерваяТир", jobTitle: "Менеджер по продажам", startedOn: "2021-01-01", endedOn: null }],
    });
    expect((await db().application.findUniqueOrThrow({ where: { id: applications[4]!.id } })).tierReason).toMatchObject({ match: "niche", niche: "арматура" });
    // The profile marks both jobs: the excluded one that decided, and the target one beside it.
    const profile = await getCandidateProfile(both.id);
    if (!profile || profile.erased) throw new Error("profile expected");
    expect(profile.workHistory.map((job) => [job.companyName, job.highlights.map((h) => h.list)])).toEqual([
      ["ПерваяТир", ["TARGET"]],
      ["ВтораяТир", ["EXCLUDED"]],
    ]);

    // Nothing changed: nothing written.
    expect(await db().$transaction((tx) => retierVacancy(tx, vacancy.id))).toBe(0);

    // An erased person keeps the tier they had, though their history is gone.
    const admin = await createUser({ roles: ["ADMIN"] });
    await eraseCandidate({ actorId: admin.id, candidateId: atB.id, reason: "просьба кандидата" });
    await db().vacancyCompanyList.deleteMany({ where: { vacancyId: vacancy.id, companyId: b.id } });
    expect(await db().$transaction((tx) => retierVacancy(tx, vacancy.id))).toBe(2);
    expect(await tierOf()).toEqual(["TARGET", "EXCLUDED", "TARGET", "OPEN_MARKET", "ADJACENT", "OPEN_MARKET"]);
  });

  it("re-tiers a few thousand applications in chunks", async () => {
    const target = await company("ООО «Массовая»");
    const vacancy = await db().vacancy.create({ data: { title: "KAM", city: "Москва", industry: "Оборудование" } });
    const count = 2_500;
    const candidates = await db().candidate.createManyAndReturn({
      data: Array.from({ length: count }, (_, i) => ({ firstName: "Имя", lastName: `Фамилия${i}` })),
      select: { id: true },
    });
    await db().workExperience.createMany({
      data: candidates.map((c, i) => ({ candidateId: c.id, companyId: i % 2 ? target.id : null, companyName: i % 2 ? "Массовая" : "Другая", title: "KAM", startedOn: new Date("2020-01-01") })),
    });
    await db().application.createMany({ data: candidates.map((c) => ({ candidateId: c.id, vacancyId: vacancy.id })) });
    await db().vacancyCompanyList.create({ data: { vacancyId: vacancy.id, companyId: target.id, kind: "TARGET" } });
    expect(await db().$transaction((tx) => retierVacancy(tx, vacancy.id), { timeout: 30_000 })).toBe(count);
    expect(await db().application.count({ where: { vacancyId: vacancy.id, tier: "TARGET" } })).toBe(count / 2);
  });
});

describe("re-tiering people", () => {
  it("recomputes every application of the candidates on every vacancy but the one named, and keeps the erased as they were", async () => {
    const stop = await company("ООО «ЛюдиСтоп»");
    const vacancies = await Promise.all(
      [0, 1, 2].map(() => db().vacancy.create({ data: { title: "KAM", city: "Москва", industry: "Оборудование", companyLists: { create: { companyId: stop.id, kind: "EXCLUDED" } } } })),
    );
    const [one, erased] = [await person([]), await person([])];
    const apps = await Promise.all(
      [one, erased].flatMap((p) => vacancies.map((v) => db().application.create({ data: { candidateId: p.id, vacancyId: v.id, tier: "OPEN_MARKET" } }))),
    );
    await db().candidate.update({ where: { id: erased.id }, data: { erasedAt: new Date() } });
    for (const p of [one, erased]) {
      await db().workExperience.create({ data: { candidateId: p.id, companyName: "Люди Стоп", title: "KAM", startedOn: new Date("2018-01-01") } });
    }
    expect(await db().$transaction((tx) => retierCandidates(tx, [one.id, erased.id, one.id], { exceptVacancyId: vacancies[2]!.id }))).toBe(2);
    const tiers = await db().application.findMany({ where: { id: { in: apps.map((a) => a.id) } }, select: { id: true, tier: true } });
    expect(apps.map((a) => tiers.find((t) => t.id === a.id)!.tier)).toEqual(["EXCLUDED", "EXCLUDED", "OPEN_MARKET", "OPEN_MARKET", "OPEN_MARKET", "OPEN_MARKET"]);
    expect(await db().$transaction((tx) => retierCandidates(tx, [one.id]))).toBe(1);
    expect(await db().$transaction((tx) => retierCandidates(tx, []))).toBe(0);
  });
});

describe("refreshSearchText", () => {
  it("fills the search text from the row and the history, and empties it for the erased", async () => {
    const candidate = await createCandidate({ firstName: "Юлия", lastName: "Королёва", middleName: null, city: "Тула", currentTitle: "KAM" });
    await db().workExperience.create({ data: { candidateId: candidate.id, companyName: "ООО «Гидромаш»", title: "Инженер", startedOn: new Date("2020-01-01") } });
    await db().$transaction((tx) => refreshSearchText(tx, [candidate.id, candidate.id, "missing"]));
    const text = (await db().candidate.findUniqueOrThrow({ where: { id: candidate.id } })).searchText;
    for (const word of ["королева", "koroleva", "юлия", "yuliya", "тула", "гидромаш", "gidromash", "инженер"]) expect(text.split(" ")).toContain(word);
    await db().candidate.update({ where: { id: candidate.id }, data: { erasedAt: new Date() } });
    await db().$transaction((tx) => refreshSearchText(tx, [candidate.id]));
    expect((await db().candidate.findUniqueOrThrow({ where: { id: candidate.id } })).searchText).toBe("");
  });
});
