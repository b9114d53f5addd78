import { type Questionnaire } from "./questions";

/**
 * The default questionnaire for a Key Account Manager (method step 3): knock-outs
 * for what a KAM cannot do without (B2B sales, at least two years with key
 * accounts, a salary the vacancy can pay) and weights for what makes one stronger
 * (the size and number of accounts managed, years, English). Text answers are read
 * by a person, not scored. A recruiter copies it into a vacancy and adjusts it.
 */
export function defaultKamQuestionnaire(): Questionnaire {
  return {
    questions: [
      {
        id: "b2b_experience",
        type: "yes_no",
        label: { ru: "Есть ли у вас опыт продаж B2B (компаниям, а не частным лицам)?", en: "Do you have B2B sales experience (selling to companies, not consumers)?" },
        required: true,
        weight: 15,
        knockout: { kind: "equals", value: "no" },
      },
      {
        id: "industries",
        type: "multi_choice",
        label: { ru: "В каких отраслях вы продавали?", en: "Which industries have you sold in?" },
        help: { ru: "Отметьте все подходящие.", en: "Tick all that apply." },
        required: true,
        weight: 5,
        options: [
          { value: "industrial", label: { ru: "Промышленное оборудование", en: "Industrial equipment" }, points: 0.5 },
          { value: "construction", label: { ru: "Строительство и материалы", en: "Construction and materials" }, points: 0.5 },
          { value: "logistics", label: { ru: "Логистика", en: "Logistics" }, points: 0.5 },
          { value: "it", label: { ru: "IT и телеком", en: "IT and telecoms" }, points: 0.5 },
          { value: "pharma", label: { ru: "Фармацевтика и медицина", en: "Pharma and healthcare" }, points: 0.5 },
          { value: "fmcg", label: { ru: "FMCG (товары повседневного спроса)", en: "FMCG" }, points: 0.5 },
          { value: "finance", label: { ru: "Финансы и страхование", en: "Finance and insurance" }, points: 0.5 },
          { value: "agro", label: { ru: "Агро и пищевое производство", en: "Agriculture and food production" }, points: 0.5 },
          { value: "retail", label: { ru: "Розница и дистрибуция", en: "Retail and distribution" }, points: 0.3 },
          { value: "other", label: { ru: "Другое", en: "Other" }, points: 0.2 },
        ],
      },
      {
        id: "largest_client_turnover",
        type: "money",
        label: {
          ru: "Годовой оборот с самым крупным клиентом, которого вы вели, ₽",
          en: "Annual sales to the largest client you managed, RUB",
        },
        help: { ru: "Сколько этот клиент покупал у вашей компании за год. Примерно, целыми рублями.", en: "What this client bought from your company in a year. Roughly, in whole roubles." },
        required: true,
        min: 0,
        weight: 15,
        scoreRange: { worst: 1_000_000, best: 100_000_000 },
      },
      {
        id: "key_clients_count",
        type: "number",
        label: { ru: "Сколько ключевых клиентов вы ведёте (или вели) одновременно?", en: "How many key clients do (or did) you manage at the same time?" },
        required: true,
        min: 0,
        max: 1_000,
        weight: 10,
        scoreRange: { worst: 0, best: 10 },
      },
      {
        id: "years_key_accounts",
        type: "number",
        label: { ru: "Сколько лет вы работаете с ключевыми клиентами?", en: "How many years have you been managing key accounts?" },
        help: { ru: "Можно с дробью, например 2,5.", en: "Fractions are fine, e.g. 2.5." },
        required: true,
        min: 0,
        max: 60,
        weight: 20,
        scoreRange: { worst: 2, best: 8 },
        knockout: { kind: "less_than", value: 2 },
      },
      {
        id: "achievements",
        type: "long_text",
        label: { ru: "Ваши достижения в цифрах", en: "Your achievements, in numbers" },
        help: {
          ru: "Например: «увеличил оборот клиента с 40 до 65 млн ₽ за год», «вернул двух ушедших клиентов».",
          en: "For example: \"grew a client from 40 to 65 million RUB in a year\", \"won back two lost clients\".",
        },
        required: true,
      },
      {
        id: "salary_expectation",
        type: "money",
        label: { ru: "Ожидаемый доход в месяц до вычета налогов, ₽", en: "Expected monthly income before tax, RUB" },
        required: true,
        min: 0,
        knockout: { kind: "above_vacancy_max", percent: 20 },
      },
      {
        id: "english_level",
        type: "single_choice",
        label: { ru: "Ваш уровень английского", en: "Your English level" },
        required: true,
        weight: 10,
        options: [
          { value: "none", label: { ru: "Не владею", en: "None" }, points: 0 },
          { value: "basic", label: { ru: "Базовый", en: "Basic" }, points: 0.25 },
          { value: "intermediate", label: { ru: "Средний (переписка)", en: "Intermediate (email)" }, points: 0.5 },
          { value: "upper", label: { ru: "Выше среднего (переговоры)", en: "Upper-intermediate (negotiations)" }, points: 0.8 },
          { value: "fluent", label: { ru: "Свободный", en: "Fluent" }, points: 1 },
        ],
      },
      {
        id: "city",
        type: "short_text",
        label: { ru: "В каком городе вы живёте?", en: "Which city do you live in?" },
        required: true,
      },
      {
        id: "relocation",
        type: "yes_no",
        label: { ru: "Готовы ли вы к переезду, если работа в другом городе?", en: "Would you relocate if the job is in another city?" },
        required: false,
        weight: 5,
      },
      {
        id: "start_date",
        type: "date",
        label: { ru: "С какой даты вы можете выйти на работу?", en: "When can you start?" },
        required: true,
      },
      {
        id: "why_this_job",
        type: "long_text",
        label: { ru: "Почему вас заинтересовала эта работа?", en: "Why are you interested in this job?" },
        required: true,
      },
    ],
  };
}
