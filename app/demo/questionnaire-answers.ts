import { type Answers } from "~/questionnaires/questions";
import { type Rng } from "./random";

/**
 * Believable answers to the default KAM questionnaire (app/questionnaires/default-kam.ts)
 * for the demo's candidates. Pure: the same generator gives the same answers. A
 * stronger candidate (strength near 1) manages bigger clients, for longer, with better
 * English; a knocked-out one trips exactly the rule their stage history names.
 */

/** The one demo link with a known token: /q/demo-questionnaire-2026 opens the form (README, the e2e test). */
export const DEMO_QUESTIONNAIRE_TOKEN = "demo-questionnaire-2026";

export type DemoKnockout = "b2b" | "years" | "salary";

/** Which rule a demo rejection names (app/demo/funnel.ts REASONS.knockOut); null when it names none. */
export function knockoutFromReason(reason: string | null): DemoKnockout | null {
  if (!reason?.startsWith("Анкета:")) return null;
  if (reason.includes("B2B")) return "b2b";
  if (reason.includes("лет")) return "years";
  if (reason.includes("доход")) return "salary";
  return null;
}

const INDUSTRIES = ["industrial", "construction", "logistics", "it", "pharma", "fmcg", "finance", "agro", "retail", "other"];
const ENGLISH = ["none", "basic", "intermediate", "upper", "fluent"];
const ACHIEVEMENTS = [
  "Оборот трёх ключевых клиентов: с 40 до 95 млн ₽ в год за два года.",
  "Возврат крупного дистрибьютора, ушедшего к конкуренту: +28 млн ₽ в первый год.",
  "Рамочные договоры с пятью заводами: доля повторных заказов выросла до 80%.",
  "Тендер на поставку оборудования на 120 млн ₽ — выигран.",
  "Дебиторская задолженность ключевых клиентов −35% без потери оборота.",
];
const WHY = [
  "Хочу работать с крупными промышленными клиентами и отвечать за результат целиком.",
  "Интересна отрасль и продукт, есть опыт в соседней нише.",
  "Ищу компанию, где ключевые клиенты — это отдельная работа, а не нагрузка к плану.",
  "Нравится, что у вас честный конкурс и понятные критерии.",
];

const round = (value: number, step: number) => Math.round(value / step) * step;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export function demoAnswers(
  rng: Rng,
  input: {
    strength: number;
    knockout: DemoKnockout | null;
    city: string | null;
    relocation: boolean | null;
    salaryExpectationRub: number | null;
    salaryMaxRub: number;
    answeredAt: Date;
  },
): Answers {
  const s = Math.min(1, Math.max(0, input.strength));
  const years = input.knockout === "years" ? rng.int(0, 1) : Math.max(2, Math.round(2 + s * 8 + rng.int(-1, 2)));
  const limit = Math.floor(input.salaryMaxRub * 1.2);
  const wanted = input.salaryExpectationRub ?? round(input.salaryMaxRub * (0.7 + rng.next() * 0.4), 10_000);
  const salary = input.knockout === "salary" ? round(limit + rng.int(3, 15) * 10_000, 10_000) : Math.min(wanted, round(limit, 10_000));
  const industries = rng.shuffle(INDUSTRIES.slice(0, 9)).slice(0, rng.int(1, 3));
  if (s > 0.5 && !industries.includes("industrial")) industries.unshift("industrial");
  const answers: Answers = {
    b2b_experience: input.knockout === "b2b" ? "no" : "yes",
    industries: INDUSTRIES.filter((i) => industries.includes(i)),
    largest_client_turnover: round(5_000_000 + s * s * 150_000_000 * (0.6 + rng.next() * 0.8), 1_000_000),
    key_clients_count: Math.max(1, Math.round(s * 12 + rng.int(-2, 3))),
    years_key_accounts: years,
    achievements: rng.pick(ACHIEVEMENTS),
    salary_expectation: salary,
    english_level: ENGLISH[Math.min(4, Math.max(0, Math.round(s * 3 + rng.int(-1, 1))))]!,
    city: input.city ?? "Москва",
    start_date: isoDay(new Date(input.answeredAt.getTime() + rng.int(7, 45) * 86_400_000)),
    why_this_job: rng.pick(WHY),
  };
  if (input.relocation !== null) answers.relocation = input.relocation ? "yes" : "no";
  return answers;
}
