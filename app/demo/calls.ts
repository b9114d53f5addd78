import type { CallOutcome } from "@prisma/client";
import { moscowToday, RETRY_AFTER_MS, type NotInterestedReason } from "~/outreach/calls";
import { DEMO_ACCOUNTS } from "./generate";
import type { DemoData } from "./types";

/**
 * A few days of calls on the demo vacancy's list (обзвон), so its counts and today's
 * figures per recruiter show something: the "interested" and "not interested" calls
 * behind stage moves the funnel already has, and this morning's work (no answers, a
 * callback due now and one tomorrow). Pure and deterministic: it reads the generated
 * data and draws no random numbers, so the rest of the demo is unchanged.
 */
export type DemoCallTask = {
  applicationId: string;
  vacancyId: string;
  attempts: number;
  lastOutcome: CallOutcome;
  lastCalledAt: Date;
  dueAt: Date | null;
  callbackRequested: boolean;
  doneAt: Date | null;
  createdAt: Date;
};

export type DemoCallAttempt = {
  applicationId: string;
  vacancyId: string;
  recruiterId: string;
  outcome: CallOutcome;
  callbackAt: Date | null;
  reason: NotInterestedReason | null;
  note: string | null;
  createdAt: Date;
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The funnel's words for declining (app/demo/funnel.ts) as the call list's reason codes. */
function reasonFor(text: string | null): NotInterestedReason | null {
  if (!text) return null;
  if (/зарплат/i.test(text)) return "salary";
  if (/смена работы/i.test(text)) return "not-looking";
  if (/предложение/i.test(text)) return "other";
  return null;
}

export function demoCalls(data: DemoData, now: Date): { tasks: DemoCallTask[]; attempts: DemoCallAttempt[] } {
  const main = data.vacancies[0]!;
  const userId = (key: (typeof DEMO_ACCOUNTS)[number]["key"]) => data.users[DEMO_ACCOUNTS.findIndex((a) => a.key === key)]!.id;
  const [katya, olga] = [userId("recruiter"), userId("recruiter2")];
  const people = new Map(data.candidates.map((c) => [c.id, c]));
  const applications = data.applications.filter((a) => a.vacancyId === main.id);
  const changes = new Map<string, DemoData["stageChanges"]>();
  for (const change of data.stageChanges) changes.set(change.applicationId, [...(changes.get(change.applicationId) ?? []), change]);
  const tasks: DemoCallTask[] = [];
  const attempts: DemoCallAttempt[] = [];
  const call = (applicationId: string, recruiterId: string, outcome: CallOutcome, createdAt: Date, extra: Partial<DemoCallAttempt> = {}) =>
    attempts.push({ applicationId, vacancyId: main.id, recruiterId, outcome, callbackAt: null, reason: null, note: null, createdAt, ...extra });
  const task = (applicationId: string, fields: Omit<DemoCallTask, "applicationId" | "vacancyId" | "createdAt">, createdAt: Date) =>
    tasks.push({ applicationId, vacancyId: main.id, createdAt, ...fields });

  // The calls behind the funnel's moves: interested → questionnaire sent; declined → withdrawn.
  for (const a of applications) {
    const history = changes.get(a.id) ?? [];
    const toQuestionnaire = history.find((c) => c.fromStage === "CONTACTED" && c.toStage === "QUESTIONNAIRE_SENT" && c.actorId);
    const declined = history.find((c) => c.fromStage === "CONTACTED" && c.toStage === "WITHDRAWN" && c.actorId && reasonFor(c.reason));
    const outcome: CallOutcome = toQuestionnaire ? "INTERESTED" : "NOT_INTERESTED";
    const made = toQuestionnaire ?? declined;
    if (!made || tasks.filter((t) => t.lastOutcome === outcome).length >= (toQuestionnaire ? 9 : 3)) continue;
    call(a.id, made.actorId!, outcome, made.createdAt, { reason: toQuestionnaire ? null : reasonFor(made.reason) });
    task(a.id, { attempts: 1, lastOutcome: outcome, lastCalledAt: made.createdAt, dueAt: null, callbackRequested: false, doneAt: made.createdAt }, history[0]!.createdAt);
  }

  // This morning (Moscow): the last three hours, never before midnight.
  const { from: midnight } = moscowToday(now);
  const start = Math.max(midnight.getTime(), now.getTime() - 3 * HOUR);
  const callable = (stage: string) =>
    applications.filter((a) => {
      const person = people.get(a.candidateId);
      return a.stage === stage && a.tier !== "EXCLUDED" && person?.phone && !person.doNotContact;
    });
  const sourced = callable("SOURCED").slice(0, 6);
  const contacted = callable("CONTACTED").slice(0, 2);
  const slots = sourced.length + contacted.length;
  const at = (i: number) => new Date(start + Math.floor(((now.getTime() - MINUTE - start) * (i + 1)) / (slots + 1)));
  sourced.forEach((a, i) => {
    const recruiterId = i % 3 === 2 ? olga : katya;
    const calledAt = at(i);
    // The first two were tried yesterday too.
    const before = i < 2 ? [new Date(calledAt.getTime() - 24 * HOUR)] : [];
    for (const earlier of before) call(a.id, recruiterId, "NO_ANSWER", earlier);
    call(a.id, recruiterId, "NO_ANSWER", calledAt, i === 1 ? { note: "Сбросил(а) после второго гудка" } : {});
    task(
      a.id,
      { attempts: before.length + 1, lastOutcome: "NO_ANSWER", lastCalledAt: calledAt, dueAt: new Date(calledAt.getTime() + RETRY_AFTER_MS), callbackRequested: false, doneAt: null },
      before[0] ?? calledAt,
    );
  });
  contacted.forEach((a, i) => {
    const contactedAt = (changes.get(a.id) ?? []).find((c) => c.toStage === "CONTACTED")!.createdAt;
    // Yesterday's call comes after the move to CONTACTED (the funnel's moves all end by yesterday evening).
    const calledAt = i === 0 ? new Date(Math.max(contactedAt.getTime() + 10 * MINUTE, now.getTime() - 26 * HOUR)) : at(sourced.length + i);
    // One asked yesterday to be called back this morning (due now: top of the list), one tomorrow at 11:00 Moscow.
    const callbackAt = i === 0 ? new Date(now.getTime() - 20 * MINUTE) : new Date(moscowToday(now).to.getTime() + 11 * HOUR);
    call(a.id, katya, "CALL_BACK", calledAt, { callbackAt, note: i === 0 ? "Просит перезвонить утром, сейчас на совещании" : null });
    task(a.id, { attempts: 1, lastOutcome: "CALL_BACK", lastCalledAt: calledAt, dueAt: callbackAt, callbackRequested: true, doneAt: null }, calledAt);
  });
  return { tasks, attempts };
}
