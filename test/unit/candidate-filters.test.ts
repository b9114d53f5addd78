import { describe, expect, it } from "vitest";
import {
  candidateFiltersToParams,
  effectiveSort,
  isFiltered,
  parseCandidateFilters,
  type CandidateFilters,
} from "~/sourcing/candidate-filters";
import { disagreements } from "~/sourcing/provenance";

const parse = (query: string) => parseCandidateFilters(new URLSearchParams(query));

describe("parseCandidateFilters", () => {
  it("gives the plain list for an empty query", () => {
    expect(parse("")).toEqual({ filters: { q: "", sort: "name", page: 1 }, errors: {} });
  });

  it("reads every filter", () => {
    const { filters, errors } = parse(
      "q=Иванова&vacancy=cvac1&stage=CONTACTED&tier=TARGET&source=HH&city=Казань&salaryMin=100000&salaryMax=200000&tag=сильный&sort=newest&page=3",
    );
    expect(errors).toEqual({});
    expect(filters).toEqual({
      q: "Иванова",
      vacancyId: "cvac1",
      stage: "CONTACTED",
      tier: "TARGET",
      source: "HH",
      city: "Казань",
      salaryMin: 100000,
      salaryMax: 200000,
      tag: "сильный",
      sort: "newest",
      page: 3,
    });
  });

  it("trims and collapses spaces, and treats blanks as no filter", () => {
    const { filters } = parse("q=%20%20Иванова%20%20%20Казань%20&city=%20&tag=%20%20звонить%20%20после%2018%20");
    expect(filters).toMatchObject({ q: "Иванова Казань", tag: "звонить после 18" });
    expect(filters).not.toHaveProperty("city");
  });

  it.each([
    ["150 000", 150000],
    ["150\u00a0000 ₽", 150000],
    ["90000руб.", 90000],
    ["0", 0],
  ])("reads the salary %j as %d roubles", (raw, value) => {
    expect(parse(`salaryMin=${encodeURIComponent(raw)}`).filters.salaryMin).toBe(value);
  });

  it("drops a bad salary with a message for its field, keeping the rest", () => {
    const { filters, errors } = parse("salaryMin=сто&salaryMax=200000&q=Петров");
    expect(errors).toEqual({ salaryMin: "candidateList.errors.salary" });
    expect(filters).toMatchObject({ q: "Петров", salaryMax: 200000 });
    expect(filters).not.toHaveProperty("salaryMin");
    expect(parse("salaryMax=1000000000").errors).toEqual({ salaryMax: "candidateList.errors.salary" });
  });

  it("swaps a reversed salary range and says so", () => {
    const { filters, errors } = parse("salaryMin=300000&salaryMax=100000");
    expect(filters).toMatchObject({ salaryMin: 100000, salaryMax: 300000 });
    expect(errors).toEqual({ salaryMax: "candidateList.errors.salaryRange" });
  });

  it("ignores unknown stages, tiers, sources and sorts, and odd pages", () => {
    const { filters, errors } = parse("stage=HIRING&tier=GOLD&source=LINKEDIN&sort=random&page=-2&vacancy=x'%20OR%201=1");
    expect(filters).toEqual({ q: "", sort: "name", page: 1 });
    expect(errors).toEqual({
      stage: "validation.invalidChoice",
      tier: "validation.invalidChoice",
      source: "validation.invalidChoice",
      sort: "validation.invalidChoice",
      vacancy: "validation.invalidChoice",
    });
  });

  it("cuts an overlong search to 200 characters", () => {
    expect(parse(`q=${"я".repeat(500)}`).filters.q).toHaveLength(200);
  });
});

describe("sort", () => {
  it("orders by tier when a vacancy is chosen and nothing else was asked", () => {
    expect(effectiveSort(undefined, "v1")).toBe("tier");
    expect(effectiveSort(undefined, undefined)).toBe("name");
  });

  it("falls back to name for vacancy-only orders without a vacancy", () => {
    expect(effectiveSort("tier", undefined)).toBe("name");
    expect(effectiveSort("stage-changed", undefined)).toBe("name");
    expect(effectiveSort("stage-changed", "v1")).toBe("stage-changed");
    expect(parse("sort=tier").filters.sort).toBe("name");
  });
});

describe("candidateFiltersToParams", () => {
  it("round-trips through the parser, leaving defaults out", () => {
    const filters: CandidateFilters = {
      q: "gidromash",
      vacancyId: "v1",
      tier: "EXCLUDED",
      salaryMin: 100000,
      sort: "tier",
      page: 2,
    };
    const params = candidateFiltersToParams(filters);
    expect(params.toString()).toBe("q=gidromash&vacancy=v1&tier=EXCLUDED&salaryMin=100000&page=2");
    expect(parseCandidateFilters(params).filters).toEqual(filters);
  });

  it("knows when a list is filtered", () => {
    expect(isFiltered(parse("").filters)).toBe(false);
    expect(isFiltered(parse("sort=newest&page=4").filters)).toBe(false);
    expect(isFiltered(parse("salaryMin=0").filters)).toBe(true);
    expect(isFiltered(parse("tag=резерв").filters)).toBe(true);
  });
});

describe("disagreements between source records", () => {
  it("lists each differing value with the records that gave it", () => {
    const found = disagreements([
      { id: "hh", parsed: { city: "Москва", salaryExpectationRub: 200000, currentTitle: "KAM", phone: "8 (916) 123-45-67" } },
      { id: "sj", parsed: { city: "Казань", salaryExpectationRub: 200000, currentTitle: "kam", phone: "+79161234567" } },
      { id: "file", parsed: { city: "москва ", salaryExpectationRub: 250000 } },
    ]);
    expect(found).toEqual([
      { field: "city", values: [{ value: "Москва", sourceRecordIds: ["hh", "file"] }, { value: "Казань", sourceRecordIds: ["sj"] }] },
      {
        field: "salaryExpectationRub",
        values: [{ value: 200000, sourceRecordIds: ["hh", "sj"] }, { value: 250000, sourceRecordIds: ["file"] }],
      },
    ]);
  });

  it("finds nothing in one record, in agreeing ones, or in erased ones", () => {
    expect(disagreements([{ id: "a", parsed: { city: "Москва" } }])).toEqual([]);
    expect(disagreements([{ id: "a", parsed: { lastName: "Королёв" } }, { id: "b", parsed: { lastName: "Королев" } }])).toEqual([]);
    expect(disagreements([{ id: "a", parsed: {} }, { id: "b", parsed: {} }])).toEqual([]);
  });
});
