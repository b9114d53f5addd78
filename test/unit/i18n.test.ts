import { describe, expect, it } from "vitest";
import { en } from "~/i18n/en";
import { createI18n, localeFromHeader } from "~/i18n/i18n";
import { ru } from "~/i18n/ru";
import { parseErrorKey, translateError } from "~/ui/error-key";
import { AUDIT_ACTIONS } from "~/utils/audit-actions";

/** Every leaf of a dictionary as "dotted.key" → value. */
function leaves(tree: object, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === "object") for (const [k, v] of leaves(value, path)) out.set(k, v);
    else out.set(path, value);
  }
  return out;
}

describe("dictionaries", () => {
  const ruLeaves = leaves(ru);
  const enLeaves = leaves(en);

  it("have exactly the same keys", () => {
    const onlyRu = [...ruLeaves.keys()].filter((k) => !enLeaves.has(k));
    const onlyEn = [...enLeaves.keys()].filter((k) => !ruLeaves.has(k));
    expect({ onlyRu, onlyEn }).toEqual({ onlyRu: [], onlyEn: [] });
  });

  it.each([
    ["ru", ruLeaves],
    ["en", enLeaves],
  ] as const)("%s has only non-empty strings", (_name, entries) => {
    const bad = [...entries].filter(([, v]) => typeof v !== "string" || v.trim() === "").map(([k]) => k);
    expect(bad).toEqual([]);
  });

  it("use the same {{placeholders}} in both languages", () => {
    const placeholders = (s: unknown) => [...String(s).matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
    const differing = [...ruLeaves.keys()].filter(
      (k) => JSON.stringify(placeholders(ruLeaves.get(k))) !== JSON.stringify(placeholders(enLeaves.get(k))),
    );
    expect(differing).toEqual([]);
  });

  it("translate through i18next, Russian by default and English on request", () => {
    expect(createI18n("ru").t("nav.vacancies")).toBe("Вакансии");
    expect(createI18n("en").t("nav.vacancies")).toBe("Vacancies");
    expect(createI18n("en").t("ui.pageOf", { page: 2, pageCount: 5 })).toBe("Page 2 of 5");
  });

  it.each(["ru", "en"] as const)("%s names every audit action (dotted keys resolve, no raw key shown)", (locale) => {
    const { t } = createI18n(locale);
    const raw = AUDIT_ACTIONS.filter((action) => {
      const label = t(`auditActions.${action}`);
      return !label || label === action || label.startsWith("auditActions.");
    });
    expect(raw).toEqual([]);
    expect(t("auditActions.candidate.import-merge")).toBe(locale === "ru" ? "Дополнен данными из нового источника" : "Completed with data from a new source");
  });
});

describe("localeFromHeader", () => {
  it.each([
    [null, "ru"],
    ["", "ru"],
    ["en-US,en;q=0.9", "en"],
    ["ru-RU,ru;q=0.9,en;q=0.8", "ru"],
    ["de-DE,de;q=0.9,en;q=0.5", "en"],
    ["en;q=0.3,ru;q=0.8", "ru"],
    ["fr-FR, de", "ru"],
    ["EN-gb", "en"],
  ] as const)("%j → %s", (header, expected) => {
    expect(localeFromHeader(header)).toBe(expected);
  });
});

describe("validation error keys", () => {
  it("parse a bare key", () => {
    expect(parseErrorKey("validation.required")).toEqual({ key: "validation.required", params: {} });
  });

  it("parse parameters after |", () => {
    expect(parseErrorKey("validation.tooLong|max=200|min=3")).toEqual({
      key: "validation.tooLong",
      params: { max: "200", min: "3" },
    });
  });

  it("translate with their parameters in both languages", () => {
    expect(translateError(createI18n("ru").t, "validation.tooLong|max=200")).toBe(
      "Слишком длинное значение (не более 200 символов).",
    );
    expect(translateError(createI18n("en").t, "validation.tooLong|max=200")).toBe("Too long (at most 200 characters).");
  });
});
