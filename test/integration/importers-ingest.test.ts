import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHhClient } from "~/sourcing/importers/hh-client.server";
import { createSuperjobClient } from "~/sourcing/importers/superjob-client.server";
import { parseUpload } from "~/sourcing/importers/upload.server";
import { companyMatchKey } from "~/sourcing/company-match";
import { ingestRecords, type IngestOutcome } from "~/sourcing/ingest.server";
import { type CandidateRecord } from "~/sourcing/record";
import { db } from "~/utils/db.server";
import { createUser } from "../factories";
import { type FakeServer } from "../fixtures/fake-board-server";
import { type HhResume, startFakeHh } from "../fixtures/fake-hh-server";
import { startFakeSuperjob, type SuperjobResume } from "../fixtures/fake-superjob-server";

/**
 * From the outside into a vacancy: the real clients against the fake boards, and
 * uploaded JSON, CSV and XLSX, all through the real ingest step, then read back from
 * the database field by field: people, jobs, tiers with their reasons, and one person
 * found on both boards (phone written differently) kept as one candidate.
 */

const job = (company: string, position: string, start: string, end: string | null, industry?: string) => ({
  company,
  position,
  start,
  end,
  industries: industry ? [{ name: industry }] : [],
});
const hhPerson = (id: string, first: string, last: string, phone: string, email: string, experience: HhResume["experience"]): HhResume => ({
  id,
  first_name: first,
  last_name: last,
  middle_name: null,
  title: "Менеджер по ключевым клиентам",
  area: { id: "1", name: "Москва" },
  salary: { amount: 180_000, currency: "RUR" },
  contact: [
    { type: { id: "cell" }, value: { formatted: phone }, preferred: true },
    { type: { id: "email" }, value: email },
  ],
  experience,
});

const HH: HhResume[] = [
  hhPerson("hh-anna", "Анна", "Петрова", "+7 (916) 123-45-67", "anna.petrova@example.ru", [
    job("ООО «Гидромаш»", "KAM", "2019-03-01", null, "Насосы"),
    job("Альфа-Трейд", "Менеджер по продажам", "2015-09-01", "2019-02-01"),
  ]),
  hhPerson("hh-oleg", "Олег", "Смирнов", "+7 (903) 200-00-02", "oleg@example.ru", [
    job("Гидромаш", "Ведущий менеджер", "2020-01-01", null),
    job("ЗАО «Откат-Трейд»", "Менеджер", "2014-01-01", "2016-06-01"),
  ]),
  hhPerson("hh-igor", "Игорь", "Кузнецов", "+7 (903) 300-00-03", "igor@example.ru", [job("Насосы Групп LLC", "KAM", "2021-05-01", null)]),
];

const SJ: SuperjobResume[] = [
  {
    id: 501,
    firstname: "Анна",
    lastname: "Петрова",
    email: "a.petrova@mail.example",
    phone1: "8 916 123 45 67",
    town: { title: "Москва" },
    profession: "KAM",
    payment: 170_000,
    currency: "rub",
    link: "https://www.superjob.ru/resume/501.html",
    work_history: [{ name: "Гидромаш", profession: "KAM", monthbeg: 3, yearbeg: 2019, monthend: 0, yearend: 0 }],
  },
  {
    id: 502,
    firstname: "Пётр",
    lastname: "Иванов",
    email: "petr.ivanov@example.ru",
    phone1: null,
    town: { title: "Тула" },
    profession: "Руководитель продаж",
    payment: 200_000,
    currency: "rub",
    link: "https://www.superjob.ru/resume/502.html",
    work_history: [
      { name: "ГИДРОМАШ", profession: "Менеджер", monthbeg: 1, yearbeg: 2010, monthend: 12, yearend: 2012 },
      { name: "Рога и копыта", profession: "Руководитель продаж", monthbeg: 1, yearbeg: 2013, monthend: 0, yearend: 0 },
    ],
  },
];

const HH_FILE = {
  found: 1,
  items: [hhPerson("hh-maria", "Мария", "Белова", "8 (926) 400-00-04", "maria@example.ru", [job("Вектор", "KAM", "2018-02-01", null, "Трубопроводная арматура")])],
};
const CSV = "ФИО;Телефон;Эл. почта;Опыт\nСоколова Елена Викторовна;+7 999 500-00-05;;Рога и копыта — Менеджер (2018–2021)\n";

async function xlsxFile(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Лист1");
  sheet.addRow(["Фамилия", "Имя", "Телефон", "Компания", "Должность", "Период"]);
  sheet.addRow(["Орлов", "Дмитрий", "89036000006", "АО «Откат-Трейд»", "KAM", "2020–н.в."]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

let servers: FakeServer[] = [];
let vacancyId: string;
let actorId: string;
const companyIds: Record<string, string> = {};

beforeAll(async () => {
  actorId = (await createUser({ roles: ["RECRUITER"] })).id;
  const vacancy = await db().vacancy.create({
    data: { title: "KAM, насосное оборудование", city: "Москва", industry: "Оборудование", adjacentNiches: ["трубопроводная арматура"] },
  });
  vacancyId = vacancy.id;
  for (const [name, kind] of [["Гидромаш", "TARGET"], ["Откат-Трейд", "EXCLUDED"], ["Насосы Групп", "ADJACENT"]] as const) {
    const company = await db().company.create({ data: { name, normalizedName: companyMatchKey(name) } });
    await db().vacancyCompanyList.create({ data: { vacancyId, companyId: company.id, kind } });
    companyIds[name] = company.id;
  }
  servers = [
    await startFakeHh({ token: "hh-token", resumes: HH }),
    await startFakeSuperjob({ appKey: "sj-key", token: "sj-token", resumes: SJ }),
  ];
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

const ingest = (records: CandidateRecord[]) => db().$transaction((tx) => ingestRecords(tx, records, { vacancyId, actorId }), { timeout: 60_000 });

async function uploaded(fileName: string, bytes: Buffer): Promise<CandidateRecord[]> {
  const upload = await parseUpload({ fileName, bytes });
  if (!("result" in upload)) throw new Error(`${fileName} needs mapping`);
  expect(upload.result.errors).toEqual([]);
  return upload.result.records;
}

async function person(lastName: string) {
  return db().candidate.findFirstOrThrow({
    where: { lastName, mergedIntoId: null },
    include: {
      sources: { orderBy: { source: "asc" } },
      workHistory: { orderBy: { startedOn: "desc" } },
      applications: true,
    },
  });
}

describe("importing into a vacancy with target, excluded and adjacent lists", () => {
  const outcomes: Record<string, IngestOutcome[]> = {};

  beforeAll(async () => {
    const names = ["Гидромаш", "Насосы Групп"];
    const hh = createHhClient({ baseUrl: servers[0]!.url, token: "hh-token", userAgent: "KAMHiringTest/1.0 (t@kam.local)", minIntervalMs: 1 });
    const sj = createSuperjobClient({ baseUrl: `${servers[1]!.url}/2.0`, appKey: "sj-key", token: "sj-token", minIntervalMs: 1 });
    outcomes.hh = await ingest((await hh.searchCompanies(names)).records);
    outcomes.superjob = await ingest((await sj.searchCompanies(names)).records);
    outcomes.json = await ingest(await uploaded("responses.json", Buffer.from(JSON.stringify(HH_FILE))));
    outcomes.csv = await ingest(await uploaded("list.csv", Buffer.from(CSV)));
    outcomes.xlsx = await ingest(await uploaded("list.xlsx", await xlsxFile()));
  });

  it("writes one candidate per person", async () => {
    expect(outcomes.hh!.map((o) => o.status)).toEqual(["new", "new", "new"]);
    expect(outcomes.superjob!.map((o) => [o.status, o.matchedBy])).toEqual([["merged", "phone"], ["new", null]]);
    const people = await db().candidate.findMany({ where: { mergedIntoId: null }, orderBy: { lastName: "asc" }, select: { lastName: true } });
    expect(people.map((p) => p.lastName)).toEqual(["Белова", "Иванов", "Кузнецов", "Орлов", "Петрова", "Смирнов", "Соколова"]);
  });

  it("keeps the person found on both boards as one candidate with both source records", async () => {
    const anna = await person("Петрова");
    expect(anna).toMatchObject({
      firstName: "Анна",
      email: "anna.petrova@example.ru",
      phone: "+79161234567",
      city: "Москва",
      currentTitle: "Менеджер по ключевым клиентам",
      salaryExpectationRub: 180_000,
    });
    expect(anna.sources.map((s) => [s.source, s.channel, s.adapter, s.externalId, s.url])).toEqual([
      ["HH", "API", "hh-api", "hh-anna", "https://hh.ru/resume/hh-anna"],
      ["SUPERJOB", "API", "superjob-api", "501", "https://www.superjob.ru/resume/501.html"],
    ]);
    expect(anna.sources[1]!.parsed).toMatchObject({ email: "a.petrova@mail.example", phone: "8 916 123 45 67" });
    // The same job from both boards is written once.
    expect(anna.workHistory.map((j) => [j.companyName, j.title, j.startedOn.toISOString().slice(0, 10), j.endedOn, j.industry])).toEqual([
      ["ООО «Гидромаш»", "KAM", "2019-03-01", null, "Насосы"],
      ["Альфа-Трейд", "Менеджер по продажам", "2015-09-01", new Date("2019-02-01"), null],
    ]);
    expect(anna.workHistory[0]!.companyId).toBe(companyIds["Гидромаш"]);
    expect(anna.applications).toHaveLength(1);
  });

  it("tiers everyone with the job that decided it", async () => {
    const applications = await db().application.findMany({ where: { vacancyId }, include: { candidate: { select: { lastName: true } } } });
    const byName = Object.fromEntries(applications.map((a) => [a.candidate.lastName, [a.stage, a.tier, a.tierReason]]));
    expect(byName).toEqual({
      Петрова: ["SOURCED", "TARGET", { list: "TARGET", match: "company", companyName: "ООО «Гидромаш»", jobTitle: "KAM", startedOn: "2019-03-01", endedOn: null }],
      // A past job at an excluded company strikes out even a current target one.
      Смирнов: [
        "SOURCED",
        "EXCLUDED",
        {
          list: "EXCLUDED",
          match: "company",
          companyName: "ЗАО «Откат-Трейд»",
          jobTitle: "Менеджер",
          startedOn: "2014-01-01",
          endedOn: "2016-06-01",
          also: [{ list: "TARGET", match: "company", companyName: "Гидромаш", jobTitle: "Ведущий менеджер", startedOn: "2020-01-01", endedOn: null }],
        },
      ],
      Кузнецов: ["SOURCED", "ADJACENT", { list: "ADJACENT", match: "company", companyName: "Насосы Групп LLC", jobTitle: "KAM", startedOn: "2021-05-01", endedOn: null }],
      Иванов: ["SOURCED", "TARGET", { list: "TARGET", match: "company", companyName: "ГИДРОМАШ", jobTitle: "Менеджер", startedOn: "2010-01-01", endedOn: "2012-12-01" }],
      Белова: ["SOURCED", "ADJACENT", expect.objectContaining({ list: "ADJACENT", match: "niche", companyName: "Вектор", jobTitle: "KAM", niche: "трубопроводная арматура" })],
      Соколова: ["SOURCED", "OPEN_MARKET", null],
      Орлов: ["SOURCED", "EXCLUDED", { list: "EXCLUDED", match: "company", companyName: "АО «Откат-Трейд»", jobTitle: "KAM", startedOn: "2020-01-01", endedOn: null }],
    });
  });

  it("keeps each file's records as that file's source, field by field", async () => {
    const maria = await person("Белова");
    expect(maria).toMatchObject({ phone: "+79264000004", email: "maria@example.ru", salaryExpectationRub: 180_000 });
    expect(maria.sources.map((s) => [s.source, s.channel, s.adapter, s.externalId])).toEqual([["HH", "FILE", "hh-file", "hh-maria"]]);
    expect(maria.workHistory.map((j) => [j.companyName, j.industry])).toEqual([["Вектор", "Трубопроводная арматура"]]);

    const elena = await person("Соколова");
    expect(elena).toMatchObject({ firstName: "Елена", middleName: "Викторовна", phone: "+79995000005", email: null });
    expect(elena.sources.map((s) => [s.source, s.channel, s.adapter, s.externalId])).toEqual([["FILE", "FILE", "csv", null]]);
    expect(elena.sources[0]!.raw).toEqual({ ФИО: "Соколова Елена Викторовна", Телефон: "+7 999 500-00-05", "Эл. почта": "", Опыт: "Рога и копыта — Менеджер (2018–2021)" });
    expect(elena.workHistory.map((j) => [j.companyName, j.title, j.startedOn.toISOString().slice(0, 10), j.endedOn?.toISOString().slice(0, 10)])).toEqual([
      ["Рога и копыта", "Менеджер", "2018-01-01", "2021-12-01"],
    ]);

    const dmitry = await person("Орлов");
    expect(dmitry).toMatchObject({ firstName: "Дмитрий", phone: "+79036000006", currentTitle: "KAM" });
    expect(dmitry.sources.map((s) => [s.source, s.adapter])).toEqual([["FILE", "xlsx"]]);
    expect(dmitry.workHistory[0]!.companyId).toBe(companyIds["Откат-Трейд"]);
  });

  it("adds nothing when the same searches run again", async () => {
    const before = await db().sourceRecord.count();
    const hh = createHhClient({ baseUrl: servers[0]!.url, token: "hh-token", userAgent: "KAMHiringTest/1.0 (t@kam.local)", minIntervalMs: 1 });
    const again = await ingest((await hh.searchCompanies(["Гидромаш", "Насосы Групп"])).records);
    expect(again.map((o) => o.status)).toEqual(["unchanged", "unchanged", "unchanged"]);
    expect(await db().sourceRecord.count()).toBe(before);
  });
});
