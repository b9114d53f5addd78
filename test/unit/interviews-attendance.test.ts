import { describe, expect, it } from "vitest";
import {
  checkInOrder,
  checkInState,
  checkInTally,
  noShowRatios,
  noShowReport,
  sessionDay,
  showRateBreakdowns,
  type MarkedInvitation,
} from "~/interviews/attendance";
import { estimateShowRate } from "~/interviews/show-rate";

const MORNING = new Date("2026-03-10T07:00:00Z"); // 10:00 Moscow
const LATE_EVENING = new Date("2026-03-10T22:30:00Z"); // 01:30 on the 11th in Moscow, 23:30 on the 10th in London

const row = (over: Partial<MarkedInvitation>): MarkedInvitation => ({
  sessionId: "s1",
  startsAt: MORNING,
  timeZone: "Europe/Moscow",
  attended: true,
  late: false,
  confirmed: true,
  source: "HH",
  tier: "TARGET",
  ...over,
});

const rows: MarkedInvitation[] = [
  row({}),
  row({ late: true }),
  row({ attended: false, confirmed: false }),
  row({ attended: false, source: "SUPERJOB", tier: null }),
  row({ sessionId: "s2", startsAt: LATE_EVENING, attended: false, source: "SUPERJOB", tier: "ADJACENT", confirmed: false }),
  row({ sessionId: "s3", startsAt: LATE_EVENING, timeZone: "Europe/London", source: "REFERRAL" }),
];

describe("no-show ratios", () => {
  it("are no-shows over marked, per group in order of appearance", () => {
    expect(noShowRatios(rows, (r) => r.sessionId)).toEqual([
      { group: "s1", marked: 4, attended: 1, late: 1, noShow: 2, ratio: 0.5 },
      { group: "s2", marked: 1, attended: 0, late: 0, noShow: 1, ratio: 1 },
      { group: "s3", marked: 1, attended: 1, late: 0, noShow: 0, ratio: 0 },
    ]);
  });

  it("group days in each session's own time zone", () => {
    expect(sessionDay(LATE_EVENING, "Europe/Moscow")).toBe("2026-03-11");
    expect(sessionDay(LATE_EVENING, "Europe/London")).toBe("2026-03-10");
    const report = noShowReport(rows);
    expect(report.byDay.map((d) => [d.group, d.marked, d.noShow])).toEqual([
      ["2026-03-10", 5, 2],
      ["2026-03-11", 1, 1],
    ]);
  });

  it("report every grouping, each adding up to the total marked", () => {
    const report = noShowReport(rows);
    expect(report.total).toEqual({ group: "all", marked: 6, attended: 2, late: 1, noShow: 3, ratio: 0.5 });
    expect(report.bySource.map((g) => [g.group, g.noShow, g.marked])).toEqual([
      ["HH", 1, 3],
      ["SUPERJOB", 2, 2],
      ["REFERRAL", 0, 1],
    ]);
    expect(report.byTier.map((g) => [g.group, g.ratio])).toEqual([
      ["TARGET", 0.25],
      [null, 1],
      ["ADJACENT", 1],
    ]);
    expect(report.bySession.map((s) => [s.group, s.startsAt, s.timeZone])).toEqual([
      ["s1", MORNING, "Europe/Moscow"],
      ["s2", LATE_EVENING, "Europe/Moscow"],
      ["s3", LATE_EVENING, "Europe/London"],
    ]);
    for (const groups of [report.bySession, report.byDay, report.bySource, report.byTier]) {
      expect(groups.reduce((sum, g) => sum + g.marked, 0)).toBe(6);
      expect(groups.reduce((sum, g) => sum + g.noShow, 0)).toBe(3);
    }
  });

  it("are empty with nothing marked", () => {
    expect(noShowReport([])).toEqual({ total: null, bySession: [], byDay: [], bySource: [], byTier: [] });
  });
});

describe("show-rate breakdowns", () => {
  it("estimate each source, tier and confirmed group from the prior and its own marks", () => {
    const { source, tier, confirmed } = showRateBreakdowns(rows);
    expect(source.map((g) => [g.group, g.attended, g.noShow])).toEqual([
      ["HH", 2, 1],
      ["SUPERJOB", 0, 2],
      ["REFERRAL", 1, 0],
    ]);
    expect(source[0]!.estimate).toEqual(estimateShowRate({ attended: 2, noShow: 1 }));
    expect(tier.map((g) => g.group)).toEqual(["TARGET", null, "ADJACENT"]);
    expect(confirmed.map((g) => [g.group, g.attended, g.noShow])).toEqual([
      [true, 3, 1],
      [false, 0, 2],
    ]);
  });
});

describe("check-in", () => {
  const starts = new Date("2026-03-10T07:00:00Z");
  const open = { startsAt: starts, cancelledAt: null, checkInClosedAt: null };

  it("opens 30 minutes before the start and stays open until closed", () => {
    expect(checkInState(open, new Date("2026-03-10T06:29:59Z"))).toBe("not-yet");
    expect(checkInState(open, new Date("2026-03-10T06:30:00Z"))).toBe("open");
    expect(checkInState(open, new Date("2026-03-12T00:00:00Z"))).toBe("open");
    expect(checkInState({ ...open, checkInClosedAt: starts }, new Date("2026-03-10T08:00:00Z"))).toBe("closed");
    expect(checkInState({ ...open, cancelledAt: new Date("2026-03-09T00:00:00Z") }, new Date("2026-03-10T07:00:00Z"))).toBe("cancelled");
  });

  it("tallies the marks, the ratio over those marked", () => {
    expect(checkInTally(["ATTENDED", "LATE", "NO_SHOW", null, "ATTENDED"])).toEqual({ attended: 2, late: 1, noShow: 1, unmarked: 1, marked: 4, ratio: 0.25 });
    expect(checkInTally([null, null]).ratio).toBeNull();
  });

  it("lists the confirmed first, then by name, erased people last", () => {
    const people = [
      { invitationId: "a", status: "INVITED" as const, sortName: "Антонов Пётр" },
      { invitationId: "b", status: "CONFIRMED" as const, sortName: "Яковлева Анна" },
      { invitationId: "c", status: "CONFIRMED" as const, sortName: null },
      { invitationId: "d", status: "CONFIRMED" as const, sortName: "борисов Иван" },
      { invitationId: "e", status: "INVITED" as const, sortName: "Ёлкин Олег" },
    ];
    expect(checkInOrder(people, "ru").map((p) => p.invitationId)).toEqual(["d", "b", "c", "a", "e"]);
  });
});
