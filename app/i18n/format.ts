import { type AppLocale } from "./i18n";

/** Money is whole roubles (docs/decisions/004). */
export function formatRub(amount: number | bigint, locale: AppLocale): string {
  return new Intl.NumberFormat(locale === "ru" ? "ru-RU" : "en-GB", {
    style: "currency",
    currency: "RUB",
    maximumFractionDigits: 0,
  }).format(amount);
}

export function formatRubRange(min: number | null, max: number | null, locale: AppLocale): string {
  if (min != null && max != null) return `${formatRub(min, locale)} – ${formatRub(max, locale)}`;
  if (min != null) return `${locale === "ru" ? "от" : "from"} ${formatRub(min, locale)}`;
  if (max != null) return `${locale === "ru" ? "до" : "up to"} ${formatRub(max, locale)}`;
  return "—";
}

export const DEFAULT_TIME_ZONE = "Europe/Moscow";

/** Dates are stored in UTC and shown in the user's time zone (Moscow by default). */
export function formatDateTime(
  value: Date | string,
  locale: AppLocale,
  timeZone = DEFAULT_TIME_ZONE,
): string {
  return new Intl.DateTimeFormat(locale === "ru" ? "ru-RU" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  }).format(new Date(value));
}

export function formatDate(value: Date | string, locale: AppLocale, timeZone = DEFAULT_TIME_ZONE) {
  return new Intl.DateTimeFormat(locale === "ru" ? "ru-RU" : "en-GB", {
    dateStyle: "medium",
    timeZone,
  }).format(new Date(value));
}
