import { getFormProps, getTextareaProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { type InvitationStatus } from "@prisma/client";
import { Form, useNavigation } from "@remix-run/react";
import { type ReactNode } from "react";
import { formatInterviewPlace, formatInterviewTime, MAX_DECLINE_NOTE, RsvpSchema, type RsvpIntent } from "~/interviews/rsvp";
import { useTranslation } from "~/ui/use-translation";
import { Button, ErrorList, FormError } from "./form";
import { useLocale } from "./use-locale";

/**
 * The candidate's RSVP page (/rsvp/:token), mobile first: the vacancy, the time in the
 * session's own time zone, the place and the video link, where they stand, and the
 * three answers: confirm, pick another time (sessions with a free place), decline with
 * an optional note. A full room offers the waitlist or another time instead.
 */

type Session = { startsAt: string; durationMinutes: number; timeZone: string; place: string | null; videoUrl: string | null; cancelled: boolean };
type Option = { id: string; startsAt: string; durationMinutes: number; timeZone: string; place: string | null; videoUrl: string | null; free: number };

export type RsvpPageData = {
  invitation: { status: InvitationStatus };
  session: Session | null;
  phase: "upcoming" | "running" | null;
  vacancy: { title: string; city: string };
  firstName: string;
  choices: RsvpIntent[];
  full: boolean;
  alternatives: Option[];
  calendar: boolean;
};

export const RSVP_DONE = ["confirmed", "moved", "declined", "waitlisted"] as const;
export type RsvpDone = (typeof RSVP_DONE)[number];
export const RSVP_PROBLEMS = ["full", "not-full", "bad-session", "not-allowed"] as const;
export type RsvpProblem = (typeof RSVP_PROBLEMS)[number];

export function RsvpNotice({ title, message, children }: { title: string; message: string; children?: ReactNode }) {
  return (
    <section className="card rsvp-notice" aria-live="polite">
      <h1>{title}</h1>
      <p>{message}</p>
      {children}
    </section>
  );
}

function StatusLine({ data }: { data: RsvpPageData }) {
  const { t } = useTranslation();
  const { status } = data.invitation;
  const text = data.session?.cancelled
    ? t("interviewInvitations.rsvp.cancelled")
    : data.phase === "running"
      ? t("interviewInvitations.rsvp.running")
      : !data.session && status === "WAITLISTED"
        ? t("interviewInvitations.rsvp.waitingAny")
        : t(`interviewInvitations.rsvp.status.${status}`);
  return (
    <p className={`rsvp-status rsvp-status-${status.toLowerCase()}`} data-rsvp-status={status}>
      {text}
    </p>
  );
}

function SessionFacts({ session }: { session: Session }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <dl className="rsvp-facts">
      <div>
        <dt>{t("interviewInvitations.rsvp.when")}</dt>
        <dd data-rsvp-time="">{formatInterviewTime(session, locale)}</dd>
      </div>
      {session.place ? (
        <div>
          <dt>{t("interviewInvitations.rsvp.where")}</dt>
          <dd>{session.place}</dd>
        </div>
      ) : null}
      {session.videoUrl ? (
        <div>
          <dt>{t("interviewInvitations.rsvp.video")}</dt>
          <dd>
            <a href={session.videoUrl} rel="noreferrer noopener" target="_blank">
              {session.videoUrl}
            </a>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

function useRsvpForm(id: string, lastResult: SubmissionResult<string[]> | undefined) {
  return useForm({
    id,
    lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RsvpSchema }),
  });
}

function OtherTimes({ options, lastResult }: { options: readonly Option[]; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigation = useNavigation();
  const [form, fields] = useRsvpForm("rsvp-move", lastResult?.initialValue?.intent === "move" ? lastResult : undefined);
  if (!options.length) return <p className="muted">{t("interviewInvitations.rsvp.noAlternatives")}</p>;
  return (
    <Form method="post" {...getFormProps(form)} className="rsvp-move">
      <input type="hidden" name="intent" value="move" />
      <fieldset className="rsvp-options" aria-describedby={fields.sessionId.errors?.length ? fields.sessionId.errorId : undefined}>
        <legend>{t("interviewInvitations.rsvp.move")}</legend>
        {options.map((option) => (
          <label key={option.id} className="rsvp-option">
            <input type="radio" name="sessionId" value={option.id} />
            <strong>{formatInterviewTime(option, locale)}</strong>
            <span className="muted">
              {[formatInterviewPlace(option), t("interviewInvitations.rsvp.free", { count: option.free })].filter(Boolean).join(" · ")}
            </span>
          </label>
        ))}
      </fieldset>
      <ErrorList id={fields.sessionId.errorId} errors={fields.sessionId.errors} />
      <Button variant="secondary" className="rsvp-button" disabled={navigation.state !== "idle"}>
        {t("interviewInvitations.rsvp.moveSubmit")}
      </Button>
    </Form>
  );
}

function Decline({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const [form, fields] = useRsvpForm("rsvp-decline", lastResult?.initialValue?.intent === "decline" ? lastResult : undefined);
  return (
    <Form method="post" {...getFormProps(form)} className="rsvp-decline">
      <input type="hidden" name="intent" value="decline" />
      <div className="field">
        <label htmlFor={fields.note.id}>{t("interviewInvitations.rsvp.declineNote")}</label>
        <textarea {...getTextareaProps(fields.note)} rows={3} maxLength={MAX_DECLINE_NOTE} aria-describedby={`${fields.note.descriptionId} ${fields.note.errorId}`} />
        <p id={fields.note.descriptionId} className="field-hint">
          {t("interviewInvitations.rsvp.declineHint", { max: MAX_DECLINE_NOTE })}
        </p>
        <ErrorList id={fields.note.errorId} errors={fields.note.errors} />
      </div>
      <Button variant="danger" className="rsvp-button" disabled={navigation.state !== "idle"}>
        {t("interviewInvitations.rsvp.decline")}
      </Button>
    </Form>
  );
}

export function RsvpPage({
  data,
  calendarHref,
  done,
  problem,
  lastResult,
}: {
  data: RsvpPageData;
  calendarHref: string;
  done: RsvpDone | null;
  problem: RsvpProblem | null;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { choices } = data;
  const full = problem === "full" || (data.full && choices.includes("confirm"));
  return (
    <div className="rsvp">
      <header className="rsvp-header">
        <p className="muted">{t("interviewInvitations.rsvp.vacancy", { title: data.vacancy.title, city: data.vacancy.city })}</p>
        <h1>{t("interviewInvitations.rsvp.greeting", { name: data.firstName })}</h1>
      </header>
      {done ? (
        <p className="notice notice-good" role="status" data-rsvp-done={done}>
          {t(`interviewInvitations.rsvp.done.${done}`)}
        </p>
      ) : null}
      {problem && problem !== "full" ? <FormError errors={[`interviewInvitations.rsvp.problems.${problem}`]} /> : null}
      <section className="card" aria-labelledby="rsvp-session">
        <h2 id="rsvp-session">{t("interviewInvitations.rsvp.title")}</h2>
        {data.session ? <SessionFacts session={data.session} /> : null}
        <StatusLine data={data} />
        {data.calendar ? (
          <p>
            <a href={calendarHref} download="interview.ics" className="button button-secondary rsvp-button" data-rsvp-calendar="">
              {t("interviewInvitations.rsvp.calendar")}
            </a>
          </p>
        ) : null}
        {choices.includes("confirm") && !full ? (
          <Form method="post">
            <Button name="intent" value="confirm" className="rsvp-button" disabled={navigation.state !== "idle"} data-rsvp-confirm="">
              {t("interviewInvitations.rsvp.confirm")}
            </Button>
          </Form>
        ) : null}
        {choices.includes("confirm") && full ? (
          <div className="notice" role="status" data-rsvp-full="">
            <p>
              <strong>{t("interviewInvitations.rsvp.full")}</strong> {t("interviewInvitations.rsvp.fullHint")}
            </p>
            {data.invitation.status === "INVITED" ? (
              <Form method="post">
                <Button name="intent" value="waitlist" variant="secondary" className="rsvp-button" disabled={navigation.state !== "idle"}>
                  {t("interviewInvitations.rsvp.joinWaitlist")}
                </Button>
              </Form>
            ) : null}
          </div>
        ) : null}
      </section>
      {choices.includes("move") ? (
        <section className="card" aria-labelledby="rsvp-other">
          <h2 id="rsvp-other">{t("interviewInvitations.rsvp.otherTimes")}</h2>
          <OtherTimes options={data.alternatives} lastResult={lastResult} />
        </section>
      ) : null}
      {choices.includes("decline") ? (
        <section className="card" aria-labelledby="rsvp-decline">
          <h2 id="rsvp-decline">{t("interviewInvitations.rsvp.declineTitle")}</h2>
          <Decline lastResult={lastResult} />
        </section>
      ) : null}
    </div>
  );
}
