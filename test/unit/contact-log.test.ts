import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, test } from "vitest";
import { contactLogSchema, MAX_CONTACT_TEXT } from "~/outreach/contact-log";

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

// 12 March 2026, 15:00 in Moscow (UTC+3).
const NOW = new Date("2026-03-12T12:00:00Z");
const basics = { intent: "contact-log", channel: "SMS", direction: "OUTBOUND", body: "Ирина, добрый день! Пишу по вакансии KAM." };
const parse = (fields: Record<string, string>, now = NOW) =>
  parseWithZod(form({ ...basics, ...fields }), { schema: contactLogSchema(() => now) });
const errors = (fields: Record<string, string>) => {
  const submission = parse(fields);
  expect(submission.status).toBe("error");
  return submission.reply().error;
};

describe("the contact log form", () => {
  test("empty time is now; no vacancy is null; the text is trimmed", () => {
    const submission = parse({ body: "  Ответила: интересно, жду анкету  ", occurredAt: "", applicationId: "" });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value).toEqual({
      intent: "contact-log",
      channel: "SMS",
      direction: "OUTBOUND",
      body: "Ответила: интересно, жду анкету",
      occurredAt: NOW,
      applicationId: null,
    });
  });

  test("the time is read as Moscow time", () => {
    const submission = parse({ occurredAt: "2026-03-12T09:30", channel: "MESSENGER", direction: "INBOUND", applicationId: "cmabc123def" });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value.occurredAt.toISOString()).toBe("2026-03-12T06:30:00.000Z");
    expect(submission.value).toMatchObject({ channel: "MESSENGER", direction: "INBOUND", applicationId: "cmabc123def" });
    const typed = parse({ occurredAt: "2026-03-12 09:30" });
    expect(typed.status === "success" && typed.value.occurredAt.toISOString()).toBe("2026-03-12T06:30:00.000Z");
  });

  test("every channel and direction the database knows is offered", () => {
    for (const channel of ["SMS", "MESSENGER", "EMAIL", "PHONE", "OTHER"]) {
      for (const direction of ["OUTBOUND", "INBOUND"]) expect(parse({ channel, direction }).status).toBe("success");
    }
  });

  test("the text is required and at most 5,000 characters", () => {
    expect(errors({ body: "   " })).toEqual({ body: ["validation.required"] });
    expect(errors({ body: "а".repeat(MAX_CONTACT_TEXT + 1) })).toEqual({ body: [`validation.tooLong|max=${MAX_CONTACT_TEXT}`] });
    expect(parse({ body: "а".repeat(MAX_CONTACT_TEXT) }).status).toBe("success");
  });

  test("an unknown channel or direction is refused", () => {
    expect(errors({ channel: "PIGEON", direction: "SIDEWAYS" })).toEqual({
      channel: ["validation.invalidChoice"],
      direction: ["validation.invalidChoice"],
    });
  });

  test("a time in the future is refused; a clock a few seconds ahead is not the future", () => {
    // 15:01 in Moscow when it is 15:00.
    expect(errors({ occurredAt: "2026-03-12T15:02" })).toEqual({ occurredAt: ["contactLog.errors.future"] });
    expect(errors({ occurredAt: "2026-03-13T09:00" })).toEqual({ occurredAt: ["contactLog.errors.future"] });
    expect(parse({ occurredAt: "2026-03-12T15:00" }).status).toBe("success");
    expect(parse({ occurredAt: "2026-03-12T15:00" }, new Date("2026-03-12T11:59:30Z")).status).toBe("success");
  });

  test("what is not a date and time, or a date years ago, is refused", () => {
    for (const occurredAt of ["вчера", "2026-02-31T10:00", "2026-03-12T25:00", "12.03.2026"]) {
      expect(errors({ occurredAt })).toEqual({ occurredAt: ["contactLog.errors.dateTime"] });
    }
    expect(errors({ occurredAt: "2016-03-12T10:00" })).toEqual({ occurredAt: ["contactLog.errors.tooOld"] });
  });

  test("a vacancy id that cannot be one is refused", () => {
    expect(errors({ applicationId: "x'; DROP TABLE" })).toEqual({ applicationId: ["validation.invalidChoice"] });
  });
});
