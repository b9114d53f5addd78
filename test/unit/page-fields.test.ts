import { describe, expect, it } from "vitest";
import { crawlerUserAgent } from "~/sourcing/pages/adapter";
import {
  cleanText,
  pageExternalId,
  parseMonth,
  parsePeriod,
  parseRelocation,
  parseSalaryRub,
  splitFullName,
} from "~/sourcing/pages/fields";

describe("page field reading", () => {
  it("collapses whitespace and no-break spaces, empty becomes null", () => {
    expect(cleanText("  Иванов\u00a0 Иван\n\tПетрович ")).toBe("Иванов Иван Петрович");
    expect(cleanText(" \u00a0\n")).toBeNull();
    expect(cleanText(null)).toBeNull();
  });

  it("splits Russian full names as last, first, middle", () => {
    expect(splitFullName("Петрова Анна Сергеевна")).toEqual({ lastName: "Петрова", firstName: "Анна", middleName: "Сергеевна" });
    expect(splitFullName("Сидоров  Алексей")).toEqual({ lastName: "Сидоров", firstName: "Алексей", middleName: null });
    expect(splitFullName("Оглы Мамед Рашид оглы")).toMatchObject({ middleName: "Рашид оглы" });
    expect(splitFullName("Анна")).toBeNull();
    expect(splitFullName("")).toBeNull();
  });

  it("reads salaries in roubles and drops other currencies", () => {
    expect(parseSalaryRub("200 000 руб. на руки")).toBe(200_000);
    expect(parseSalaryRub("180\u00a0000\u00a0₽")).toBe(180_000);
    expect(parseSalaryRub("от 150000 RUB")).toBe(150_000);
    expect(parseSalaryRub("120 000 р.")).toBe(120_000);
    expect(parseSalaryRub("3 500 USD")).toBeNull();
    expect(parseSalaryRub("$3500")).toBeNull();
    expect(parseSalaryRub("2 000 евро")).toBeNull();
    expect(parseSalaryRub("по договорённости")).toBeNull();
    expect(parseSalaryRub("150 000")).toBeNull();
    expect(parseSalaryRub("150 000", true)).toBe(150_000);
  });

  it("reads Russian month names and ISO months", () => {
    expect(parseMonth("март 2019")).toBe("2019-03-01");
    expect(parseMonth("Сентябрь 2021")).toBe("2021-09-01");
    expect(parseMonth("сент. 2021")).toBe("2021-09-01");
    expect(parseMonth("май 2020 г.")).toBe("2020-05-01");
    expect(parseMonth("2014-09")).toBe("2014-09-01");
    expect(parseMonth("2014-09-17")).toBe("2014-09-01");
    expect(parseMonth("весна 2019")).toBeNull();
    expect(parseMonth("2019-13")).toBeNull();
    expect(parseMonth("2019")).toBeNull();
  });

  it("reads work periods, open or closed", () => {
    expect(parsePeriod("март 2019 — по настоящее время")).toEqual({ startedOn: "2019-03-01", endedOn: null });
    expect(parsePeriod("апрель 2015 — февраль 2019")).toEqual({ startedOn: "2015-04-01", endedOn: "2019-02-01" });
    expect(parsePeriod("январь 2018 – декабрь 2023")).toEqual({ startedOn: "2018-01-01", endedOn: "2023-12-01" });
    expect(parsePeriod("Октябрь 2020 - сейчас")).toEqual({ startedOn: "2020-10-01", endedOn: null });
    expect(parsePeriod("июнь 2022—н.в.")).toEqual({ startedOn: "2022-06-01", endedOn: null });
    expect(parsePeriod("весна 2019 — по настоящее время")).toBeNull();
    expect(parsePeriod("май 2020 — март 2019")).toBeNull();
    expect(parsePeriod("март 2019")).toBeNull();
  });

  it("reads readiness to relocate", () => {
    expect(parseRelocation("готова к переезду")).toBe(true);
    expect(parseRelocation("Готов к переезду")).toBe(true);
    expect(parseRelocation("не готов к переезду")).toBe(false);
    expect(parseRelocation("Не готова к переезду")).toBe(false);
    expect(parseRelocation("переезд невозможен")).toBe(false);
    expect(parseRelocation("готов к командировкам")).toBeNull();
    expect(parseRelocation(null)).toBeNull();
  });

  it("namespaces external ids by site and identifies the crawler", () => {
    expect(pageExternalId("career-site", " A-1001 ")).toBe("career-site:A-1001");
    expect(pageExternalId("career-site", "")).toBeNull();
    expect(crawlerUserAgent("https://hiring.example")).toBe("KAMHiringBot/1.0 (+https://hiring.example)");
    expect(crawlerUserAgent(undefined)).toBe("KAMHiringBot/1.0");
  });
});
