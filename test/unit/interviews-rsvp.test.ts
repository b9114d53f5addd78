import { describe, expect, test } from "vitest";
import { marksAtPlacement, reminderStep } from "~/interviews/reminder-times";
import { formatInterviewPlace, formatInterviewTime, MAX_DECLINE_NOTE, RsvpSchema, rsvpChoices, sessionPhase } from "~/interviews/rsvp";

const parse = (fields: Record<string, string>) => RsvpSchema.safeParse(fields);

describe("the RSVP form", () => {
  test("confirm, waitlist, move (with a session) and decline (with an optional note) pass", () => {
    expect(parse({ intent: "confirm" })).toMatchObject({ success: true, data: { intent: "confirm" } });
    expect(parse({ intent: "waitlist" })).toMatchObject({ success: true, data: { intent: "waitlist" } });
    expect(parse({ intent: "move", sessionId: "cm123abc" })).toMatchObject({ success: true, data: { intent: "move", sessionId: "cm123abc" } });
    expect(parse({ intent: "decline", note: "  Заболел, простите  " })).toMatchObject({ success: true, data: { note: "Заболел, простите" } });
    for (const blank of [{ intent: "decline" }, { intent: "decline", note: "   " }] as Array<Record<string, string>>) {
      const parsed = parse(blank);
      expect(parsed.success && parsed.data.intent === "decline" && parsed.data.note).toBeUndefined();
    }
  });

  test("refuses an unknown intent, a move without a (well-formed) session and a note over 500 characters", () => {
    expect(parse({ intent: "accept" }).error?.issues[0]?.message).toBe("validation.invalidChoice");
    expect(parse({ intent: "move" }).error?.issues[0]?.message).toBe("interviewInvitations.rsvp.errors.pickSession");
    expect(parse({ intent: "move", sessionId: "x'; DROP TABLE" }).error?.issues[0]?.message).toBe("interviewInvitations.rsvp.errors.pickSession");
    expect(parse({ intent: "decline", note: "я".repeat(MAX_DECLINE_NOTE) }).success).toBe(true);
    expect(parse({ intent: "decline", note: "я".repeat(MAX_DECLINE_NOTE + 1) }).error?.issues[0]?.message).toBe(`validation.tooLong|max=${MAX_DECLINE_NOTE}`);
  });
});

describe("what an invitation lets the candidate do", () => {
  test.each([
    ["INVITED", true, ["confirm", "move", "decline"]],
    ["CONFIRMED", true, ["move", "decline"]],
    ["WAITLISTED", true, ["confirm", "move", "decline"]],
    ["WAITLISTED", false, ["move", "decline"]],
    ["DECLINED", true, []],
    ["CANCELLED", true, []],
  ] as const)("%s (session: %s) → %j", (status, hasSession, choices) => {
    expect(rsvpChoices(status, hasSession)).toEqual(choices);
  });

  test("a session is upcoming before its start, running until its end, over after", () => {
    const session = { startsAt: "2026-03-10T07:00:00.000Z", durationMinutes: 120 };
    expect(sessionPhase(session, new Date("2026-03-10T06:59:59.999Z"))).toBe("upcoming");
    expect(sessionPhase(session, new Date("2026-03-10T07:00:00.000Z"))).toBe("running");
    expect(sessionPhase(session, new Date("2026-03-10T08:59:59.000Z"))).toBe("running");
    expect(sessionPhase(session, new Date("2026-03-10T09:00:00.000Z"))).toBe("over");
  });
});

describe("the time and place as the letter says them", () => {
  const session = { startsAt: "2026-03-10T07:00:00.000Z", durationMinutes: 90, timeZone: "Europe/Moscow" };

  test("in the session's own time zone, named, in the letter's language", () => {
    expect(formatInterviewTime(session, "ru")).toBe("вторник, 10 марта 2026 г., 10:00–11:30 (Москва)");
    expect(formatInterviewTime(session, "en")).toBe("Tuesday, 10 March 2026, 10:00–11:30 (Moscow Time)");
    expect(formatInterviewTime({ ...session, timeZone: "Asia/Yekaterinburg" }, "ru")).toBe("вторник, 10 марта 2026 г., 12:00–13:30 (Екатеринбург)");
  });

  test("across midnight, the end is the next day's time", () => {
    expect(formatInterviewTime({ startsAt: "2026-03-10T20:00:00.000Z", durationMinutes: 120, timeZone: "Europe/Moscow" }, "ru")).toBe("вторник, 10 марта 2026 г., 23:00–01:00 (Москва)");
  });

  test("place and video link, whichever there is", () => {
    expect(formatInterviewPlace({ place: "Москва, ул. Профсоюзная, 1", videoUrl: "https://meet.example/kam" })).toBe("Москва, ул. Профсоюзная, 1 · https://meet.example/kam");
    expect(formatInterviewPlace({ place: "  ", videoUrl: "https://meet.example/kam" })).toBe("https://meet.example/kam");
    expect(formatInterviewPlace({ place: null, videoUrl: null })).toBe("");
  });
});

describe("reminder times", () => {
  const HOUR = 3_600_000;
  const start = new Date("2026-03-10T07:00:00.000Z");
  const at = (hoursBefore: number) => new Date(start.getTime() - hoursBefore * HOUR);
  const none = { reminded24hAt: null, reminded2hAt: null };

  test("a placement more than a day ahead marks nothing; within a day the 24 h one; within 2 h both", () => {
    expect(marksAtPlacement(start, at(30))).toEqual(none);
    expect(marksAtPlacement(start, at(10))).toEqual({ reminded24hAt: at(10), reminded2hAt: null });
    expect(marksAtPlacement(start, at(24))).toEqual({ reminded24hAt: at(24), reminded2hAt: null });
    expect(marksAtPlacement(start, at(1))).toEqual({ reminded24hAt: at(1), reminded2hAt: at(1) });
  });

  test("nothing is due more than 24 h before", () => {
    expect(reminderStep(start, none, at(25))).toEqual({ send: null, mark: [] });
  });

  test("between 24 h and 2 h: the 24 h one, once", () => {
    expect(reminderStep(start, none, at(23))).toEqual({ send: "24h", mark: ["24h"] });
    expect(reminderStep(start, { reminded24hAt: at(23), reminded2hAt: null }, at(5))).toEqual({ send: null, mark: [] });
  });

  test("within 2 h: the 2 h one, once; a 24 h one not sent by then is marked, not sent", () => {
    expect(reminderStep(start, { reminded24hAt: at(23), reminded2hAt: null }, at(1.5))).toEqual({ send: "2h", mark: ["2h"] });
    expect(reminderStep(start, none, at(1))).toEqual({ send: "2h", mark: ["24h", "2h"] });
    expect(reminderStep(start, { reminded24hAt: at(23), reminded2hAt: at(1) }, at(0.5))).toEqual({ send: null, mark: [] });
  });

  test("from the start on nothing is sent; whatever is left is marked", () => {
    expect(reminderStep(start, none, at(0))).toEqual({ send: null, mark: ["24h", "2h"] });
    expect(reminderStep(start, { reminded24hAt: at(23), reminded2hAt: null }, at(-3))).toEqual({ send: null, mark: ["2h"] });
  });
});
