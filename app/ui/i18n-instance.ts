import { type i18n } from "i18next";
import { createI18n, DEFAULT_LOCALE, isLocale, type AppLocale } from "~/i18n/i18n";

/**
 * One ready i18next instance per language, shared by every render: nothing ever
 * calls changeLanguage on them, so sharing across requests is safe.
 */
const instances = new Map<AppLocale, i18n>();

export function i18nFor(locale: AppLocale): i18n {
  let instance = instances.get(locale);
  if (!instance) {
    instance = createI18n(locale);
    instances.set(locale, instance);
  }
  return instance;
}

type MetaMatch = { id: string; data: unknown };

function metaT(matches: readonly MetaMatch[]) {
  const root = matches.find((match) => match.id === "root")?.data as { locale?: unknown } | undefined;
  return i18nFor(isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE).t;
}

/** The page's <title>, translated in the language the root loader chose. */
export function pageTitle(matches: readonly MetaMatch[], key: string) {
  const t = metaT(matches);
  return [{ title: `${t(key)} · ${t("app.name")}` }];
}

/** A <title> from data (a vacancy's name), or the translated `fallbackKey` without it. */
export function dataTitle(matches: readonly MetaMatch[], text: string | undefined, fallbackKey: string) {
  const t = metaT(matches);
  return [{ title: `${text ?? t(fallbackKey)} · ${t("app.name")}` }];
}
