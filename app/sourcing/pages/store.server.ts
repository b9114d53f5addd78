import { importVacancy, ImportInputRefused } from "../import-upload.server";
import { commitImportBatch, createImportBatch, ImportCommitRefused, runImportBatch } from "../imports.server";
import { type SourceArgs } from "./cli-args";
import { type CrawlResult } from "./crawl.server";

export type StoreOutcome = { ok: boolean; message: string; batchId?: string; status?: string };

/**
 * What `npm run source -- --vacancy <id>` does with a crawl: the candidates become an
 * import batch for that vacancy, previewed in the app like an upload (the same
 * de-duplication, tiers and all-or-nothing commit). With --commit the batch is
 * committed at once; a large one is committed here too rather than left for a worker
 * (the job that commitImportBatch queues then finds it committed and does nothing).
 * Pages that could not be read are not rows of the batch: the CLI lists them.
 */
export async function storeCrawl({ args, result, appUrl }: { args: SourceArgs; result: CrawlResult; appUrl?: string }): Promise<StoreOutcome> {
  try {
    await importVacancy(args.vacancyId ?? null);
  } catch (error) {
    if (error instanceof ImportInputRefused) return { ok: false, message: `No open vacancy with id ${args.vacancyId}: nothing stored.` };
    throw error;
  }
  if (!result.records.length) return { ok: false, message: "No candidates were read: nothing stored." };
  const { id } = await createImportBatch({
    source: "WEB_PAGE",
    channel: "PAGE",
    adapter: args.adapter.name,
    label: `${args.adapter.name}: ${args.url ?? args.dir ?? ""}`,
    vacancyId: args.vacancyId ?? null,
    actorId: null,
    records: result.records,
    rowErrors: [],
  });
  const page = `${appUrl ?? ""}/imports/${id}`;
  if (!args.commit) return { ok: true, batchId: id, status: "PREVIEW", message: `Stored as import ${id}: review and commit it at ${page}` };
  try {
    let status = await commitImportBatch(id, null);
    if (status === "QUEUED") {
      // Throws after marking the batch FAILED when a record cannot be written.
      await runImportBatch(id, null, { isLastAttempt: true }).then(
        () => (status = "COMMITTED"),
        () => (status = "FAILED"),
      );
    }
    return status === "COMMITTED"
      ? { ok: true, batchId: id, status, message: `Committed import ${id}: ${page}` }
      : { ok: false, batchId: id, status, message: `Import ${id} failed to commit; see ${page}` };
  } catch (error) {
    if (error instanceof ImportCommitRefused) return { ok: false, batchId: id, message: `Import ${id} was not committed (${error.problem}); see ${page}` };
    throw error;
  }
}
