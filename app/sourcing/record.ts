import { z } from "zod";

/**
 * What every importer produces: one candidate as one source saw them. hh.ru and
 * SuperJob (API or saved JSON), CSV/XLSX rows, pages read by an adapter, the apply
 * page and the manual forms all turn their input into this shape; the ingest step
 * (app/sourcing/ingest.server.ts) de-duplicates, tiers and writes it.
 *
 * Dates are ISO "YYYY-MM-DD" strings (month precision sources use day 01) so a
 * record survives a JSON round trip unchanged (import previews are stored as JSON).
 */
export const SOURCES = ["HH", "SUPERJOB", "FILE", "WEB_PAGE", "INBOUND", "REFERRAL", "INTERNAL", "MANUAL"] as const;
export type Source = (typeof SOURCES)[number];

export const CHANNELS = ["API", "FILE", "PAGE", "FORM"] as const;
export type Channel = (typeof CHANNELS)[number];

/** A real calendar day: "2019-02-31" is refused here rather than by the database at commit. */
const isoDate = z.iso.date({ error: "validation.date" });

/**
 * The highest monthly salary a record may carry. Ten times what the best-paid KAM
 * asks, and far inside the database's Int: a larger number is a typo (extra zeros)
 * or another unit, reported as a row error instead of failing the commit.
 */
export const MAX_SALARY_RUB = 100_000_000;

export const JobRecordSchema = z
  .object({
    companyName: z.string().trim().min(1).max(300),
    industry: z.string().trim().max(300).nullable().default(null),
    title: z.string().trim().min(1).max(300),
    startedOn: isoDate,
    /** Null while the candidate still works there. */
    endedOn: isoDate.nullable().default(null),
  })
  // Ending in the month it started is a short job; ending before it is a mistake in the source.
  .refine((job) => job.endedOn === null || job.endedOn >= job.startedOn, { path: ["endedOn"], message: "imports.errors.jobEndsBeforeStart" });
export type JobRecord = z.output<typeof JobRecordSchema>;

export const CandidateRecordSchema = z.object({
  source: z.enum(SOURCES),
  channel: z.enum(CHANNELS),
  /** Which importer or adapter read it: "hh-api", "hh-file", "superjob-api", "csv", "career-site"… */
  adapter: z.string().min(1).max(60),
  /** The record's id at its source (resume id, applicant id); null when the source has none. */
  externalId: z.string().max(200).nullable().default(null),
  url: z.string().max(2000).nullable().default(null),
  firstName: z.string().trim().min(1).max(120),
  lastName: z.string().trim().min(1).max(120),
  middleName: z.string().trim().max(120).nullable().default(null),
  /** As given; normalised (lower case) by the ingest step. */
  email: z.string().trim().max(254).nullable().default(null),
  /** As given ("8 (916) 123-45-67"); normalised to E.164 by the ingest step. */
  phone: z.string().trim().max(60).nullable().default(null),
  city: z.string().trim().max(120).nullable().default(null),
  currentTitle: z.string().trim().max(300).nullable().default(null),
  /** Whole roubles a month; importers convert or drop other currencies. */
  salaryExpectationRub: z.number().int().nonnegative().max(MAX_SALARY_RUB, "imports.errors.salaryTooHigh").nullable().default(null),
  relocation: z.boolean().nullable().default(null),
  workHistory: z.array(JobRecordSchema).max(100).default([]),
  /** Consent to personal data processing, when the source collected it (apply page, forms). */
  consentAt: z.string().datetime().nullable().default(null),
  consentText: z.string().max(5000).nullable().default(null),
  /** For referrals and internal candidates: who referred, which employee. */
  note: z.string().max(2000).nullable().default(null),
  /** The record exactly as the source gave it (API JSON, the CSV row, the page's fields). */
  raw: z.unknown(),
});
export type CandidateRecord = z.output<typeof CandidateRecordSchema>;
export type CandidateRecordInput = z.input<typeof CandidateRecordSchema>;

/**
 * A row or item an importer could not read. `row` is the 1-based row (CSV/XLSX: the
 * spreadsheet's own row number, header = 1) or item number (JSON: position in the
 * list, 1-based); `field` names the column or JSON field when known. `message` is an
 * i18n key with parameters ("import.errors.badPhone|value=нет"), see app/ui/error-key.ts.
 */
export type RowError = { row: number; field?: string; message: string };

/** What a parser returns: the records it could read and the rows it could not. */
export type ParseResult = { records: CandidateRecord[]; errors: RowError[] };

/** A whole input refused (empty file, wrong format, broken JSON, too big): nothing is imported. */
export class ImportRefused extends Error {
  constructor(
    /** i18n key with parameters, e.g. "import.errors.brokenJson|line=3|column=14". */
    readonly messageKey: string,
    readonly errors: RowError[] = [],
  ) {
    super(messageKey);
    this.name = "ImportRefused";
  }
}
