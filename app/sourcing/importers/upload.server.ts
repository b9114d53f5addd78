import { MAX_UPLOAD_BYTES, MAX_UPLOAD_MB } from "../import-forms";
import { ImportRefused, type ParseResult } from "../record";
import { param } from "./common";
import { hhResumes, parseHhResumes } from "./hh";
import { parseSuperjobResumes, superjobResumes } from "./superjob";
import { guessMapping, type Mapping, mappingProblem, tableRecords, unmappedHeaders } from "./table";
import { decodeText, readCsv, readXlsx } from "./table.server";

/**
 * One uploaded file into records. The format is read from the bytes, not the name:
 * a renamed PNG or Word file is refused as what it is. A CSV/XLSX whose columns are
 * not all recognised comes back as `needsMapping` (headers, a sample and the guess)
 * for the recruiter to map, then is parsed again with their mapping.
 */

export type UploadKind = "hh-json" | "superjob-json" | "csv" | "xlsx";

export type NeedsMapping = { headers: string[]; sample: string[][]; guessed: Mapping };

export type UploadResult =
  | { kind: UploadKind; result: ParseResult }
  | { kind: "csv" | "xlsx"; needsMapping: NeedsMapping };

const SAMPLE_ROWS = 5;

type Detected = "json" | "xlsx" | "csv";

const startsWith = (bytes: Buffer, ...signature: number[]) => signature.every((b, i) => bytes[i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** What kind of file the bytes are; anything but JSON, CSV or XLSX is refused, naming what it is when we can tell. */
function detectFormat(fileName: string, bytes: Buffer): Detected {
  const refuse = (detected: string) => new ImportRefused(`imports.errors.wrongFormat|name=${param(fileName)}|detected=${detected}`);
  if (startsWith(bytes, ...ascii("PK\x03\x04"))) {
    if (bytes.includes("xl/workbook")) return "xlsx";
    if (bytes.includes("word/")) throw refuse("Word (DOCX)");
    if (bytes.includes("ppt/")) throw refuse("PowerPoint (PPTX)");
    throw refuse("ZIP");
  }
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) throw new ImportRefused(`imports.errors.oldOffice|name=${param(fileName)}`);
  const known: Array<[number[], string]> = [
    [ascii("%PDF"), "PDF"],
    [[0x89, ...ascii("PNG")], "PNG"],
    [[0xff, 0xd8, 0xff], "JPEG"],
    [ascii("GIF8"), "GIF"],
    [ascii("{\\rtf"), "RTF"],
    [[0x1f, 0x8b], "GZIP"],
    [ascii("Rar!"), "RAR"],
    [ascii("7z"), "7-Zip"],
  ];
  for (const [signature, name] of known) if (startsWith(bytes, ...signature)) throw refuse(name);
  const head = decodeText(bytes.subarray(0, 64 * 1024)).replace(/^\uFEFF/, "");
  // Text files have no NUL bytes and few control characters; anything else is some binary format.
  let control = 0;
  for (const char of head) {
    const code = char.charCodeAt(0);
    if (code === 0) throw new ImportRefused(`imports.errors.unsupported|name=${param(fileName)}`);
    if (code < 9 || (code > 13 && code < 32)) control += 1;
  }
  if (control > head.length / 100) {
    throw new ImportRefused(`imports.errors.unsupported|name=${param(fileName)}`);
  }
  return /^\s*[{[]/.test(head) ? "json" : "csv";
}

/** 1-based line and column of the place JSON.parse stopped at (its message gives a position or line and column). */
function jsonErrorPlace(text: string, message: string): { line: number; column: number } {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/.exec(message);
  const at = position ? Math.min(Number(position[1]), text.length) : text.length;
  const before = text.slice(0, at);
  const line = before.split("\n").length;
  return { line, column: at - (before.lastIndexOf("\n") + 1) + 1 };
}

function parseJsonUpload(bytes: Buffer): UploadResult {
  const text = decodeText(bytes).replace(/^\uFEFF/, "");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const { line, column } = jsonErrorPlace(text, error instanceof Error ? error.message : "");
    throw new ImportRefused(`imports.errors.brokenJson|line=${line}|column=${column}`);
  }
  const hh = hhResumes(value);
  const superjob = hh ? null : superjobResumes(value);
  const resumes = hh ?? superjob;
  if (!resumes) throw new ImportRefused("imports.errors.unknownJson");
  if (resumes.length === 0) throw new ImportRefused("imports.errors.noRows");
  return hh ? { kind: "hh-json", result: parseHhResumes(hh, "FILE") } : { kind: "superjob-json", result: parseSuperjobResumes(resumes, "FILE") };
}

export async function parseUpload(input: { fileName: string; bytes: Buffer; mapping?: Mapping | null }): Promise<UploadResult> {
  const { fileName, bytes } = input;
  if (bytes.length === 0) throw new ImportRefused("imports.errors.empty");
  if (bytes.length > MAX_UPLOAD_BYTES) throw new ImportRefused(`imports.errors.tooBig|max=${MAX_UPLOAD_MB}`);
  const format = detectFormat(fileName, bytes);
  if (format === "json") return parseJsonUpload(bytes);

  const table = format === "xlsx" ? await readXlsx(bytes) : readCsv(bytes);
  if (input.mapping) {
    const problem = mappingProblem(input.mapping, table.headers);
    if (problem) throw new ImportRefused(problem);
    return { kind: format, result: tableRecords(table, input.mapping, format) };
  }
  const guessed = guessMapping(table.headers);
  const problem = mappingProblem(guessed, table.headers);
  if (!problem) return { kind: format, result: tableRecords(table, guessed, format) };
  // A required column may hide under a name we do not know: let the recruiter say which.
  if (unmappedHeaders(guessed, table.headers).length === 0) throw new ImportRefused(problem);
  const sample = table.rows.slice(0, SAMPLE_ROWS).map((r) => table.headers.map((_, i) => r.cells[i] ?? ""));
  return { kind: format, needsMapping: { headers: table.headers, sample, guessed } };
}
