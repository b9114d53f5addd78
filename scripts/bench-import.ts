/**
 * Part of `npm run bench` (run by scripts/bench.ts in its own process, with DATABASE_URL
 * pointing at the filled kam_bench database): times one large import the way the app
 * runs it — the preview (parse is not included: records are built here), then the commit
 * the background job does — with 20% of the people already among the 100,000 candidates
 * (matched by phone written another way) and the rest new. Prints one JSON line.
 */
import { type CandidateRecord, CandidateRecordSchema } from "../app/sourcing/record";
import { commitImportBatch, createImportBatch, runImportBatch } from "../app/sourcing/imports.server";
import { db, disconnectDb } from "../app/utils/db.server";
import { stopJobs } from "../app/utils/jobs.server";

const RECORDS = Number(process.argv.find((a) => a.startsWith("--records="))?.split("=")[1] ?? 5_000);
const KNOWN_SHARE = 0.2;

function record(i: number): CandidateRecord {
  const known = i < RECORDS * KNOWN_SHARE;
  // Bench candidate n has phone +7916 followed by 1,000,000 + n (scripts/bench-data.ts).
  const digits = String(1_000_000 + i * 7).slice(-7);
  return CandidateRecordSchema.parse({
    source: "FILE",
    channel: "FILE",
    adapter: "csv",
    externalId: null,
    url: null,
    firstName: known ? "Известный" : "Новый",
    lastName: `Импортов${i}`,
    middleName: null,
    email: known ? null : `import.${i}@bench.test`,
    phone: known ? `8 (916) ${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}` : `+7 925 ${String(1_000_000 + i).slice(-7)}`,
    city: "Москва",
    currentTitle: "Менеджер по работе с ключевыми клиентами",
    salaryExpectationRub: 150_000,
    relocation: null,
    workHistory: [
      { companyName: i % 10 === 0 ? "ООО «Гидромаш»" : `Завод ${i % 900}`, title: "KAM", industry: "Промышленное оборудование", startedOn: "2019-01-01", endedOn: null },
      { companyName: `Поставщик ${i % 500}`, title: "Менеджер по продажам", industry: null, startedOn: "2015-03-01", endedOn: "2018-12-01" },
    ],
    consentAt: null,
    consentText: null,
    note: null,
    raw: { row: i + 2 },
  });
}

const records = Array.from({ length: RECORDS }, (_, i) => record(i));
const actor = await db().user.findFirstOrThrow({ select: { id: true } });
let started = performance.now();
const batch = await createImportBatch({
  source: "FILE",
  channel: "FILE",
  adapter: "csv",
  label: "bench.csv",
  vacancyId: "bench-v1",
  actorId: actor.id,
  records,
  rowErrors: [],
});
const previewMs = performance.now() - started;
await commitImportBatch(batch.id, actor.id);
started = performance.now();
await runImportBatch(batch.id, actor.id, { isLastAttempt: true });
const commitMs = performance.now() - started;
const done = await db().importBatch.findUniqueOrThrow({ where: { id: batch.id }, select: { status: true, summary: true } });
console.log(JSON.stringify({ records: RECORDS, knownShare: KNOWN_SHARE, previewMs, commitMs, status: done.status, result: (done.summary as { result?: unknown }).result }));
// The commit queued its job (no worker here: runImportBatch above did the work): stop pg-boss.
await stopJobs();
await disconnectDb();
