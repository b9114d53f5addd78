import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, test } from "vitest";
import {
  campaignFormSchema,
  campaignFormValues,
  formatClock,
  parseClock,
  splitTags,
} from "~/outreach/campaign-form";
import { formatLocalDateTime, parseLocalDateTime } from "~/i18n/local-time";

// Monday 3 March 2031, 12:00 in Moscow (UTC+3).
const NOW = new Date("2031-03-03T09:00:00Z");
const schema = campaignFormSchema({ now: () => NOW });

function form(fields: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) data.append(key, v);
  return data;
}

const valid = {
  name: "Продающее письмо — март",
  vacancyId: "vac-1",
  templateId: "tpl-1",
  locale: "ru",
  audienceMode: "filter",
  stages: ["SOURCED"],
  ratePerMinute: "20",
  ratePerHour: "600",
  windowEnabled: "on",
  windowStart: "09:00",
  windowEnd: "19:00",
  windowDays: ["1", "2", "3", "4", "5"],
};
const parse = (fields: Record<string, string | string[] | undefined>) => {
  const merged = Object.fromEntries(Object.entries({ ...valid, ...fields }).filter(([, v]) => v !== undefined)) as Record<string, string | string[]>;
  return parseWithZod(form(merged), { schema });
};
const errorsOf = (fields: Record<string, string | string[] | undefined>) => {
  const submission = parse(fields);
  expect(submission.status).toBe("error");
  return submission.reply().error ?? {};
};

describe("the campaign form", () => {
  test("a complete form becomes a draft: audience, limits, window in minutes, start in UTC", () => {
    const submission = parse({ stages: ["SOURCED", "CONTACTED"], tiers: ["TARGET"], sources: "HH", tags: "сильный, звонить после 18 ,сильный", scheduledAt: "2031-03-04T10:30" });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value).toEqual({
      name: "Продающее письмо — март",
      vacancyId: "vac-1",
      templateId: "tpl-1",
      locale: "ru",
      audience: { mode: "filter", stages: ["SOURCED", "CONTACTED"], tiers: ["TARGET"], sources: ["HH"], tags: ["сильный", "звонить после 18"] },
      ratePerMinute: 20,
      ratePerHour: 600,
      windowEnabled: true,
      windowStart: 540,
      windowEnd: 1140,
      windowDays: [1, 2, 3, 4, 5],
      // 10:30 Moscow time is 07:30 UTC.
      scheduledAt: new Date("2031-03-04T07:30:00Z"),
    });
  });

  test("a hand-built list needs no stages; no schedule means at launch", () => {
    const submission = parse({ audienceMode: "list", stages: undefined });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value.audience).toEqual({ mode: "list" });
    expect(submission.value.scheduledAt).toBeNull();
  });

  test.each([
    ["0", "campaigns.errors.ratePerMinute|min=1|max=10000"],
    ["-5", "campaigns.errors.ratePerMinute|min=1|max=10000"],
    ["2.5", "campaigns.errors.ratePerMinute|min=1|max=10000"],
    ["10001", "campaigns.errors.ratePerMinute|min=1|max=10000"],
    ["", "campaigns.errors.ratePerMinute|min=1|max=10000"],
    ["много", "campaigns.errors.ratePerMinute|min=1|max=10000"],
  ])("a per-minute rate of %j is refused", (value, message) => {
    expect(errorsOf({ ratePerMinute: value }).ratePerMinute).toEqual([message]);
  });

  test("per-hour limits: 0, negative, above the cap, and below the per-minute one", () => {
    expect(errorsOf({ ratePerHour: "0" }).ratePerHour).toEqual(["campaigns.errors.ratePerHour|min=1|max=100000"]);
    expect(errorsOf({ ratePerHour: "-1" }).ratePerHour).toEqual(["campaigns.errors.ratePerHour|min=1|max=100000"]);
    expect(errorsOf({ ratePerHour: "100001" }).ratePerHour).toEqual(["campaigns.errors.ratePerHour|min=1|max=100000"]);
    expect(errorsOf({ ratePerMinute: "50", ratePerHour: "40" }).ratePerHour).toEqual(["campaigns.errors.hourBelowMinute"]);
    expect(parse({ ratePerMinute: "50", ratePerHour: "50" }).status).toBe("success");
  });

  test("a window must end after it starts, in readable times, on at least one day", () => {
    expect(errorsOf({ windowStart: "19:00", windowEnd: "09:00" }).windowEnd).toEqual(["campaigns.errors.windowOrder"]);
    expect(errorsOf({ windowStart: "10:00", windowEnd: "10:00" }).windowEnd).toEqual(["campaigns.errors.windowOrder"]);
    const unreadable = errorsOf({ windowStart: "25:00", windowEnd: "9" });
    expect(unreadable.windowStart).toEqual(["campaigns.errors.clock"]);
    expect(unreadable.windowEnd).toEqual(["campaigns.errors.clock"]);
    expect(errorsOf({ windowDays: undefined }).windowDays).toEqual(["campaigns.errors.dayRequired"]);
    expect(errorsOf({ windowDays: ["8"] })["windowDays[0]"]).toEqual(["validation.invalidChoice"]);
  });

  test("a window that is off is not checked and keeps sensible hours", () => {
    const submission = parse({ windowEnabled: undefined, windowStart: "19:00", windowEnd: "09:00", windowDays: undefined });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value).toMatchObject({ windowEnabled: false, windowStart: 540, windowEnd: 1140, windowDays: [1, 2, 3, 4, 5] });
  });

  test("a start in the past, right now, unreadable or too far ahead is refused", () => {
    expect(errorsOf({ scheduledAt: "2031-03-03T11:59" }).scheduledAt).toEqual(["campaigns.errors.scheduleInPast"]);
    expect(errorsOf({ scheduledAt: "2031-03-03T12:00" }).scheduledAt).toEqual(["campaigns.errors.scheduleInPast"]);
    expect(errorsOf({ scheduledAt: "2020-01-01T10:00" }).scheduledAt).toEqual(["campaigns.errors.scheduleInPast"]);
    expect(errorsOf({ scheduledAt: "2031-02-30T10:00" }).scheduledAt).toEqual(["campaigns.errors.dateTime"]);
    expect(errorsOf({ scheduledAt: "завтра" }).scheduledAt).toEqual(["campaigns.errors.dateTime"]);
    expect(errorsOf({ scheduledAt: "2033-03-03T10:00" }).scheduledAt).toEqual(["campaigns.errors.scheduleTooFar|max=365"]);
    expect(parse({ scheduledAt: "2031-03-03T12:01" }).status).toBe("success");
  });

  test("every problem shows at once, each next to its field", () => {
    const errors = errorsOf({ name: " ", templateId: undefined, stages: undefined, ratePerMinute: "0", windowEnd: "08:00", scheduledAt: "2020-01-01T00:00" });
    expect(errors).toMatchObject({
      name: ["validation.required"],
      templateId: ["campaigns.errors.templateRequired"],
      stages: ["campaigns.errors.stageRequired"],
      ratePerMinute: ["campaigns.errors.ratePerMinute|min=1|max=10000"],
      windowEnd: ["campaigns.errors.windowOrder"],
      scheduledAt: ["campaigns.errors.scheduleInPast"],
    });
  });

  test("unknown stages, tiers and sources are refused; too many tags too", () => {
    expect(errorsOf({ stages: ["SOURCED", "NOPE"] })["stages[1]"]).toEqual(["validation.invalidChoice"]);
    expect(errorsOf({ tiers: "GOLD" })["tiers[0]"]).toEqual(["validation.invalidChoice"]);
    expect(errorsOf({ tags: Array.from({ length: 21 }, (_, i) => `t${i}`).join(",") }).tags).toEqual(["campaigns.errors.tooManyTags|max=20"]);
  });
});

describe("times typed in Moscow", () => {
  test("clock times", () => {
    expect(parseClock("9:00")).toBe(540);
    expect(parseClock("24:00")).toBe(1440);
    expect(parseClock("24:01")).toBeNull();
    expect(parseClock("12:60")).toBeNull();
    expect(parseClock(undefined)).toBeNull();
    expect(formatClock(1140)).toBe("19:00");
    expect(formatClock(65)).toBe("01:05");
  });

  test("a datetime-local value is read in Moscow and written back the same", () => {
    const at = parseLocalDateTime("2031-12-31T23:30");
    expect(at?.toISOString()).toBe("2031-12-31T20:30:00.000Z");
    expect(formatLocalDateTime(at!)).toBe("2031-12-31T23:30");
    expect(parseLocalDateTime("2031-13-01T10:00")).toBeNull();
  });

  test("tags typed with commas, semicolons or lines", () => {
    expect(splitTags(" a, b ;a\n  c  d ")).toEqual(["a", "b", "c d"]);
    expect(splitTags(undefined)).toEqual([]);
  });
});

describe("form values", () => {
  test("a new form starts with the safe defaults", () => {
    expect(campaignFormValues()).toMatchObject({ stages: ["SOURCED"], ratePerMinute: "20", ratePerHour: "600", windowEnabled: "on", windowStart: "09:00", windowEnd: "19:00", windowDays: ["1", "2", "3", "4", "5"] });
  });

  test("a saved draft round-trips through the form", () => {
    const values = campaignFormValues({
      name: "Март",
      vacancyId: "vac-1",
      templateId: "tpl-1",
      locale: "en",
      audience: { mode: "filter", stages: ["SOURCED"], tiers: ["TARGET"], sources: [], tags: ["a", "b"] },
      ratePerMinute: 5,
      ratePerHour: 100,
      windowEnabled: false,
      windowStart: 600,
      windowEnd: 1020,
      windowDays: [1, 3],
      scheduledAt: new Date("2031-03-04T07:30:00Z"),
    });
    expect(values).toMatchObject({ tags: "a, b", windowEnabled: "", windowStart: "10:00", windowEnd: "17:00", windowDays: ["1", "3"], scheduledAt: "2031-03-04T10:30" });
    const fields = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== "" && !(Array.isArray(v) && !v.length)));
    const submission = parseWithZod(form(fields), { schema });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value).toMatchObject({ ratePerMinute: 5, windowEnabled: false, windowStart: 600, windowEnd: 1020, windowDays: [1, 3], scheduledAt: new Date("2031-03-04T07:30:00Z") });
  });
});
