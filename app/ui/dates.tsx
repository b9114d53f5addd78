import { useRouteLoaderData } from "@remix-run/react";
import { DEFAULT_TIME_ZONE, formatDate, formatDateTime, numberFormat } from "~/i18n/format";
import { useLocale } from "./use-locale";

/** The signed-in user's time zone from the root loader (Moscow when signed out). */
export function useTimeZone(): string {
  const root = useRouteLoaderData("root") as { user?: { timeZone?: string } | null } | undefined;
  return root?.user?.timeZone ?? DEFAULT_TIME_ZONE;
}

export function DateText({ value, withTime = false }: { value: Date | string | null | undefined; withTime?: boolean }) {
  const locale = useLocale();
  const timeZone = useTimeZone();
  if (!value) return <>—</>;
  const iso = new Date(value).toISOString();
  return (
    <time dateTime={iso} className="nowrap">
      {withTime ? formatDateTime(value, locale, timeZone) : formatDate(value, locale, timeZone)}
    </time>
  );
}

export function Percent({ value }: { value: number | null | undefined }) {
  const locale = useLocale();
  if (value === null || value === undefined) return <>—</>;
  return (
    <>
      {numberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(value)}
    </>
  );
}

export function formatCount(value: number, locale: string): string {
  return numberFormat(locale).format(value);
}

export function NumberText({ value }: { value: number }) {
  const locale = useLocale();
  return <>{formatCount(value, locale)}</>;
}
