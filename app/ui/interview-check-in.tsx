import type { AttendanceMark } from "@prisma/client";
import type { SerializeFrom } from "@remix-run/node";
import { Form, useFetcher, useFetchers, useNavigation } from "@remix-run/react";
import { ATTENDANCE_MARKS, checkInTally, type CheckInTally } from "~/interviews/attendance";
import type { CheckInPage } from "~/interviews/attendance.server";
import { useTranslation } from "~/ui/use-translation";
import { Badge } from "./badges";
import { Button, FormError } from "./form";
import { usePercent } from "./interview-show-rate";
import { formatPersonName } from "./person";
import { useLocale } from "./use-locale";

/**
 * The check-in page's parts, made for a tablet: one row per person expected, three big
 * buttons (came, late, no-show) that answer at once (the mark shows before the server
 * confirms it), and a running tally. Plain forms underneath, so it works without
 * JavaScript too.
 */

type Person = SerializeFrom<CheckInPage>["people"][number];
type MarkReply = { ok: true; invitationId: string; mark: AttendanceMark } | { ok: false; invitationId?: string; error: string };

const markKey = (invitationId: string) => `check-in-${invitationId}`;
const isMark = (value: unknown): value is AttendanceMark => typeof value === "string" && (ATTENDANCE_MARKS as readonly string[]).includes(value);

/** The marks as they will be once the taps in flight are saved. */
export function usePendingMarks(people: readonly Person[]): Map<string, AttendanceMark | null> {
  const fetchers = useFetchers();
  const marks = new Map(people.map((p) => [p.invitationId, p.attendance]));
  for (const fetcher of fetchers) {
    const data = fetcher.formData;
    const id = data?.get("invitationId");
    const mark = data?.get("mark");
    if (data?.get("intent") === "mark" && typeof id === "string" && marks.has(id) && isMark(mark)) marks.set(id, mark);
  }
  return marks;
}

export function CheckInTallyBar({ tally }: { tally: CheckInTally }) {
  const { t } = useTranslation();
  const percent = usePercent();
  const items = [
    ["attended", tally.attended],
    ["late", tally.late],
    ["noShow", tally.noShow],
    ["unmarked", tally.unmarked],
  ] as const;
  return (
    <div className="iv-tally" role="status" aria-live="polite" data-tally="">
      <ul>
        {items.map(([key, value]) => (
          <li key={key} data-count={key}>
            <span className="stat-value">{value}</span>
            <span className="stat-label">{t(`interviewSessions.checkIn.tally.${key}`)}</span>
          </li>
        ))}
        <li data-count="ratio">
          <span className="stat-value">{tally.ratio === null ? "—" : percent(tally.ratio)}</span>
          <span className="stat-label">{t("interviewSessions.checkIn.tally.ratio")}</span>
        </li>
      </ul>
    </div>
  );
}

function CheckInRow({ person, open }: { person: Person; open: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const fetcher = useFetcher<MarkReply>({ key: markKey(person.invitationId) });
  const pending = fetcher.formData?.get("mark");
  const shown = isMark(pending) ? pending : person.attendance;
  const reply = fetcher.state === "idle" ? fetcher.data : undefined;
  const name = person.name ? formatPersonName(person.name, locale) : t("candidates.erasedName");
  return (
    <li className="iv-person" data-invitation={person.invitationId} data-mark={shown ?? ""}>
      <div className="iv-person-name">
        <span className={person.name ? undefined : "muted"}>{name}</span>
        <Badge tone={person.status === "CONFIRMED" ? "good" : "neutral"}>{t(`interviewSessions.checkIn.status.${person.status}`)}</Badge>
      </div>
      <fetcher.Form method="post" className="iv-marks">
        <input type="hidden" name="intent" value="mark" />
        <input type="hidden" name="invitationId" value={person.invitationId} />
        {ATTENDANCE_MARKS.map((mark) => (
          <button
            key={mark}
            type="submit"
            name="mark"
            value={mark}
            className={`iv-mark iv-mark-${mark.toLowerCase()}`}
            aria-pressed={shown === mark}
            disabled={!open}
            aria-label={`${t(`interviewSessions.checkIn.marks.${mark}`)}: ${name}`}
          >
            {t(`interviewSessions.checkIn.marks.${mark}`)}
          </button>
        ))}
      </fetcher.Form>
      {reply && !reply.ok ? <FormError errors={[reply.error]} /> : null}
    </li>
  );
}

export function CheckInList({ people, open }: { people: readonly Person[]; open: boolean }) {
  const { t } = useTranslation();
  if (!people.length) return <p className="empty-state">{t("interviewSessions.checkIn.nobody")}</p>;
  return (
    <ul className="iv-people">
      {people.map((person) => (
        <CheckInRow key={person.invitationId} person={person} open={open} />
      ))}
    </ul>
  );
}

/** The tally with the taps in flight counted. */
export function useLiveTally(people: readonly Person[]): CheckInTally {
  return checkInTally([...usePendingMarks(people).values()]);
}

export function CloseCheckInForm({ unmarked, error }: { unmarked: number; error: string | null }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  return (
    <Form method="post" className="stack-tight iv-close">
      <input type="hidden" name="intent" value="close" />
      <FormError errors={error ? [error] : null} />
      <p className="field-hint">{t("interviewSessions.checkIn.closeExplained")}</p>
      {unmarked ? (
        <label className="checkbox iv-touch">
          <input type="checkbox" name="rest" value="no-show" />
          {t("interviewSessions.checkIn.restNoShow", { count: unmarked })}
        </label>
      ) : null}
      <Button className="iv-touch" disabled={navigation.state === "submitting"}>
        {t("interviewSessions.checkIn.close")}
      </Button>
    </Form>
  );
}
