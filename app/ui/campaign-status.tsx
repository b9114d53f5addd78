import type { CampaignStatus } from "@prisma/client";
import { useTranslation } from "~/ui/use-translation";
import { Badge } from "./badges";
import { formatCount } from "./dates";
import { useLocale } from "./use-locale";

export const CAMPAIGN_STATUSES = ["DRAFT", "SCHEDULED", "SENDING", "PAUSED", "DONE", "CANCELLED"] as const satisfies readonly CampaignStatus[];

const TONE: Record<CampaignStatus, string> = {
  DRAFT: "neutral",
  SCHEDULED: "middle",
  SENDING: "late",
  PAUSED: "late",
  DONE: "good",
  CANCELLED: "out",
};

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  const { t } = useTranslation();
  return (
    <span data-campaign-status={status}>
      <Badge tone={TONE[status]}>{t(`campaigns.statuses.${status}`)}</Badge>
    </span>
  );
}

/**
 * How many of a campaign's messages are no longer waiting, as a bar with its numbers.
 * role="progressbar" with aria-valuenow (a percentage) for screen readers and tests.
 */
export function CampaignProgressBar({ done, total, id, label }: { done: number; total: number; id?: string; label: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const percent = total ? Math.round((done / total) * 100) : 0;
  const text = t("campaigns.progress.of", { done: formatCount(done, locale), total: formatCount(total, locale) });
  return (
    <div className="stack-tight">
      <div
        id={id}
        className="bar"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
      >
        <span style={{ width: `${percent}%` }} />
      </div>
      <span className="muted num">{text}</span>
    </div>
  );
}
