import { useTranslation } from "~/ui/use-translation";
import { DEFAULT_LOCALE, isLocale, type AppLocale } from "~/i18n/i18n";

/** The language the page is rendered in, for the formatters in ~/i18n/format. */
export function useLocale(): AppLocale {
  const { i18n } = useTranslation();
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}
