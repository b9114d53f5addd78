/**
 * `npm run source`: reads candidates from web pages (or saved pages) with a page
 * adapter and, with --vacancy, stores them as an import batch to preview in the app
 * (or commits it with --commit). `npm run source -- --help` for usage.
 * Uses DATABASE_URL when set, else the embedded server under DATA_DIR (as `npm run seed`).
 */
import { type CrawlResult, crawlPages, CrawlRefused } from "../app/sourcing/pages/crawl.server";
import { parseSourceArgs, type SourceArgs, sourceUsage } from "../app/sourcing/pages/cli-args";
import { storeCrawl } from "../app/sourcing/pages/store.server";
import { describeDatabase, ensureDatabase } from "../app/utils/boot.server";
import { disconnectDb } from "../app/utils/db.server";
import { env } from "../app/utils/env.server";
import { stopJobs } from "../app/utils/jobs.server";

const USAGE_ERROR = 2;

const parsed = parseSourceArgs(process.argv.slice(2));
if (parsed.kind === "help") {
  console.log(sourceUsage());
  process.exit(0);
}
if (parsed.kind === "error") {
  console.error(`${parsed.message}\n\nRun "npm run source -- --help" for usage.`);
  process.exit(USAGE_ERROR);
}
process.exit(await main(parsed.args));

async function main(args: SourceArgs): Promise<number> {
  const database = args.vacancyId ? await ensureDatabase() : null;
  try {
    if (database) console.log(`Database: ${describeDatabase(database.url)}`);
    const result = await crawlPages({
      adapter: args.adapter,
      url: args.url,
      dir: args.dir,
      maxPages: args.maxPages,
      delayMs: args.delayMs,
      onPage: (url, kind) => console.log(`  ${kind === "results" ? "results" : "profile"}  ${url}`),
    });
    printSummary(args, result);
    if (!args.vacancyId) {
      console.log("Nothing stored: give --vacancy <id> to import these candidates.");
      return 0;
    }
    const stored = await storeCrawl({ args, result, appUrl: env().APP_URL });
    console.log(stored.message);
    return stored.ok ? 0 : USAGE_ERROR;
  } catch (error) {
    if (error instanceof CrawlRefused) {
      console.error(error.message);
      return USAGE_ERROR;
    }
    console.error(error);
    return 1;
  } finally {
    if (database) {
      // A committed large batch queued its (now finished) job through pg-boss.
      await stopJobs();
      await disconnectDb();
      await database.stop();
    }
  }
}

function printSummary(args: SourceArgs, result: CrawlResult) {
  const { records, errors, pagesVisited, stoppedAt } = result;
  console.log(`\n${args.adapter.name}: ${pagesVisited} pages read, ${records.length} candidates, ${errors.length} pages skipped or unreadable`);
  for (const r of records) {
    const name = [r.lastName, r.firstName, r.middleName].filter(Boolean).join(" ");
    const details = [r.city, r.currentTitle, r.salaryExpectationRub ? `${r.salaryExpectationRub} RUB` : null, r.externalId];
    console.log(`  ${name} · ${details.filter(Boolean).join(" · ")}`);
  }
  if (errors.length) console.log("Skipped or unreadable:");
  for (const e of errors) console.log(`  ${e.url}\n    ${e.message}`);
  if (stoppedAt) console.log(`Stopped after ${args.maxPages} result pages; to go on: --url ${stoppedAt}`);
}
