import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ZodError } from "zod";
import { db, type Tx } from "~/utils/db.server";
import { reloadEnv } from "~/utils/env.server";
import { enqueue, JOBS_SCHEMA, startJobs, stopJobs } from "~/utils/jobs.server";

async function jobState(id: string): Promise<string | undefined> {
  const rows = await db().$queryRawUnsafe<{ state: string }[]>(
    `SELECT state::text FROM ${JOBS_SCHEMA}.job WHERE id = $1::uuid`,
    id,
  );
  return rows[0]?.state;
}

function newEmail(client: Pick<Tx, "emailMessage"> = db()) {
  return client.emailMessage.create({
    data: { toAddress: "anna@example.ru", fromAddress: "hr@example.ru", subject: "Hi", text: "Hello" },
  });
}

beforeAll(async () => {
  // With no SMTP server configured mail.deliver stores the message: an observable,
  // side-effect-free job to test the queue with.
  delete process.env.SMTP_URL;
  reloadEnv();
  await startJobs({ work: true });
});
afterAll(() => stopJobs());

describe("enqueue in a transaction", () => {
  it("commits the job with the domain write, and a worker processes it", async () => {
    let jobId: string | null = null;
    const email = await db().$transaction(async (tx) => {
      const created = await newEmail(tx);
      jobId = await enqueue("mail.deliver", { emailId: created.id }, { tx });
      // Not visible outside the transaction before it commits.
      expect(await jobState(jobId!)).toBeUndefined();
      return created;
    });
    expect(jobId).toEqual(expect.any(String));

    await vi.waitFor(
      async () => {
        expect(await jobState(jobId!)).toBe("completed");
      },
      { timeout: 15_000, interval: 200 },
    );
    const row = await db().emailMessage.findUniqueOrThrow({ where: { id: email.id } });
    expect(row.status).toBe("STORED");
  });

  it("leaves no job (and no row) when the transaction rolls back", async () => {
    let jobId: string | null = null;
    let emailId = "";
    await expect(
      db().$transaction(async (tx) => {
        emailId = (await newEmail(tx)).id;
        jobId = await enqueue("mail.deliver", { emailId }, { tx });
        throw new Error("domain rule broken after the enqueue");
      }),
    ).rejects.toThrow("domain rule broken");

    expect(jobId).toEqual(expect.any(String));
    expect(await jobState(jobId!)).toBeUndefined();
    expect(await db().emailMessage.count({ where: { id: emailId } })).toBe(0);
  });
});

describe("enqueue outside a transaction", () => {
  it("queues and processes the job at once", async () => {
    const email = await newEmail();
    const jobId = await enqueue("mail.deliver", { emailId: email.id });
    await vi.waitFor(
      async () => {
        expect(await jobState(jobId!)).toBe("completed");
      },
      { timeout: 15_000, interval: 200 },
    );
  });

  it("runs a handler twice for the same payload without harm (idempotent)", async () => {
    const email = await newEmail();
    const first = await enqueue("mail.deliver", { emailId: email.id });
    const second = await enqueue("mail.deliver", { emailId: email.id });
    await vi.waitFor(
      async () => {
        expect([await jobState(first!), await jobState(second!)]).toEqual(["completed", "completed"]);
      },
      { timeout: 15_000, interval: 200 },
    );
    const row = await db().emailMessage.findUniqueOrThrow({ where: { id: email.id } });
    expect(row.status).toBe("STORED");
  });
});

describe("payload validation", () => {
  it("rejects a payload that does not match the job's schema, writing nothing", async () => {
    const before = await db().$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM ${JOBS_SCHEMA}.job`);
    await expect(enqueue("mail.deliver", { emailId: 42 } as never)).rejects.toBeInstanceOf(ZodError);
    await expect(enqueue("mail.deliver", {} as never)).rejects.toBeInstanceOf(ZodError);
    const after = await db().$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM ${JOBS_SCHEMA}.job`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it("rejects an unknown job name", async () => {
    await expect(enqueue("no.such.job" as never, {} as never)).rejects.toThrow('Unknown job "no.such.job"');
  });
});
