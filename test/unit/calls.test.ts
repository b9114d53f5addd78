import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, test } from "vitest";
import { demoCalls } from "~/demo/calls";
import { generateDemo } from "~/demo/generate";
import { CALL_SCRIPT_FIELDS, DEFAULT_CALL_SCRIPTS, fillCallScript } from "~/outreach/call-script";
import {
  dailyCallStats,
  isTypingTarget,
  MAX_UNREACHED_ATTEMPTS,
  moscowDay,
  moscowToday,
  NOT_INTERESTED_REASONS,
  outcomeSchema,
  RETRY_AFTER_MS,
  shortcut,
  taskAfterCall,
  unreachedStreak,
  type CallRecord,
} from "~/outreach/calls";
import { formatLocalDateTime, parseLocalDateTime } from "~/i18n/local-time";

const NOW = new Date("2026-03-02T10:00:00.000Z"); // 13:00 in Moscow

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}
const parse = (fields: Record<string, string>) => parseWithZod(form({ applicationId: "app1", ...fields }), { schema: outcomeSchema(NOW) });

describe("Moscow time", () => {
  test("a datetime-local value is read as Moscow time (UTC+3) and written back the same", () => {
    expect(parseLocalDateTime("2026-03-02T14:30")?.toISOString()).toBe("2026-03-02T11:30:00.000Z");
    expect(formatLocalDateTime(new Date("2026-03-02T11:30:00.000Z"))).toBe("2026-03-02T14:30");
    // Just after midnight in Moscow is still the previous day in UTC.
    expect(parseLocalDateTime("2026-03-03T00:15")?.toISOString()).toBe("2026-03-02T21:15:00.000Z");
  });

  test("what is not a date and time is refused, 31 February included", () => {
    for (const value of ["", "завтра", "2026-02-31T10:00", "2026-03-02 25:00", "2026-03-02T24:00", "2026-13-01T10:00"]) {
      expect(parseLocalDateTime(value)).toBeNull();
    }
  });

  test("the Moscow day turns at 21:00 UTC", () => {
    expect(moscowDay(new Date("2026-03-02T20:59:59.999Z"))).toBe("2026-03-02");
    expect(moscowDay(new Date("2026-03-02T21:00:00.000Z"))).toBe("2026-03-03");
    expect(moscowToday(new Date("2026-03-02T22:00:00Z"))).toEqual({
      day: "2026-03-03",
      from: new Date("2026-03-02T21:00:00.000Z"),
      to: new Date("2026-03-03T21:00:00.000Z"),
    });
  });
});

describe("retry rules", () => {
  test("no answer: called again in two hours", () => {
    expect(taskAfterCall({ outcome: "NO_ANSWER", at: NOW, streakBefore: 0 })).toEqual({
      dueAt: new Date(NOW.getTime() + RETRY_AFTER_MS),
      callbackRequested: false,
      done: null,
    });
    expect(RETRY_AFTER_MS).toBe(2 * 3_600_000);
  });

  test("the fifth call in a row without reaching anyone takes the candidate off the list as unreachable", () => {
    expect(MAX_UNREACHED_ATTEMPTS).toBe(5);
    expect(taskAfterCall({ outcome: "NO_ANSWER", at: NOW, streakBefore: 3 }).done).toBeNull();
    expect(taskAfterCall({ outcome: "NO_ANSWER", at: NOW, streakBefore: 4 })).toEqual({ dueAt: null, callbackRequested: false, done: "unreachable" });
  });

  test("the streak counts only the unanswered calls since someone last picked up", () => {
    expect(unreachedStreak([])).toBe(0);
    expect(unreachedStreak(["NO_ANSWER", "NO_ANSWER"])).toBe(2);
    expect(unreachedStreak(["NO_ANSWER", "CALL_BACK", "NO_ANSWER", "NO_ANSWER"])).toBe(1);
    expect(unreachedStreak(["CALL_BACK", "NO_ANSWER"])).toBe(0);
  });

  test("a callback is due at the time asked for; a reached or wrong number is done", () => {
    const at = new Date("2026-03-03T08:00:00Z");
    expect(taskAfterCall({ outcome: "CALL_BACK", at: NOW, streakBefore: 4, callbackAt: at })).toEqual({ dueAt: at, callbackRequested: true, done: null });
    expect(() => taskAfterCall({ outcome: "CALL_BACK", at: NOW, streakBefore: 0 })).toThrow();
    expect(taskAfterCall({ outcome: "INTERESTED", at: NOW, streakBefore: 0 }).done).toBe("interested");
    expect(taskAfterCall({ outcome: "NOT_INTERESTED", at: NOW, streakBefore: 0 }).done).toBe("not-interested");
    expect(taskAfterCall({ outcome: "WRONG_NUMBER", at: NOW, streakBefore: 0 }).done).toBe("wrong-number");
  });
});

describe("the outcome form", () => {
  test("a callback must be in the future, in Moscow time, and not absurdly far", () => {
    expect(parse({ outcome: "CALL_BACK" }).reply().error).toEqual({ callbackAt: ["calls.errors.callbackRequired"] });
    // 13:00 Moscow is now: not in the future.
    expect(parse({ outcome: "CALL_BACK", callbackAt: "2026-03-02T13:00" }).reply().error).toEqual({ callbackAt: ["calls.errors.callbackPast"] });
    expect(parse({ outcome: "CALL_BACK", callbackAt: "2026-03-01T18:00" }).reply().error).toEqual({ callbackAt: ["calls.errors.callbackPast"] });
    expect(parse({ outcome: "CALL_BACK", callbackAt: "послезавтра" }).reply().error).toEqual({ callbackAt: ["calls.errors.callbackInvalid"] });
    expect(parse({ outcome: "CALL_BACK", callbackAt: "2027-03-02T13:00" }).reply().error).toEqual({ callbackAt: ["calls.errors.callbackTooFar"] });
    const ok = parse({ outcome: "CALL_BACK", callbackAt: "2026-03-02T13:01" });
    expect(ok.status).toBe("success");
    if (ok.status === "success") expect(ok.value).toMatchObject({ outcome: "CALL_BACK", callbackAt: new Date("2026-03-02T10:01:00Z"), reason: null });
  });

  test("not interested needs one of the reasons", () => {
    expect(parse({ outcome: "NOT_INTERESTED" }).reply().error).toEqual({ reason: ["calls.errors.reasonRequired"] });
    expect(parse({ outcome: "NOT_INTERESTED", reason: "too-far" }).reply().error).toEqual({ reason: ["calls.errors.reasonRequired"] });
    for (const reason of NOT_INTERESTED_REASONS) {
      const ok = parse({ outcome: "NOT_INTERESTED", reason });
      expect(ok.status === "success" && ok.value.reason).toBe(reason);
    }
  });

  test("other outcomes ignore a callback time or a reason left in the form; a note is optional and at most 2,000 characters", () => {
    const ok = parse({ outcome: "NO_ANSWER", callbackAt: "2020-01-01T00:00", reason: "salary", note: "  " });
    expect(ok.status === "success" && ok.value).toEqual({ applicationId: "app1", outcome: "NO_ANSWER", callbackAt: null, reason: null, note: null });
    expect(parse({ outcome: "WRONG_NUMBER", note: "x".repeat(2001) }).reply().error).toEqual({ note: ["validation.tooLong|max=2000"] });
    const note = parse({ outcome: "WRONG_NUMBER", note: ` ${"я".repeat(2000)} ` });
    expect(note.status === "success" && note.value.note).toHaveLength(2000);
  });

  test("an unknown outcome or a missing candidate is refused", () => {
    expect(parse({ outcome: "HUNG_UP" }).reply().error).toEqual({ outcome: ["calls.errors.outcome"] });
    expect(parseWithZod(form({ outcome: "NO_ANSWER" }), { schema: outcomeSchema(NOW) }).reply().error).toEqual({ applicationId: ["calls.errors.noCandidate"] });
  });
});

describe("keyboard", () => {
  const key = (k: string, extra: Record<string, boolean> = {}) => ({ key: k, ...extra });

  test("1, 3 and 5 record at once; 2 and 4 open the callback time and the reason; N the note", () => {
    expect(shortcut(key("1"), "none", false)).toEqual({ type: "outcome", outcome: "NO_ANSWER" });
    expect(shortcut(key("2"), "none", false)).toEqual({ type: "open", panel: "callback" });
    expect(shortcut(key("3"), "none", false)).toEqual({ type: "outcome", outcome: "INTERESTED" });
    expect(shortcut(key("4"), "none", false)).toEqual({ type: "open", panel: "reason" });
    expect(shortcut(key("5"), "none", false)).toEqual({ type: "outcome", outcome: "WRONG_NUMBER" });
    expect(shortcut(key("n"), "none", false)).toEqual({ type: "open", panel: "note" });
    expect(shortcut(key("т"), "none", false)).toEqual({ type: "open", panel: "note" });
    expect(shortcut(key("6"), "none", false)).toBeNull();
    expect(shortcut(key("1", { ctrlKey: true }), "none", false)).toBeNull();
  });

  test("with the reason choice open, 1–6 pick a reason and nothing else records", () => {
    NOT_INTERESTED_REASONS.forEach((reason, i) => expect(shortcut(key(String(i + 1)), "reason", false)).toEqual({ type: "reason", reason }));
    expect(shortcut(key("7"), "reason", false)).toBeNull();
    expect(shortcut(key("n"), "reason", false)).toBeNull();
  });

  test("keys do nothing while typing, except Esc, and Enter in the callback field", () => {
    for (const k of ["1", "3", "5", "n"]) expect(shortcut(key(k), "note", true)).toBeNull();
    expect(shortcut(key("Enter"), "note", true)).toBeNull();
    expect(shortcut(key("Enter"), "callback", true)).toEqual({ type: "submit-callback" });
    expect(shortcut(key("Escape"), "note", true)).toEqual({ type: "close" });
    expect(shortcut(key("Escape"), "none", false)).toBeNull();
  });

  test("text fields count as typing; buttons and radios do not", () => {
    expect(isTypingTarget({ tagName: "INPUT", type: "text" })).toBe(true);
    expect(isTypingTarget({ tagName: "INPUT", type: "datetime-local" })).toBe(true);
    expect(isTypingTarget({ tagName: "input" })).toBe(true);
    expect(isTypingTarget({ tagName: "TEXTAREA" })).toBe(true);
    expect(isTypingTarget({ tagName: "SELECT" })).toBe(true);
    expect(isTypingTarget({ tagName: "DIV", isContentEditable: true })).toBe(true);
    expect(isTypingTarget({ tagName: "INPUT", type: "radio" })).toBe(false);
    expect(isTypingTarget({ tagName: "BUTTON" })).toBe(false);
    expect(isTypingTarget({ tagName: "BODY" })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe("daily figures per recruiter", () => {
  const call = (recruiterId: string | null, outcome: CallRecord["outcome"], createdAt: string): CallRecord => ({ recruiterId, outcome, createdAt });

  test("calls, reached (call back, interested, not interested) and interested, by Moscow day", () => {
    const rows = dailyCallStats([
      call("anna", "NO_ANSWER", "2026-03-02T06:00:00Z"),
      call("anna", "CALL_BACK", "2026-03-02T07:00:00Z"),
      call("anna", "INTERESTED", "2026-03-02T08:00:00Z"),
      call("anna", "NOT_INTERESTED", "2026-03-02T09:00:00Z"),
      call("anna", "WRONG_NUMBER", "2026-03-02T10:00:00Z"),
      call("oleg", "INTERESTED", "2026-03-02T11:00:00Z"),
    ]);
    expect(rows).toEqual([
      { day: "2026-03-02", recruiterId: "anna", calls: 5, reached: 3, interested: 1 },
      { day: "2026-03-02", recruiterId: "oleg", calls: 1, reached: 1, interested: 1 },
    ]);
  });

  test("a call at 23:30 Moscow counts for that day, one at 00:30 for the next, newest day first", () => {
    const rows = dailyCallStats([
      call("anna", "NO_ANSWER", "2026-03-02T20:30:00Z"), // 23:30 on the 2nd
      call("anna", "INTERESTED", "2026-03-02T21:30:00Z"), // 00:30 on the 3rd
      call("anna", "NO_ANSWER", "2026-03-01T21:00:00Z"), // 00:00 on the 2nd
      call(null, "NO_ANSWER", "2026-03-02T21:00:00Z"),
    ]);
    expect(rows).toEqual([
      { day: "2026-03-03", recruiterId: "anna", calls: 1, reached: 1, interested: 1 },
      { day: "2026-03-03", recruiterId: null, calls: 1, reached: 0, interested: 0 },
      { day: "2026-03-02", recruiterId: "anna", calls: 2, reached: 0, interested: 0 },
    ]);
    expect(dailyCallStats([])).toEqual([]);
  });
});

describe("the default call script", () => {
  test("exists in both languages, names the competition and the questionnaire, and uses only known fields", () => {
    expect(DEFAULT_CALL_SCRIPTS.ru).toMatch(/конкурс/);
    expect(DEFAULT_CALL_SCRIPTS.ru).toMatch(/анкет/);
    expect(DEFAULT_CALL_SCRIPTS.en).toMatch(/competition/);
    for (const script of Object.values(DEFAULT_CALL_SCRIPTS)) {
      const fields = [...script.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]);
      expect(fields.every((f) => (CALL_SCRIPT_FIELDS as readonly string[]).includes(f!))).toBe(true);
    }
  });

  test("is filled per candidate; a missing middle name leaves no gap, an unknown field stays", () => {
    expect(fillCallScript("{{firstName}} {{middleName}}, добрый день! {{other}} {{ city }}", { firstName: "Ирина", city: "Москва" })).toBe(
      "Ирина, добрый день! {{other}} Москва",
    );
    expect(fillCallScript("Доход {{salaryRange}}.", { salaryRange: null })).toBe("Доход ….");
  });
});

describe("the demo's calls", () => {
  test("a few days of calls on the demo vacancy: consistent with the funnel, some this morning by both recruiters", () => {
    const now = new Date("2026-03-10T09:30:00Z"); // 12:30 in Moscow
    const data = generateDemo({ now });
    const { tasks, attempts } = demoCalls(data, now);
    expect(demoCalls(generateDemo({ now }), now)).toEqual({ tasks, attempts });
    const applications = new Map(data.applications.map((a) => [a.id, a]));
    expect(new Set(tasks.map((t) => t.applicationId)).size).toBe(tasks.length);
    for (const t of tasks) {
      const mine = attempts.filter((a) => a.applicationId === t.applicationId);
      expect(mine).toHaveLength(t.attempts);
      expect(applications.get(t.applicationId)!.vacancyId).toBe(data.vacancies[0]!.id);
      const stage = applications.get(t.applicationId)!.stage;
      if (!t.doneAt) expect(["SOURCED", "CONTACTED"]).toContain(stage);
      if (t.lastOutcome === "CALL_BACK") expect(stage).toBe("CONTACTED");
    }
    expect(attempts.every((a) => a.createdAt < now)).toBe(true);
    expect(attempts.filter((a) => a.outcome === "NOT_INTERESTED").every((a) => NOT_INTERESTED_REASONS.includes(a.reason!))).toBe(true);
    const today = dailyCallStats(attempts).filter((row) => row.day === moscowDay(now));
    expect(today.length).toBe(2);
    expect(today.reduce((n, row) => n + row.calls, 0)).toBeGreaterThanOrEqual(6);
    expect(today.some((row) => row.reached > 0)).toBe(true);
    expect(tasks.filter((t) => t.callbackRequested && t.dueAt! <= now)).toHaveLength(1);
    expect(dailyCallStats(attempts).some((row) => row.interested > 0)).toBe(true);
  });
});
