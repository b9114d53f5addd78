import type { SerializeFrom } from "@remix-run/node";
import { type ReactNode } from "react";
import type { NoShowRatio } from "~/interviews/attendance";
import type { ShowRatePanelData } from "~/interviews/sessions.server";
import type { ShowRateEstimate, ShowRateGroup } from "~/interviews/show-rate";
import { formatDate, formatDateTime, numberFormat } from "~/i18n/format";
import { useTranslation } from "~/ui/use-translation";
import { useTimeZone } from "./dates";
import { Section } from "./page";
import { useLocale } from "./use-locale";

/**
 * The show rate of a vacancy's invitations: the estimate with its 80% interval and how
 * much it rests on, its breakdowns (source, tier, confirmed or not), and the no-show
 * ratios exactly as marked (per day, session, source and tier).
 */

type Panel = SerializeFrom<ShowRatePanelData>;
type Ratio = SerializeFrom<NoShowRatio<string | boolean | null>>;

export function usePercent() {
  const locale = useLocale();
  return (value: number) => numberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(value);
}

/** "38% (80% interval 27–50%), from 12 observations" or "… prior only". */
export function EstimateText({ estimate }: { estimate: ShowRateEstimate }) {
  const { t } = useTranslation();
  const percent = usePercent();
  return (
    <span data-estimate={estimate.mean.toFixed(4)} data-observations={estimate.observations}>
      <strong>{percent(estimate.mean)}</strong>{" "}
      <span className="muted">
        {t("interviewSessions.showRate.interval", { low: percent(estimate.low), high: percent(estimate.high) })} ·{" "}
        {estimate.observations
          ? t("interviewSessions.showRate.observations", { count: estimate.observations })
          : t("interviewSessions.showRate.priorOnly")}
      </span>
    </span>
  );
}

/** A no-show ratio as "2 of 6 (33%)". */
export function NoShowText({ ratio }: { ratio: { noShow: number; marked: number; ratio: number } | null }) {
  const { t } = useTranslation();
  const percent = usePercent();
  if (!ratio) return <span className="muted">{t("interviewSessions.noShow.nothingMarked")}</span>;
  return (
    <span data-no-show-ratio={ratio.ratio.toFixed(4)}>
      {t("interviewSessions.noShow.ofMarked", { noShow: ratio.noShow, marked: ratio.marked })} ({percent(ratio.ratio)})
    </span>
  );
}

function useGroupLabel() {
  const { t } = useTranslation();
  return (kind: "source" | "tier" | "confirmed", group: string | boolean | null) => {
    if (kind === "confirmed") return t(group ? "interviewSessions.showRate.confirmedYes" : "interviewSessions.showRate.confirmedNo");
    if (group === null) return t("interviewSessions.showRate.noTier");
    return t(kind === "source" ? `sources.${String(group)}` : `tiers.${String(group)}`);
  };
}

function BreakdownTable({ kind, groups }: { kind: "source" | "tier" | "confirmed"; groups: ReadonlyArray<ShowRateGroup<string | boolean | null>> }) {
  const { t } = useTranslation();
  const label = useGroupLabel();
  const percent = usePercent();
  return (
    <div className="table-wrap">
      <table data-breakdown={kind}>
        <caption>{t(`interviewSessions.showRate.by.${kind}`)}</caption>
        <thead>
          <tr>
            <th scope="col">{t(`interviewSessions.showRate.groupColumn.${kind}`)}</th>
            <th scope="col" className="num">{t("interviewSessions.showRate.came")}</th>
            <th scope="col" className="num">{t("interviewSessions.counts.noShow")}</th>
            <th scope="col" className="num">{t("interviewSessions.showRate.estimate")}</th>
            <th scope="col">{t("interviewSessions.showRate.intervalShort")}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={String(g.group)} data-group={String(g.group)}>
              <th scope="row">{label(kind, g.group)}</th>
              <td className="num">{g.attended}</td>
              <td className="num">{g.noShow}</td>
              <td className="num">{percent(g.estimate.mean)}</td>
              <td className="nowrap">
                {percent(g.estimate.low)}–{percent(g.estimate.high)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RatioTable({ kind, caption, rows, label }: { kind: string; caption: string; rows: readonly Ratio[]; label: (row: Ratio) => ReactNode }) {
  const { t } = useTranslation();
  const percent = usePercent();
  return (
    <div className="table-wrap">
      <table data-no-show-by={kind}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t(`interviewSessions.noShow.groupColumn.${kind}`)}</th>
            <th scope="col" className="num">{t("interviewSessions.noShow.marked")}</th>
            <th scope="col" className="num">{t("interviewSessions.counts.attended")}</th>
            <th scope="col" className="num">{t("interviewSessions.counts.late")}</th>
            <th scope="col" className="num">{t("interviewSessions.counts.noShow")}</th>
            <th scope="col" className="num">{t("interviewSessions.noShow.ratio")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={String(r.group)} data-group={String(r.group)}>
              <th scope="row">{label(r)}</th>
              <td className="num">{r.marked}</td>
              <td className="num">{r.attended}</td>
              <td className="num">{r.late}</td>
              <td className="num">{r.noShow}</td>
              <td className="num" data-ratio={r.ratio.toFixed(4)}>
                {percent(r.ratio)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ShowRatePanel({ panel }: { panel: Panel }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const timeZone = useTimeZone();
  const label = useGroupLabel();
  const { breakdowns, noShow } = panel;
  const sessionLabel = (r: Ratio) => {
    const session = noShow.bySession.find((s) => s.group === r.group);
    return session ? formatDateTime(session.startsAt, locale, timeZone) : String(r.group);
  };
  return (
    <Section id={`show-rate-${panel.vacancy.id}`} title={t("interviewSessions.showRate.title", { vacancy: panel.vacancy.title })}>
      <div className="iv-show-rate" data-show-rate={panel.vacancy.id}>
        <p className="iv-estimate">
          {t("interviewSessions.showRate.lead")} <EstimateText estimate={panel.estimate} />
        </p>
        <p className="field-hint">{t("interviewSessions.showRate.explained")}</p>
        <p>
          {t("interviewSessions.noShow.total")} <NoShowText ratio={noShow.total} />
        </p>
        {noShow.total ? (
          <details className="iv-breakdowns" open>
            <summary>{t("interviewSessions.showRate.details")}</summary>
            <div className="iv-tables">
              <BreakdownTable kind="source" groups={breakdowns.source} />
              <BreakdownTable kind="tier" groups={breakdowns.tier} />
              <BreakdownTable kind="confirmed" groups={breakdowns.confirmed} />
              <RatioTable kind="day" caption={t("interviewSessions.noShow.by.day")} rows={noShow.byDay} label={(r) => formatDate(`${String(r.group)}T12:00:00Z`, locale, "UTC")} />
              <RatioTable kind="session" caption={t("interviewSessions.noShow.by.session")} rows={noShow.bySession} label={sessionLabel} />
              <RatioTable kind="source" caption={t("interviewSessions.noShow.by.source")} rows={noShow.bySource} label={(r) => label("source", r.group)} />
              <RatioTable kind="tier" caption={t("interviewSessions.noShow.by.tier")} rows={noShow.byTier} label={(r) => label("tier", r.group)} />
            </div>
          </details>
        ) : null}
      </div>
    </Section>
  );
}
