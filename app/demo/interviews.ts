import type { AttendanceMark, InterviewDecision, InvitationStatus, ScoreRecommendation, Stage, StageEvent } from "@prisma/client";
import { DEFAULT_RUBRIC, type Rubric } from "~/interviews/rubric";
import { createRng } from "./random";
import type { DemoApplication, DemoCandidate, DemoStageChange } from "./types";

/**
 * The main vacancy's group interviews, made to agree with the funnel's histories:
 * three past sessions (two on one day, one the next) where everyone who reached
 * INTERVIEWED attended and a believable share of the invited did not come, with two
 * assessors' scorecards and the head's decisions; and four upcoming sessions with
 * invitations, some confirmed. The interview part of those candidates' histories is
 * re-timed around the sessions (deterministically: the funnel's random numbers are
 * left as they were), with the steps inside a stage (confirmed, came, no-show) as
 * stage-history events, as the product records them.
 *
 * Pure, like the rest of the demo: the seed writes the rows as they are, with each
 * invitation's RSVP link made as the product makes it (one has the README's token).
 */

/** The RSVP link the README names: an upcoming invitation, not yet answered. */
export const DEMO_RSVP_TOKEN = "demo-rsvp-2026";

export type DemoInterviewSeries = { id: string; vacancyId: string; name: string; createdById: string; createdAt: Date };
export type DemoInterviewSession = {
  id: string;
  vacancyId: string;
  seriesId: string;
  startsAt: Date;
  durationMinutes: number;
  timeZone: string;
  place: string | null;
  videoUrl: string | null;
  seats: number;
  capacity: number;
  confidence: number;
  rubric: Rubric;
  checkInClosedAt: Date | null;
  createdById: string;
  createdAt: Date;
};
export type DemoInvitation = {
  id: string;
  vacancyId: string;
  applicationId: string;
  sessionId: string;
  status: InvitationStatus;
  /** The README's link (the seed stores its sha256); null: the product's own link for the row (rsvpToken). */
  token: string | null;
  confirmedAt: Date | null;
  reminded24hAt: Date | null;
  reminded2hAt: Date | null;
  attendance: AttendanceMark | null;
  attendanceAt: Date | null;
  attendanceById: string | null;
  decision: InterviewDecision | null;
  decisionNote: string | null;
  decidedById: string | null;
  decidedAt: Date | null;
  createdById: string;
  createdAt: Date;
};
export type DemoScorecard = {
  id: string;
  invitationId: string;
  sessionId: string;
  assessorId: string;
  scores: Record<string, number>;
  notes: string | null;
  recommendation: ScoreRecommendation | null;
  submittedAt: Date | null;
  createdAt: Date;
};
export type DemoInterviews = {
  series: DemoInterviewSeries[];
  sessions: DemoInterviewSession[];
  assessors: Array<{ sessionId: string; userId: string }>;
  invitations: DemoInvitation[];
  scorecards: DemoScorecard[];
};

export type InterviewActors = { recruiter: string; hiringManager: string; head: string };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Moscow is UTC+3 all year. */
const MSK = 3 * HOUR;
const PLACE = "Москва, ул. Электрозаводская, 27, стр. 3, переговорная «Насосная», 4 этаж";
const VIDEO = "https://telemost.yandex.ru/j/42713580219";

const NOTES = {
  strong: ["Уверенно провёл переговоры в кейсе, нашёл уступку для обеих сторон", "Сильные вопросы клиенту, быстро понял его задачу", "Знает рынок насосного оборудования, говорит на языке заказчика"],
  middle: ["Хорошо держится, но презентация без выгоды для клиента", "Кейс решил верно, но долго", "Нужна проверка на учебных клиентах"],
  weak: ["Спорит с клиентом вместо выяснения причины возражения", "Теряется под давлением", "Слабо знает отрасль"],
};

/** Midnight (Moscow) of the day `now` falls on, as a UTC instant. */
function moscowMidnight(now: Date): number {
  const local = now.getTime() + MSK;
  return local - (local % DAY) - MSK;
}
function isWeekday(midnight: number): boolean {
  const day = new Date(midnight + MSK).getUTCDay();
  return day !== 0 && day !== 6;
}
/** The `n`th weekday before (n < 0) or after (n > 0) the Moscow day of `now`. */
function workday(now: Date, n: number): number {
  let day = moscowMidnight(now);
  for (let left = Math.abs(n); left > 0; ) {
    day += Math.sign(n) * DAY;
    if (isWeekday(day)) left -= 1;
  }
  return day;
}
/** The weekday after the Moscow day that `at` falls on. */
function nextWorkday(at: number): number {
  let day = moscowMidnight(new Date(at)) + DAY;
  while (!isWeekday(day)) day += DAY;
  return day;
}
/** A Moscow wall-clock time on a day (`midnight` from moscowMidnight/workday). */
const at = (midnight: number, hours: number, minutes = 0) => midnight + hours * HOUR + minutes * MINUTE;

type Role = "attendee" | "no-show-withdrawn" | "no-show-reinvited" | "invited";

function roleOf(history: readonly DemoStageChange[]): Role | null {
  const stages = history.map((h) => h.toStage);
  if (stages.includes("INTERVIEWED")) return "attendee";
  const last = stages.at(-1);
  if (last === "WITHDRAWN" && stages.at(-2) === "INTERVIEW_INVITED") return "no-show-withdrawn";
  if (last === "INTERVIEW_INVITED") return "invited";
  return null;
}

const clampScore = (value: number) => Math.min(5, Math.max(1, Math.round(value)));

function recommendationFor(weighted: number): ScoreRecommendation {
  if (weighted >= 4.2) return "STRONG_YES";
  if (weighted >= 3.4) return "YES";
  if (weighted >= 2.6) return "NO";
  return "STRONG_NO";
}

function weighted(rubric: Rubric, scores: Record<string, number>): number {
  const total = rubric.reduce((sum, c) => sum + c.weight, 0);
  return rubric.reduce((sum, c) => sum + c.weight * scores[c.id]!, 0) / total;
}

export type InterviewsInput = {
  now: Date;
  seed: number;
  vacancyId: string;
  applications: DemoApplication[];
  stageChanges: DemoStageChange[];
  candidates: DemoCandidate[];
  actors: InterviewActors;
};

/**
 * Re-times the main vacancy's interview histories around the sessions and returns
 * the new stage changes (everything else unchanged) and the interview rows. Updates
 * the applications' times and the candidates' consent and creation times in place,
 * as the funnel itself does.
 */
export function generateInterviews(input: InterviewsInput): { stageChanges: DemoStageChange[]; interviews: DemoInterviews } {
  const { now, vacancyId, actors } = input;
  const rng = createRng(input.seed ^ 0x1f7e);
  const id = () => rng.id();
  const histories = new Map<string, DemoStageChange[]>();
  for (const change of input.stageChanges) {
    const list = histories.get(change.applicationId) ?? [];
    list.push(change);
    histories.set(change.applicationId, list);
  }

  // ── the sessions ──
  const pastDays = [workday(now, -4), workday(now, -4), workday(now, -3)];
  const pastStarts = [at(pastDays[0]!, 11), at(pastDays[1]!, 15), at(pastDays[2]!, 11)];
  const upcomingStarts = [at(workday(now, 2), 11), at(workday(now, 2), 15), at(workday(now, 3), 11), at(workday(now, 3), 15)];
  const pastSeries: DemoInterviewSeries = {
    id: id(),
    vacancyId,
    name: "Групповые собеседования, первая волна",
    createdById: actors.recruiter,
    createdAt: new Date(pastStarts[0]! - 9 * DAY),
  };
  const nextSeries: DemoInterviewSeries = {
    id: id(),
    vacancyId,
    name: "Групповые собеседования, вторая волна",
    createdById: actors.recruiter,
    createdAt: new Date(at(workday(now, -2), 10)),
  };
  const session = (seriesId: string, startsAt: number, video: boolean, past: boolean, createdAt: Date): DemoInterviewSession => ({
    id: id(),
    vacancyId,
    seriesId,
    startsAt: new Date(startsAt),
    durationMinutes: 120,
    timeZone: "Europe/Moscow",
    place: video ? null : PLACE,
    videoUrl: video ? VIDEO : null,
    seats: 6,
    capacity: 10,
    confidence: 0.8,
    rubric: DEFAULT_RUBRIC,
    checkInClosedAt: past ? new Date(startsAt + 2 * HOUR + 10 * MINUTE) : null,
    createdById: actors.recruiter,
    createdAt,
  });
  const past = pastStarts.map((start) => session(pastSeries.id, start, false, true, pastSeries.createdAt));
  const upcoming = upcomingStarts.map((start, k) => session(nextSeries.id, start, k === 3, false, nextSeries.createdAt));
  const assessors = [...past, ...upcoming].flatMap((s) => [
    { sessionId: s.id, userId: actors.hiringManager },
    { sessionId: s.id, userId: actors.head },
  ]);

  // ── who goes where ──
  const mine = input.applications.filter((a) => a.vacancyId === vacancyId);
  const attendees: DemoApplication[] = [];
  const withdrawn: DemoApplication[] = [];
  const invited: DemoApplication[] = [];
  for (const application of mine) {
    const role = roleOf(histories.get(application.id)!);
    if (role === "attendee") attendees.push(application);
    if (role === "no-show-withdrawn") withdrawn.push(application);
    if (role === "invited") invited.push(application);
  }
  // About half of the invited come (METHOD.md: 1 in 2 to 1 in 3): most of those still
  // "invited" missed a past session and were invited again.
  const reinvited = invited.slice(0, Math.round(invited.length * 0.55));
  const fresh = invited.slice(reinvited.length);
  const noShows = [...withdrawn, ...reinvited];

  const candidates = new Map(input.candidates.map((c) => [c.id, c]));
  const invitations: DemoInvitation[] = [];
  const scorecards: DemoScorecard[] = [];
  const changes = new Map<string, DemoStageChange[]>();

  const invitation = (
    application: DemoApplication,
    s: DemoInterviewSession,
    fields: Partial<DemoInvitation> & { createdAt: Date },
  ): DemoInvitation => {
    const row: DemoInvitation = {
      id: id(),
      vacancyId,
      applicationId: application.id,
      sessionId: s.id,
      status: "INVITED",
      token: null,
      confirmedAt: null,
      reminded24hAt: null,
      reminded2hAt: null,
      attendance: null,
      attendanceAt: null,
      attendanceById: null,
      decision: null,
      decisionNote: null,
      decidedById: null,
      decidedAt: null,
      createdById: actors.recruiter,
      ...fields,
    };
    invitations.push(row);
    return row;
  };

  /**
   * The history up to the invitation, re-timed to end `invitedAt`: the steps before
   * it two days apart, at working hours; the invitation itself by the recruiter.
   */
  const historyUntilInvited = (application: DemoApplication, invitedAt: number, offset: number): DemoStageChange[] => {
    const old = histories.get(application.id)!;
    const upTo = old.findIndex((h) => h.toStage === "INTERVIEW_INVITED");
    const before = old.slice(0, upTo + 1);
    const candidate = candidates.get(application.candidateId)!;
    return before.map((h, k) => {
      const createdAt =
        k === upTo ? new Date(invitedAt) : new Date(at(moscowMidnight(new Date(invitedAt - (upTo - k) * 2 * DAY)), 10, offset + k * 13));
      if (h.toStage === "QUESTIONNAIRE_PASSED") candidate.consentAt = createdAt;
      return { ...h, createdAt, actorId: k === upTo ? actors.recruiter : h.actorId };
    });
  };
  const event = (application: DemoApplication, stage: Stage, kind: StageEvent, time: number, actorId: string | null): DemoStageChange => ({
    applicationId: application.id,
    fromStage: stage,
    toStage: stage,
    actorId,
    reason: null,
    event: kind,
    createdAt: new Date(time),
  });

  // Past sessions: the attendees, round-robin, the strongest first.
  attendees.forEach((application, k) => {
    const s = past[k % past.length]!;
    const start = s.startsAt.getTime();
    const sessionDay = moscowMidnight(s.startsAt);
    const invitedAt = at(sessionDay - 7 * DAY, 12, k);
    const history = historyUntilInvited(application, invitedAt, k);
    const confirmed = k % 6 !== 5;
    const late = k % 5 === 4;
    const confirmedAt = confirmed ? at(sessionDay - 6 * DAY, 14, k) : null;
    if (confirmedAt) history.push(event(application, "INTERVIEW_INVITED", "INTERVIEW_CONFIRMED", confirmedAt, null));
    const markedAt = start + (late ? 25 : 5) * MINUTE + k * 1000;
    const old = histories.get(application.id)!;
    const after = old.slice(old.findIndex((h) => h.toStage === "INTERVIEWED"));
    const decisionDay = nextWorkday(start);
    const final = application.stage;
    const decision: InterviewDecision | null =
      final === "PROBATION" ? "TAKE" : final === "REJECTED" ? "REJECT" : s === past[2] ? null : "RESERVE";
    const decidedAt = decision ? at(decisionDay, 13, k) : null;
    after.forEach((h, j) => {
      const createdAt = j === 0 ? new Date(markedAt) : new Date(at(decisionDay, 13, k) + j * MINUTE);
      history.push({
        ...h,
        createdAt,
        actorId: j === 0 ? actors.recruiter : actors.head,
        event: j === 0 ? (late ? "INTERVIEW_LATE" : "INTERVIEW_ATTENDED") : null,
      });
    });
    changes.set(application.id, history);
    const row = invitation(application, s, {
      // Some come without ever answering the invitation.
      status: confirmed ? "CONFIRMED" : "INVITED",
      createdAt: new Date(invitedAt),
      confirmedAt: confirmedAt ? new Date(confirmedAt) : null,
      reminded24hAt: new Date(start - 24 * HOUR),
      reminded2hAt: new Date(start - 2 * HOUR),
      attendance: late ? "LATE" : "ATTENDED",
      attendanceAt: new Date(markedAt),
      attendanceById: actors.recruiter,
      decision,
      decisionNote: decision === "REJECT" ? (old.find((h) => h.toStage === "REJECTED")?.reason ?? null) : null,
      decidedById: decision ? actors.head : null,
      decidedAt: decidedAt ? new Date(decidedAt) : null,
    });

    // Two assessors, each on their own. The last session is still being scored: the
    // head has drafts for those not decided yet.
    const base = decision === "TAKE" ? 4.4 : decision === "REJECT" ? 2.4 : 3.5;
    const scoresOf = (shift: number) =>
      Object.fromEntries(DEFAULT_RUBRIC.map((c) => [c.id, clampScore(base + shift + (rng.next() - 0.5) * 1.6)]));
    const sheets = new Map<string, Record<string, number>>([
      [actors.hiringManager, scoresOf(0)],
      [actors.head, scoresOf(-0.2)],
    ]);
    // Every fourth attendee split the assessors on one competency by two points or more.
    if (k % 4 === 1) {
      const competency = DEFAULT_RUBRIC[rng.int(0, DEFAULT_RUBRIC.length - 1)]!.id;
      sheets.get(actors.hiringManager)![competency] = 4;
      sheets.get(actors.head)![competency] = 2;
    }
    for (const [assessorId, scores] of sheets) {
      const draft = assessorId === actors.head && decision === null;
      const score = weighted(DEFAULT_RUBRIC, scores);
      const pool = score >= 4 ? NOTES.strong : score >= 3 ? NOTES.middle : NOTES.weak;
      scorecards.push({
        id: id(),
        invitationId: row.id,
        sessionId: s.id,
        assessorId,
        scores,
        notes: rng.pick(pool),
        recommendation: draft ? null : recommendationFor(score),
        submittedAt: draft ? null : new Date(start + 2 * HOUR + (20 + k) * MINUTE),
        createdAt: new Date(start + 30 * MINUTE + k * MINUTE),
      });
    }
  });

  // Past sessions: those who did not come.
  noShows.forEach((application, k) => {
    const s = past[k % past.length]!;
    const start = s.startsAt.getTime();
    const sessionDay = moscowMidnight(s.startsAt);
    const invitedAt = at(sessionDay - 7 * DAY, 12, 30 + k);
    const history = historyUntilInvited(application, invitedAt, k);
    const confirmed = k % 3 === 0;
    const confirmedAt = confirmed ? at(sessionDay - 6 * DAY, 15, k) : null;
    if (confirmedAt) history.push(event(application, "INTERVIEW_INVITED", "INTERVIEW_CONFIRMED", confirmedAt, null));
    const markedAt = start + 2 * HOUR + 10 * MINUTE - (k + 1) * 1000;
    history.push(event(application, "INTERVIEW_INVITED", "INTERVIEW_NO_SHOW", markedAt, actors.recruiter));
    invitation(application, s, {
      status: confirmed ? "CONFIRMED" : "INVITED",
      createdAt: new Date(invitedAt),
      confirmedAt: confirmedAt ? new Date(confirmedAt) : null,
      reminded24hAt: new Date(start - 24 * HOUR),
      reminded2hAt: new Date(start - 2 * HOUR),
      attendance: "NO_SHOW",
      attendanceAt: new Date(markedAt),
      attendanceById: actors.recruiter,
    });
    const old = histories.get(application.id)!;
    if (application.stage === "WITHDRAWN") {
      history.push({ ...old.at(-1)!, createdAt: new Date(at(nextWorkday(start), 10, k)), actorId: actors.recruiter });
    }
    changes.set(application.id, history);
  });

  // Upcoming sessions: the re-invited and the newly invited, round-robin.
  const nextInvitedAt = at(workday(now, -1), 12);
  [...reinvited, ...fresh].forEach((application, k) => {
    const s = upcoming[k % upcoming.length]!;
    const isFresh = k >= reinvited.length;
    const invitedAt = isFresh ? nextInvitedAt + k * MINUTE : at(workday(now, -2), 11, k);
    const history = isFresh ? historyUntilInvited(application, invitedAt, k) : changes.get(application.id)!;
    // The demo's RSVP link is the first new invitation: left unanswered for the README's walk-through.
    const demoLink = isFresh && k === reinvited.length;
    const confirmed = !demoLink && k % 3 === 1;
    const confirmedAt = confirmed ? invitedAt + 3 * HOUR : null;
    if (confirmedAt) history.push(event(application, "INTERVIEW_INVITED", "INTERVIEW_CONFIRMED", confirmedAt, null));
    changes.set(application.id, history);
    invitation(application, s, {
      status: confirmed ? "CONFIRMED" : "INVITED",
      token: demoLink ? DEMO_RSVP_TOKEN : null,
      createdAt: new Date(invitedAt),
      confirmedAt: confirmedAt ? new Date(confirmedAt) : null,
    });
  });

  // Applications follow their re-timed histories.
  for (const application of mine) {
    const history = changes.get(application.id);
    if (!history) continue;
    history.sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime());
    application.createdAt = history[0]!.createdAt;
    application.stageChangedAt = history.at(-1)!.createdAt;
    const candidate = candidates.get(application.candidateId)!;
    if (candidate.createdAt > application.createdAt) candidate.createdAt = new Date(application.createdAt.getTime() - 45 * MINUTE);
  }
  const stageChanges = input.stageChanges.filter((c) => !changes.has(c.applicationId)).concat([...changes.values()].flat());

  return {
    stageChanges,
    interviews: { series: [pastSeries, nextSeries], sessions: [...past, ...upcoming], assessors, invitations, scorecards },
  };
}
