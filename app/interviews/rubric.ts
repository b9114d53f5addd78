import { z } from "zod";

/**
 * What hiring managers score at a group interview: KAM competencies, each 1–5 with a
 * description of what 1, 3 and 5 look like, and a weight. Pure and client-safe: the
 * rubric editor validates with the same schema the server does.
 *
 * The default list is the method's (../shared/seeds/002_*.txt): negotiation, trust and
 * rapport, listening and questions, handling objections, strategic thinking, stress
 * resistance, analytical thinking, market and product knowledge, presentation,
 * charisma and flexibility. A vacancy may edit it (InterviewRubric); each session keeps
 * a copy, so scores are always read against the criteria they were given on.
 */

export const SCORE_MIN = 1;
export const SCORE_MAX = 5;
/** The levels a rubric describes; 2 and 4 lie between them. */
export const DESCRIBED_LEVELS = ["1", "3", "5"] as const;
export const WEIGHT_MIN = 1;
export const WEIGHT_MAX = 10;
export const MAX_COMPETENCIES = 20;

const WEIGHT_RANGE = `interviewScoring.rubric.weightRange|min=${WEIGHT_MIN}|max=${WEIGHT_MAX}`;

const text = (max: number) =>
  z
    .string({ error: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .max(max, `validation.tooLong|max=${max}`);
const bilingual = (max: number) => z.object({ ru: text(max), en: text(max) });

export const CompetencySchema = z.object({
  /** Stable key the scores are stored under: lower-case latin, digits and dashes. */
  id: z
    .string({ error: "validation.required" })
    .regex(/^[a-z][a-z0-9-]{0,39}$/, "interviewScoring.rubric.badId"),
  name: bilingual(80),
  weight: z.coerce
    .number({ error: WEIGHT_RANGE })
    .int(WEIGHT_RANGE)
    .min(WEIGHT_MIN, WEIGHT_RANGE)
    .max(WEIGHT_MAX, WEIGHT_RANGE),
  levels: z.object({ "1": bilingual(300), "3": bilingual(300), "5": bilingual(300) }),
});
export type Competency = z.output<typeof CompetencySchema>;

export const RubricSchema = z
  .array(CompetencySchema)
  .min(1, "interviewScoring.rubric.empty")
  .max(MAX_COMPETENCIES, `interviewScoring.rubric.tooMany|max=${MAX_COMPETENCIES}`)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((c, index) => {
      if (seen.has(c.id)) ctx.addIssue({ code: "custom", path: [index, "id"], message: "interviewScoring.rubric.duplicateId" });
      seen.add(c.id);
    });
  });
export type Rubric = z.output<typeof RubricSchema>;

type Words = { ru: string; en: string };
const c = (id: string, name: Words, weight: number, one: Words, three: Words, five: Words): Competency => ({
  id,
  name,
  weight,
  levels: { "1": one, "3": three, "5": five },
});

/** The method's KAM competencies with equal weights but for the ones key clients depend on most. */
export const DEFAULT_RUBRIC: Rubric = [
  c(
    "negotiation",
    { ru: "Ведение переговоров", en: "Negotiation" },
    3,
    { ru: "Уступает при первом нажиме или давит, не ищет взаимной выгоды.", en: "Gives in at the first push or just presses; no search for mutual gain." },
    { ru: "Держит позицию, торгуется, но готовится поверхностно.", en: "Holds a position and bargains, but prepares superficially." },
    { ru: "Готовится, знает свои границы, находит решения, выгодные обеим сторонам, со сложными клиентами тоже.", en: "Prepares, knows their limits, finds win-win deals, difficult clients included." },
  ),
  c(
    "trust",
    { ru: "Доверие и раппорт", en: "Trust and rapport" },
    3,
    { ru: "Контакт формальный, собеседник закрывается.", en: "Contact stays formal; the other side closes up." },
    { ru: "Располагает к себе, но отношения держатся на вежливости.", en: "Likeable, but the relationship rests on politeness." },
    { ru: "Быстро выстраивает доверительные отношения, ему рассказывают о реальных задачах.", en: "Builds trust quickly; people tell them their real problems." },
  ),
  c(
    "listening",
    { ru: "Умение слушать и задавать вопросы", en: "Listening and asking questions" },
    2,
    { ru: "Перебивает, говорит о своём, вопросов почти нет.", en: "Interrupts, talks about themselves, hardly asks." },
    { ru: "Слушает, задаёт стандартные вопросы.", en: "Listens and asks the standard questions." },
    { ru: "Выясняет потребности открытыми и уточняющими вопросами, точно пересказывает услышанное.", en: "Finds needs with open and probing questions; sums up what they heard precisely." },
  ),
  c(
    "objections",
    { ru: "Работа с возражениями", en: "Handling objections" },
    2,
    { ru: "Спорит или сдаётся.", en: "Argues or gives up." },
    { ru: "Отвечает на возражения заготовками.", en: "Answers objections with stock phrases." },
    { ru: "Спокойно выясняет причину возражения и превращает его в аргумент.", en: "Calmly finds the reason behind an objection and turns it into an argument." },
  ),
  c(
    "strategy",
    { ru: "Стратегическое мышление", en: "Strategic thinking" },
    2,
    { ru: "Думает одной сделкой.", en: "Thinks one deal at a time." },
    { ru: "Видит год вперёд по своему клиенту.", en: "Sees a year ahead for their own client." },
    { ru: "Строит долгосрочное партнёрство, видит развитие клиента и рынка.", en: "Builds long-term partnerships; sees where the client and the market are going." },
  ),
  c(
    "stress",
    { ru: "Стрессоустойчивость", en: "Stress resistance" },
    2,
    { ru: "Теряется или раздражается под давлением.", en: "Gets lost or irritated under pressure." },
    { ru: "Держится, но заметно теряет качество.", en: "Holds on, but quality visibly drops." },
    { ru: "Под давлением сохраняет спокойствие и ясность.", en: "Stays calm and clear under pressure." },
  ),
  c(
    "analytics",
    { ru: "Аналитическое мышление", en: "Analytical thinking" },
    2,
    { ru: "Не опирается на цифры, выводы случайны.", en: "Ignores numbers; conclusions are random." },
    { ru: "Считает основное, выводы верные, но простые.", en: "Does the basic arithmetic; sound but simple conclusions." },
    { ru: "Разбирает ситуацию по данным, объективно оценивает риски и выгоду.", en: "Takes a situation apart with data; weighs risks and gains objectively." },
  ),
  c(
    "market",
    { ru: "Знание рынка и продукта", en: "Market and product knowledge" },
    2,
    { ru: "Не знает отрасль и продукт.", en: "Does not know the industry or the product." },
    { ru: "Знает отрасль в общих чертах.", en: "Knows the industry in outline." },
    { ru: "Знает рынок, конкурентов и их методы, говорит на языке клиента.", en: "Knows the market, competitors and their ways; speaks the client's language." },
  ),
  c(
    "presentation",
    { ru: "Навыки презентации", en: "Presentation" },
    1,
    { ru: "Сбивчиво, без структуры.", en: "Muddled, no structure." },
    { ru: "Понятно, но без выгоды для слушателя.", en: "Clear, but without the listener's gain." },
    { ru: "Структурно и убедительно, показывает выгоду клиента.", en: "Structured and convincing; shows the client's gain." },
  ),
  c(
    "charisma",
    { ru: "Харизма и гибкость", en: "Charisma and flexibility" },
    1,
    { ru: "Незаметен, одна манера общения для всех.", en: "Unnoticed; one manner for everyone." },
    { ru: "Заметен, подстраивается под собеседника с усилием.", en: "Noticed; adapts to people with effort." },
    { ru: "Яркий, легко находит подход к каждому.", en: "Stands out; easily finds the way to anyone." },
  ),
];

/** A stored rubric (InterviewRubric.competencies, InterviewSession.rubric) read back; the default when unreadable. */
export function readRubric(value: unknown): Rubric {
  const parsed = RubricSchema.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT_RUBRIC;
}
