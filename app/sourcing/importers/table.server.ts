import { CsvError, parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { ImportRefused } from "../record";
import { type Table, uniqueHeaders } from "./table";

/**
 * Files into tables (headers and numbered rows) for table.ts to map. CSV in UTF-8
 * (with or without BOM), Windows-1251 or UTF-16 (Excel's "Unicode text"), delimited
 * by comma, semicolon or tab; XLSX through exceljs, which keeps cell types so a
 * formula is refused by its cell instead of importing a cached value nobody sees.
 */

/** Text of a CSV file: BOMs decide, else UTF-8 if the bytes are valid UTF-8, else Windows-1251 (Russian Excel). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1251").decode(bytes);
  }
}

/** The delimiter used most in the header line, outside quotes; a comma when there is none. */
function sniffDelimiter(text: string): "," | ";" | "\t" {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && char in counts) counts[char as keyof typeof counts] += 1;
  }
  const best = (Object.keys(counts) as Array<keyof typeof counts>).sort((a, b) => counts[b] - counts[a])[0]!;
  return counts[best] > 0 ? best : ",";
}

function toTable(records: Array<{ row: number; cells: string[] }>): Table {
  const start = records.findIndex((r) => r.cells.some((c) => c.trim()));
  if (start < 0) throw new ImportRefused("imports.errors.empty");
  const headers = uniqueHeaders(records[start]!.cells);
  const rows = records.slice(start + 1).filter((r) => r.cells.some((c) => c.trim()));
  if (rows.length === 0) throw new ImportRefused("imports.errors.noRows");
  return { headers, rows };
}

export function readCsv(bytes: Uint8Array): Table {
  const text = decodeText(bytes).replace(/^\uFEFF/, "");
  if (!text.trim()) throw new ImportRefused("imports.errors.empty");
  let records: string[][];
  try {
    records = parse(text, { delimiter: sniffDelimiter(text), relax_column_count: true, skip_empty_lines: false, trim: false });
  } catch (error) {
    if (error instanceof CsvError) throw new ImportRefused(`imports.errors.brokenCsv|line=${(error as CsvError & { lines?: number }).lines ?? 1}`);
    throw error;
  }
  // Spreadsheet row numbers: the header is row 1, and a quoted line break stays inside its row.
  return toTable(records.map((cells, index) => ({ row: index + 1, cells })));
}

/** A cell as the text a person sees in it; dates as "YYYY-MM-DD". */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== "object") return String(value);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("hyperlink" in value) return cellText(value.text as ExcelJS.CellValue) || value.hyperlink.replace(/^mailto:/i, "");
  if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
  return "";
}

const MAX_NAMED_CELLS = 10;

export async function readXlsx(bytes: Uint8Array): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ImportRefused("imports.errors.brokenXlsx");
  }
  const sheet = workbook.worksheets.find((ws) => ws.state === "visible" && ws.actualRowCount > 0);
  if (!sheet) throw new ImportRefused("imports.errors.empty");
  const formulas: string[] = [];
  const records: Array<{ row: number; cells: string[] }> = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      if (cell.type === ExcelJS.ValueType.Formula || cell.formula) formulas.push(cell.address);
      cells[column - 1] = cellText(cell.value).trim();
    });
    records.push({ row: row.number, cells: Array.from(cells, (c) => c ?? "") });
  });
  if (formulas.length) {
    const named = formulas.slice(0, MAX_NAMED_CELLS).join(", ");
    const more = formulas.length > MAX_NAMED_CELLS ? `|more=${formulas.length - MAX_NAMED_CELLS}` : "";
    throw new ImportRefused(`imports.errors.formulas${more ? "More" : ""}|cells=${named}|count=${formulas.length}${more}`);
  }
  return toTable(records);
}
