import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { type AppLocale, createI18n } from "~/i18n/i18n";
import { type TierReason, tierFor } from "~/sourcing/tiers";
import { TierReasonText } from "~/ui/tier-reason";

const TODAY = "2025-06-15";
const text = (reason: TierReason | null, locale: AppLocale, today = TODAY) =>
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
      "Исключённая компания: ПневмоТех — Стажёр, 03.2012 — 06.2014 (работа там закончилась 11 лет назад) " +
        "Также: целевая компания Гидромаш — KAM, 01.2019 — 12.2021; смежная ниша «подшипники»: Ось — Менеджер, 01.2015 — по наст. время",
    );
    expect(text(reason, "en")).toBe(
      "Excluded company: ПневмоТех — Стажёр, Mar 2012 – Jun 2014 (left 11 years ago) " +
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
