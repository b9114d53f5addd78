import { ApiSearchJobSchema } from "~/sourcing/api-search";
import { runApiSearch } from "~/sourcing/api-search.server";
import { defineJob } from "./define";

/** Runs a queued hh.ru or SuperJob search into a batch to preview (see app/sourcing/api-search.server.ts). */
export const sourcingApiSearch = defineJob({
  name: "sourcing.api-search",
  schema: ApiSearchJobSchema,
  // The board's own failures end the batch without a retry (the client already retried
  // them a bounded number of times); a retry after a crash starts the search over.
  // 2,000 full hh.ru resumes at two a second take about 17 minutes.
  queue: { retryLimit: 2, retryDelay: 30, retryBackoff: true, expireInSeconds: 45 * 60 },
  // One search at a time per worker: boards throttle per employer, not per request.
  concurrency: 1,
  handler: async (job, { isLastAttempt }) => {
    await runApiSearch(job, { isLastAttempt });
  },
});
