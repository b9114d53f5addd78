import { type z } from "zod";

/**
 * A background job: a name, the zod schema of its payload, and a handler that may
 * run more than once for the same payload (a retry after a crash, a second worker),
 * so it must be idempotent: check the state it is about to change before acting.
 */
export type JobContext = {
  jobId: string;
  /** 1 on the first try. */
  attempt: number;
  /** No retry follows if this attempt fails: record the failure for people to see. */
  isLastAttempt: boolean;
};

export type JobQueueOptions = {
  /** Retries after the first attempt. */
  retryLimit?: number;
  /** Seconds before the first retry; doubled (with jitter) each time when retryBackoff. */
  retryDelay?: number;
  retryBackoff?: boolean;
  /** A run longer than this counts as failed (and is retried). */
  expireInSeconds?: number;
};

export type JobDefinition<Name extends string = string, Schema extends z.ZodType = z.ZodType> = {
  name: Name;
  schema: Schema;
  queue?: JobQueueOptions;
  /** A cron expression (UTC): the job is also queued on this schedule. */
  schedule?: string;
  /** Jobs of this kind one process works on at the same time. */
  concurrency?: number;
  /**
   * Queued (with an empty payload) by queueStartupJobs at every start-up: work the data
   * may need after an upgrade. The handler decides whether anything is left to do.
   */
  atStartup?: boolean;
  /**
   * With atStartup: queued at every start, even when another process started within
   * the same minute (work that a crashed process may have left, such as a campaign).
   */
  everyStart?: boolean;
  // Method syntax keeps every definition assignable to the plain JobDefinition.
  handler(payload: z.output<Schema>, context: JobContext): Promise<void>;
};

export function defineJob<const Name extends string, Schema extends z.ZodType>(
  definition: JobDefinition<Name, Schema>,
): JobDefinition<Name, Schema> {
  return definition;
}
