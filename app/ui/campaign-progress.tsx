import type { CampaignStatus, EmailStatus } from "@prisma/client";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import { type ExclusionCounts } from "~/outreach/audience";
import { formatClock } from "~/outreach/campaign-form";
import { EMAIL_STATUSES, EmailStatusBadge } from "./badges";
import { ExclusionList } from "./campaign-preview";
import { CampaignProgressBar } from "./campaign-status";
import { DateText, formatCount } from "./dates";
import { Button } from "./form";
import { EmptyState, Section } from "./page";
import { Pagination } from "./pagination";
import { SelectFilter } from "./select-filter";
import { useLocale } from "./use-locale";

type Progress = { total: number; done: number; sent: number; failed: number; bounced: number; queued: number; cancelled: number; unconfirmed: number };

type Campaign = {
  status: CampaignStatus;
  scheduledAt: string | null;
  launchedAt: string | null;
  ratePerMinute: number;
  ratePerHour: number;
  windowEnabled: boolean;
  windowStart: number;
  windowEnd: number;
  windowDays: number[];
  exclusions: ExclusionCounts;
};

/** The live progress of a launched campaign, its limits, and Pause / Resume / Cancel. */
export function CampaignProgressPanel({ campaign, progress, live }: { campaign: Campaign; progress: Progress; live: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const stat = (key: string, value: number) => (
    <li className="stat" data-testid={`progress-${key}`}>
      <span className="stat-value">{formatCount(value, locale)}</span>
      <span className="stat-label">{t(`campaigns.progress.${key}`)}</span>
    </li>
  );
  const control = (intent: "pause" | "resume" | "cancel", variant: "secondary" | "danger") => (
    <Form method="post" replace>
      <Button type="submit" name="intent" value={intent} variant={variant} disabled={busy} id={`campaign-${intent}`}>
        {t(`campaigns.controls.${intent}`)}
      </Button>
    </Form>
  );
  const days = campaign.windowDays.map((d) => t(`campaigns.weekdays.${d}`)).join(", ");
  return (
    <Section
      id="campaign-progress-title"
      title={t("campaigns.progress.title")}
      actions={live ? <span className="muted" aria-live="off">{t("campaigns.progress.live")}</span> : undefined}
    >
      <CampaignProgressBar id="campaign-progress" done={progress.done} total={progress.total} label={t("campaigns.progress.label")} />
      <ul className="stats" aria-live="polite">
        {stat("sent", progress.sent)}
        {stat("failed", progress.failed)}
        {stat("bounced", progress.bounced)}
        {stat("queued", progress.queued)}
        {stat("cancelled", progress.cancelled)}
      </ul>
      {progress.unconfirmed ? <p className="muted">{t("campaigns.progress.unconfirmed", { count: progress.unconfirmed })}</p> : null}
      <div className="stack-tight">
        {campaign.launchedAt ? (
          <p>
            {t("campaigns.progress.launchedAt")}: <DateText value={campaign.launchedAt} withTime />
          </p>
        ) : null}
        {campaign.status === "SCHEDULED" && campaign.scheduledAt ? (
          <p id="campaign-starts-at">
            {t("campaigns.progress.startsAt")} <DateText value={campaign.scheduledAt} withTime />
          </p>
        ) : null}
        <p className="muted">
          {t("campaigns.progress.rate", { perMinute: formatCount(campaign.ratePerMinute, locale), perHour: formatCount(campaign.ratePerHour, locale) })}{" "}
          {campaign.windowEnabled
            ? t("campaigns.progress.window", { days, start: formatClock(campaign.windowStart), end: formatClock(campaign.windowEnd) })
            : t("campaigns.progress.noWindow")}
        </p>
        {Object.keys(campaign.exclusions).length ? (
          <>
            <p>{t("campaigns.progress.excludedAtLaunch")}</p>
            <ExclusionList counts={campaign.exclusions} />
          </>
        ) : null}
      </div>
      <div className="page-actions">
        {campaign.status === "SCHEDULED" || campaign.status === "SENDING" ? control("pause", "secondary") : null}
        {campaign.status === "PAUSED" ? control("resume", "secondary") : null}
        {campaign.status === "SCHEDULED" || campaign.status === "SENDING" || campaign.status === "PAUSED" ? control("cancel", "danger") : null}
      </div>
      {campaign.status === "SCHEDULED" || campaign.status === "SENDING" || campaign.status === "PAUSED" ? (
        <p className="field-hint">{t("campaigns.controls.cancelHint")}</p>
      ) : null}
    </Section>
  );
}

type Message = {
  id: string;
  toAddress: string | null;
  status: EmailStatus;
  error: string | null;
  sentAt: string | null;
  unconfirmed: boolean;
  candidateId: string | null;
  name: { firstName: string; lastName: string; middleName: string | null } | null;
};

/** Every message of the campaign, page by page: who, where, what happened, and its Outbox page. */
export function CampaignMessages({ messages, total, page, pageCount }: { messages: readonly Message[]; total: number; page: number; pageCount: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Section id="campaign-messages-title" title={t("campaigns.messages.title")}>
      <SelectFilter
        name="status"
        label={t("outbox.status")}
        placeholder={t("campaigns.messages.allStatuses")}
        options={EMAIL_STATUSES.map((s) => ({ value: s, label: t(`outbox.statuses.${s}`) }))}
      />
      <p className="muted">{t("campaigns.messages.total", { total: formatCount(total, locale) })}</p>
      {messages.length ? (
        <>
          <div className="table-wrap">
            <table className="table" id="campaign-messages">
              <thead>
                <tr>
                  <th scope="col">{t("campaigns.messages.columns.recipient")}</th>
                  <th scope="col">{t("campaigns.messages.columns.address")}</th>
                  <th scope="col">{t("campaigns.messages.columns.status")}</th>
                  <th scope="col">{t("campaigns.messages.columns.error")}</th>
                  <th scope="col">{t("campaigns.messages.columns.sentAt")}</th>
                  <th scope="col">{t("campaigns.messages.columns.open")}</th>
                </tr>
              </thead>
              <tbody>
                {messages.map((m) => (
                  <tr key={m.id} data-status={m.status}>
                    <td>
                      {m.name && m.candidateId ? (
                        <Link to={`/candidates/${m.candidateId}`}>{[m.name.lastName, m.name.firstName, m.name.middleName].filter(Boolean).join(" ")}</Link>
                      ) : (
                        <span className="muted">{t("campaigns.messages.erased")}</span>
                      )}
                    </td>
                    <td>{m.toAddress ?? "—"}</td>
                    <td>
                      <EmailStatusBadge status={m.status} />
                      {m.unconfirmed ? (
                        <div className="cell-sub" title={t("campaigns.messages.unconfirmedHint")}>
                          {t("campaigns.messages.unconfirmed")}
                        </div>
                      ) : null}
                    </td>
                    <td>{m.error ?? ""}</td>
                    <td>
                      <DateText value={m.sentAt} withTime />
                    </td>
                    <td>
                      <Link to={`/outbox/${m.id}`}>{t("campaigns.messages.open")}</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pageCount={pageCount} />
        </>
      ) : (
        <EmptyState title={t("campaigns.messages.empty")} />
      )}
    </Section>
  );
}
