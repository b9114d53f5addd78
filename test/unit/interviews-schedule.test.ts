import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { estimateShowRate } from "~/interviews/show-rate";
import { recommendInvites } from "~/interviews/overbooking";
import {
  chancesFor,
  isWebLink,
  localSlot,
  MAX_SESSIONS_PER_SERIES,
  planSeries,
  previewSlots,
  seriesFormSchema,
  SessionEditSchema,
  sessionPlan,
} from "~/interviews/schedule";

const NOW = new Date("2026-03-01T09:00:00Z");
const schema = seriesFormSchema({ now: () => NOW });

function form(fields: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) data.append(key, v);
  return data;
}

const valid = {
  vacancyId: "vac-1",
  name: "Март, неделя 1",
  "days[0]": "2026-03-10",
  "days[1]": "2026-03-11",
  "times[0]": "10:00",
  "times[1]": "14:30",
  durationMinutes: "120",
  timeZone: "Europe/Moscow",
  place: "Офис, Тверская 1, переговорная 3",
  videoUrl: "",
  seats: "8",
  capacity: "12",
  confidencePercent: "80",
  assessorIds: ["u1", "u2"],
};

const parse = (over: Record<string, string | string[]> = {}, drop: string[] = []) => {
  const fields: Record<string, string | string[]> = { ...valid, ...over };
  for (const key of drop) delete fields[key];
  return parseWithZod(form(fields), { schema });
};
const errorsOf = (over: Record<string, string | string[]> = {}, drop: string[] = []) => {
  const submission = parse(over, drop);
  expect(submission.status).toBe("error");
  return submission.status === "error" ? submission.error ?? {} : {};
};

describe("planSeries", () => {
  it("makes every day × time, earliest first, in the chosen zone", () => {
    const slots = planSeries({ days: ["2026-03-11", "2026-03-10"], times: ["14:30", "10:00"], timeZone: "Europe/Moscow", durationMinutes: 90 });
    expect(slots.map((s) => s.startsAt.toISOString())).toEqual([
      "2026-03-10T07:00:00.000Z",
      "2026-03-10T11:30:00.000Z",
      "2026-03-11T07:00:00.000Z",
      "2026-03-11T11:30:00.000Z",
    ]);
    expect(slots[0]).toMatchObject({ day: "2026-03-10", time: "10:00", endsAt: new Date("2026-03-10T08:30:00.000Z") });
  });

  it("keeps the wall-clock time across a clock change (DST): the UTC instant moves", () => {
    // Berlin moves to summer time on 29 March 2026.
    const slots = planSeries({ days: ["2026-03-28", "2026-03-29", "2026-03-30"], times: ["10:00"], timeZone: "Europe/Berlin", durationMinutes: 60 });
    expect(slots.map((s) => s.startsAt.toISOString())).toEqual(["2026-03-28T09:00:00.000Z", "2026-03-29T08:00:00.000Z", "2026-03-30T08:00:00.000Z"]);
    // And back on 25 October.
    const autumn = planSeries({ days: ["2026-10-24", "2026-10-25"], times: ["09:00"], timeZone: "Europe/Berlin", durationMinutes: 60 });
    expect(autumn.map((s) => s.startsAt.toISOString())).toEqual(["2026-10-24T07:00:00.000Z", "2026-10-25T08:00:00.000Z"]);
  });

  it("reads the same typed time differently in different zones", () => {
    const at = (timeZone: string) => planSeries({ days: ["2026-06-01"], times: ["10:00"], timeZone, durationMinutes: 60 })[0]!.startsAt.toISOString();
    expect(at("Europe/Moscow")).toBe("2026-06-01T07:00:00.000Z");
    expect(at("Asia/Vladivostok")).toBe("2026-06-01T00:00:00.000Z");
    expect(at("UTC")).toBe("2026-06-01T10:00:00.000Z");
  });

  it("refuses a time the clocks skip and unreadable input", () => {
    expect(localSlot("2026-03-29", "02:30", "Europe/Berlin")).toBeNull();
    expect(localSlot("2026-03-29", "03:30", "Europe/Berlin")?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(() => planSeries({ days: ["2026-03-29"], times: ["02:30"], timeZone: "Europe/Berlin", durationMinutes: 60 })).toThrow(RangeError);
    expect(() => planSeries({ days: ["2026-02-30"], times: ["10:00"], timeZone: "Europe/Moscow", durationMinutes: 60 })).toThrow(RangeError);
    expect(() => planSeries({ days: ["2026-03-10"], times: ["24:00"], timeZone: "Europe/Moscow", durationMinutes: 60 })).toThrow(RangeError);
    expect(() => planSeries({ days: ["2026-03-10"], times: ["10:00"], timeZone: "Mars/Olympus", durationMinutes: 60 })).toThrow(RangeError);
  });
});

describe("the series form", () => {
  it("turns a valid form into UTC slots, a 0..1 confidence and unique assessors", () => {
    const submission = parse({ assessorIds: ["u1", "u2", "u1"] });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    const value = submission.value;
    expect(value.slots.map((s) => s.startsAt.toISOString())).toEqual([
      "2026-03-10T07:00:00.000Z",
      "2026-03-10T11:30:00.000Z",
      "2026-03-11T07:00:00.000Z",
      "2026-03-11T11:30:00.000Z",
    ]);
    expect(value).toMatchObject({ confidence: 0.8, seats: 8, capacity: 12, place: "Офис, Тверская 1, переговорная 3", videoUrl: null, assessorIds: ["u1", "u2"] });
  });

  it("ignores days and times left empty", () => {
    const submission = parse({ "days[2]": "", "times[2]": "" });
    expect(submission.status).toBe("success");
    if (submission.status === "success") expect(submission.value.slots).toHaveLength(4);
  });

  it("refuses a slot in the past, naming it", () => {
    expect(errorsOf({ "days[0]": "2026-03-01", "times[0]": "11:00" }).days).toEqual(["interviewSessions.errors.slotInPast|slot=2026-03-01 11:00"]);
    // 12:00 Moscow on 1 March is 09:00 UTC: exactly now is not ahead.
    expect(errorsOf({ "days[0]": "2026-03-01", "times[0]": "12:00", "times[1]": "13:00" }).days).toEqual(["interviewSessions.errors.slotInPast|slot=2026-03-01 12:00"]);
    expect(parse({ "days[0]": "2026-03-01", "times[0]": "12:01" }, ["days[1]", "times[1]"]).status).toBe("success");
  });

  it("refuses seats above the room capacity", () => {
    expect(errorsOf({ seats: "13", capacity: "12" }).capacity).toEqual(["interviewSessions.errors.capacityBelowSeats"]);
    expect(parse({ seats: "12", capacity: "12" }).status).toBe("success");
  });

  it("refuses duplicate days and times", () => {
    expect(errorsOf({ "days[1]": "2026-03-10" }).days).toEqual(["interviewSessions.errors.duplicateDay|day=2026-03-10"]);
    expect(errorsOf({ "times[1]": "10:00" }).times).toEqual(["interviewSessions.errors.duplicateTime|time=10:00"]);
    expect(errorsOf({ "times[1]": "9:00", "times[2]": "09:00" }).times).toEqual(["interviewSessions.errors.duplicateTime|time=09:00"]);
  });

  it(`refuses more than ${MAX_SESSIONS_PER_SERIES} sessions`, () => {
    const days = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`days[${i}]`, `2026-03-${String(10 + i)}`]));
    const times = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`times[${i}]`, `${String(9 + i).padStart(2, "0")}:00`]));
    expect(errorsOf({ ...days, ...times }).times).toEqual(["interviewSessions.errors.tooManySessions|max=60|count=63"]);
  });

  it("needs a place or an http(s) link, and an assessor", () => {
    expect(errorsOf({ place: "", videoUrl: "" }).place).toEqual(["interviewSessions.errors.placeOrVideo"]);
    expect(errorsOf({ videoUrl: "javascript:alert(1)" }).videoUrl).toEqual(["interviewSessions.errors.badLink"]);
    expect(errorsOf({ videoUrl: "ftp://files.example.com/x" }).videoUrl).toEqual(["interviewSessions.errors.badLink"]);
    expect(errorsOf({}, ["assessorIds"]).assessorIds).toEqual(["interviewSessions.errors.assessorRequired"]);
    const videoOnly = parse({ place: "", videoUrl: "https://telemost.yandex.ru/j/123" });
    expect(videoOnly.status === "success" && videoOnly.value).toMatchObject({ place: null, videoUrl: "https://telemost.yandex.ru/j/123" });
  });

  it("keeps confidence between 50 and 95%, and reports every problem at once", () => {
    expect(errorsOf({ confidencePercent: "99" }).confidencePercent).toEqual(["interviewSessions.errors.confidenceRange|min=50|max=95"]);
    expect(errorsOf({ confidencePercent: "40" }).confidencePercent).toEqual(["interviewSessions.errors.confidenceRange|min=50|max=95"]);
    const all = errorsOf({ seats: "20", capacity: "10", place: "", "days[0]": "2020-01-01", name: "", timeZone: "Nowhere/Town" }, ["assessorIds"]);
    expect(Object.keys(all).sort()).toEqual(["assessorIds", "capacity", "name", "place", "timeZone"]);
  });

  it("refuses a time the clocks skip in the chosen zone, and unreadable days", () => {
    expect(errorsOf({ "days[0]": "2026-03-29", "times[0]": "02:30", timeZone: "Europe/Berlin" }, ["days[1]", "times[1]"]).days).toEqual([
      "interviewSessions.errors.slotMissing|slot=2026-03-29 02:30",
    ]);
    expect(errorsOf({ "days[0]": "2026-02-30" }).days).toEqual(["interviewSessions.errors.badDay|day=2026-02-30"]);
    expect(errorsOf({}, ["days[0]", "days[1]"]).days).toEqual(["interviewSessions.errors.dayRequired"]);
  });
});

describe("the session edit form", () => {
  it("checks the room as the creator does", () => {
    const data = form({ place: "", videoUrl: "http://meet.example.com/r", seats: "10", capacity: "9", assessorIds: "u1" });
    const submission = parseWithZod(data, { schema: SessionEditSchema });
    expect(submission.status === "error" && submission.error).toEqual({ capacity: ["interviewSessions.errors.capacityBelowSeats"] });
    const ok = parseWithZod(form({ place: "Зал", seats: "9", capacity: "9", assessorIds: "u1" }), { schema: SessionEditSchema });
    expect(ok.status === "success" && ok.value).toEqual({ place: "Зал", videoUrl: null, seats: 9, capacity: 9, assessorIds: ["u1"] });
  });

  it("accepts only web links", () => {
    expect(isWebLink("https://zoom.us/j/1")).toBe(true);
    expect(isWebLink("http://10.0.0.1:8080/room")).toBe(true);
    expect(isWebLink("zoom.us/j/1")).toBe(false);
    expect(isWebLink("mailto:a@b.c")).toBe(false);
  });
});

describe("the preview", () => {
  it("shows the readable slots once each, flags the past ones, and skips what cannot be read", () => {
    const slots = previewSlots({ days: ["2026-03-01", "2026-03-02", "2026-03-02", "nonsense", ""], times: ["10:00", "13:00", "25:00"], timeZone: "Europe/Moscow", durationMinutes: "60" }, NOW);
    expect(slots.map((s) => [s.day, s.time, s.past])).toEqual([
      ["2026-03-01", "10:00", true],
      ["2026-03-01", "13:00", false],
      ["2026-03-02", "10:00", false],
      ["2026-03-02", "13:00", false],
    ]);
    expect(previewSlots({ days: ["2026-03-02"], times: ["10:00"], timeZone: "Bad/Zone" }, NOW)).toEqual([]);
  });
});

describe("a session's invitation plan", () => {
  const estimate = estimateShowRate({ attended: 0, noShow: 0 });

  it("recommends as recommendInvites does and says how many are still missing", () => {
    const plan = sessionPlan({ seats: 6, capacity: 10, confidence: 0.8, estimate, active: 5 });
    const expected = recommendInvites({ seats: 6, capacity: 10, estimate, confidence: 0.8 });
    expect(plan.recommended).toEqual(expected);
    expect(plan.inviteNow).toBe(expected.invite - 5);
    expect(plan.current.fillChance).toBeLessThan(expected.fillChance);
    expect(sessionPlan({ seats: 6, capacity: 10, confidence: 0.8, estimate, active: 100 }).inviteNow).toBe(0);
  });

  it("gives the recommendation's own chances at the recommended count", () => {
    const rec = recommendInvites({ seats: 4, capacity: 6, estimate, confidence: 0.8 });
    const at = chancesFor(rec.invite, { seats: 4, capacity: 6, estimate });
    expect(at.fillChance).toBeCloseTo(rec.fillChance, 12);
    expect(at.overCapacityChance).toBeCloseTo(rec.overCapacityChance, 12);
    expect(at.expectedAttendees).toBeCloseTo(rec.expectedAttendees, 12);
    expect(chancesFor(0, { seats: 4, capacity: 6, estimate })).toEqual({ fillChance: 0, overCapacityChance: 0, expectedAttendees: 0 });
  });
});
