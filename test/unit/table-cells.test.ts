import { describe, expect, it } from "vitest";
import { jobLine, periodCell, salaryCell, yesNoCell } from "~/sourcing/importers/table-cells";

describe("cells", () => {
  it.each([
    ["150 000 руб.", 150000],
    ["150000", 150000],
    ["150\u00a0000 ₽", 150000],
    ["от 120 000 р.", 120000],
    ["200 тыс. руб.", 200000],
    ["180k", 180000],
    ["150 000,00", 150000],
    // A decimal before "тыс."/"k" is part of the amount, not kopecks to drop.
    ["1,5 тыс.", 1500],
    ["1.5k", 1500],
    ["1,25 тыс. руб.", 1250],
    ["1 500,5 тыс.", 1_500_500],
    ["99 999,50", 100_000],
    ["", null],
    ["по договорённости", null],
    ["$5,000", null],
    ["3000 USD", null],
    ["2 500 евро", null],
  ])("salary %j → %j", (cell, value) => {
    expect(salaryCell(cell)).toEqual({ value });
  });

  it.each(["много", "150 000 в неделю", "0"])("salary %j is reported, not guessed", (cell) => {
    expect(salaryCell(cell)).toEqual({ bad: true });
  });

  it.each([
    ["2019–2022", "2019-01-01", "2022-12-01"],
    ["2019-2022", "2019-01-01", "2022-12-01"],
    ["03.2019 - 05.2021", "2019-03-01", "2021-05-01"],
    ["03.2019–н.в.", "2019-03-01", null],
    ["2019-03 – 2021-05", "2019-03-01", "2021-05-01"],
    ["март 2019 — по настоящее время", "2019-03-01", null],
    ["с 2020", "2020-01-01", null],
    ["2018 –", "2018-01-01", null],
    ["2019-03-15", "2019-03-01", null],
    ["15.03.2019 - 31.12.2020", "2019-03-01", "2020-12-01"],
    ["2017 to present", "2017-01-01", null],
  ])("period %j → %s … %s", (cell, startedOn, endedOn) => {
    expect(periodCell(cell)).toEqual({ value: { startedOn, endedOn } });
  });

  it.each(["давно", "2022–2019", "13.2019", "1850–1860"])("period %j is reported", (cell) => {
    expect(periodCell(cell)).toEqual({ bad: true });
  });

  it("reads work history lines with the first spaced dash between employer and position", () => {
    expect(jobLine("Гидромаш-Сервис - Менеджер по продажам (2019–2022)")).toEqual({ companyName: "Гидромаш-Сервис", title: "Менеджер по продажам", industry: null, startedOn: "2019-01-01", endedOn: "2022-12-01" });
    expect(jobLine("Альфа - Трейд — KAM (03.2021 – н.в.)")).toMatchObject({ companyName: "Альфа - Трейд", title: "KAM", endedOn: null });
    expect(jobLine("Гидромаш, KAM, 2019")).toBeNull();
    expect(jobLine("Гидромаш — KAM")).toBeNull();
    expect(jobLine("Гидромаш — KAM (когда-то)")).toBeNull();
  });

  it("reads yes and no", () => {
    expect(["да", "Нет", "yes", "готов к переезду", "не готов", "", "может быть"].map(yesNoCell)).toEqual([true, false, true, true, false, null, null]);
  });
});
