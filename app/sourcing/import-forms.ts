import { z } from "zod";

/** The import pages' forms, checked the same way in the browser and on the server. */

export const MAX_UPLOAD_MB = 20;
export const MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024;

export const UploadSchema = z.object({
  file: z
    .instanceof(File, { error: "imports.fileRequired" })
    // A browser sends an empty, nameless part when no file was chosen; a chosen file of 0 bytes has its name.
    .refine((file) => file.size > 0 || file.name !== "", "imports.fileRequired")
    .refine((file) => file.size > 0 || file.name === "", "imports.errors.empty")
    .refine((file) => file.size <= MAX_UPLOAD_BYTES, `imports.fileTooBig|max=${MAX_UPLOAD_MB}`),
  vacancyId: z.string().trim().min(1).max(100).optional(),
});

export const BOARDS = ["hh", "superjob"] as const;
export type Board = (typeof BOARDS)[number];

/** An hh.ru vacancy's id, or its page's address as a recruiter copies it (https://hh.ru/vacancy/123456). */
const hhVacancyId = z
  .string()
  .trim()
  .transform((value) => /hh\.ru\/vacancy\/(\d+)/.exec(value)?.[1] ?? value)
  .pipe(z.string().regex(/^\d{1,20}$/, "imports.hhVacancyIdInvalid"));

/**
 * A board search for a vacancy: its target and adjacent companies in the board's
 * resume database ("companies"), or the responses to the employer's own hh.ru
 * vacancy ("responses", which needs that vacancy's id).
 */
export const ApiSearchSchema = z
  .object({
    board: z.enum(BOARDS),
    vacancyId: z.string({ error: "imports.apiVacancyRequired" }).trim().min(1, "imports.apiVacancyRequired").max(100),
    search: z.enum(["companies", "responses"]).default("companies"),
    hhVacancyId: hhVacancyId.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.search !== "responses") return;
    if (value.board !== "hh") ctx.addIssue({ code: "custom", path: ["board"], message: "imports.responsesOnlyHh" });
    if (!value.hhVacancyId) ctx.addIssue({ code: "custom", path: ["hhVacancyId"], message: "imports.hhVacancyIdRequired" });
  })
  .transform(({ search, hhVacancyId, ...rest }) => ({ ...rest, hhVacancyId: search === "responses" ? (hhVacancyId ?? null) : null }));

/** A CSV/XLSX waiting for its columns: headers, the first rows, the guess, and the fields to map. */
export type PendingMapping = { headers: string[]; sample: string[][]; guessed: Record<string, string | null>; fields: string[] };

/** One select per field: a header of the file, or nothing (the field is not read). */
export function mappingSchema(fields: readonly string[], headers: readonly string[]) {
  const column = z
    .string()
    .refine((value) => headers.includes(value), "validation.invalidChoice")
    .optional();
  return z.object({ intent: z.literal("map"), ...Object.fromEntries(fields.map((field) => [field, column])) }) as z.ZodType<
    { intent: "map" } & Record<string, string | undefined>
  >;
}
