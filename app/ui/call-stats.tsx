import { useTranslation } from "~/ui/use-translation";
import { formatDate } from "~/i18n/format";
import { moscowDayStart } from "~/outreach/calls";
import { NumberText } from "./dates";
import { useLocale } from "./use-locale";

export type QueueCountsView = { callbacksDue: number; toCall: number; later: number; done: number };
export type CallStatsRow = { recruiterId: string | null; recruiterName: string | null; calls: number; reached: number; interested: number };

/** Where the vacancy's list stands: callbacks due now, others to call, later, done. */
export function CallQueueCounts({ counts }: { counts: QueueCountsView }) {
  const { t } = useTranslation();
  const items = ["callbacksDue", "toCall", "later", "done"] as const;
  return (
    <ul className="stats" aria-label={t("calls.counts.title")} data-testid="call-counts">
      {items.map((key) => (
        <li key={key} className="stat" data-count={key}>
          <span className="stat-value">
            <NumberText value={counts[key]} />
          </span>
          <span className="stat-label">{t(`calls.counts.${key}`)}</span>
        </li>
      ))}
    </ul>
  );
}

/** Today's calls per recruiter (Moscow day): calls, reached, interested. */
export function CallTodayStats({ day, rows }: { day: string; rows: readonly CallStatsRow[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  // Noon of the Moscow day is that day in Moscow, whatever the formatter's zone rounding.
  const dayText = formatDate(new Date(moscowDayStart(day).getTime() + 12 * 3_600_000), locale);
  return (
    <section className="section" aria-labelledby="call-stats" data-testid="call-stats">
      <h2 id="call-stats">{t("calls.stats.title", { day: dayText })}</h2>
      {rows.length ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("calls.stats.recruiter")}</th>
                <th scope="col" className="num">{t("calls.stats.calls")}</th>
                <th scope="col" className="num">{t("calls.stats.reached")}</th>
                <th scope="col" className="num">{t("calls.stats.interested")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.recruiterId ?? ""}>
                  <th scope="row">{row.recruiterName ?? t("calls.stats.unknown")}</th>
                  <td className="num">{row.calls}</td>
                  <td className="num">{row.reached}</td>
                  <td className="num">{row.interested}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t("calls.stats.none")}</p>
      )}
    </section>
  );
}
