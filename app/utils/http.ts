import { type AppLocale, isLocale } from "~/i18n/i18n";

/**
 * Throws a Response (404 by default) when `condition` is falsy, so a bad id in the
 * URL reaches the ErrorBoundary as "not found" instead of a 500 (Epic Stack pattern).
 */
export function invariantResponse(
  condition: unknown,
  message = "Not found",
  init: ResponseInit = { status: 404 },
): asserts condition {
  if (!condition) {
    throw new Response(message, { statusText: message, ...init });
  }
}

/** Reads a positive page number from ?page=, falling back to 1 for anything odd. */
export function pageParam(url: URL, name = "page"): number {
  const page = Number(url.searchParams.get(name));
  return Number.isInteger(page) && page > 0 ? page : 1;
}

/**
 * The language of a visitor who is not signed in lives in a plain `lng` cookie
 * (readable by any page, unsigned: it only picks a dictionary).
 */
export const LOCALE_COOKIE = "lng";

export function localeFromCookie(cookieHeader: string | null): AppLocale | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(";")) {
    const [name, value] = part.trim().split("=");
    if (name === LOCALE_COOKIE && isLocale(value)) return value;
  }
  return undefined;
}

export function localeCookieHeader(locale: AppLocale, secure = false): string {
  const oneYear = 60 * 60 * 24 * 365;
  return `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=${oneYear}; SameSite=Lax${secure ? "; Secure" : ""}`;
}

/**
 * The query of the step pages (outreach, questionnaires, interviews, probation):
 * ?vacancy=<id>&stage=<one of `stages`>&page=<n>. Unknown values are ignored.
 */
export function readStageFilter<S extends string>(url: URL, stages: readonly S[]) {
  const stage = url.searchParams.get("stage");
  const vacancyId = url.searchParams.get("vacancy") || undefined;
  const chosen = stages.find((s) => s === stage);
  return {
    vacancyId,
    stage: chosen,
    stages: chosen ? [chosen] : [...stages],
    page: pageParam(url),
  };
}
