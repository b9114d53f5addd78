import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ZodError } from "zod";
import { db } from "~/utils/db.server";
import { JOBS_SCHEMA, startJobs, stopJobs } from "~/utils/jobs.server";
import { deliverNow, MAX_DELIVERY_ATTEMPTS, OUTBOX_PAGE_SIZE, sendMail } from "~/utils/mail.server";
import { loader as outboxLoader } from "~/routes/outbox._index";
import { loader as messageLoader } from "~/routes/outbox.$id";
import { createUser, getRequest, respond, sessionCookie } from "../factories";
import { resetSmtp, startSmtpServer, setSmtpUrl } from "../setup/smtp";


/** A server that refuses every recipient: for now (451) or for good (550). */
const rejectingServer = (responseCode = 451) =>
  startSmtpServer({
    onRcptTo(_address, _session, callback) {
      callback(Object.assign(new Error("Mailbox unavailable"), { responseCode }));
    },
  });

async function deliveryJob(emailId: string) {
  const rows = await db().$queryRawUnsafe<{ id: string; state: string; retry_count: number }[]>(
    `SELECT id, state::text, retry_count FROM ${JOBS_SCHEMA}.job
     WHERE name = 'mail.deliver' AND data->>'emailId' = $1`,
    emailId,
  );
  return rows;
}

const letter = {
  to: "ivan.petrov@example.ru",
  subject: "Приглашение на групповое собеседование",
  text: "Здравствуйте, Иван!\nЖдём вас во вторник в 10:00.",
};

afterEach(resetSmtp);
afterAll(() => stopJobs());

describe("sendMail", () => {
  it("writes a QUEUED row and its delivery job", async () => {
    const result = await sendMail({ ...letter, candidateId: "cand-1" });
    expect(result.status).toBe("queued");
    const row = await db().emailMessage.findUniqueOrThrow({ where: { id: result.id! } });
    expect(row).toMatchObject({ status: "QUEUED", toAddress: letter.to, subject: letter.subject, candidateId: "cand-1" });
    expect(row.fromAddress).toContain("@");
    expect(await deliveryJob(row.id)).toHaveLength(1);
  });

  it("refuses a second message with the same dedupeKey and writes nothing", async () => {
    const first = await sendMail({ ...letter, dedupeKey: "invite:cand-2:vacancy-1" });
    const second = await sendMail({ ...letter, text: "Другой текст", dedupeKey: "invite:cand-2:vacancy-1" });
    expect(first.status).toBe("queued");
    expect(second).toEqual({ status: "duplicate", id: first.id });
    expect(await db().emailMessage.count({ where: { dedupeKey: "invite:cand-2:vacancy-1" } })).toBe(1);
    expect(await deliveryJob(first.id!)).toHaveLength(1);
  });

  it("keeps the caller's transaction usable after a duplicate", async () => {
    await sendMail({ ...letter, dedupeKey: "dup-in-tx" });
    const count = await db().$transaction(async (tx) => {
      const again = await sendMail({ ...letter, dedupeKey: "dup-in-tx" }, { tx });
      expect(again.status).toBe("duplicate");
      return tx.emailMessage.count({ where: { dedupeKey: "dup-in-tx" } });
    });
    expect(count).toBe(1);
  });

  it("writes neither the message nor its job when the caller's transaction rolls back", async () => {
    let id: string | undefined;
    await expect(
      db().$transaction(async (tx) => {
        id = (await sendMail(letter, { tx })).id ?? undefined;
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(id).toEqual(expect.any(String));
    expect(await db().emailMessage.count({ where: { id } })).toBe(0);
    expect(await deliveryJob(id!)).toHaveLength(0);
  });

  it("rejects bad addresses before writing anything", async () => {
    for (const to of ["not-an-address", "a@b", "Иван <ivan@example.ru>", "x@example.ru\r\nBcc: y@example.ru"]) {
      await expect(sendMail({ ...letter, to })).rejects.toBeInstanceOf(ZodError);
    }
    await expect(sendMail({ ...letter, subject: " " })).rejects.toBeInstanceOf(ZodError);
    expect(await db().emailMessage.count({ where: { toAddress: { not: letter.to } } })).toBe(0);
  });

  it("accepts an internationalised (.рф) address", async () => {
    expect((await sendMail({ ...letter, to: "hr@компания.рф" })).status).toBe("queued");
  });
});

describe("deliverNow", () => {
  it("stores the message when no SMTP server is configured", async () => {
    const { id } = await sendMail(letter);
    expect(await deliverNow(id!)).toEqual({ status: "STORED" });
    const row = await db().emailMessage.findUniqueOrThrow({ where: { id: id! } });
    expect(row).toMatchObject({ status: "STORED", sentAt: null, error: null });
  });

  it("sends over SMTP: the server receives to, subject and text; the row becomes SENT", async () => {
    const smtp = await startSmtpServer();
    try {
      setSmtpUrl(smtp.url);
      const { id } = await sendMail({ ...letter, html: "<p>Здравствуйте, <b>Иван</b>!</p>" });
      const outcome = await deliverNow(id!);
      expect(outcome.status).toBe("SENT");
      expect(smtp.messages).toHaveLength(1);
      const [received] = smtp.messages;
      expect(received!.to).toEqual([letter.to]);
      expect(received!.subject).toBe(letter.subject);
      expect(received!.text).toBe(letter.text);
      expect(received!.html).toBe("<p>Здравствуйте, <b>Иван</b>!</p>");
      const row = await db().emailMessage.findUniqueOrThrow({ where: { id: id! } });
      expect(row.status).toBe("SENT");
      expect(row.messageId).toBe(outcome.status === "SENT" ? outcome.messageId : "");
      expect(row.sentAt).toBeInstanceOf(Date);

      expect(await deliverNow(id!)).toEqual({ status: "skipped" });
      expect(smtp.messages).toHaveLength(1);
    } finally {
      await smtp.close();
    }
  });

  it("sends once when two workers deliver the same message at the same time", async () => {
    const smtp = await startSmtpServer({
      // A slow server keeps the first delivery's row lock held while the second arrives.
      onRcptTo(_address, _session, callback) {
        setTimeout(() => callback(), 300);
      },
    });
    try {
      setSmtpUrl(smtp.url);
      const { id } = await sendMail(letter);
      const outcomes = await Promise.all([deliverNow(id!), deliverNow(id!)]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(["SENT", "skipped"]);
      expect(smtp.messages).toHaveLength(1);
    } finally {
      await smtp.close();
    }
  });

  it("keeps a temporarily refused message QUEUED with the error and a back-off, and FAILED on the final attempt", async () => {
    const smtp = await rejectingServer(451);
    try {
      setSmtpUrl(smtp.url);
      const { id } = await sendMail(letter);
      const first = await deliverNow(id!);
      expect(first).toMatchObject({ status: "retry", error: expect.stringMatching(/Mailbox unavailable/) });
      let row = await db().emailMessage.findUniqueOrThrow({ where: { id: id! } });
      expect(row).toMatchObject({ status: "QUEUED", attempts: 1 });
      expect(row.error).toMatch(/Mailbox unavailable/);
      expect(row.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() + 50_000);

      expect(await deliverNow(id!, { finalAttempt: true })).toMatchObject({ status: "FAILED" });
      row = await db().emailMessage.findUniqueOrThrow({ where: { id: id! } });
      expect(row).toMatchObject({ status: "FAILED", attempts: 2, nextAttemptAt: null });
      expect(row.error).toMatch(/Mailbox unavailable/);
      expect(smtp.messages).toHaveLength(0);
    } finally {
      await smtp.close();
    }
  });

  it("gives up after MAX_DELIVERY_ATTEMPTS temporary failures", async () => {
    const smtp = await rejectingServer(421);
    try {
      setSmtpUrl(smtp.url);
      const { id } = await sendMail(letter);
      await db().emailMessage.update({ where: { id: id! }, data: { attempts: MAX_DELIVERY_ATTEMPTS - 1 } });
      expect(await deliverNow(id!)).toMatchObject({ status: "FAILED" });
    } finally {
      await smtp.close();
    }
  });

  it("marks a message whose address the server refuses for good (550 at RCPT) BOUNCED, without retries", async () => {
    const smtp = await rejectingServer(550);
    try {
      setSmtpUrl(smtp.url);
      const { id } = await sendMail(letter);
      expect(await deliverNow(id!)).toMatchObject({ status: "BOUNCED", error: expect.stringMatching(/Mailbox unavailable/) });
      expect(await db().emailMessage.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({ status: "BOUNCED", attempts: 1 });
      expect(await deliverNow(id!)).toEqual({ status: "skipped" });
    } finally {
      await smtp.close();
    }
  });

  it("marks a message the server refuses after the data (554) FAILED, and leaves no hand-over behind", async () => {
    const smtp = await startSmtpServer({
      onData(stream, _session, callback) {
        stream.resume();
        stream.on("end", () => callback(Object.assign(new Error("Message rejected as spam"), { responseCode: 554 })));
      },
    });
    try {
      setSmtpUrl(smtp.url);
      const { id } = await sendMail(letter);
      expect(await deliverNow(id!)).toMatchObject({ status: "FAILED", error: expect.stringMatching(/spam/) });
      expect(await db().mailHandover.count({ where: { emailId: id! } })).toBe(0);
    } finally {
      await smtp.close();
    }
  });

  it("commits the hand-over with the final dot, before the server's reply, and clears it once sent", async () => {
    const seen: number[] = [];
    const smtp = await startSmtpServer({
      onData(stream, _session, callback) {
        stream.resume();
        // The dot has arrived and the server has not answered: the sender is waiting for
        // us, yet its hand-over commits (it went out with the dot, not after the reply).
        stream.on("end", () => {
          void vi
            .waitFor(async () => expect(await db().mailHandover.count()).toBe(1), { timeout: 2_000, interval: 5 })
            .then(
              () => seen.push(1),
              () => seen.push(0),
            )
            .finally(() => callback());
        });
      },
    });
    try {
      setSmtpUrl(smtp.url);
      const { id } = await sendMail(letter);
      expect(await deliverNow(id!)).toMatchObject({ status: "SENT" });
      expect(seen).toEqual([1]);
      expect(await db().mailHandover.count({ where: { emailId: id! } })).toBe(0);
    } finally {
      await smtp.close();
    }
  });

  it("leaves no hand-over when the server refuses before the data", async () => {
    const smtp = await rejectingServer(451);
    try {
      setSmtpUrl(smtp.url);
      const { id } = await sendMail(letter);
      await deliverNow(id!);
      expect(await db().mailHandover.count({ where: { emailId: id! } })).toBe(0);
    } finally {
      await smtp.close();
    }
  });

  it("never sends again a message an earlier attempt handed over before it died: SENT, unconfirmed", async () => {
    const smtp = await startSmtpServer();
    try {
      setSmtpUrl(smtp.url);
      const { id } = await sendMail(letter);
      // What a worker killed between the dot and its commit leaves: QUEUED plus the hand-over.
      await db().mailHandover.create({ data: { emailId: id! } });
      expect(await deliverNow(id!)).toMatchObject({ status: "SENT", unconfirmed: true });
      const row = await db().emailMessage.findUniqueOrThrow({ where: { id: id! } });
      expect(row).toMatchObject({ status: "SENT", unconfirmed: true });
      expect(row.sentAt).toBeInstanceOf(Date);
      expect(smtp.messages).toHaveLength(0);
    } finally {
      await smtp.close();
    }
  });

  it("sends the message's own headers and a stable Message-ID", async () => {
    const smtp = await startSmtpServer();
    try {
      setSmtpUrl(smtp.url);
      const { id } = await sendMail({
        ...letter,
        headers: { "List-Unsubscribe": "<https://hiring.example.ru/u/abc>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
      });
      await deliverNow(id!);
      const raw = smtp.messages[0]!.raw;
      expect(raw).toMatch(/^List-Unsubscribe: <https:\/\/hiring\.example\.ru\/u\/abc>\r?$/m);
      expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
      expect(raw).toContain(`Message-ID: <${id}@kam-hiring.local>`);
    } finally {
      await smtp.close();
    }
  });

  it("sends its attachments as MIME parts with their file name and type", async () => {
    const smtp = await startSmtpServer();
    try {
      setSmtpUrl(smtp.url);
      const calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n";
      const { id } = await sendMail({
        ...letter,
        attachments: [{ filename: "interview.ics", contentType: "text/calendar; method=REQUEST", content: calendar }],
      });
      await deliverNow(id!);
      const raw = smtp.messages[0]!.raw;
      expect(raw).toMatch(/^Content-Type: text\/calendar; method=REQUEST/m);
      expect(raw).toMatch(/filename=interview\.ics/);
      expect(await db().emailMessage.findUniqueOrThrow({ where: { id: id! }, select: { attachments: true } })).toEqual({
        attachments: [{ filename: "interview.ics", contentType: "text/calendar; method=REQUEST", content: calendar }],
      });
    } finally {
      await smtp.close();
    }
  });

  it("refuses an attachment whose name could smuggle a path or a header", async () => {
    await expect(
      sendMail({ ...letter, attachments: [{ filename: "../x.ics", contentType: "text/calendar", content: "x" }] }),
    ).rejects.toBeInstanceOf(ZodError);
    await expect(
      sendMail({ ...letter, attachments: [{ filename: "x.ics", contentType: "text/calendar\r\nBcc: a@b.ru", content: "x" }] }),
    ).rejects.toBeInstanceOf(ZodError);
  });

  it("refuses headers that could smuggle lines, before writing anything", async () => {
    await expect(sendMail({ ...letter, headers: { "X-Test": "a\r\nBcc: victim@example.ru" } })).rejects.toBeInstanceOf(ZodError);
    await expect(sendMail({ ...letter, headers: { "Bad Name": "x" } })).rejects.toBeInstanceOf(ZodError);
  });
});

describe("the mail.deliver job, through a worker", () => {
  beforeAll(() => startJobs({ work: true }));
  afterAll(() => stopJobs());

  const settled = { timeout: 15_000, interval: 200 };

  it("delivers over SMTP", async () => {
    const smtp = await startSmtpServer();
    try {
      setSmtpUrl(smtp.url);
      // Messages queued by earlier tests are delivered too now that a worker runs.
      const to = "worker.test@example.ru";
      const { id } = await sendMail({ ...letter, to });
      await vi.waitFor(async () => {
        expect((await db().emailMessage.findUniqueOrThrow({ where: { id: id! } })).status).toBe("SENT");
      }, settled);
      const received = smtp.messages.filter((m) => m.to.includes(to));
      expect(received.map((m) => [m.to, m.subject, m.text])).toEqual([[[to], letter.subject, letter.text]]);
    } finally {
      await smtp.close();
    }
  });

  it("stores the message with no SMTP_URL", async () => {
    const { id } = await sendMail(letter);
    await vi.waitFor(async () => {
      expect((await db().emailMessage.findUniqueOrThrow({ where: { id: id! } })).status).toBe("STORED");
    }, settled);
  });

  it("retries a refused message with backoff, then marks it FAILED after the last retry", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const smtp = await rejectingServer(451);
    try {
      setSmtpUrl(smtp.url);
      const { id } = await sendMail(letter);
      await vi.waitFor(async () => {
        expect((await deliveryJob(id!))[0]?.state).toBe("retry");
      }, settled);
      const row = await db().emailMessage.findUniqueOrThrow({ where: { id: id! } });
      expect(row).toMatchObject({ status: "QUEUED", error: expect.stringMatching(/Mailbox unavailable/) });
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/mail\.deliver .*\(attempt 1 of 8\), will retry/));

      // Skip the backoff wait and make the next attempt the last one.
      const [job] = await deliveryJob(id!);
      await db().$executeRawUnsafe(
        `UPDATE ${JOBS_SCHEMA}.job SET retry_limit = 1, start_after = now() WHERE id = $1::uuid`,
        job!.id,
      );
      await vi.waitFor(async () => {
        expect((await deliveryJob(id!))[0]?.state).toBe("failed");
      }, settled);
      expect(await db().emailMessage.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({
        status: "FAILED",
        error: expect.stringMatching(/Mailbox unavailable/),
      });
      expect(error).toHaveBeenCalledWith(expect.stringMatching(/attempt 2 of 2\), giving up/));
      expect(smtp.messages).toHaveLength(0);
    } finally {
      await smtp.close();
      warn.mockRestore();
      error.mockRestore();
    }
  });
});

describe("the Outbox pages", () => {
  const context = { clientIp: "127.0.0.1" };
  const list = (url: string, cookie: string) =>
    respond(() => outboxLoader({ request: getRequest(url, cookie), context, params: {} }));
  const show = (id: string, cookie: string) =>
    respond(() => messageLoader({ request: getRequest(`/outbox/${id}`, cookie), context, params: { id } }));

  it("lists newest first, 50 a page, filtered by status, for recruiters", async () => {
    const cookie = await sessionCookie((await createUser({ roles: ["RECRUITER"] })).id);
    const { id: failedId } = await sendMail({ ...letter, subject: "Будет FAILED" });
    await db().emailMessage.update({ where: { id: failedId! }, data: { status: "FAILED", error: "550 no such user" } });
    for (let i = 0; i < OUTBOX_PAGE_SIZE; i++) await sendMail({ ...letter, subject: `Письмо ${i}` });

    const first = await (await list("/outbox", cookie)).json();
    expect(first.messages).toHaveLength(OUTBOX_PAGE_SIZE);
    expect(first.messages[0].subject).toBe(`Письмо ${OUTBOX_PAGE_SIZE - 1}`);
    expect(first.pageCount).toBeGreaterThanOrEqual(2);
    const second = await (await list("/outbox?page=2", cookie)).json();
    expect(second.messages.length).toBeGreaterThan(0);

    const failed = await (await list("/outbox?status=FAILED", cookie)).json();
    expect(failed.messages[0].id).toBe(failedId);
    expect(new Set(failed.messages.map((m: { status: string }) => m.status))).toEqual(new Set(["FAILED"]));
    const ignored = await (await list("/outbox?status=BOGUS", cookie)).json();
    expect(ignored.status).toBeNull();

    const detail = await (await show(failedId!, cookie)).json();
    expect(detail.message).toMatchObject({ id: failedId, text: letter.text, error: "550 no such user" });
    expect((await show("no-such-message", cookie)).status).toBe(404);
  });

  it("refuses roles without the outbox area", async () => {
    const { id } = await sendMail(letter);
    const cookie = await sessionCookie((await createUser({ roles: ["HIRING_MANAGER"] })).id);
    expect((await list("/outbox", cookie)).status).toBe(403);
    expect((await show(id!, cookie)).status).toBe(403);
  });
});
