import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect } from "@remix-run/node";
import { db } from "~/utils/db.server";
import { type Mapping, TABLE_FIELDS } from "./importers/table";
import { parseUpload } from "./importers/upload.server";
import { completeMapping, createImportBatch, createPendingBatch, pendingFile } from "./imports.server";
import { mappingSchema, type PendingMapping } from "./import-forms";
import { ImportRefused } from "./record";

/**
 * From an upload to an import batch: the importers read the input
 * (app/sourcing/importers/*); a CSV/XLSX whose columns could not all be recognised
 * waits, with its file, for the recruiter to map them. Board searches run as a job:
 * api-search.server.ts.
 */

/** An input the recruiter can fix, reported on the form field it concerns. */
export class ImportInputRefused extends Error {
  constructor(
    readonly field: "vacancyId" | "board" | "hhVacancyId" | "file",
    readonly messageKey: string,
  ) {
    super(messageKey);
    this.name = "ImportInputRefused";
  }
}

/** The open vacancy an import adds people to, with the companies a board search looks for. */
export async function importVacancy(vacancyId: string | null) {
  if (!vacancyId) return null;
  const vacancy = await db().vacancy.findFirst({
    where: { id: vacancyId, status: { not: "CLOSED" } },
    select: { id: true, title: true, companyLists: { where: { kind: { in: ["TARGET", "ADJACENT"] } }, select: { company: { select: { name: true } } } } },
  });
  if (!vacancy) throw new ImportInputRefused("vacancyId", "imports.vacancyNotFound");
  return vacancy;
}

const KIND_SOURCE = { "hh-json": "HH", "superjob-json": "SUPERJOB", csv: "FILE", xlsx: "FILE" } as const;

/**
 * Reads an uploaded file into a batch to review. A CSV/XLSX that needs its columns
 * mapped is kept (with the file, base64) until the recruiter maps them; nothing is
 * parsed into people before that. Unreadable files throw ImportRefused.
 */
export async function uploadFile(input: { file: File; vacancyId: string | null; actorId: string }): Promise<{ id: string }> {
  const vacancy = await importVacancy(input.vacancyId);
  const bytes = Buffer.from(await input.file.arrayBuffer());
  const parsed = await parseUpload({ fileName: input.file.name, bytes });
  const base = {
    source: KIND_SOURCE[parsed.kind],
    channel: "FILE" as const,
    adapter: parsed.kind,
    label: input.file.name || parsed.kind,
    vacancyId: vacancy?.id ?? null,
    actorId: input.actorId,
  };
  if ("needsMapping" in parsed) {
    const pending: PendingMapping = { ...parsed.needsMapping, fields: [...TABLE_FIELDS] };
    return createPendingBatch({ ...base, mapping: { pending, file: { name: input.file.name, base64: bytes.toString("base64") } } });
  }
  return createImportBatch({ ...base, records: parsed.result.records, rowErrors: parsed.result.errors });
}

/** The recruiter's column mapping: the file is read again with it and the batch gets its preview. */
export async function mappingAction(batchId: string, formData: FormData) {
  const stored = await pendingFile(batchId);
  if (!stored) return json({ status: "error" as const, error: { "": ["imports.refused.not-preview"] } }, { status: 400 });
  const schema = mappingSchema(stored.pending.fields, stored.pending.headers);
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const { intent: _intent, ...columns } = submission.value;
  const mapping = Object.fromEntries(stored.pending.fields.map((f) => [f, columns[f] ?? null])) as Mapping;
  try {
    const parsed = await parseUpload({ fileName: stored.file.name, bytes: Buffer.from(stored.file.base64, "base64"), mapping });
    if ("needsMapping" in parsed) throw new ImportRefused("imports.errors.missingName");
    await completeMapping(batchId, { records: parsed.result.records, rowErrors: parsed.result.errors, mapping });
  } catch (error) {
    if (!(error instanceof ImportRefused)) throw error;
    return json(submission.reply({ formErrors: [error.messageKey] }), { status: 400 });
  }
  return redirect(`/imports/${batchId}`);
}
