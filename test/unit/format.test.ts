import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatRub, formatRubRange } from "~/i18n/format";
import { formatPersonName } from "~/ui/person";

// Intl puts narrow/no-break spaces between digit groups; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("formatRub", () => {
  it("writes roubles the Russian way in Russian", () => {
    expect(plain(formatRub(150000, "ru"))).toBe("150 000 ₽");
  });

  it("writes roubles the English way in English", () => {
    expect(plain(formatRub(150000, "en"))).toMatch(/^RUB 150,000$|^₽150,000$/);
  });

  it("formats BigInt turnover beyond 2^53 exactly", () => {
    expect(plain(formatRub(12345678901234567n, "ru"))).toBe("12 345 678 901 234 567 ₽");
  });

  it("shows no kopecks", () => {
    expect(plain(formatRub(99, "en"))).not.toContain(".");
  });
});

describe("formatRubRange", () => {
  it.each([
    [120000, 180000, "ru", "120 000 ₽ – 180 000 ₽"],
    [120000, null, "ru", "от 120 000 ₽"],
    [null, 180000, "ru", "до 180 000 ₽"],
    [null, null, "en", "—"],
  ] as const)("%s–%s (%s)", (min, max, locale, expected) => {
    expect(plain(formatRubRange(min, max, locale))).toBe(expected);
  });
});

describe("dates", () => {
  it("are shown in Moscow time by default", () => {
    // 21:30 UTC is 00:30 the next day in Moscow.
    expect(formatDate("2026-03-01T21:30:00Z", "en")).toBe("2 Mar 2026");
    expect(plain(formatDateTime("2026-03-01T21:30:00Z", "en"))).toBe("2 Mar 2026, 00:30");
  });

  it("follow the user's time zone", () => {
    expect(formatDate("2026-03-01T21:30:00Z", "en", "Europe/London")).toBe("1 Mar 2026");
  });
});

describe("formatPersonName", () => {
  const person = { firstName: "Анна", lastName: "Смирнова", middleName: "Петровна" };
  it("puts the last name first in Russian", () => {
    expect(formatPersonName(person, "ru")).toBe("Смирнова Анна Петровна");
  });
  it("uses first and last name in English", () => {
    expect(formatPersonName(person, "en")).toBe("Анна Смирнова");
  });
});
