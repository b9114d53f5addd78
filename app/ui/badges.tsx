import type { EmailStatus, Stage, VacancyStatus } from "@prisma/client";
import { useTranslation } from "~/ui/use-translation";
import { formatRub } from "~/i18n/format";
import { useLocale } from "./use-locale";

/** Colour groups follow the pipeline: early, middle, late, done, out. */
const STAGE_TONE: Record<Stage, string> = {
  SOURCED: "early",
  CONTACTED: "early",
  QUESTIONNAIRE_SENT: "middle",
  QUESTIONNAIRE_PASSED: "middle",
  INTERVIEW_INVITED: "late",
  INTERVIEWED: "late",
  PROBATION: "late",
  HIRED: "done",
  REJECTED: "out",
  WITHDRAWN: "out",
};

export function StageBadge({ stage }: { stage: Stage }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${STAGE_TONE[stage]}`}>{t(`stages.${stage}`)}</span>;
}

export function Badge({ tone = "neutral", children }: { tone?: string; children: React.ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

/** Whole roubles; accepts a string because BigInt turnover reaches the browser as one. */
export function Money({ amount }: { amount: number | bigint | string | null | undefined }) {
  const locale = useLocale();
  if (amount === null || amount === undefined || amount === "") return <>—</>;
  const value = typeof amount === "string" ? BigInt(amount) : amount;
  return <span className="money">{formatRub(value, locale)}</span>;
}

const STATUS_TONE: Record<VacancyStatus, string> = {
  DRAFT: "neutral",
  OPEN: "good",
  ON_HOLD: "late",
  CLOSED: "out",
};

export function VacancyStatusBadge({ status }: { status: VacancyStatus }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${STATUS_TONE[status]}`}>{t(`vacancyStatus.${status}`)}</span>;
}

export const EMAIL_STATUSES = ["QUEUED", "SENT", "STORED", "FAILED", "BOUNCED", "CANCELLED"] as const satisfies readonly EmailStatus[];

const EMAIL_TONE: Record<EmailStatus, string> = {
  QUEUED: "middle",
  SENT: "good",
  STORED: "neutral",
  FAILED: "danger",
  BOUNCED: "danger",
  CANCELLED: "out",
};

export function EmailStatusBadge({ status }: { status: EmailStatus }) {
  const { t } = useTranslation();
  return <Badge tone={EMAIL_TONE[status]}>{t(`outbox.statuses.${status}`)}</Badge>;
}
