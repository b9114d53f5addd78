import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { type AppLocale, createI18n } from "~/i18n/i18n";
import { shownTierReason } from "~/sourcing/candidate-summary";
import { MAX_ALSO, parseTierReason, type StoredTierReason, type TierReason, tierFor } from "~/sourcing/tiers";
import { TierReasonText } from "~/ui/tier-reason";

const TODAY = "2025-06-15";
const text = (reason: StoredTierReason | null, locale: AppLocale, today = TODAY) =>
  renderToStaticMarkup(createElement(I18nextProvider, { i18n: createI18n(locale) }, createElement(TierReasonText, { reason, today })))
    .replace(/<[^>]+>/g, "")
    .replaceAll("&quot;", '"')
    .replaceAll("&#x27;", "'")
    .replaceAll("&amp;", "&");

const excluded: TierReason = {
  list: "EXCLUDED",
  match: "company",
  companyName: "ПневмоТех",
  jobTitle: "Стажёр",
  startedOn: "2012-03-01",
  endedOn: "2014-06-01",
};

describe("TierReasonText", () => {
  it("says how long ago an excluded job ended, in both languages", () => {
    expect(text(excluded, "ru")).toBe("Исключённая компания: ПневмоТех — Стажёр, 03.2012 — 06.2014 (работа там закончилась 11 лет назад)");
    expect(text(excluded, "en")).toBe("Excluded company: ПневмоТех — Стажёр, Mar 2012 – Jun 2014 (left 11 years ago)");
    expect(text({ ...excluded, endedOn: "2025-02-01" }, "ru")).toContain("(работа там закончилась 4 месяца назад)");
    expect(text({ ...excluded, endedOn: "2025-06-01" }, "en")).toContain("(left this month)");
  });

  it("says an excluded job is current", () => {
    expect(text({ ...excluded, endedOn: null }, "ru")).toBe("Исключённая компания: ПневмоТех — Стажёр, 03.2012 — по наст. время (работает там сейчас)");
    expect(text({ ...excluded, endedOn: null }, "en")).toBe("Excluded company: ПневмоТех — Стажёр, Mar 2012 – present (works there now)");
  });

  it("shows what else matched after the deciding job", () => {
    const { reason } = tierFor(
      [
        { companyId: "p", companyName: "ПневмоТех", industry: null, title: "Стажёр", startedOn: "2012-03-01", endedOn: "2014-06-01" },
        { companyId: "g", companyName: "Гидромаш", industry: null, title: "KAM", startedOn: "2019-01-01", endedOn: "2021-12-01" },
        { companyId: null, companyName: "Ось", industry: "Подшипники", title: "Менеджер", startedOn: "2015-01-01", endedOn: null },
      ],
      { lists: new Map([["p", "EXCLUDED"], ["g", "TARGET"]]), niches: ["подшипники"] },
    );
    expect(text(reason, "ru")).toBe(
      "Исключённая компания: ПневмоТех — Стажёр, 03.2012 — 06.2014 (работа там закончилась 11 лет назад). " +
        "Также: целевая компания Гидромаш — KAM, 01.2019 — 12.2021; смежная ниша «подшипники»: Ось — Менеджер, 01.2015 — по наст. время",
    );
    expect(text(reason, "en")).toBe(
      "Excluded company: ПневмоТех — Стажёр, Mar 2012 – Jun 2014 (left 11 years ago). " +
        "Also: target company Гидромаш — KAM, Jan 2019 – Dec 2021; adjacent niche “подшипники”: Ось — Менеджер, Jan 2015 – present",
    );
  });

  it("tells no age for target or adjacent jobs, and still renders reasons stored before `also`", () => {
    const target: TierReason = { ...excluded, list: "TARGET", companyName: "Гидромаш" };
    expect(text(target, "en")).toBe("Target company: Гидромаш — Стажёр, Mar 2012 – Jun 2014");
    const stored = JSON.parse(JSON.stringify(target)) as TierReason;
    expect(text(stored, "ru")).toBe("Целевая компания: Гидромаш — Стажёр, 03.2012 — 06.2014");
  });

  it("says so when nothing matched", () => {
    expect(text(null, "ru")).toBe("Ни одного места работы из списков вакансии или смежных ниш.");
    expect(text(null, "en")).toBe("No job at a company on the vacancy's lists or in an adjacent niche.");
  });
});

describe("parseTierReason", () => {
  const target = { list: "TARGET", match: "company", companyName: "Гидромаш", jobTitle: "KAM", startedOn: "2019-01-01", endedOn: "2021-12-01" } as const;
  const stored = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

  it("reads a reason with what else matched, in both languages, and keeps nothing else", () => {
    const reason = parseTierReason(stored({ ...excluded, also: [target], debug: "из импорта", email: "p@example.ru" }));
    expect(reason).toEqual({ ...excluded, also: [target] });
    expect(text(reason, "ru")).toBe(
      "Исключённая компания: ПневмоТех — Стажёр, 03.2012 — 06.2014 (работа там закончилась 11 лет назад). Также: целевая компания Гидромаш — KAM, 01.2019 — 12.2021",
    );
    expect(text(reason, "en")).toBe(
      "Excluded company: ПневмоТех — Стажёр, Mar 2012 – Jun 2014 (left 11 years ago). Also: target company Гидромаш — KAM, Jan 2019 – Dec 2021",
    );
  });

  it("reads reasons stored before `also`, drops unreadable `also` entries and keeps at most MAX_ALSO", () => {
    expect(parseTierReason(stored(excluded))).toEqual(excluded);
    expect(parseTierReason({ ...excluded, also: "Гидромаш" })).toEqual(excluded);
    expect(parseTierReason({ ...excluded, also: [{ list: "TARGET" }, target, { ...target, startedOn: "вчера" }] })).toEqual({ ...excluded, also: [target] });
    const many = Array.from({ length: MAX_ALSO + 3 }, (_, i) => ({ ...target, companyName: `Компания ${i}` }));
    expect((parseTierReason({ ...excluded, also: many }) as TierReason).also).toEqual(many.slice(0, MAX_ALSO));
  });

  it("shows an erased person's stripped reason as the list alone", () => {
    const erased = parseTierReason({ list: "EXCLUDED", match: "company" });
    expect(erased).toEqual({ list: "EXCLUDED", match: "company" });
    expect(text(erased, "ru")).toBe("Исключённая компания");
    expect(text(erased, "en")).toBe("Excluded company");
    expect(text(parseTierReason({ list: "ADJACENT", match: "niche" }), "ru")).toBe("Смежная ниша");
    expect(text(parseTierReason({ list: "TARGET", match: null }), "en")).toBe("Target company");
  });

  it("never shows an erased person's job, even from a reason that was not stripped", () => {
    const shown = shownTierReason(stored({ ...excluded, also: [target] }), new Date());
    expect(shown).toEqual({ list: "EXCLUDED", match: "company" });
    expect(text(shown, "en")).toBe("Excluded company");
    expect(shownTierReason(stored(excluded), null)).toEqual(excluded);
  });

  it("reads nothing it cannot show as null", () => {
    for (const value of [null, undefined, "EXCLUDED", 42, [], {}, { list: "FRIENDS", match: "company" }, { ...excluded, list: "OPEN_MARKET" }]) {
      expect(parseTierReason(value)).toBeNull();
    }
    // A full reason with a broken date keeps only what is safe to show.
    expect(parseTierReason({ ...excluded, startedOn: "весной" })).toEqual({ list: "EXCLUDED", match: "company" });
  });
});
