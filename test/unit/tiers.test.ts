import { describe, expect, it } from "vitest";
import { jobRecency, MAX_ALSO, nicheMatches, type TierCriteria, type TierJob, tierFor } from "~/sourcing/tiers";

const job = (overrides: Partial<TierJob> & Pick<TierJob, "companyName">): TierJob => ({
  companyId: null,
  industry: null,
  title: "Менеджер по продажам",
  startedOn: "2018-01-01",
  endedOn: "2020-01-01",
  ...overrides,
});

const criteria: TierCriteria = {
  lists: new Map([
    ["gidromash", "TARGET"],
    ["nasostrade", "TARGET"],
    ["pnevmoteh", "EXCLUDED"],
    ["armatek", "ADJACENT"],
  ]),
  niches: ["трубопроводная арматура", "Подшипники", "IT"],
};

const gidromash = (o: Partial<TierJob> = {}) => job({ companyId: "gidromash", companyName: "ООО «Гидромаш»", ...o });
const nasostrade = (o: Partial<TierJob> = {}) => job({ companyId: "nasostrade", companyName: "НасосТрейд", ...o });
const pnevmoteh = (o: Partial<TierJob> = {}) => job({ companyId: "pnevmoteh", companyName: "ПневмоТех", ...o });
const armatek = (o: Partial<TierJob> = {}) => job({ companyId: "armatek", companyName: "АрмаТек", ...o });
const open = (o: Partial<TierJob> = {}) => job({ companyId: "vkusny", companyName: "Вкусный дом", industry: "FMCG", ...o });

describe("tierFor", () => {
  it("puts someone with no history or no listed employer on the open market, with no reason", () => {
    expect(tierFor([], criteria)).toEqual({ tier: "OPEN_MARKET", reason: null });
    expect(tierFor([open(), job({ companyName: "ИП Кузнецов" })], criteria)).toEqual({ tier: "OPEN_MARKET", reason: null });
  });

  it("strikes out anyone who ever worked at an excluded company, whatever else they did", () => {
    const result = tierFor(
      [gidromash({ startedOn: "2021-01-01", endedOn: null }), pnevmoteh({ startedOn: "2012-03-01", endedOn: "2014-06-01", title: "Стажёр" }), armatek()],
      criteria,
    );
    expect(result).toEqual({
      tier: "EXCLUDED",
      reason: {
        list: "EXCLUDED",
        match: "company",
        companyName: "ПневмоТех",
        jobTitle: "Стажёр",
        startedOn: "2012-03-01",
        endedOn: "2014-06-01",
        // what the blacklist outranked is kept, strongest first
        also: [
          { list: "TARGET", match: "company", companyName: "ООО «Гидромаш»", jobTitle: "Менеджер по продажам", startedOn: "2021-01-01", endedOn: null },
          { list: "ADJACENT", match: "company", companyName: "АрмаТек", jobTitle: "Менеджер по продажам", startedOn: "2018-01-01", endedOn: "2020-01-01" },
        ],
      },
    });
  });

  it("names the most recent excluded job when there are two", () => {
    const result = tierFor([pnevmoteh({ startedOn: "2010-01-01", endedOn: "2011-01-01" }), pnevmoteh({ startedOn: "2015-01-01", endedOn: "2016-01-01", title: "KAM" })], criteria);
    expect(result.reason).toMatchObject({ jobTitle: "KAM", startedOn: "2015-01-01" });
  });

  it("puts a target company's people first, naming the most recent target job", () => {
    const result = tierFor(
      [open({ startedOn: "2022-01-01", endedOn: null }), gidromash({ startedOn: "2015-01-01", endedOn: "2019-01-01" }), nasostrade({ startedOn: "2019-02-01", endedOn: "2021-12-01", title: "KAM" })],
      criteria,
    );
    expect(result).toEqual({
      tier: "TARGET",
      reason: {
        list: "TARGET",
        match: "company",
        companyName: "НасосТрейд",
        jobTitle: "KAM",
        startedOn: "2019-02-01",
        endedOn: "2021-12-01",
        also: [{ list: "TARGET", match: "company", companyName: "ООО «Гидромаш»", jobTitle: "Менеджер по продажам", startedOn: "2015-01-01", endedOn: "2019-01-01" }],
      },
    });
  });

  it("prefers a current job over ones that ended, and a later start when both are current", () => {
    const current = tierFor([gidromash({ endedOn: "2023-01-01" }), nasostrade({ startedOn: "2010-01-01", endedOn: null })], criteria);
    expect(current.reason).toMatchObject({ companyName: "НасосТрейд", endedOn: null });
    const both = tierFor([gidromash({ startedOn: "2020-01-01", endedOn: null }), nasostrade({ startedOn: "2022-05-01", endedOn: null })], criteria);
    expect(both.reason).toMatchObject({ companyName: "НасосТрейд" });
  });

  it("ranks target above adjacent", () => {
    expect(tierFor([armatek({ endedOn: null }), gidromash()], criteria).tier).toBe("TARGET");
  });

  it("makes an adjacent company's people adjacent", () => {
    expect(tierFor([open({ endedOn: null }), armatek()], criteria)).toEqual({
      tier: "ADJACENT",
      reason: { list: "ADJACENT", match: "company", companyName: "АрмаТек", jobTitle: "Менеджер по продажам", startedOn: "2018-01-01", endedOn: "2020-01-01" },
    });
  });

  it("makes a job in an adjacent niche adjacent, naming the niche", () => {
    const valves = job({ companyId: "vp", companyName: "Вентиль Плюс", industry: "Трубопроводная арматура", endedOn: null });
    expect(tierFor([open(), valves], criteria)).toEqual({
      tier: "ADJACENT",
      reason: {
        list: "ADJACENT",
        match: "niche",
        niche: "трубопроводная арматура",
        companyName: "Вентиль Плюс",
        jobTitle: "Менеджер по продажам",
        startedOn: "2018-01-01",
        endedOn: null,
      },
    });
  });

  it("finds a niche in the employer's name too, and in jobs with no company in the catalog", () => {
    const result = tierFor([job({ companyName: "ООО «ПодшипникСнаб»" })], criteria);
    expect(result).toMatchObject({ tier: "ADJACENT", reason: { match: "niche", niche: "Подшипники", companyName: "ООО «ПодшипникСнаб»" } });
  });

  it("names the most recent adjacent job, by company or by niche", () => {
    const result = tierFor([armatek({ startedOn: "2012-01-01", endedOn: "2014-01-01" }), job({ companyName: "Ось", industry: "Подшипники", startedOn: "2016-01-01", endedOn: "2019-01-01" })], criteria);
    expect(result.reason).toMatchObject({ match: "niche", companyName: "Ось" });
  });

  it("prefers the company list to a niche in one job", () => {
    expect(tierFor([armatek({ industry: "Трубопроводная арматура" })], criteria).reason).toMatchObject({ match: "company" });
  });

  it("lets no niche outrank an excluded or target company", () => {
    const niche = job({ companyName: "Арматура Плюс", industry: "трубопроводная арматура", endedOn: null });
    expect(tierFor([niche, pnevmoteh()], criteria).tier).toBe("EXCLUDED");
    expect(tierFor([niche, gidromash()], criteria).tier).toBe("TARGET");
  });

  it("ignores a company that is on another vacancy's list only (lists are per vacancy)", () => {
    expect(tierFor([gidromash()], { lists: new Map(), niches: [] }).tier).toBe("OPEN_MARKET");
  });
});

describe("tierFor: the matches the deciding one outranked (also)", () => {
  const companies = (reason: ReturnType<typeof tierFor>["reason"]) => (reason?.also ?? []).map((m) => `${m.list}:${m.companyName}`);

  it("has no `also` when only one company matched, however many jobs there", () => {
    const result = tierFor([gidromash({ startedOn: "2010-01-01", endedOn: "2012-01-01" }), gidromash({ startedOn: "2015-01-01", endedOn: null }), open()], criteria);
    expect(result.reason).not.toHaveProperty("also");
  });

  it("lists other excluded companies before target ones, then adjacent, each by recency", () => {
    const other = (o: Partial<TierJob> = {}) => job({ companyId: "otkat", companyName: "Откат-Трейд", ...o });
    const lists = new Map([...criteria.lists, ["otkat", "EXCLUDED"] as const]);
    const result = tierFor(
      [
        armatek({ startedOn: "2022-01-01", endedOn: null }),
        gidromash({ startedOn: "2019-01-01", endedOn: "2021-12-01" }),
        nasostrade({ startedOn: "2016-01-01", endedOn: "2018-12-01" }),
        other({ startedOn: "2008-01-01", endedOn: "2010-01-01" }),
        pnevmoteh({ startedOn: "2012-01-01", endedOn: "2015-01-01" }),
      ],
      { lists, niches: [] },
    );
    expect(result.tier).toBe("EXCLUDED");
    expect(result.reason).toMatchObject({ companyName: "ПневмоТех" });
    expect(companies(result.reason)).toEqual(["EXCLUDED:Откат-Трейд", "TARGET:ООО «Гидромаш»", "TARGET:НасосТрейд", "ADJACENT:АрмаТек"]);
  });

  it("names each other company once, by its most recent job, and never the deciding company again", () => {
    const result = tierFor(
      [
        pnevmoteh({ startedOn: "2019-01-01", endedOn: "2020-01-01" }),
        pnevmoteh({ startedOn: "2010-01-01", endedOn: "2011-01-01", title: "Стажёр" }),
        gidromash({ startedOn: "2012-01-01", endedOn: "2014-01-01", title: "Менеджер" }),
        gidromash({ startedOn: "2021-01-01", endedOn: null, title: "KAM" }),
      ],
      criteria,
    );
    expect(result.reason).toMatchObject({ startedOn: "2019-01-01" });
    expect(result.reason?.also).toEqual([
      { list: "TARGET", match: "company", companyName: "ООО «Гидромаш»", jobTitle: "KAM", startedOn: "2021-01-01", endedOn: null },
    ]);
  });

  it("keeps adjacent niches too, one per employer however its name is spelled", () => {
    const result = tierFor(
      [
        gidromash({ endedOn: null }),
        job({ companyName: "ООО «Ось»", industry: "Подшипники", startedOn: "2016-01-01", endedOn: "2017-01-01" }),
        job({ companyName: "Ось", industry: "Подшипники", startedOn: "2014-01-01", endedOn: "2015-01-01" }),
      ],
      criteria,
    );
    expect(result.tier).toBe("TARGET");
    expect(result.reason?.also).toEqual([
      { list: "ADJACENT", match: "niche", niche: "Подшипники", companyName: "ООО «Ось»", jobTitle: "Менеджер по продажам", startedOn: "2016-01-01", endedOn: "2017-01-01" },
    ]);
  });

  it("keeps the strongest few when a long history matched many companies", () => {
    const many = Array.from({ length: MAX_ALSO + 3 }, (_, i) =>
      job({ companyName: `Подшипник-${i + 1}`, industry: "Подшипники", startedOn: `20${10 + i}-01-01`, endedOn: `20${10 + i}-12-01` }),
    );
    const result = tierFor([...many, gidromash({ startedOn: "2005-01-01", endedOn: "2006-01-01" }), pnevmoteh()], criteria);
    expect(result.reason?.also).toHaveLength(MAX_ALSO);
    expect(companies(result.reason)).toEqual(["TARGET:ООО «Гидромаш»", "ADJACENT:Подшипник-8", "ADJACENT:Подшипник-7", "ADJACENT:Подшипник-6", "ADJACENT:Подшипник-5"]);
  });

  it("is stable: the same history in another order gives the same reason", () => {
    const history = [gidromash({ endedOn: null }), pnevmoteh(), armatek({ startedOn: "2010-01-01", endedOn: "2012-01-01" }), open()];
    expect(tierFor([...history].reverse(), criteria)).toEqual(tierFor(history, criteria));
  });
});

describe("jobRecency", () => {
  it.each([
    [null, "2025-06-15", { current: true }],
    ["2025-09-30", "2025-06-15", { current: true }], // an end still ahead: a notice period
    ["2025-06-15", "2025-06-15", { current: true }],
    ["2025-06-14", "2025-06-15", { current: false, monthsAgo: 0 }],
    ["2025-05-15", "2025-06-15", { current: false, monthsAgo: 1 }],
    ["2025-05-16", "2025-06-15", { current: false, monthsAgo: 0 }],
    ["2022-06-15", "2025-06-15", { current: false, monthsAgo: 36 }],
    ["2022-06-16", "2025-06-15", { current: false, monthsAgo: 35 }],
    ["2014-06-01", "2025-06-15", { current: false, monthsAgo: 132 }],
  ] as const)("a job that ended %s, seen on %s: %j", (endedOn, today, expected) => {
    expect(jobRecency(endedOn, today)).toEqual(expected);
  });
});

describe("nicheMatches", () => {
  it.each([
    ["трубопроводная арматура", "Трубопроводная арматура"],
    ["трубопроводная арматура", "ТРУБОПРОВОДНАЯ АРМАТУРА"],
    ["трубопроводная арматура", "Производство трубопроводной арматуры"],
    ["трубопроводная арматура", "арматура трубопроводная"],
    ["арматура", "ООО «АрматураКомплект»"],
    ["подшипники", "Подшипники и приводная техника"],
    ["подшипник", "Подшипники"],
    ["Промышленная автоматика", "промышленной автоматики"],
    ["Инструмент и оснастка", "оснастка, инструменты"],
    ["ёлочные игрушки", "Елочные игрушки"],
    ["IT", "IT"],
    ["valves", "Industrial valve distribution"],
  ])("%j is found in %j", (niche, text) => {
    expect(nicheMatches(niche, text)).toBe(true);
  });

  it.each([
    ["трубопроводная арматура", "Арматура для ЖБИ"],
    ["трубопроводная арматура", "Трубы"],
    ["IT", "Item trading"],
    ["подшипники", "Приводная техника"],
    ["", "что угодно"],
    ["и", "инструмент и оснастка"],
    ["Инструмент и оснастка", "Инструмент"],
  ])("%j is not found in %j", (niche, text) => {
    expect(nicheMatches(niche, text)).toBe(false);
  });
});
