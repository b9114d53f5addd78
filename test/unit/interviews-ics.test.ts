import ICAL from "ical.js";
import { describe, expect, test } from "vitest";
import { calendarUid, ICS_CONTENT_TYPE, ICS_METHOD, interviewCalendar, type InterviewEvent, organizerFrom } from "~/interviews/ics";

const event = (over: Partial<InterviewEvent> = {}): InterviewEvent => ({
  invitationId: "cinv123",
  host: "hiring.example.ru",
  sequence: 0,
  startsAt: new Date("2026-03-10T07:00:00.000Z"),
  durationMinutes: 120,
  summary: "Групповое собеседование: Менеджер по работе с ключевыми клиентами (KAM), оборудование",
  description: "Когда: вторник, 10 марта 2026 г., 10:00–12:00 (Москва)\nГде: Москва, ул. Профсоюзная, 1\nПодтвердить: https://hiring.example.ru/rsvp/tok",
  place: "Москва, ул. Профсоюзная, 1",
  videoUrl: "https://meet.example.ru/kam",
  rsvpUrl: "https://hiring.example.ru/rsvp/tok",
  organizer: { name: "KAM Hiring", email: "hiring@example.ru" },
  ...over,
});

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevent = calendar.getFirstSubcomponent("vevent");
  if (!vevent) throw new Error("no VEVENT");
  return { calendar, vevent, ev: new ICAL.Event(vevent) };
}

describe("the interview calendar file", () => {
  test("is a VCALENDAR with one VEVENT that ical.js reads back field by field", () => {
    const text = interviewCalendar(event());
    expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(text.trimEnd().endsWith("END:VCALENDAR")).toBe(true);
    const { calendar, vevent, ev } = parse(text);
    expect(calendar.name).toBe("vcalendar");
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(calendar.getAllSubcomponents("vevent")).toHaveLength(1);

    expect(ev.uid).toBe("interview-cinv123@hiring.example.ru");
    // In UTC, the session's own instant.
    const start = vevent.getFirstPropertyValue("dtstart") as ICAL.Time;
    expect(start.zone?.tzid).toBe("UTC");
    expect(start.toJSDate().toISOString()).toBe("2026-03-10T07:00:00.000Z");
    expect(ev.endDate.toJSDate().toISOString()).toBe("2026-03-10T09:00:00.000Z");
    expect(ev.duration.toSeconds()).toBe(7200);
    // Long Cyrillic lines are folded, and unfolded back whole.
    expect(ev.summary).toBe("Групповое собеседование: Менеджер по работе с ключевыми клиентами (KAM), оборудование");
    expect(text).toMatch(/\r\n[ \t]/);
    expect(ev.location).toBe("Москва, ул. Профсоюзная, 1, https://meet.example.ru/kam");
    expect(ev.description).toContain("https://hiring.example.ru/rsvp/tok");
    expect(ev.description.split("\n")).toHaveLength(3);
    expect(vevent.getFirstPropertyValue("url")).toBe("https://hiring.example.ru/rsvp/tok");
    expect(vevent.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(vevent.getFirstPropertyValue("sequence")).toBe(0);
    const organizer = vevent.getFirstProperty("organizer")!;
    expect(String(organizer.getFirstValue()).toLowerCase()).toBe("mailto:hiring@example.ru");
    expect(organizer.getParameter("cn")).toBe("KAM Hiring");
  });

  test("keeps its UID for the same invitation whatever the time; a new time raises SEQUENCE", () => {
    const first = parse(interviewCalendar(event()));
    const moved = parse(interviewCalendar(event({ startsAt: new Date("2026-03-11T11:30:00.000Z"), sequence: 1 })));
    expect(moved.ev.uid).toBe(first.ev.uid);
    expect(moved.vevent.getFirstPropertyValue("sequence")).toBe(1);
    expect(moved.ev.startDate.toJSDate().toISOString()).toBe("2026-03-11T11:30:00.000Z");
    expect(parse(interviewCalendar(event({ invitationId: "cother" }))).ev.uid).not.toBe(first.ev.uid);
    expect(calendarUid("cinv123", "hiring.example.ru")).toBe(first.ev.uid);
  });

  test("without a place: the video link is the location; without an organizer: none", () => {
    const { ev, vevent } = parse(interviewCalendar(event({ place: null, organizer: null })));
    expect(ev.location).toBe("https://meet.example.ru/kam");
    expect(vevent.getFirstProperty("organizer")).toBeNull();
    const nowhere = parse(interviewCalendar(event({ place: null, videoUrl: null })));
    expect(nowhere.vevent.getFirstProperty("location")).toBeNull();
  });

  test("refuses a duration that is not a positive number of minutes", () => {
    expect(() => interviewCalendar(event({ durationMinutes: 0 }))).toThrow(RangeError);
    expect(() => interviewCalendar(event({ durationMinutes: 1.5 }))).toThrow(RangeError);
  });

  test("is sent as text/calendar with the same method", () => {
    expect(ICS_CONTENT_TYPE).toBe(`text/calendar; charset=utf-8; method=${ICS_METHOD}`);
  });
});

describe("organizerFrom (MAIL_FROM)", () => {
  test.each([
    ["KAM Hiring <hiring@company.ru>", { name: "KAM Hiring", email: "hiring@company.ru" }],
    ['"ПромТехСнаб, подбор" <hr@ptsnab.ru>', { name: "ПромТехСнаб, подбор", email: "hr@ptsnab.ru" }],
    ["<hr@ptsnab.ru>", { email: "hr@ptsnab.ru" }],
    ["hr@ptsnab.ru", { email: "hr@ptsnab.ru" }],
    ["not an address", null],
  ])("%s", (from, expected) => {
    expect(organizerFrom(from)).toEqual(expected);
  });
});
