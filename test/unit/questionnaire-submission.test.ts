import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, test } from "vitest";
import { defaultKamQuestionnaire } from "~/questionnaires/default-kam";
import { knockouts } from "~/questionnaires/knockouts";
import { fieldErrors, formValues, knockoutReasons, openFormSchema, OpenPersonSchema, questionnaireFormSchema } from "~/questionnaires/submission";
import { i18nFor } from "~/ui/i18n-instance";

const kam = defaultKamQuestionnaire();

function form(values: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
  return data;
}

const complete = {
  b2b_experience: "yes",
  industries: ["it", "agro"],
  largest_client_turnover: "1 000 000",
  key_clients_count: "3",
  years_key_accounts: "3,5",
  achievements: "Рост оборота на 30%",
  salary_expectation: "180 000 ₽",
  english_level: "basic",
  city: "Тула",
  relocation: "",
  start_date: "2026-05-04",
  why_this_job: "Интересно",
  consentGiven: "on",
};

describe("the form's schema in the browser", () => {
  test("a complete form passes, with an optional question left empty, and parses to the stored answers", () => {
    const result = parseWithZod(form(complete), { schema: questionnaireFormSchema(kam, "ru") });
    expect(result.status).toBe("success");
    if (result.status !== "success") return;
    expect(result.value).toMatchObject({ industries: ["it", "agro"], largest_client_turnover: 1_000_000, years_key_accounts: 3.5, salary_expectation: 180_000 });
    expect((result.value as Record<string, unknown>).relocation).toBeUndefined();
  });

  test("each problem is reported on its own field: required, not a number, no consent", () => {
    const { consentGiven: _, city: __, ...rest } = complete;
    const result = parseWithZod(form({ ...rest, key_clients_count: "три" }), { schema: questionnaireFormSchema(kam, "ru") });
    expect(result.reply().error).toEqual({
      city: ["validation.required"],
      key_clients_count: ["questionnaire.errors.notANumber"],
      consentGiven: ["questionnaireForm.errors.consentRequired"],
    });
  });

  test("the open form also needs a name and an e-mail or a phone", () => {
    const result = parseWithZod(form({ ...complete, firstName: "Анна" }), { schema: openFormSchema(kam, "ru") });
    expect(result.reply().error).toEqual({ lastName: ["validation.required"], contactEmail: ["intake.errors.contactRequired"] });
    const phoneOnly = parseWithZod(form({ ...complete, firstName: "Анна", lastName: "Иванова", contactPhone: "+7 916 123-45-67" }), { schema: openFormSchema(kam, "ru") });
    expect(phoneOnly.status).toBe("success");
    // A wrong e-mail is its own problem, not also a missing contact.
    expect(OpenPersonSchema.safeParse({ firstName: "А", lastName: "Б", email: "нет" }).error?.issues.map((i) => i.message)).toEqual(["validation.email"]);
    expect(OpenPersonSchema.safeParse({ firstName: "А", lastName: "Б", email: "", phone: "" }).error?.issues.map((i) => i.message)).toEqual(["intake.errors.contactRequired"]);
  });
});

test("posted values: a name given once is a string, several times a list", () => {
  expect(formValues(form({ city: "Тула", industries: ["it", "agro"], one: ["x"] }))).toEqual({ city: "Тула", industries: ["it", "agro"], one: "x" });
});

test("a refusal becomes field errors by the form's names", () => {
  expect(fieldErrors({ answers: { city: "validation.required" }, consent: "questionnaireForm.errors.consentChanged", person: { email: "validation.email", lastName: "validation.required" } })).toEqual({
    city: ["validation.required"],
    consentGiven: ["questionnaireForm.errors.consentChanged"],
    contactEmail: ["validation.email"],
    lastName: ["validation.required"],
  });
});

describe("knock-out reasons as a sentence", () => {
  const definition = {
    questions: [
      ...kam.questions,
      {
        id: "license",
        type: "single_choice" as const,
        label: { ru: "Права категории B?", en: "Driving licence?" },
        required: true,
        options: [
          { value: "none", label: { ru: "Нет прав", en: "No licence" } },
          { value: "b", label: { ru: "Есть", en: "Yes" } },
        ],
        knockout: { kind: "equals" as const, value: "none" },
      },
    ],
  };
  const fired = knockouts(definition, { b2b_experience: "no", years_key_accounts: 1, salary_expectation: 300_000, license: "none" }, { vacancy: { salaryMaxRub: 200_000 } });

  test("in Russian: question, then why, with the option's label and numbers as Russian writes them", () => {
    const reasons = knockoutReasons(definition, fired, i18nFor("ru").t, "ru");
    expect(reasons).toHaveLength(4);
    expect(reasons[0]).toBe("«Есть ли у вас опыт продаж B2B (компаниям, а не частным лицам)?» — Ответ «нет»");
    expect(reasons[1]).toBe("«Сколько лет вы работаете с ключевыми клиентами?» — Меньше 2");
    expect(reasons[2]).toMatch(/^«Ожидаемый доход в месяц до вычета налогов, ₽» — .*200\s000 ₽.*20%.*240\s000 ₽/);
    expect(reasons[3]).toBe("«Права категории B?» — Выбран вариант «Нет прав»");
  });

  test("in English, and a long question is shortened", () => {
    const long = { questions: [{ ...definition.questions.at(-1)!, label: { ru: "Вопрос ".repeat(30), en: "Question ".repeat(30) } }] };
    const [reason] = knockoutReasons(long, knockouts(long, { license: "none" }, { vacancy: { salaryMaxRub: null } }), i18nFor("en").t, "en");
    expect(reason).toMatch(/^\u201c(Question ){7}Question…\u201d — Chose "No licence"$/);
    expect(reason!.indexOf("\u201d")).toBeLessThanOrEqual(81);
  });
});
