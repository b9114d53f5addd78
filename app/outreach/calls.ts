import { type CallOutcome } from "@prisma/client";
import { parseLocalDateTime } from "~/i18n/local-time";
import { z } from "zod";

/**
 * The call list's rules (обзвон, METHOD.md §2), pure and client-safe: the outcomes a
 * recruiter records, why someone is not interested, when a candidate is called
 * again, the keyboard map of the page, and the daily figures per recruiter. The
 * queue itself (who, in which order, who holds whom) is in call-list.server.ts.
 */

export const CALL_OUTCOMES = ["NO_ANSWER", "CALL_BACK", "INTERESTED", "NOT_INTERESTED", "WRONG_NUMBER"] as const satisfies readonly CallOutcome[];

/** Outcomes where someone answered and talked to us (the "reached" figure). */
export const REACHED_OUTCOMES: readonly CallOutcome[] = ["CALL_BACK", "INTERESTED", "NOT_INTERESTED"];

export function isReached(outcome: CallOutcome): boolean {
  return REACHED_OUTCOMES.includes(outcome);
}

/** Why a reached candidate said no; stored as CallAttempt.reason, in the keyboard order. */
export const NOT_INTERESTED_REASONS = ["salary", "not-looking", "location", "company", "role", "other"] as const;
export type NotInterestedReason = (typeof NOT_INTERESTED_REASONS)[number];

/** No answer: called again after this long. */
export const RETRY_AFTER_MS = 2 * 3_600_000;
/** This many calls in a row without reaching anyone and the candidate is off the list (unreachable). */
export const MAX_UNREACHED_ATTEMPTS = 5;
/** A claimed candidate is kept for the recruiter this long; then anyone may take them. */
export const CLAIM_LEASE_MS = 10 * 60_000;
/** The callback field starts this far ahead. */
export const DEFAULT_CALLBACK_MS = 2 * 3_600_000;
/** A callback further ahead than this is a typo (a wrong year). */
export const MAX_CALLBACK_AHEAD_MS = 180 * 86_400_000;
export const MAX_NOTE = 2_000;

// ───────────────────────────── Moscow time ─────────────────────────────

/** Moscow has kept UTC+3 all year since 2014: no daylight saving to follow. */
const MOSCOW_OFFSET_MS = 3 * 3_600_000;

/** The Moscow calendar day of a moment, "2026-03-02". */
export function moscowDay(at: Date | string): string {
  return new Date(new Date(at).getTime() + MOSCOW_OFFSET_MS).toISOString().slice(0, 10);
}

/** When a Moscow day ("2026-03-02") begins, as a UTC moment. */
export function moscowDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - MOSCOW_OFFSET_MS);
}

// ───────────────────────────── retry rules ─────────────────────────────

/** Calls in a row that reached nobody, from the latest attempt back (outcomes newest first). */
export function unreachedStreak(outcomesNewestFirst: readonly CallOutcome[]): number {
  const reached = outcomesNewestFirst.findIndex((o) => o !== "NO_ANSWER");
  return reached === -1 ? outcomesNewestFirst.length : reached;
}

export type TaskAfterCall = {
  dueAt: Date | null;
  callbackRequested: boolean;
  /** Off the list, and why. */
  done: null | "interested" | "not-interested" | "wrong-number" | "unreachable";
};

/**
 * What a call's outcome does to the candidate's place in the list. `streakBefore` is
 * unreachedStreak of the attempts before this one.
 */
export function taskAfterCall(input: { outcome: CallOutcome; at: Date; streakBefore: number; callbackAt?: Date | null }): TaskAfterCall {
  const { outcome, at } = input;
  switch (outcome) {
    case "NO_ANSWER":
      if (input.streakBefore + 1 >= MAX_UNREACHED_ATTEMPTS) return { dueAt: null, callbackRequested: false, done: "unreachable" };
      return { dueAt: new Date(at.getTime() + RETRY_AFTER_MS), callbackRequested: false, done: null };
    case "CALL_BACK":
      if (!input.callbackAt) throw new Error("a callback needs its time");
      return { dueAt: input.callbackAt, callbackRequested: true, done: null };
    case "INTERESTED":
      return { dueAt: null, callbackRequested: false, done: "interested" };
    case "NOT_INTERESTED":
      return { dueAt: null, callbackRequested: false, done: "not-interested" };
    case "WRONG_NUMBER":
      return { dueAt: null, callbackRequested: false, done: "wrong-number" };
  }
}

// ───────────────────────────── the outcome form ─────────────────────────────

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The outcome form, checked against `now`: a callback must be in the future (typed in
 * Moscow time), "not interested" must say why, a note is optional and short. Error
 * values are i18n keys.
 */
export function outcomeSchema(now: Date) {
  return z
    .object({
      applicationId: z.string({ error: "calls.errors.noCandidate" }).regex(ID, "calls.errors.noCandidate"),
      outcome: z.enum(CALL_OUTCOMES, { error: "calls.errors.outcome" }),
      callbackAt: z.string().trim().optional(),
      reason: z.string().trim().optional(),
      note: z
        .string()
        .trim()
        .max(MAX_NOTE, `validation.tooLong|max=${MAX_NOTE}`)
        .optional()
        .transform((v) => v || null),
    })
    .transform((form, ctx) => {
      let callbackAt: Date | null = null;
      let reason: NotInterestedReason | null = null;
      if (form.outcome === "CALL_BACK") {
        callbackAt = form.callbackAt ? parseLocalDateTime(form.callbackAt) : null;
        if (!form.callbackAt) ctx.addIssue({ code: "custom", path: ["callbackAt"], message: "calls.errors.callbackRequired" });
        else if (!callbackAt) ctx.addIssue({ code: "custom", path: ["callbackAt"], message: "calls.errors.callbackInvalid" });
        else if (callbackAt.getTime() <= now.getTime()) ctx.addIssue({ code: "custom", path: ["callbackAt"], message: "calls.errors.callbackPast" });
        else if (callbackAt.getTime() - now.getTime() > MAX_CALLBACK_AHEAD_MS) {
          ctx.addIssue({ code: "custom", path: ["callbackAt"], message: "calls.errors.callbackTooFar" });
        }
      }
      if (form.outcome === "NOT_INTERESTED") {
        const code = NOT_INTERESTED_REASONS.find((r) => r === form.reason);
        if (!code) ctx.addIssue({ code: "custom", path: ["reason"], message: "calls.errors.reasonRequired" });
        reason = code ?? null;
      }
      return { applicationId: form.applicationId, outcome: form.outcome, callbackAt, reason, note: form.note };
    });
}

export type OutcomeForm = z.output<ReturnType<typeof outcomeSchema>>;

// ───────────────────────────── keyboard ─────────────────────────────

/** What is open under the outcome buttons. */
export type CallPanel = "none" | "callback" | "reason" | "note";

export type ShortcutAction =
  | { type: "outcome"; outcome: CallOutcome }
  | { type: "open"; panel: Exclude<CallPanel, "none"> }
  | { type: "reason"; reason: NotInterestedReason }
  | { type: "submit-callback" }
  | { type: "close" };

/** The outcome buttons' keys: the digit is also in each button's name ("1 · Не дозвонился"). */
export const OUTCOME_KEYS: Record<CallOutcome, string> = {
  NO_ANSWER: "1",
  CALL_BACK: "2",
  INTERESTED: "3",
  NOT_INTERESTED: "4",
  WRONG_NUMBER: "5",
};

/** N opens the note; "т" is the same key on a Russian layout. */
const NOTE_KEYS = new Set(["n", "N", "т", "Т"]);

/**
 * What a key press does on the call page. `typing` is true while the focus is in a
 * text field (isTypingTarget): then only Esc (close) and, in the callback field,
 * Enter (save the callback) do anything. With the reason choice open, 1–6 pick a reason.
 */
export function shortcut(key: { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean }, panel: CallPanel, typing: boolean): ShortcutAction | null {
  if (key.ctrlKey || key.metaKey || key.altKey) return null;
  if (key.key === "Escape") return panel === "none" ? null : { type: "close" };
  if (typing) return panel === "callback" && key.key === "Enter" ? { type: "submit-callback" } : null;
  if (panel === "reason") {
    const reason = NOT_INTERESTED_REASONS[Number(key.key) - 1];
    return /^[1-6]$/.test(key.key) && reason ? { type: "reason", reason } : null;
  }
  if (panel === "callback" && key.key === "Enter") return { type: "submit-callback" };
  if (NOTE_KEYS.has(key.key)) return { type: "open", panel: "note" };
  const outcome = CALL_OUTCOMES.find((o) => OUTCOME_KEYS[o] === key.key);
  if (!outcome) return null;
  if (outcome === "CALL_BACK") return { type: "open", panel: "callback" };
  if (outcome === "NOT_INTERESTED") return { type: "open", panel: "reason" };
  return { type: "outcome", outcome };
}

const NOT_TYPING_INPUTS = new Set(["button", "submit", "reset", "checkbox", "radio", "hidden", "image"]);

/** Whether a key press lands in a text field, where keys are letters, not shortcuts. */
export function isTypingTarget(target: { tagName?: string; type?: string; isContentEditable?: boolean } | null): boolean {
  if (!target?.tagName) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName.toUpperCase();
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  return tag === "INPUT" && !NOT_TYPING_INPUTS.has((target.type ?? "text").toLowerCase());
}

// ───────────────────────────── daily figures ─────────────────────────────

export type CallRecord = { recruiterId: string | null; outcome: CallOutcome; createdAt: Date | string };
export type CallDayStats = { day: string; recruiterId: string | null; calls: number; reached: number; interested: number };

/**
 * Calls, reached and interested per recruiter and Moscow day, newest day first and
 * the busiest recruiter first within a day.
 */
export function dailyCallStats(records: readonly CallRecord[]): CallDayStats[] {
  const rows = new Map<string, CallDayStats>();
  for (const r of records) {
    const day = moscowDay(r.createdAt);
    const key = `${day}|${r.recruiterId ?? ""}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { day, recruiterId: r.recruiterId, calls: 0, reached: 0, interested: 0 }));
    row.calls += 1;
    if (isReached(r.outcome)) row.reached += 1;
    if (r.outcome === "INTERESTED") row.interested += 1;
  }
  return [...rows.values()].sort((a, b) => b.day.localeCompare(a.day) || b.calls - a.calls || String(a.recruiterId).localeCompare(String(b.recruiterId)));
}

/** The Moscow day `now` falls on, with when it starts and ends (for the query). */
export function moscowToday(now: Date): { day: string; from: Date; to: Date } {
  const day = moscowDay(now);
  const from = moscowDayStart(day);
  return { day, from, to: new Date(from.getTime() + 86_400_000) };
}
