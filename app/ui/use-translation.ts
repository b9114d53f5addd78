import { type i18n, type TFunction } from "i18next";
import { useContext } from "react";
import { I18nContext } from "react-i18next";
import { DEFAULT_LOCALE } from "~/i18n/i18n";
import { i18nFor } from "./i18n-instance";

/**
 * The page's i18next instance and its `t`, from the provider in root.tsx.
 *
 * react-i18next's own useTranslation copies the whole instance for every component
 * that calls it (to notice language changes): about 15 ms of a candidate list page
 * with 50 rows. Our instances never change language (one per language, shared:
 * app/ui/i18n-instance.ts; choosing another language renders with the other
 * instance), so a component needs only the instance and its bound `t`.
 */
export function useTranslation(): { t: TFunction; i18n: i18n } {
  const context = useContext(I18nContext) as { i18n?: i18n } | undefined;
  const instance = context?.i18n ?? i18nFor(DEFAULT_LOCALE);
  return { t: instance.t, i18n: instance };
}
