import { normalizeEmail, phoneProblem } from "../identity";
import { splitFullName } from "../pages/fields";
import { type CandidateRecordInput, type JobRecord, type ParseResult, type RowError } from "../record";
import { checkRecord, param } from "./common";
import { jobLine, jobLines, periodCell, salaryCell, yesNoCell } from "./table-cells";

/**
 * Recruiters' own spreadsheets (CSV or XLSX) into CandidateRecords. Pure: the
 * readers in table.server.ts turn a file into headers and rows; this file maps the
 * header row to fields (Russian and English synonyms) and reads every row.
 *
 * Required, because a person we cannot name or reach is no candidate: a name (a
 * "ФИО"/"Full name" column, or "Фамилия" and "Имя") and a contact column (e-mail or
 * phone); every row needs its name and at least one usable contact. A full name is
 * read in Russian order (last, first, middle). A job needs its period: "Компания"
 * with "Должность" and "Период" columns, or "Опыт" lines "Компания — Должность
 * (2019–2022)"; a company without a period is a row error rather than a job with an
 * invented start. Every row error names the spreadsheet's row (header = 1) and column.
 *
 * An "ID" column is recognised (so it is no unknown column to ask about) and kept in
 * the raw row, but it is never the record's external id: every spreadsheet shares
 * the FILE source, and two files that both number their rows 1, 2, 3 would make
 * unrelated people one. People from files are recognised by e-mail, phone or the
 * same row imported again (its fingerprint).
 */

export const TABLE_FIELDS = [
  "fullName",
  "lastName",
  "firstName",
  "middleName",
  "email",
  "phone",
  "city",
  "position",
  "company",
  "period",
  "experience",
  "salary",
  "relocation",
  "url",
  "externalId",
] as const;
export type TableField = (typeof TABLE_FIELDS)[number];

/** Which column, by its header, each field is read from; a field left out or null is not read. */
export type Mapping = Partial<Record<TableField, string | null>>;

/** A spreadsheet as read: unique headers and rows numbered as the spreadsheet numbers them. */
export type Table = { headers: string[]; rows: Array<{ row: number; cells: string[] }> };

/** Header text → a comparable key: lower case, ё → е, letters and digits only. */
function headerKey(header: string): string {
  return header.toLowerCase().replace(/ё/g, "е").replace(/[^\p{L}\p{N}]/gu, "");
}

const SYNONYMS: Record<TableField, string[]> = {
  fullName: ["фио", "фамилияимяотчество", "фамилияимя", "имяфамилия", "кандидат", "соискатель", "fullname", "name", "candidate", "candidatename"],
  lastName: ["фамилия", "lastname", "surname", "familyname"],
  firstName: ["имя", "firstname", "givenname"],
  middleName: ["отчество", "middlename", "patronymic"],
  email: ["email", "емейл", "емэйл", "имейл", "почта", "электроннаяпочта", "элпочта", "эпочта", "mail", "emailaddress"],
  phone: ["телефон", "тел", "мобильный", "мобильныйтелефон", "сотовый", "номертелефона", "контактныйтелефон", "phone", "phonenumber", "mobile", "mobilephone", "cell", "tel"],
  city: ["город", "городпроживания", "местопроживания", "регион", "city", "town", "location"],
  position: ["должность", "текущаядолжность", "желаемаядолжность", "позиция", "position", "title", "jobtitle", "currentposition"],
  company: ["компания", "работодатель", "местоработы", "текущееместоработы", "организация", "текущаякомпания", "company", "employer", "currentcompany", "organization"],
  period: ["период", "периодработы", "срокработы", "годыработы", "period", "dates", "employmentperiod"],
  experience: ["опыт", "опытработы", "местаработы", "историяработы", "workhistory", "experience", "employmenthistory", "history"],
  salary: ["желаемаязарплата", "зарплата", "зп", "ожиданияпозарплате", "желаемыйдоход", "оклад", "salary", "expectedsalary", "desiredsalary"],
  relocation: ["переезд", "готовкпереезду", "готовностькпереезду", "relocation", "willingtorelocate"],
  url: ["ссылка", "ссылканарезюме", "резюме", "профиль", "url", "link", "profile", "resumeurl", "resume"],
  externalId: ["id", "ид", "идентификатор", "номеррезюме", "idрезюме", "resumeid", "externalid"],
};

/** Blank headers become "#3"; a repeated header gets " (2)", so every column has its own name. */
export function uniqueHeaders(raw: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((header, index) => {
    const name = header.replace(/\s+/g, " ").trim() || `#${index + 1}`;
    const times = (seen.get(name) ?? 0) + 1;
    seen.set(name, times);
    return times === 1 ? name : `${name} (${times})`;
  });
}

/** The mapping the headers suggest; each column is used once, fields without a column are null. */
export function guessMapping(headers: readonly string[]): Mapping {
  const mapping: Mapping = {};
  const used = new Set<string>();
  for (const field of TABLE_FIELDS) {
    const header = headers.find((h) => !used.has(h) && SYNONYMS[field].includes(headerKey(h)));
    mapping[field] = header ?? null;
    if (header) used.add(header);
  }
  return mapping;
}

/** Why rows cannot be read with this mapping (an i18n key), or null when it has what every row needs. */
export function mappingProblem(mapping: Mapping, headers: readonly string[]): string | null {
  for (const field of TABLE_FIELDS) {
    const header = mapping[field];
    if (header && !headers.includes(header)) return `imports.errors.unknownColumn|column=${param(header)}`;
  }
  if (!mapping.fullName && !mapping.lastName && !mapping.firstName) return "imports.errors.missingName";
  if (!mapping.fullName && !mapping.lastName) return "imports.errors.missingColumn|field=lastName";
  if (!mapping.fullName && !mapping.firstName) return "imports.errors.missingColumn|field=firstName";
  if (!mapping.email && !mapping.phone) return "imports.errors.missingContact";
  return null;
}

/** Headers that no field uses: where a missing column may be hiding under another name. */
export function unmappedHeaders(mapping: Mapping, headers: readonly string[]): string[] {
  const used = new Set(Object.values(mapping).filter(Boolean));
  return headers.filter((h) => !used.has(h));
}

const SCHEMA_FIELDS: Record<string, TableField> = {
  firstName: "firstName",
  lastName: "lastName",
  middleName: "middleName",
  email: "email",
  phone: "phone",
  city: "city",
  currentTitle: "position",
  url: "url",
  salaryExpectationRub: "salary",
};

function readRow(
  table: Table,
  mapping: Mapping,
  row: { row: number; cells: string[] },
  adapter: "csv" | "xlsx",
): { record: CandidateRecordInput } | { errors: RowError[] } {
  const index = (field: TableField) => (mapping[field] ? table.headers.indexOf(mapping[field]) : -1);
  const cell = (field: TableField) => (index(field) >= 0 ? (row.cells[index(field)] ?? "").trim() : "");
  const errors: RowError[] = [];
  const fail = (field: TableField, message: string) => errors.push({ row: row.row, field: mapping[field] ?? undefined, message });

  let name = cell("lastName") && cell("firstName") ? { lastName: cell("lastName"), firstName: cell("firstName"), middleName: cell("middleName") || null } : null;
  name ??= splitFullName(cell("fullName"));
  if (!name) {
    const blankParts = !cell("lastName") && !cell("firstName");
    fail(!mapping.lastName || (mapping.fullName && blankParts) ? "fullName" : cell("lastName") ? "firstName" : "lastName", "imports.errors.noName");
  }

  const email = cell("email");
  if (email && !normalizeEmail(email)) fail("email", `imports.errors.badEmail|value=${param(email)}`);
  const phone = cell("phone");
  const problem = phoneProblem(phone);
  if (problem) fail("phone", `imports.errors.badPhone|value=${param(phone)}|problem=${/\.(\w+)\|/.exec(problem)?.[1] ?? "invalid"}`);
  if (!email && !phone) fail(mapping.email ? "email" : "phone", "imports.errors.noContact");

  const salary = salaryCell(cell("salary"));
  if ("bad" in salary) fail("salary", `imports.errors.badSalary|value=${param(cell("salary"))}`);

  const jobs: JobRecord[] = [];
  for (const line of jobLines(cell("experience"))) {
    const job = jobLine(line);
    if (job) jobs.push(job);
    else fail("experience", `imports.errors.badJob|value=${param(line)}`);
  }
  const company = cell("company");
  if (company) {
    const period = periodCell(cell("period"));
    if ("bad" in period) fail("period", `imports.errors.badPeriod|value=${param(cell("period"))}`);
    else if (!period.value) fail("company", `imports.errors.jobNoPeriod|company=${param(company)}`);
    else if (!cell("position")) fail("company", `imports.errors.jobNoTitle|company=${param(company)}`);
    else if (!jobs.some((j) => j.companyName === company && j.startedOn === period.value!.startedOn)) {
      jobs.unshift({ companyName: company, title: cell("position"), industry: null, ...period.value });
    }
  }

  if (errors.length || !name) return { errors };
  const raw = Object.fromEntries(table.headers.map((header, i) => [header, row.cells[i] ?? ""]));
  return {
    record: {
      source: "FILE",
      channel: "FILE",
      adapter,
      externalId: null,
      url: cell("url") || null,
      ...name,
      email: email || null,
      phone: phone || null,
      city: cell("city") || null,
      currentTitle: cell("position") || (jobs.find((j) => !j.endedOn)?.title ?? null),
      salaryExpectationRub: "value" in salary ? salary.value : null,
      relocation: yesNoCell(cell("relocation")),
      workHistory: jobs,
      raw,
    },
  };
}

/** Every non-empty row of the table, read with the mapping (check mappingProblem first). */
export function tableRecords(table: Table, mapping: Mapping, adapter: "csv" | "xlsx"): ParseResult {
  const result: ParseResult = { records: [], errors: [] };
  const columnOf = (path: string) => {
    const field = path.startsWith("workHistory") ? (mapping.experience ? "experience" : "company") : SCHEMA_FIELDS[path];
    return (field && mapping[field]) || path;
  };
  for (const row of table.rows) {
    if (row.cells.every((c) => !c.trim())) continue;
    const read = readRow(table, mapping, row, adapter);
    const checked = "record" in read ? checkRecord(read.record, row.row, columnOf) : read;
    if ("record" in checked) result.records.push(checked.record);
    else result.errors.push(...checked.errors);
  }
  return result;
}
