import i18next, { type i18n } from "i18next";
import { en } from "./en";
import { ru } from "./ru";

/**
 * i18next with both dictionaries bundled: they are small, so every render (server or
 * browser) gets a ready instance synchronously, with no loading flash.
 * See docs/decisions/005-i18n.md.
 */
export const LOCALES = ["ru", "en"] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = "ru";

export const resources = { ru: { translation: ru }, en: { translation: en } } as const;

export function isLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function createI18n(locale: AppLocale): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

/** Picks a language for someone not signed in from the Accept-Language header. */
export function localeFromHeader(header: string | null): AppLocale {
  if (!header) return DEFAULT_LOCALE;
  const tags = header
    .split(",")
    .map((part) => {
      const [tag = "", q] = part.trim().split(";q=");
      return { tag: tag.toLowerCase(), q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of tags) {
    const base = tag.split("-")[0];
    if (isLocale(base)) return base;
  }
  return DEFAULT_LOCALE;
}
