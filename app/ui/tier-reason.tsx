import { type TFunction } from "i18next";
import { useTranslation } from "~/ui/use-translation";
import { dateTimeFormat, relativeTimeFormat } from "~/i18n/format";
import { jobRecency, namesJob, type StoredTierReason, type Tier, type TierMatch } from "~/sourcing/tiers";
import { Badge } from "./badges";
import { useLocale } from "./use-locale";

const TIER_TONE: Record<Tier, string> = { TARGET: "good", ADJACENT: "neutral", OPEN_MARKET: "neutral", EXCLUDED: "danger" };

/** An application's tier as the candidate list and the profile show it. */
export function TierBadge({ tier }: { tier: Tier }) {
  const { t } = useTranslation();
  return <Badge tone={TIER_TONE[tier]}>{t(`tiers.${tier}`)}</Badge>;
}

/** A job's months as "03.2019" (ru) or "Mar 2019" (en); dates are ISO calendar days. */
function month(iso: string, locale: string): string {
  return dateTimeFormat(locale, { month: locale === "ru" ? "2-digit" : "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${iso.slice(0, 10)}T00:00:00Z`),
  );
}

/** "3 года назад" / "3 years ago", in months under a year ("в этом месяце" / "this month"). */
function ago(monthsAgo: number, locale: string): string {
  const format = relativeTimeFormat(locale, { numeric: monthsAgo === 0 ? "auto" : "always" });
  return monthsAgo < 12 ? format.format(-monthsAgo, "month") : format.format(-Math.floor(monthsAgo / 12), "year");
}

function matchText(match: TierMatch, t: TFunction, locale: string, keys: { company: string; niche: string }): string {
  const period = t("tierReasons.period", {
    from: month(match.startedOn, locale),
    to: match.endedOn ? month(match.endedOn, locale) : t("tierReasons.present"),
  });
  const params = { company: match.companyName, title: match.jobTitle, period, niche: match.niche ?? "" };
  return match.match === "niche" ? t(keys.niche, params) : t(`${keys.company}.${match.list}`, params);
}

/**
 * Why a candidate is in their tier, naming the job that decided it; for an excluded job
 * whether it is current or how long ago it ended (what an override turns on), then what
 * else matched. An erased person's reason says only the list. `today` (ISO day) is for
 * tests; pages show the age as of now. Read stored reasons with parseTierReason.
 */
export function TierReasonText({ reason, today }: { reason: StoredTierReason | null; today?: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!reason) return <>{t("tierReasons.none")}</>;
  if (!namesJob(reason)) return <>{t(reason.match === "niche" ? "tierReasons.listOnly.niche" : `tierReasons.listOnly.${reason.list}`)}</>;
  let text = matchText(reason, t, locale, { company: "tierReasons.company", niche: "tierReasons.niche" });
  if (reason.list === "EXCLUDED" && reason.match === "company" && reason.endedOn !== undefined) {
    const recency = jobRecency(reason.endedOn, today ?? new Date().toISOString().slice(0, 10));
    text += ` ${recency.current ? t("tierReasons.current") : t("tierReasons.ended", { ago: ago(recency.monthsAgo, locale) })}`;
  }
  const also = (reason.also ?? []).map((m) => matchText(m, t, locale, { company: "tierReasons.alsoCompany", niche: "tierReasons.alsoNiche" }));
  return (
    <>
      {text}
      {also.length ? (
        <>
          {". "}
          <span className="muted">{t("tierReasons.also", { matches: also.join("; ") })}</span>
        </>
      ) : null}
    </>
  );
}
