import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { MAX_UPLOAD_BYTES } from "~/sourcing/import-forms";
import { guessMapping, mappingProblem, uniqueHeaders } from "~/sourcing/importers/table";
import { parseUpload, type UploadResult } from "~/sourcing/importers/upload.server";
import { ImportRefused, MAX_SALARY_RUB, type ParseResult } from "~/sourcing/record";

const semicolonCsv = readFileSync("test/fixtures/tables/candidates-semicolon.csv");
const englishCsv = readFileSync("test/fixtures/tables/candidates-english.csv");

/** Windows-1251 bytes of a text, as Russian Excel saves "CSV (разделители — точка с запятой)". */
function cp1251(text: string): Buffer {
  const decoder = new TextDecoder("windows-1251");
  const byChar = new Map(Array.from({ length: 256 }, (_, b) => [decoder.decode(Uint8Array.of(b)), b] as const));
  return Buffer.from([...text].map((c) => byChar.get(c) ?? Number.NaN));
}

function parsed(upload: UploadResult): ParseResult {
  if (!("result" in upload)) throw new Error("columns need mapping");
  return upload.result;
}

async function refusal(run: Promise<unknown>): Promise<ImportRefused> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportRefused);
  return error as ImportRefused;
}

async function xlsx(rows: unknown[][], edit?: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Кандидаты");
  for (const row of rows) sheet.addRow(row);
  edit?.(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const upload = (fileName: string, bytes: Buffer) => parseUpload({ fileName, bytes });

describe("header mapping", () => {
  it("recognises Russian and English headers whatever their case and punctuation", () => {
    expect(guessMapping(["Фамилия", "ИМЯ", "Отчество", "Эл. почта", "Моб. телефон", "Город"])).toMatchObject({
      lastName: "Фамилия",
      firstName: "ИМЯ",
      middleName: "Отчество",
      email: "Эл. почта",
      phone: null,
      city: "Город",
    });
    expect(guessMapping(["Full name", "E-mail", "Phone", "Company", "Position", "Salary", "URL", "ID"])).toMatchObject({
      fullName: "Full name",
      email: "E-mail",
      phone: "Phone",
      company: "Company",
      position: "Position",
      salary: "Salary",
      url: "URL",
      externalId: "ID",
    });
    expect(guessMapping(["ФИО", "Телефон", "Желаемая зарплата", "Опыт работы"])).toMatchObject({ fullName: "ФИО", phone: "Телефон", salary: "Желаемая зарплата", experience: "Опыт работы" });
  });

  it("names blank and repeated headers so every column can be chosen", () => {
    expect(uniqueHeaders(["Телефон", "", "Телефон", " Город "])).toEqual(["Телефон", "#2", "Телефон (2)", "Город"]);
  });

  it("requires a name and a contact, naming what is missing", () => {
    const headers = ["Фамилия", "Имя", "ФИО", "Email", "Телефон", "Город"];
    expect(mappingProblem({ lastName: "Фамилия", firstName: "Имя", email: "Email" }, headers)).toBeNull();
    expect(mappingProblem({ fullName: "ФИО", phone: "Телефон" }, headers)).toBeNull();
    expect(mappingProblem({ city: "Город", email: "Email" }, headers)).toBe("imports.errors.missingName");
    expect(mappingProblem({ lastName: "Фамилия", email: "Email" }, headers)).toBe("imports.errors.missingColumn|field=firstName");
    expect(mappingProblem({ firstName: "Имя", email: "Email" }, headers)).toBe("imports.errors.missingColumn|field=lastName");
    expect(mappingProblem({ fullName: "ФИО", city: "Город" }, headers)).toBe("imports.errors.missingContact");
    expect(mappingProblem({ fullName: "ФИО", email: "E-mail" }, headers)).toBe("imports.errors.unknownColumn|column=E-mail");
  });
});

describe("a semicolon CSV in UTF-8 with a BOM", () => {
  it("reads every column field by field, work history from all three columns", async () => {
    const result = parsed(await upload("candidates.csv", semicolonCsv));
    expect(result.records).toHaveLength(2);
    const [anna, maria] = result.records;
    expect(anna).toMatchObject({
      source: "FILE",
      channel: "FILE",
      adapter: "csv",
      // A file's own row id identifies nobody across files: it stays in the raw row only.
      externalId: null,
      url: "https://example.ru/cv/1",
      lastName: "Петрова",
      firstName: "Анна",
      middleName: "Сергеевна",
      email: "anna.petrova@example.ru",
      phone: "8 (916) 123-45-67",
      city: "Москва",
      currentTitle: "KAM",
      salaryExpectationRub: 150000,
      relocation: true,
      workHistory: [
        { companyName: "ООО «Гидромаш»", title: "KAM", industry: null, startedOn: "2019-03-01", endedOn: null },
        { companyName: "Альфа-Трейд", title: "Менеджер по продажам", industry: null, startedOn: "2015-01-01", endedOn: "2019-12-01" },
        { companyName: "Насосы Групп", title: "Стажёр", industry: null, startedOn: "2014-06-01", endedOn: "2014-08-01" },
      ],
    });
    expect(anna!.raw).toMatchObject({ Фамилия: "Петрова", "Желаемая зарплата": "150 000 руб.", ID: "A-1" });
    expect(maria).toMatchObject({
      lastName: "Кузнецова",
      email: "maria@example.ru",
      phone: null,
      externalId: null,
      salaryExpectationRub: 200000,
      relocation: false,
      // No position column value: the current job's title stands in.
      currentTitle: "KAM",
      workHistory: [{ companyName: "Гамма", title: "KAM", startedOn: "2021-01-01", endedOn: null }],
    });
  });

  it("reports each bad row by its spreadsheet row number and column name", async () => {
    const result = parsed(await upload("candidates.csv", semicolonCsv));
    expect(result.errors).toEqual([
      // Row 2 spans two lines of the file (a quoted line break), yet it is one spreadsheet row.
      { row: 3, field: "Телефон", message: "imports.errors.badPhone|value=нет|problem=notAPhone" },
      { row: 5, field: "Эл. почта", message: "imports.errors.badEmail|value=oleg@example" },
      { row: 5, field: "Компания", message: "imports.errors.jobNoPeriod|company=Бета" },
    ]);
  });

  it("reads the same from Windows-1251", async () => {
    const utf8 = parsed(await upload("candidates.csv", semicolonCsv));
    const bytes = cp1251(semicolonCsv.toString("utf8").replace(/^\uFEFF/, ""));
    expect(bytes.includes(Number.NaN)).toBe(false);
    expect(parsed(await upload("candidates.csv", bytes))).toEqual(utf8);
  });

  it("reads the same tab-delimited in UTF-16 (Excel's Unicode text)", async () => {
    const utf8 = parsed(await upload("candidates.csv", semicolonCsv));
    const text = semicolonCsv.toString("utf8").replace(/;/g, "\t");
    expect(parsed(await upload("candidates.txt", Buffer.from(text, "utf16le")))).toEqual(utf8);
  });
});

describe("a salary beyond reason", () => {
  it("is a row error naming the cell, so the preview stops it instead of the commit failing", async () => {
    const csv = Buffer.from("ФИО;Телефон;Желаемая зарплата\nПетрова Анна;+7 916 123-45-67;3 000 000 000\nИванов Пётр;8 903 555 11 22;100 000 000\n");
    const result = parsed(await upload("list.csv", csv));
    expect(result.errors).toEqual([{ row: 2, field: "Желаемая зарплата", message: `imports.errors.salaryTooHigh|value=3000000000|max=${MAX_SALARY_RUB}` }]);
    expect(result.records.map((r) => [r.lastName, r.salaryExpectationRub])).toEqual([["Иванов", MAX_SALARY_RUB]]);
  });
});

describe("a comma CSV with English headers", () => {
  it("splits the full name in Russian order and drops a salary in dollars", async () => {
    const result = parsed(await upload("candidates.csv", englishCsv));
    expect(result.errors).toEqual([]);
    expect(result.records).toEqual([
      expect.objectContaining({
        lastName: "Smirnov",
        firstName: "Oleg",
        middleName: "Petrovich",
        email: "oleg.smirnov@example.com",
        phone: null,
        city: "London",
        salaryExpectationRub: null,
        workHistory: [{ companyName: "Acme Ltd", title: "Key Account Manager", industry: null, startedOn: "2018-01-01", endedOn: "2023-12-01" }],
      }),
    ]);
  });
});

describe("columns that are not all recognised", () => {
  const csv = Buffer.from("ФИО;Контакт;Город\nПетрова Анна;+7 916 123-45-67;Москва\nИванов Пётр;8 903 555 11 22;Тула\n");

  it("come back for mapping with the headers, a sample and the guess", async () => {
    expect(await upload("list.csv", csv)).toEqual({
      kind: "csv",
      needsMapping: {
        headers: ["ФИО", "Контакт", "Город"],
        sample: [
          ["Петрова Анна", "+7 916 123-45-67", "Москва"],
          ["Иванов Пётр", "8 903 555 11 22", "Тула"],
        ],
        guessed: expect.objectContaining({ fullName: "ФИО", city: "Город", phone: null, email: null }),
      },
    });
  });

  it("are read with the recruiter's mapping", async () => {
    const result = parsed(await parseUpload({ fileName: "list.csv", bytes: csv, mapping: { fullName: "ФИО", phone: "Контакт", city: "Город" } }));
    expect(result.records.map((r) => [r.lastName, r.firstName, r.phone, r.city])).toEqual([
      ["Петрова", "Анна", "+7 916 123-45-67", "Москва"],
      ["Иванов", "Пётр", "8 903 555 11 22", "Тула"],
    ]);
  });

  it("a mapping that still misses a contact is refused", async () => {
    const refused = await refusal(parseUpload({ fileName: "list.csv", bytes: csv, mapping: { fullName: "ФИО", city: "Город" } }));
    expect(refused.messageKey).toBe("imports.errors.missingContact");
  });
});

describe("refused files", () => {
  it("a CSV without a required column names it", async () => {
    expect((await refusal(upload("a.csv", Buffer.from("Фамилия;Имя;Город\nПетрова;Анна;Москва\n")))).messageKey).toBe("imports.errors.missingContact");
    expect((await refusal(upload("a.csv", Buffer.from("Фамилия,Email\nПетрова,a@b.ru\n")))).messageKey).toBe("imports.errors.missingColumn|field=firstName");
  });

  it("an empty file, or one with a header and no rows", async () => {
    expect((await refusal(upload("a.csv", Buffer.alloc(0)))).messageKey).toBe("imports.errors.empty");
    expect((await refusal(upload("a.csv", Buffer.from("\uFEFF\n\n")))).messageKey).toBe("imports.errors.empty");
    expect((await refusal(upload("a.csv", Buffer.from("ФИО;Телефон\n")))).messageKey).toBe("imports.errors.noRows");
  });

  it("a 50 MB file, by its size and before reading it", async () => {
    const big = Buffer.alloc(50 * 1024 * 1024, "Петрова;Анна;8 916 123 45 67\n");
    expect((await refusal(upload("big.csv", big))).messageKey).toBe("imports.errors.tooBig|max=20");
    expect(big.length).toBeGreaterThan(MAX_UPLOAD_BYTES);
  });

  it("a picture, a Word document, an old Excel file or other binary, whatever its name", async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect((await refusal(upload("candidates.csv", png))).messageKey).toBe("imports.errors.wrongFormat|name=candidates.csv|detected=PNG");
    const docx = Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(26), Buffer.from("word/document.xml")]);
    expect((await refusal(upload("candidates.xlsx", docx))).messageKey).toBe("imports.errors.wrongFormat|name=candidates.xlsx|detected=Word (DOCX)");
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await refusal(upload("old.xls", xls))).messageKey).toBe("imports.errors.oldOffice|name=old.xls");
    expect((await refusal(upload("x.csv", Buffer.from([1, 2, 0, 4, 5])))).messageKey).toBe("imports.errors.unsupported|name=x.csv");
  });

  it("broken JSON, with the line and column of the mistake", async () => {
    // The parser stops at the "}" where a property name should be.
    const json = '{\n  "items": [\n    { "first_name": "Анна", }\n  ]\n}';
    expect((await refusal(upload("export.json", Buffer.from(json)))).messageKey).toBe("imports.errors.brokenJson|line=3|column=29");
    expect((await refusal(upload("export.json", Buffer.from("[1, 2")))).messageKey).toBe("imports.errors.brokenJson|line=1|column=6");
  });

  it("JSON that is neither hh.ru's nor SuperJob's", async () => {
    expect((await refusal(upload("x.json", Buffer.from('{"vacancies": [{"name": "KAM"}]}')))).messageKey).toBe("imports.errors.unknownJson");
    expect((await refusal(upload("x.json", Buffer.from('{"found": 0, "items": []}')))).messageKey).toBe("imports.errors.noRows");
  });

  it("JSON that is an empty list: no records, not an unknown format", async () => {
    for (const json of ["[]", " [ ]\n", '{"objects": [], "total": 0, "more": false}']) {
      expect((await refusal(upload("x.json", Buffer.from(json)))).messageKey).toBe("imports.errors.noRows");
    }
  });

  it("a CSV with an unclosed quote, near the line", async () => {
    expect((await refusal(upload("a.csv", Buffer.from('ФИО;Телефон\n"Петрова Анна;8 916 123 45 67\n')))).messageKey).toMatch(/^imports\.errors\.brokenCsv\|line=\d+$/);
  });
});

describe("an XLSX", () => {
  it("reads typed cells: numbers, dates and links", async () => {
    const bytes = await xlsx([["Фамилия", "Имя", "Телефон", "E-mail", "Компания", "Должность", "Период", "Зарплата", "Ссылка"]], (sheet) => {
      sheet.addRow(["Петров", "Пётр", 79161234567, null, "Гидромаш", "KAM", new Date(Date.UTC(2019, 2, 1)), 150000, null]);
      sheet.getCell("D2").value = { text: "petrov@example.ru", hyperlink: "mailto:petrov@example.ru" };
      sheet.getCell("I2").value = { text: "https://hh.ru/resume/1", hyperlink: "https://hh.ru/resume/1" };
    });
    const result = parsed(await upload("people.xlsx", bytes));
    expect(result.errors).toEqual([]);
    expect(result.records[0]).toMatchObject({
      adapter: "xlsx",
      channel: "FILE",
      lastName: "Петров",
      phone: "79161234567",
      email: "petrov@example.ru",
      salaryExpectationRub: 150000,
      url: "https://hh.ru/resume/1",
      workHistory: [{ companyName: "Гидромаш", title: "KAM", startedOn: "2019-03-01", endedOn: null }],
    });
  });

  it("with Russian headers it does not know waits for the mapping, then is read with it", async () => {
    const bytes = await xlsx([
      ["Кто", "Контакт", "Где работал", "Кем", "Когда", "Город"],
      ["Лебедев Игорь", "i.lebedev@example.ru", "Гидромаш", "KAM", "2018–2022", "Москва"],
      ["Зайцева Анна", "+7 916 123-45-67", "Вектор", "Менеджер", "03.2019 – н.в.", "Тула"],
    ]);
    expect(await upload("people.xlsx", bytes)).toEqual({
      kind: "xlsx",
      needsMapping: {
        headers: ["Кто", "Контакт", "Где работал", "Кем", "Когда", "Город"],
        sample: [
          ["Лебедев Игорь", "i.lebedev@example.ru", "Гидромаш", "KAM", "2018–2022", "Москва"],
          ["Зайцева Анна", "+7 916 123-45-67", "Вектор", "Менеджер", "03.2019 – н.в.", "Тула"],
        ],
        guessed: expect.objectContaining({ fullName: null, email: null, phone: null, city: "Город" }),
      },
    });

    const mapping = { fullName: "Кто", email: "Контакт", company: "Где работал", position: "Кем", period: "Когда", city: "Город" };
    const first = parsed(await parseUpload({ fileName: "people.xlsx", bytes, mapping }));
    // The second row's contact is a phone in the e-mail column: reported, not guessed.
    expect(first.errors).toEqual([{ row: 3, field: "Контакт", message: "imports.errors.badEmail|value=+7 916 123-45-67" }]);
    expect(first.records).toEqual([
      expect.objectContaining({
        adapter: "xlsx",
        lastName: "Лебедев",
        firstName: "Игорь",
        email: "i.lebedev@example.ru",
        city: "Москва",
        workHistory: [{ companyName: "Гидромаш", title: "KAM", industry: null, startedOn: "2018-01-01", endedOn: "2022-12-01" }],
      }),
    ]);
  });

  it("reports rows by the sheet's own numbers", async () => {
    const bytes = await xlsx([["ФИО", "Телефон"], ["Петрова Анна", "+7 916 123-45-67"], [], ["Иванов", "нет"]]);
    const result = parsed(await upload("people.xlsx", bytes));
    expect(result.errors).toEqual([
      { row: 4, field: "ФИО", message: "imports.errors.noName" },
      { row: 4, field: "Телефон", message: "imports.errors.badPhone|value=нет|problem=notAPhone" },
    ]);
  });

  it("with formulas is refused naming the cells", async () => {
    const bytes = await xlsx([["ФИО", "Телефон", "Зарплата"], ["Петрова Анна", "+7 916 123-45-67", null]], (sheet) => {
      sheet.getCell("C2").value = { formula: "100000*1.5", result: 150000 };
      sheet.addRow(["Иванов Пётр", null, null]);
      sheet.getCell("B3").value = { formula: "B2", result: "+7 916 123-45-67" };
    });
    expect((await refusal(upload("people.xlsx", bytes))).messageKey).toBe("imports.errors.formulas|cells=C2, B3|count=2");
  });

  it("with many formulas names the first ten and counts the rest", async () => {
    const bytes = await xlsx([["ФИО", "Телефон"]], (sheet) => {
      for (let row = 2; row <= 14; row += 1) sheet.getCell(`A${row}`).value = { formula: `"Петрова "&"Анна${row}"`, result: `Петрова Анна${row}` };
    });
    const refused = await refusal(upload("people.xlsx", bytes));
    expect(refused.messageKey).toBe("imports.errors.formulasMore|cells=A2, A3, A4, A5, A6, A7, A8, A9, A10, A11|count=13|more=3");
  });
});
