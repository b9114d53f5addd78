import type { Stage } from "@prisma/client";
import { pathTo } from "~/pipeline/stages";
import { CONSENT_TEXT, type CandidateProfile } from "./candidates";
import type { Gender } from "./people";
import type { Rng } from "./random";
import { type TierCriteria, tierFor } from "~/sourcing/tiers";
import type { DemoApplication, DemoStageChange, DemoVacancy } from "./types";

/**
 * Applications and their stage histories: a believable funnel over the last three
 * weeks, the strongest (target-company) candidates furthest along.
 */
type Slot = { stage: Stage; exitFrom?: Stage; reasons?: (g: Gender) => string[]; special?: "reopen" | "do-not-contact" };

const g = (gender: Gender, male: string, female: string) => (gender === "male" ? male : female);

const REASONS = {
  salary: (x: Gender) => ["Зарплатные ожидания выше вилки", "Нет опыта B2B-продаж", g(x, "Не готов к работе в офисе", "Не готова к работе в офисе")],
  // Each is what one knock-out rule of the default questionnaire says (app/demo/questionnaire-answers.ts).
  knockOut: () => [
    "Анкета: нет опыта продаж B2B",
    "Анкета: меньше 2 лет работы с ключевыми клиентами",
    "Анкета: ожидания по доходу выше максимума вакансии более чем на 20%",
  ],
  afterInterview: () => [
    "По итогам группового интервью: слабые навыки переговоров",
    "По итогам группового интервью: мало знает рынок оборудования",
    "Выбрали более сильных кандидатов из группы",
  ],
  declined: (x: Gender) => [g(x, "Принял другое предложение", "Приняла другое предложение"), "Не интересна смена работы", "Не устроила зарплатная вилка"],
  noShow: (x: Gender) => [g(x, "Не пришёл на групповое интервью", "Не пришла на групповое интервью"), "Остаётся у текущего работодателя (контроффер)"],
};

/** Filled by rank: the best candidates are furthest along. */
const TOP_SLOTS: Array<[Slot, number]> = [
  [{ stage: "PROBATION" }, 3],
  [{ stage: "INTERVIEWED" }, 10],
  [{ stage: "REJECTED", exitFrom: "INTERVIEWED", reasons: REASONS.afterInterview }, 6],
  [{ stage: "INTERVIEW_INVITED" }, 25],
  [{ stage: "WITHDRAWN", exitFrom: "INTERVIEW_INVITED", reasons: REASONS.noShow }, 4],
  [{ stage: "QUESTIONNAIRE_PASSED" }, 15],
];
/** Filled at random among the rest; whoever is left stays SOURCED. */
const REST_SLOTS: Array<[Slot, number]> = [
  [{ stage: "QUESTIONNAIRE_SENT" }, 35],
  [{ stage: "REJECTED", exitFrom: "QUESTIONNAIRE_SENT", reasons: REASONS.knockOut }, 10],
  [{ stage: "REJECTED", exitFrom: "CONTACTED", reasons: REASONS.salary }, 5],
  [{ stage: "WITHDRAWN", exitFrom: "CONTACTED", reasons: REASONS.declined }, 4],
  [{ stage: "WITHDRAWN", exitFrom: "CONTACTED", special: "do-not-contact" }, 4],
  [{ stage: "CONTACTED", special: "reopen" }, 1],
  [{ stage: "CONTACTED" }, 59],
];
const SECOND_VACANCY_SLOTS: Array<[Slot, number]> = [
  [{ stage: "SOURCED" }, 45],
  [{ stage: "CONTACTED" }, 30],
  [{ stage: "QUESTIONNAIRE_SENT" }, 12],
  [{ stage: "QUESTIONNAIRE_PASSED" }, 5],
  [{ stage: "REJECTED", exitFrom: "CONTACTED", reasons: REASONS.salary }, 5],
];

const expand = (slots: Array<[Slot, number]>) => slots.flatMap(([slot, n]) => Array<Slot>(n).fill(slot));
const TIER_RANK = { TARGET: 3, ADJACENT: 2, OPEN_MARKET: 1, EXCLUDED: 0 } as const;
const DAY = 86_400_000;
const SKIPPED_BY_INTERNALS: Stage[] = ["CONTACTED", "QUESTIONNAIRE_SENT", "QUESTIONNAIRE_PASSED"];

export type FunnelActors = { recruiters: [main: string, second: string]; hiringManager: string };

export type FunnelInput = {
  rng: Rng;
  now: Date;
  profiles: CandidateProfile[];
  companyNames: ReadonlyMap<string, string>;
  main: { vacancy: DemoVacancy; criteria: TierCriteria };
  second: { vacancy: DemoVacancy; criteria: TierCriteria };
  actors: FunnelActors;
};

/**
 * Working-hours moments (09:00–19:00 Moscow, weekdays) between `maxDaysAgo` days ago
 * and yesterday, strictly increasing.
 */
function timeline(rng: Rng, now: Date, steps: number, maxDaysAgo: number): Date[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const startDay = rng.int(Math.min(maxDaysAgo, 2 + steps * 2), maxDaysAgo);
  const times = Array.from({ length: steps }, (_, k) => {
    let day = today - (k === 0 ? startDay : rng.int(1, startDay)) * DAY;
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0) day -= 2 * DAY;
    if (weekday === 6) day -= DAY;
    return day + 6 * 3_600_000 + rng.int(0, 599) * 60_000;
  }).sort((x, y) => x - y);
  for (let k = 1; k < times.length; k++) {
    if (times[k]! <= times[k - 1]!) times[k] = times[k - 1]! + rng.int(1, 20) * 60_000;
  }
  return times.map((t) => new Date(t));
}

function pathFor(slot: Slot, internal: boolean): Stage[] {
  if (slot.special === "reopen") return ["SOURCED", "CONTACTED", "WITHDRAWN", "CONTACTED"];
  const path = pathTo(slot.stage, slot.exitFrom);
  // Internal staff are known people: no cold outreach or questionnaire before the interview.
  return internal && path.includes("INTERVIEW_INVITED") ? path.filter((s) => !SKIPPED_BY_INTERNALS.includes(s)) : path;
}

export function generateFunnel(input: FunnelInput): { applications: DemoApplication[]; stageChanges: DemoStageChange[] } {
  const { rng, now, profiles, main, second, actors } = input;
  const applications: DemoApplication[] = [];
  const stageChanges: DemoStageChange[] = [];

  const apply = (profile: CandidateProfile, target: typeof main, slot: Slot, recruiterId: string, maxDaysAgo: number) => {
    const { candidate, gender } = profile;
    const { tier, reason: tierReason } = tierFor(profile.jobs, target.criteria);
    const path = pathFor(slot, candidate.source === "INTERNAL");
    const times = timeline(rng, now, path.length, maxDaysAgo);
    const id = rng.id();
    path.forEach((toStage, k) => {
      const fromStage = k === 0 ? null : path[k - 1]!;
      const at = times[k]!;
      let actorId: string | null = recruiterId;
      let reason: string | null = null;
      if (k === 0 && candidate.source === "INBOUND") [actorId, reason] = [null, "Отклик на вакансию"];
      if (toStage === "QUESTIONNAIRE_PASSED") actorId = null; // scored automatically on submission
      if (["INTERVIEWED", "PROBATION"].includes(toStage) || fromStage === "INTERVIEWED") actorId = actors.hiringManager;
      if (toStage === "REJECTED" || toStage === "WITHDRAWN") {
        if (tier === "EXCLUDED") {
          const excluded = profile.employerIds.find((e) => e && target.criteria.lists.get(e) === "EXCLUDED")!;
          reason = `В опыте компания из стоп-листа: ${input.companyNames.get(excluded)}`;
        } else if (slot.special === "do-not-contact") {
          reason = "Просит больше не беспокоить";
          Object.assign(candidate, { doNotContact: true, doNotContactAt: at });
        } else if (slot.special === "reopen") {
          reason = g(gender, "Сказал, что пока не рассматривает предложения", "Сказала, что пока не рассматривает предложения");
        } else {
          reason = rng.pick(slot.reasons?.(gender) ?? ["—"]);
        }
        if (fromStage === "QUESTIONNAIRE_SENT") actorId = null; // knock-out answer in the questionnaire
      }
      if (fromStage === "WITHDRAWN") reason = g(gender, "Перезвонил сам: готов обсуждать", "Перезвонила сама: готова обсуждать");
      // Filling in the questionnaire is when the candidate gave consent.
      if (toStage === "QUESTIONNAIRE_PASSED" || (toStage === "REJECTED" && fromStage === "QUESTIONNAIRE_SENT")) {
        candidate.consentAt = at;
        candidate.consentText = CONSENT_TEXT;
      }
      stageChanges.push({ applicationId: id, fromStage, toStage, actorId, reason, createdAt: at });
    });
    const sourcedAt = times[0]!;
    if (candidate.createdAt > sourcedAt) candidate.createdAt = new Date(sourcedAt.getTime() - rng.int(1, 90) * 60_000);
    applications.push({
      id,
      candidateId: candidate.id,
      vacancyId: target.vacancy.id,
      stage: path.at(-1)!,
      tier,
      tierReason,
      createdAt: sourcedAt,
      stageChangedAt: times.at(-1)!,
    });
  };

  const mainPool: CandidateProfile[] = [];
  for (const profile of profiles) {
    if (profile.candidate.city === "Екатеринбург") {
      const struckOut = tierFor(profile.jobs, second.criteria).tier === "EXCLUDED";
      apply(profile, second, struckOut ? { stage: "REJECTED" } : rng.pick(expand(SECOND_VACANCY_SLOTS)), actors.recruiters[1], 10);
      if (rng.chance(0.3)) mainPool.push(profile);
    } else if (!rng.chance(0.04)) {
      mainPool.push(profile);
    }
  }

  const recruiterFor = () => rng.weighted([[actors.recruiters[0], 3], [actors.recruiters[1], 1]] as const);
  const excluded = mainPool.filter((p) => tierFor(p.jobs, main.criteria).tier === "EXCLUDED");
  for (const profile of excluded) apply(profile, main, { stage: "REJECTED" }, recruiterFor(), 21);

  const ranked = mainPool
    .filter((p) => !excluded.includes(p))
    .map((p) => ({ p, score: TIER_RANK[tierFor(p.jobs, main.criteria).tier] + p.seniority * 0.5 + rng.next() * 2 }))
    .sort((x, y) => y.score - x.score)
    .map((x) => x.p);
  const top = expand(TOP_SLOTS);
  const rest = rng.shuffle(ranked.slice(top.length));
  ranked.slice(0, top.length).forEach((p, i) => apply(p, main, top[i]!, recruiterFor(), 21));
  const restSlots = expand(REST_SLOTS);
  rest.forEach((p, i) => apply(p, main, restSlots[i] ?? { stage: "SOURCED" }, recruiterFor(), 21));

  return { applications, stageChanges };
}
