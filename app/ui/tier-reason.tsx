import { useTranslation } from "react-i18next";
import { type TierReason } from "~/sourcing/tiers";
import { useLocale } from "./use-locale";

/** A job's months as "03.2019" (ru) or "Mar 2019" (en); dates are ISO calendar days. */
function month(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale === "ru" ? "ru-RU" : "en-GB", { month: locale === "ru" ? "2-digit" : "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${iso.slice(0, 10)}T00:00:00Z`),
  );
}

/** Why a candidate is in their tier, naming the job that decided it. */
export function TierReasonText({ reason }: { reason: TierReason | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!reason) return <>{t("tierReasons.none")}</>;
  const period = t("tierReasons.period", {
    from: month(reason.startedOn, locale),
    to: reason.endedOn ? month(reason.endedOn, locale) : t("tierReasons.present"),
  });
  const params = { company: reason.companyName, title: reason.jobTitle, period, niche: reason.niche ?? "" };
  return <>{reason.match === "niche" ? t("tierReasons.niche", params) : t(`tierReasons.company.${reason.list}`, params)}</>;
}
