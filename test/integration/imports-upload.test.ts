import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";
import ImportBatchPage, { action as batchAction, loader as batchLoader } from "~/routes/imports.$id";
import { action as indexAction, loader as indexLoader } from "~/routes/imports._index";
import { companyMatchKey } from "~/sourcing/company-match";
import { MAX_UPLOAD_BYTES } from "~/sourcing/import-forms";
import { db } from "~/utils/db.server";
import { createUser, formRequest, getRequest, respond, sessionCookie } from "../factories";
import { renderRoute, textsOf } from "../render-route";

const context = { clientIp: "127.0.0.1" };
const fixture = (name: string) => fs.readFileSync(path.join("test/fixtures/imports", name));

function upload(file: { name: string; bytes: Uint8Array; type?: string } | null, fields: Record<string, string>, cookie: string) {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.append(key, value);
  if (file) body.append("file", new File([new Uint8Array(file.bytes)], file.name, { type: file.type ?? "text/csv" }));
  return respond(() => indexAction({ request: new Request("http://localhost/imports", { method: "POST", body, headers: { Cookie: cookie } }), params: {}, context }));
}
const batchIdOf = (response: Response) => response.headers.get("Location")!.replace("/imports/", "");
const view = async (id: string, cookie: string) =>
  (await respond(() => batchLoader({ request: getRequest(`/imports/${id}`, cookie), params: { id }, context }))).json();
const post = (id: string, fields: Record<string, string>, cookie: string) =>
  respond(() => batchAction({ request: formRequest(`/imports/${id}`, fields, cookie), params: { id }, context }));

async function setUp() {
  const user = await createUser({ roles: ["RECRUITER"] });
  const vacancy = await db().vacancy.create({ data: { title: "KAM", city: "Москва", industry: "Оборудование", adjacentNiches: ["рыболовный"] } });
  for (const [name, kind] of [["Гидромаш", "TARGET"], ["Откат-Трейд", "EXCLUDED"]] as const) {
    const company = await db().company.upsert({ where: { normalizedName: companyMatchKey(name) }, create: { name, normalizedName: companyMatchKey(name) }, update: {} });
    await db().vacancyCompanyList.create({ data: { vacancyId: vacancy.id, companyId: company.id, kind } });
  }
  return { user, vacancy, cookie: await sessionCookie(user.id) };
}

describe("uploading a file", () => {
  test("a CSV is previewed with tiers and reasons, then committed", async () => {
    const { vacancy, cookie } = await setUp();
    const response = await upload({ name: "candidates.csv", bytes: fixture("candidates.csv") }, { vacancyId: vacancy.id }, cookie);
    expect(response.status).toBe(302);
    const id = batchIdOf(response);
    const page = await view(id, cookie);
    expect(page.batch).toMatchObject({ status: "PREVIEW", total: 4, source: "FILE", adapter: "csv", label: "candidates.csv" });
    expect(page.counts).toMatchObject({ new: 4, excluded: 1, tiers: { TARGET: 1, EXCLUDED: 1, ADJACENT: 1, OPEN_MARKET: 1 } });
    expect(page.rows.find((r: { name: string }) => r.name.startsWith("Белова"))).toMatchObject({ tier: "EXCLUDED", reason: { companyName: "АО «Откат-Трейд»" } });

    expect((await post(id, { intent: "commit" }, cookie)).status).toBe(302);
    const people = await db().candidate.findMany({ where: { sources: { some: { importBatchId: id } } }, include: { applications: true } });
    expect(people).toHaveLength(4);
    expect(people.find((p) => p.lastName === "Соколов")).toMatchObject({ phone: "+79162011101", salaryExpectationRub: 250_000, applications: [{ tier: "TARGET" }] });

    // The same file again: everyone is recognised, nothing is added.
    const again = batchIdOf(await upload({ name: "candidates.csv", bytes: fixture("candidates.csv") }, { vacancyId: vacancy.id }, cookie));
    expect((await view(again, cookie)).counts).toMatchObject({ new: 0, merged: 0, unchanged: 4 });
  });

  test("the preview page shows a struck-out person's target company too, in Russian and English", async () => {
    const { user, vacancy, cookie } = await setUp();
    const csv = [
      "ФИО,E-mail,Компания,Должность,Период",
      "Зайцев Игорь,i.zaitsev@example.ru,АО «Откат-Трейд»,Стажёр,2012–2014",
      "Зайцев Игорь,i.zaitsev@example.ru,ООО «Гидромаш»,Ключевой менеджер,2019 — н.в.",
    ].join("\n");
    const id = batchIdOf(await upload({ name: "zaitsev.csv", bytes: Buffer.from(csv) }, { vacancyId: vacancy.id }, cookie));
    const page = () => renderRoute(getRequest(`/imports/${id}`, cookie), { path: "/imports/:id", loader: batchLoader, Component: ImportBatchPage }, context);

    const ru = textsOf(await page(), "data-tier-reason");
    expect(ru).toHaveLength(2);
    for (const reason of ru) {
      expect(reason).toMatch(/^Исключённая компания: АО «Откат-Трейд» — Стажёр, 01\.2012 — 12\.2014 \(работа там закончилась \d+ (год|года|лет) назад\)\. /);
      expect(reason).toMatch(/\. Также: целевая компания ООО «Гидромаш» — Ключевой менеджер, 01\.2019 — по наст\. время$/);
    }
    await db().user.update({ where: { id: user.id }, data: { locale: "en" } });
    const [en] = textsOf(await page(), "data-tier-reason");
    expect(en).toMatch(/^Excluded company: АО «Откат-Трейд» — Стажёр, Jan 2012 – Dec 2014 \(left \d+ years ago\)\. Also: target company ООО «Гидромаш» — Ключевой менеджер, Jan 2019 – present$/);
  });

  test("two files that both number their rows from 1 bring two people, not one merged", async () => {
    const { cookie } = await setUp();
    const files = [
      ["march.csv", "ID,ФИО,E-mail\n1,Сидоров Пётр,p.sidorov@example.ru\n"],
      ["april.csv", "ID,ФИО,E-mail\n1,Яковлева Ольга,o.yakovleva@example.ru\n"],
    ];
    for (const [name, csv] of files) {
      const id = batchIdOf(await upload({ name: name!, bytes: Buffer.from(csv!) }, {}, cookie));
      expect((await view(id, cookie)).counts).toMatchObject({ new: 1, merged: 0 });
      expect((await post(id, { intent: "commit" }, cookie)).status).toBe(302);
    }
    const people = await db().candidate.findMany({
      where: { email: { in: ["p.sidorov@example.ru", "o.yakovleva@example.ru"] } },
      include: { sources: true },
      orderBy: { lastName: "asc" },
    });
    expect(people.map((p) => [p.lastName, p.externalId])).toEqual([["Сидоров", null], ["Яковлева", null]]);
    // The file's own id is kept as the file gave it, in each row's raw data.
    expect(people.map((p) => p.sources.map((s) => [s.externalId, (s.raw as Record<string, string>).ID]))).toEqual([[[null, "1"]], [[null, "1"]]]);
  });

  test("a CSV with unknown columns waits for the mapping, then is read with it", async () => {
    const { cookie } = await setUp();
    const id = batchIdOf(await upload({ name: "unknown-columns.csv", bytes: fixture("unknown-columns.csv") }, {}, cookie));
    const page = await view(id, cookie);
    expect(page.mapping).toMatchObject({ headers: ["Кто", "Куда писать", "Где работал", "Кем", "Когда"], sample: [["Лебедев Игорь", "i.lebedev@example.ru", "Гидромаш", "KAM", "2018–2022"], expect.any(Array)] });
    expect(page.mapping).not.toHaveProperty("file");
    expect(JSON.stringify(page)).not.toContain("base64");
    expect((await post(id, { intent: "commit" }, cookie)).status).toBe(400);

    const wrong = await post(id, { intent: "map", email: "Куда писать" }, cookie);
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error).toMatchObject({ "": ["imports.errors.missingName"] });
    const unknown = await post(id, { intent: "map", fullName: "Нет такой" }, cookie);
    expect((await unknown.json()).error).toMatchObject({ fullName: ["validation.invalidChoice"] });

    const mapped = await post(id, { intent: "map", fullName: "Кто", email: "Куда писать", company: "Где работал", position: "Кем", period: "Когда" }, cookie);
    expect(mapped.status).toBe(302);
    const after = await view(id, cookie);
    expect(after.mapping).toBeNull();
    expect(after.counts).toMatchObject({ new: 2 });
    const stored = await db().importBatch.findUniqueOrThrow({ where: { id } });
    expect(stored.mapping).toEqual({ confirmed: expect.objectContaining({ fullName: "Кто", email: "Куда писать" }) });
  });

  test("a file with row errors shows them with row numbers and cannot be committed", async () => {
    const { cookie } = await setUp();
    const id = batchIdOf(await upload({ name: "with-errors.csv", bytes: fixture("with-errors.csv") }, {}, cookie));
    const page = await view(id, cookie);
    expect(page.rowErrors).toEqual(expect.arrayContaining([expect.objectContaining({ row: 3, field: "Телефон" })]));
    const before = await db().candidate.count();
    expect((await post(id, { intent: "commit" }, cookie)).status).toBe(400);
    expect(await db().candidate.count()).toBe(before);
  });

  test("a file that is too big or not a table is refused on its field, keeping the vacancy chosen", async () => {
    const { vacancy, cookie } = await setUp();
    const batches = await db().importBatch.count();
    const big = await upload({ name: "big.csv", bytes: new Uint8Array(MAX_UPLOAD_BYTES + 1).fill(65) }, { vacancyId: vacancy.id }, cookie);
    expect(big.status).toBe(400);
    const bigReply = await big.json();
    expect(bigReply.error).toMatchObject({ file: ["imports.fileTooBig|max=20"] });
    expect(bigReply.initialValue).toMatchObject({ vacancyId: vacancy.id });

    const png = await upload({ name: "photo.csv", bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) }, {}, cookie);
    expect(png.status).toBe(400);
    expect((await png.json()).error.file[0]).toMatch(/^imports\.errors\.wrongFormat\|.*PNG/);

    const none = await upload(null, {}, cookie);
    expect((await none.json()).error).toMatchObject({ file: ["imports.fileRequired"] });
    const closed = await db().vacancy.create({ data: { title: "Old", city: "Москва", industry: "—", status: "CLOSED" } });
    const wrongVacancy = await upload({ name: "candidates.csv", bytes: fixture("candidates.csv") }, { vacancyId: closed.id }, cookie);
    expect((await wrongVacancy.json()).error).toMatchObject({ vacancyId: ["imports.vacancyNotFound"] });
    expect(await db().importBatch.count()).toBe(batches);
  });

  test("an hh.ru JSON export becomes a batch from hh.ru", async () => {
    const { cookie } = await setUp();
    const resumes = { found: 1, items: [{ id: "abc123", first_name: "Пётр", last_name: "Волков", area: { name: "Москва" }, contact: [{ type: { id: "email" }, value: "p.volkov@example.ru" }], experience: [] }] };
    const response = await upload({ name: "hh.json", bytes: Buffer.from(JSON.stringify(resumes)), type: "application/json" }, {}, cookie);
    const page = await view(batchIdOf(response), cookie);
    expect(page.batch).toMatchObject({ source: "HH", adapter: "hh-json", total: 1 });
  });
});

/** Everything an import writes: a refused file must leave every count as it was. */
async function footprint() {
  const [candidates, sources, jobs, applications, batches, committed] = await Promise.all([
    db().candidate.count(),
    db().sourceRecord.count(),
    db().workExperience.count(),
    db().application.count(),
    db().importBatch.count(),
    db().importBatch.count({ where: { status: "COMMITTED" } }),
  ]);
  return { candidates, sources, jobs, applications, batches, committed };
}

async function workbook(rows: unknown[][], edit?: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Кандидаты");
  for (const row of rows) sheet.addRow(row);
  edit?.(sheet);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe("a bad file is refused on its field and imports nothing", () => {
  async function refused(file: { name: string; bytes: Uint8Array; type?: string }, message: string | RegExp) {
    const { vacancy, cookie } = await setUp();
    const before = await footprint();
    const response = await upload(file, { vacancyId: vacancy.id }, cookie);
    expect(response.status).toBe(400);
    const reply = await response.json();
    // The message shown next to the file field, with the vacancy still chosen.
    expect(reply.error.file).toHaveLength(1);
    if (typeof message === "string") expect(reply.error.file[0]).toBe(message);
    else expect(reply.error.file[0]).toMatch(message);
    expect(reply.initialValue).toMatchObject({ vacancyId: vacancy.id });
    expect(await footprint()).toEqual(before);
  }

  test("an empty file says it is empty, not that no file was chosen", async () => {
    await refused({ name: "candidates.csv", bytes: new Uint8Array(0) }, "imports.errors.empty");
    // What a browser sends when no file was chosen: a nameless, empty part.
    await refused({ name: "", bytes: new Uint8Array(0), type: "application/octet-stream" }, "imports.fileRequired");
  });

  test("a PDF named .csv is refused as the PDF it is", async () => {
    await refused({ name: "candidates.csv", bytes: Buffer.from("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n") }, "imports.errors.wrongFormat|name=candidates.csv|detected=PDF");
  });

  test("broken JSON names the line and column of the mistake", async () => {
    const json = '{\n  "items": [\n    { "first_name": "Анна", }\n  ]\n}';
    await refused({ name: "export.json", bytes: Buffer.from(json), type: "application/json" }, "imports.errors.brokenJson|line=3|column=29");
  });

  test("a CSV without a contact column, or without a name column, says which is missing", async () => {
    await refused({ name: "people.csv", bytes: Buffer.from("Фамилия;Имя;Город\nПетрова;Анна;Москва\n") }, "imports.errors.missingContact");
    await refused({ name: "people.csv", bytes: Buffer.from("Фамилия,E-mail\nПетрова,a.petrova@example.ru\n") }, "imports.errors.missingColumn|field=firstName");
  });

  test("a 50 MB file is refused by the 20 MB limit", async () => {
    const big = Buffer.alloc(50 * 1024 * 1024, "Петрова Анна;+7 916 123-45-67;Москва\n");
    await refused({ name: "everyone.csv", bytes: big }, "imports.fileTooBig|max=20");
  });

  test("an XLSX with formulas names the cells to replace with values", async () => {
    const bytes = await workbook([["ФИО", "Телефон", "Желаемая зарплата"], ["Петрова Анна", "+7 916 123-45-67", null]], (sheet) => {
      sheet.getCell("C2").value = { formula: "100000*1.5", result: 150000 };
    });
    await refused({ name: "people.xlsx", bytes, type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }, "imports.errors.formulas|cells=C2|count=1");
  });

  test("rows with a phone «нет» or a salary of 3 billion are shown with their row numbers and cannot be committed", async () => {
    const { vacancy, cookie } = await setUp();
    const before = await footprint();
    const csv = [
      "ФИО;Телефон;Компания;Должность;Период;Желаемая зарплата",
      "Смирнов Олег;+7 916 301-00-01;Гидромаш;KAM;2019–2022;200 000",
      "Попова Ирина;нет;Гидромаш;KAM;2020 — н.в.;180 000",
      "Орлов Пётр;+7 916 301-00-03;Гидромаш;KAM;2018–2021;3 000 000 000",
    ].join("\n");
    const response = await upload({ name: "with-errors.csv", bytes: Buffer.from(csv) }, { vacancyId: vacancy.id }, cookie);
    expect(response.status).toBe(302);
    const id = batchIdOf(response);
    expect((await view(id, cookie)).rowErrors).toEqual([
      { row: 3, field: "Телефон", message: "imports.errors.badPhone|value=нет|problem=notAPhone" },
      { row: 4, field: "Желаемая зарплата", message: "imports.errors.salaryTooHigh|value=3000000000|max=100000000" },
    ]);
    expect((await post(id, { intent: "commit" }, cookie)).status).toBe(400);
    expect(await db().importBatch.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({ status: "PREVIEW" });
    // The waiting preview is the only trace; no person, source, job or application was written.
    expect(await footprint()).toEqual({ ...before, batches: before.batches + 1 });
  });
});

describe("board searches", () => {
  test("without a token the page says which variable to set, and a search is refused on its field", async () => {
    delete process.env.HH_API_TOKEN;
    const { vacancy, cookie } = await setUp();
    const page = await (await respond(() => indexLoader({ request: getRequest("/imports", cookie), params: {}, context }))).json();
    expect(page.boards).toEqual(expect.arrayContaining([expect.objectContaining({ board: "hh", configured: false, variable: "HH_API_TOKEN" })]));
    const response = await respond(() => indexAction({ request: formRequest("/imports", { board: "hh", vacancyId: vacancy.id }, cookie), params: {}, context }));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ board: ["imports.apiNotConfigured|board=hh.ru|variable=HH_API_TOKEN"] });
  });
});
