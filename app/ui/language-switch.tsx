import { Form, useLocation } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import { LOCALES } from "~/i18n/i18n";
import { useLocale } from "./use-locale";

/**
 * Posts the chosen language to /settings/language, which remembers it (per user,
 * or in a cookie before sign-in) and sends the visitor back to this page.
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const current = useLocale();
  const location = useLocation();
  return (
    <Form method="post" action="/settings/language" className="language-switch">
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <div role="group" aria-label={t("nav.language")} className="segmented">
        {LOCALES.map((locale) => (
          <button
            key={locale}
            type="submit"
            name="locale"
            value={locale}
            lang={locale}
            aria-pressed={locale === current}
            aria-label={t(`shell.languageName.${locale}`)}
            title={t(`shell.languageName.${locale}`)}
          >
            {locale.toUpperCase()}
          </button>
        ))}
      </div>
    </Form>
  );
}
