import { describe, expect, it } from "vitest";
import { budgetFreesAt, insideWindow, nextOpening, sendBudget, type SendWindow } from "~/outreach/sending-window";

// Moscow is UTC+3 all year: 09:00 MSK is 06:00Z.
const workingHours: SendWindow = { enabled: true, start: 9 * 60, end: 19 * 60, days: [1, 2, 3, 4, 5], timeZone: "Europe/Moscow" };

describe("nextOpening", () => {
  it("is null inside working hours, and with the window off", () => {
    expect(nextOpening(new Date("2026-12-02T10:00:00Z"), workingHours)).toBeNull(); // Wed 13:00 MSK
    expect(insideWindow(new Date("2026-12-06T10:00:00Z"), { ...workingHours, enabled: false })).toBe(true); // Sunday
  });

  it("opens at 09:00 Moscow time the same morning, and counts the start in and the end out", () => {
    expect(nextOpening(new Date("2026-12-02T03:00:00Z"), workingHours)).toEqual(new Date("2026-12-02T06:00:00Z"));
    expect(nextOpening(new Date("2026-12-02T06:00:00Z"), workingHours)).toBeNull();
    expect(nextOpening(new Date("2026-12-02T15:59:59Z"), workingHours)).toBeNull();
    // 19:00 MSK sharp is closed: the next morning.
    expect(nextOpening(new Date("2026-12-02T16:00:00Z"), workingHours)).toEqual(new Date("2026-12-03T06:00:00Z"));
  });

  it("skips the weekend: Friday evening waits for Monday 09:00", () => {
    expect(nextOpening(new Date("2026-12-04T17:00:00Z"), workingHours)).toEqual(new Date("2026-12-07T06:00:00Z"));
    expect(nextOpening(new Date("2026-12-05T12:00:00Z"), workingHours)).toEqual(new Date("2026-12-07T06:00:00Z"));
  });

  it("uses the window's own time zone", () => {
    const vladivostok = { ...workingHours, timeZone: "Asia/Vladivostok" }; // UTC+10
    // Wednesday 08:30 in Vladivostok (Tuesday evening in Moscow): opens at 09:00 local.
    expect(nextOpening(new Date("2026-12-01T22:30:00Z"), vladivostok)).toEqual(new Date("2026-12-01T23:00:00Z"));
    expect(nextOpening(new Date("2026-12-01T23:30:00Z"), vladivostok)).toBeNull();
    expect(nextOpening(new Date("2026-12-01T23:30:00Z"), workingHours)).toEqual(new Date("2026-12-02T06:00:00Z"));
  });

  it("refuses a window that never opens", () => {
    expect(() => nextOpening(new Date(), { ...workingHours, days: [] })).toThrow(/never opens/);
    expect(() => nextOpening(new Date(), { ...workingHours, start: 600, end: 600 })).toThrow(/never opens/);
  });
});

describe("sendBudget and budgetFreesAt", () => {
  const limits = { perMinute: 3, perHour: 5 };
  const now = new Date("2026-12-02T10:00:00Z");
  const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

  it("allows what both limits leave", () => {
    expect(sendBudget(limits, 0, 0)).toBe(3);
    expect(sendBudget(limits, 1, 4)).toBe(1);
    expect(sendBudget(limits, 3, 3)).toBe(0);
    expect(sendBudget(limits, 5, 9)).toBe(0);
  });

  it("frees the minute when its oldest attempt slides out", () => {
    expect(budgetFreesAt(limits, now, [ago(50), ago(20), ago(10)])).toEqual(new Date(now.getTime() + 10_000));
  });

  it("frees the hour when enough of the hour's attempts slide out", () => {
    const times = [ago(3000), ago(2000), ago(1000), ago(200), ago(100)];
    expect(budgetFreesAt(limits, now, times)).toEqual(new Date(ago(3000).getTime() + 3_600_000));
  });

  it("is now when nothing limits", () => {
    expect(budgetFreesAt(limits, now, [ago(10)])).toEqual(now);
  });
});
