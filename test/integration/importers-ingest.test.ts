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
 * the database field by field for every person: profile and contacts, every job, the
 * tier with the job that decided it, and each source record with its raw data, board
 * id, URL and import time. One person found on both boards (phone written
 * differently) stays one candidate; another, found on hh.ru, comes again in a CSV.
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
const CSV = [
  "ФИО;Телефон;Эл. почта;Опыт",
  "Соколова Елена Викторовна;+7 999 500-00-05;;Рога и копыта — Менеджер (2018–2021)",
  // Кузнецов from hh.ru, by his phone written another way, with a job and a middle name hh.ru did not give.
  "Кузнецов Игорь Сергеевич;8 903 300-00-03;igor.k@work.example;Рога и копыта — Менеджер (2016–2020)",
  "",
].join("\n");

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
type Person = Awaited<ReturnType<typeof person>>;

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);
const profileOf = (p: Person) => ({
  name: [p.lastName, p.firstName, p.middleName],
  email: p.email,
  phone: p.phone,
  city: p.city,
  currentTitle: p.currentTitle,
  salaryExpectationRub: p.salaryExpectationRub,
});
/** Company, position, industry, start, end of every job, most recent first. */
const jobsOf = (p: Person) => p.workHistory.map((j) => [j.companyName, j.title, j.industry, day(j.startedOn), day(j.endedOn)]);
/** Board, channel, importer, board id and URL of every source record. */
const sourcesOf = (p: Person) => p.sources.map((s) => [s.source, s.channel, s.adapter, s.externalId, s.url]);
const tierOf = (p: Person) => p.applications.map((a) => [a.vacancyId, a.stage, a.tier, a.tierReason]);
/** The full resume exactly as the fake hh.ru served it from GET /resumes/{id}. */
const hhFull = (resume: HhResume) => ({ alternate_url: `https://hh.ru/resume/${resume.id}`, ...resume });

let startedAt: Date;

describe("importing into a vacancy with target, excluded and adjacent lists", () => {
  const outcomes: Record<string, IngestOutcome[]> = {};

  beforeAll(async () => {
    startedAt = new Date();
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
    expect(outcomes.json!.map((o) => o.status)).toEqual(["new"]);
    expect(outcomes.csv!.map((o) => [o.status, o.matchedBy])).toEqual([["new", null], ["merged", "phone"]]);
    expect(outcomes.xlsx!.map((o) => o.status)).toEqual(["new"]);
    const people = await db().candidate.findMany({ where: { mergedIntoId: null }, orderBy: { lastName: "asc" }, select: { lastName: true } });
    expect(people.map((p) => p.lastName)).toEqual(["Белова", "Иванов", "Кузнецов", "Орлов", "Петрова", "Смирнов", "Соколова"]);
    expect(await db().sourceRecord.count()).toBe(9);
  });

  it("stamps every source record with when it was imported (its raw data, board id and URL are checked per person below)", async () => {
    const all = await db().sourceRecord.findMany();
    const now = new Date();
    for (const record of all) {
      expect(record.importedAt.getTime()).toBeGreaterThanOrEqual(startedAt.getTime());
      expect(record.importedAt.getTime()).toBeLessThanOrEqual(now.getTime());
    }
  });

  it("Анна Петрова, found on both boards, is one candidate with both source records and her jobs once", async () => {
    const anna = await person("Петрова");
    expect(profileOf(anna)).toEqual({
      name: ["Петрова", "Анна", null],
      // The first board's contacts stay; SuperJob's are kept on its source record.
      email: "anna.petrova@example.ru",
      phone: "+79161234567",
      city: "Москва",
      currentTitle: "Менеджер по ключевым клиентам",
      salaryExpectationRub: 180_000,
    });
    // SuperJob's «Гидромаш» from 03.2019 is the same job as hh.ru's «ООО «Гидромаш»»: written once.
    expect(jobsOf(anna)).toEqual([
      ["ООО «Гидромаш»", "KAM", "Насосы", "2019-03-01", null],
      ["Альфа-Трейд", "Менеджер по продажам", null, "2015-09-01", "2019-02-01"],
    ]);
    // Every employer goes to the company catalog; only Гидромаш is on the vacancy's lists.
    expect(anna.workHistory[0]!.companyId).toBe(companyIds["Гидромаш"]);
    expect(await db().company.findUniqueOrThrow({ where: { id: anna.workHistory[1]!.companyId! } })).toMatchObject({ name: "Альфа-Трейд" });
    expect(sourcesOf(anna)).toEqual([
      ["HH", "API", "hh-api", "hh-anna", "https://hh.ru/resume/hh-anna"],
      ["SUPERJOB", "API", "superjob-api", "501", "https://www.superjob.ru/resume/501.html"],
    ]);
    expect(anna.sources.map((s) => s.raw)).toEqual([hhFull(HH[0]!), SJ[0]]);
    expect(anna.sources[1]!.parsed).toMatchObject({ email: "a.petrova@mail.example", phone: "8 916 123 45 67", salaryExpectationRub: 170_000 });
    expect(tierOf(anna)).toEqual([
      [vacancyId, "SOURCED", "TARGET", { list: "TARGET", match: "company", companyName: "ООО «Гидромаш»", jobTitle: "KAM", startedOn: "2019-03-01", endedOn: null }],
    ]);
  });

  it("Олег Смирнов is struck out by a past job at an excluded company, whatever his current one", async () => {
    const oleg = await person("Смирнов");
    expect(profileOf(oleg)).toEqual({
      name: ["Смирнов", "Олег", null],
      email: "oleg@example.ru",
      phone: "+79032000002",
      city: "Москва",
      currentTitle: "Менеджер по ключевым клиентам",
      salaryExpectationRub: 180_000,
    });
    expect(jobsOf(oleg)).toEqual([
      ["Гидромаш", "Ведущий менеджер", null, "2020-01-01", null],
      ["ЗАО «Откат-Трейд»", "Менеджер", null, "2014-01-01", "2016-06-01"],
    ]);
    expect(oleg.workHistory.map((j) => j.companyId)).toEqual([companyIds["Гидромаш"], companyIds["Откат-Трейд"]]);
    expect(sourcesOf(oleg)).toEqual([["HH", "API", "hh-api", "hh-oleg", "https://hh.ru/resume/hh-oleg"]]);
    expect(oleg.sources[0]!.raw).toEqual(hhFull(HH[1]!));
    expect(tierOf(oleg)).toEqual([
      [
        vacancyId,
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
    ]);
  });

  it("Игорь Кузнецов from hh.ru, again in a CSV: the file fills what hh.ru left empty and adds its job, the profile keeps hh.ru's contacts", async () => {
    const igor = await person("Кузнецов");
    expect(profileOf(igor)).toEqual({
      name: ["Кузнецов", "Игорь", "Сергеевич"],
      email: "igor@example.ru",
      phone: "+79033000003",
      city: "Москва",
      currentTitle: "Менеджер по ключевым клиентам",
      salaryExpectationRub: 180_000,
    });
    expect(jobsOf(igor)).toEqual([
      ["Насосы Групп LLC", "KAM", null, "2021-05-01", null],
      ["Рога и копыта", "Менеджер", null, "2016-01-01", "2020-12-01"],
    ]);
    expect(igor.workHistory[0]!.companyId).toBe(companyIds["Насосы Групп"]);
    expect(sourcesOf(igor)).toEqual([
      ["HH", "API", "hh-api", "hh-igor", "https://hh.ru/resume/hh-igor"],
      ["FILE", "FILE", "csv", null, null],
    ]);
    expect(igor.sources.map((s) => s.raw)).toEqual([
      hhFull(HH[2]!),
      { ФИО: "Кузнецов Игорь Сергеевич", Телефон: "8 903 300-00-03", "Эл. почта": "igor.k@work.example", Опыт: "Рога и копыта — Менеджер (2016–2020)" },
    ]);
    // The other e-mail stays where it came from.
    expect(igor.sources[1]!.parsed).toMatchObject({ email: "igor.k@work.example", phone: "8 903 300-00-03" });
    expect(tierOf(igor)).toEqual([
      [vacancyId, "SOURCED", "ADJACENT", { list: "ADJACENT", match: "company", companyName: "Насосы Групп LLC", jobTitle: "KAM", startedOn: "2021-05-01", endedOn: null }],
    ]);
  });

  it("Пётр Иванов from SuperJob: months and years as dates, no phone, a target job long ago still counts", async () => {
    const petr = await person("Иванов");
    expect(profileOf(petr)).toEqual({
      name: ["Иванов", "Пётр", null],
      email: "petr.ivanov@example.ru",
      phone: null,
      city: "Тула",
      currentTitle: "Руководитель продаж",
      salaryExpectationRub: 200_000,
    });
    expect(jobsOf(petr)).toEqual([
      ["Рога и копыта", "Руководитель продаж", null, "2013-01-01", null],
      ["ГИДРОМАШ", "Менеджер", null, "2010-01-01", "2012-12-01"],
    ]);
    expect(sourcesOf(petr)).toEqual([["SUPERJOB", "API", "superjob-api", "502", "https://www.superjob.ru/resume/502.html"]]);
    expect(petr.sources[0]!.raw).toEqual(SJ[1]);
    expect(tierOf(petr)).toEqual([
      [vacancyId, "SOURCED", "TARGET", { list: "TARGET", match: "company", companyName: "ГИДРОМАШ", jobTitle: "Менеджер", startedOn: "2010-01-01", endedOn: "2012-12-01" }],
    ]);
  });

  it("Мария Белова from a saved hh.ru file is adjacent by her employer's industry", async () => {
    const maria = await person("Белова");
    expect(profileOf(maria)).toEqual({
      name: ["Белова", "Мария", null],
      email: "maria@example.ru",
      phone: "+79264000004",
      city: "Москва",
      currentTitle: "Менеджер по ключевым клиентам",
      salaryExpectationRub: 180_000,
    });
    expect(jobsOf(maria)).toEqual([["Вектор", "KAM", "Трубопроводная арматура", "2018-02-01", null]]);
    // A saved search result has no alternate_url: no link, but the board id.
    expect(sourcesOf(maria)).toEqual([["HH", "FILE", "hh-file", "hh-maria", null]]);
    expect(maria.sources[0]!.raw).toEqual(HH_FILE.items[0]);
    expect(tierOf(maria)).toEqual([
      [
        vacancyId,
        "SOURCED",
        "ADJACENT",
        { list: "ADJACENT", match: "niche", companyName: "Вектор", jobTitle: "KAM", startedOn: "2018-02-01", endedOn: null, niche: "трубопроводная арматура" },
      ],
    ]);
  });

  it("Елена Соколова from a CSV and Дмитрий Орлов from an XLSX keep their rows as the raw record", async () => {
    const elena = await person("Соколова");
    expect(profileOf(elena)).toEqual({
      name: ["Соколова", "Елена", "Викторовна"],
      email: null,
      phone: "+79995000005",
      city: null,
      currentTitle: null,
      salaryExpectationRub: null,
    });
    expect(jobsOf(elena)).toEqual([["Рога и копыта", "Менеджер", null, "2018-01-01", "2021-12-01"]]);
    expect(sourcesOf(elena)).toEqual([["FILE", "FILE", "csv", null, null]]);
    expect(elena.sources[0]!.raw).toEqual({ ФИО: "Соколова Елена Викторовна", Телефон: "+7 999 500-00-05", "Эл. почта": "", Опыт: "Рога и копыта — Менеджер (2018–2021)" });
    expect(tierOf(elena)).toEqual([[vacancyId, "SOURCED", "OPEN_MARKET", null]]);

    const dmitry = await person("Орлов");
    expect(profileOf(dmitry)).toEqual({
      name: ["Орлов", "Дмитрий", null],
      email: null,
      phone: "+79036000006",
      city: null,
      currentTitle: "KAM",
      salaryExpectationRub: null,
    });
    expect(jobsOf(dmitry)).toEqual([["АО «Откат-Трейд»", "KAM", null, "2020-01-01", null]]);
    expect(dmitry.workHistory[0]!.companyId).toBe(companyIds["Откат-Трейд"]);
    expect(sourcesOf(dmitry)).toEqual([["FILE", "FILE", "xlsx", null, null]]);
    expect(dmitry.sources[0]!.raw).toEqual({ Фамилия: "Орлов", Имя: "Дмитрий", Телефон: "89036000006", Компания: "АО «Откат-Трейд»", Должность: "KAM", Период: "2020–н.в." });
    expect(tierOf(dmitry)).toEqual([
      [vacancyId, "SOURCED", "EXCLUDED", { list: "EXCLUDED", match: "company", companyName: "АО «Откат-Трейд»", jobTitle: "KAM", startedOn: "2020-01-01", endedOn: null }],
    ]);
  });

  it("adds nothing when the same searches run again", async () => {
    const before = await db().sourceRecord.count();
    const hh = createHhClient({ baseUrl: servers[0]!.url, token: "hh-token", userAgent: "KAMHiringTest/1.0 (t@kam.local)", minIntervalMs: 1 });
    const again = await ingest((await hh.searchCompanies(["Гидромаш", "Насосы Групп"])).records);
    expect(again.map((o) => o.status)).toEqual(["unchanged", "unchanged", "unchanged"]);
    expect(await db().sourceRecord.count()).toBe(before);
  });
});
