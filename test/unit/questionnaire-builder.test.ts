import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, test } from "vitest";
import {
  blankQuestionnaire,
  changeType,
  definitionToDraft,
  draftProblems,
  draftToDefinition,
  knockoutKindsFor,
  moveItem,
  newOption,
  newQuestion,
  parseDraft,
  removeAt,
  updateOption,
  type Draft,
  type DraftQuestion,
} from "~/questionnaires/builder";
import { cardProblems, problemPlace, problemSlots, questionProblemCount } from "~/questionnaires/builder-problems";
import { NewQuestionnaireSchema, savedNotice, SettingsSchema } from "~/questionnaires/builder-form";
import { defaultKamQuestionnaire } from "~/questionnaires/default-kam";
import { checkQuestionnaire, parseQuestionnaire, QUESTION_TYPES, type Question } from "~/questionnaires/questions";

const draftOf = (...questions: Partial<DraftQuestion>[]): Draft => {
  let draft: Draft = { questions: [] };
  for (const patch of questions) {
    const q = { ...newQuestion(draft), labelRu: "Вопрос", labelEn: "Question", ...patch };
    draft = { questions: [...draft.questions, q] };
  }
  return draft;
};
const options = (...values: string[]) => values.map((value, j) => ({ key: `o${j}`, value, labelRu: value, labelEn: value, points: "" }));
const definitionOf = (draft: Draft, locale: "ru" | "en" = "ru") => draftToDefinition(draft, locale).definition as { questions: Question[] };
const problemsOf = (draft: Draft, locale: "ru" | "en" = "ru") => draftProblems(draft, locale).map((p) => `${p.path} ${p.message}`);

describe("definition ↔ draft", () => {
  test("the default KAM questionnaire goes through the form and comes back the same, with no problems", () => {
    const draft = definitionToDraft(defaultKamQuestionnaire());
    expect(draft.questions).toHaveLength(defaultKamQuestionnaire().questions.length);
    expect(draft.questions[4]).toMatchObject({ id: "years_key_accounts", min: "0", max: "60", weight: "20", scoreWorst: "2", scoreBest: "8", knockoutKind: "less_than", knockoutValue: "2" });
    expect(draft.questions[6]).toMatchObject({ knockoutKind: "above_vacancy_max", knockoutPercent: "20" });
    const { definition, problems } = draftToDefinition(draft);
    expect(problems).toEqual([]);
    expect(parseQuestionnaire(definition)).toEqual(defaultKamQuestionnaire());
  });

  test("keys are unique and stable (React keys), question keys and option values never repeat when adding", () => {
    const draft = definitionToDraft(defaultKamQuestionnaire());
    expect(new Set(draft.questions.map((q) => q.key)).size).toBe(draft.questions.length);
    const added = newQuestion({ questions: [...draft.questions, { ...draft.questions[0]!, key: "q12", id: "question_1" }] });
    expect(added.key).not.toMatch(/^q(0|1|2|3|4|5|6|7|8|9|10|11|12)$/);
    expect(added.id).toBe("question_2");
    const choice = draft.questions[7]!;
    expect(choice.options.map((o) => o.value)).not.toContain(newOption(choice).value);
  });

  test("numbers are read as typed in the user's language: Russian commas and spaces, English thousands", () => {
    const ru = definitionOf(draftOf({ type: "money", min: "0", max: "1 500 000", weight: "12,5", scoreWorst: "100 000", scoreBest: "1 000 000" }));
    expect(ru.questions[0]).toMatchObject({ min: 0, max: 1_500_000, weight: 12.5, scoreRange: { worst: 100_000, best: 1_000_000 } });
    const en = definitionOf(draftOf({ type: "money", max: "1,500,000", weight: "12.5" }), "en");
    expect(en.questions[0]).toMatchObject({ max: 1_500_000, weight: 12.5 });
  });

  test("empty help is left out; one language of help is kept", () => {
    expect(definitionOf(draftOf({ helpRu: "  " })).questions[0]!.help).toBeUndefined();
    expect(definitionOf(draftOf({ helpEn: "Roughly" })).questions[0]!.help).toEqual({ en: "Roughly" });
  });

  test("parts the type does not have are dropped, so switching types leaves nothing invisible behind", () => {
    const draft = draftOf({ type: "short_text", options: options("a", "b"), min: "1", max: "5", weight: "10", scoreWorst: "1", scoreBest: "2" });
    const [q] = definitionOf(draft).questions;
    expect(q).toEqual({ id: "question_1", type: "short_text", label: { ru: "Вопрос", en: "Question" }, required: true });
    expect(draftProblems(draft)).toEqual([]);
  });
});

describe("problems, each at its path", () => {
  test("a number that is not one is reported at its field and left out", () => {
    const draft = draftOf({ type: "number", min: "abc", max: "10" });
    expect(problemsOf(draft)).toEqual(["questions.0.min questionnaire.problems.notANumber"]);
    expect(definitionOf(draft).questions[0]).toMatchObject({ max: 10 });
    expect(definitionOf(draft).questions[0]!.min).toBeUndefined();
  });

  test("half a scoring range asks for the other half", () => {
    expect(problemsOf(draftOf({ type: "number", scoreWorst: "2" }))).toEqual(["questions.0.scoreRange.best validation.required"]);
  });

  test("a knock-out rule needs its value; the percentage is 0..1000", () => {
    expect(problemsOf(draftOf({ type: "yes_no", knockoutKind: "equals" }))).toEqual(["questions.0.knockout.value validation.required"]);
    expect(problemsOf(draftOf({ type: "date", knockoutKind: "less_than" }))).toEqual(["questions.0.knockout.value validation.required"]);
    expect(problemsOf(draftOf({ type: "money", knockoutKind: "above_vacancy_max", knockoutPercent: "2000" }))).toEqual([
      "questions.0.knockout.percent questionnaireBuilder.problems.percentRange|max=1000",
    ]);
    expect(problemsOf(draftOf({ type: "money", knockoutKind: "above_vacancy_max", knockoutPercent: "20" }))).toEqual([]);
  });

  test("the definition's own check runs too: repeated keys, too few options, a rule naming no option, an empty label", () => {
    const draft = draftOf(
      { id: "city" },
      { id: "city", type: "single_choice", options: options("a"), knockoutKind: "equals", knockoutValue: "zzz" },
      { id: "Bad Key", labelEn: "" },
    );
    expect(problemsOf(draft)).toEqual([
      "questions.1.options questionnaire.problems.tooFewOptions|min=2",
      "questions.2.id questionnaire.problems.badId",
      "questions.2.label.en validation.required",
      "questions.1.id questionnaire.problems.duplicateId",
    ]);
    const fixed = { questions: draft.questions.map((q, i) => (i === 1 ? { ...q, id: "level", options: options("a", "b") } : i === 2 ? { ...q, id: "why", labelEn: "Why?" } : q)) };
    expect(problemsOf(fixed)).toEqual(["questions.1.knockout questionnaire.problems.knockoutValue"]);
  });

  test("no questions at all is a problem of the whole form", () => {
    const problems = draftProblems({ questions: [] });
    expect(problems.map((p) => p.message)).toEqual(["questionnaire.problems.noQuestions"]);
    expect(problemPlace(problems[0]!.path)).toEqual({ at: "form" });
  });

  test("paths map to the card and field they are shown at", () => {
    expect(problemPlace("questions.3.label.ru")).toEqual({ at: "question", question: 3, field: "labelRu" });
    expect(problemPlace("questions.3.help.en")).toEqual({ at: "question", question: 3, field: "helpEn" });
    expect(problemPlace("questions.3.options")).toEqual({ at: "question", question: 3, field: "options" });
    expect(problemPlace("questions.3.options.1.value")).toEqual({ at: "option", question: 3, option: 1, field: "value" });
    expect(problemPlace("questions.3.options.1.label.en")).toEqual({ at: "option", question: 3, option: 1, field: "labelEn" });
    expect(problemPlace("questions.3.options.0")).toEqual({ at: "option", question: 3, option: 0, field: "general" });
    expect(problemPlace("questions.3.scoreRange.worst")).toEqual({ at: "question", question: 3, field: "scoreWorst" });
    expect(problemPlace("questions.3.knockout.value")).toEqual({ at: "question", question: 3, field: "knockoutValue" });
    expect(problemPlace("questions.3.knockout.percent")).toEqual({ at: "question", question: 3, field: "knockoutPercent" });
    expect(problemPlace("questions.3")).toEqual({ at: "question", question: 3, field: "general" });
    expect(problemPlace("questions.3.something")).toEqual({ at: "question", question: 3, field: "general" });
    expect(problemPlace("questions")).toEqual({ at: "form" });
    expect(problemPlace("")).toEqual({ at: "form" });
  });

  test("slots gather messages once per place and count them per question", () => {
    const slots = problemSlots([
      { path: "questions.1.options.0.value", message: "questionnaire.problems.badOptionValue" },
      { path: "questions.1.options.0.value", message: "questionnaire.problems.badOptionValue" },
      { path: "questions.1.label.ru", message: "validation.required" },
      { path: "questions.10.id", message: "questionnaire.problems.badId" },
      { path: "questions", message: "questionnaire.problems.noQuestions" },
    ]);
    expect(slots).toEqual({
      "1.options.0.value": ["questionnaire.problems.badOptionValue"],
      "1.labelRu": ["validation.required"],
      "10.id": ["questionnaire.problems.badId"],
      form: ["questionnaire.problems.noQuestions"],
    });
    expect(questionProblemCount(slots, 1)).toBe(2);
    expect(questionProblemCount(slots, 10)).toBe(1);
    expect(questionProblemCount(slots, 0)).toBe(0);
  });

  test("a problem about a part the card does not show goes to the card's top", () => {
    const slots = problemSlots([
      { path: "questions.0.options", message: "questionnaire.problems.optionsNotAllowed" },
      { path: "questions.0.weight", message: "questionnaire.problems.weightNotScored" },
      { path: "questions.0.label.ru", message: "validation.required" },
      { path: "questions.0", message: "questionnaire.problems.invalid" },
    ]);
    expect(cardProblems(slots, 0, "short_text")).toEqual(["questionnaire.problems.optionsNotAllowed", "questionnaire.problems.weightNotScored", "questionnaire.problems.invalid"]);
    expect(cardProblems(slots, 0, "single_choice")).toEqual(["questionnaire.problems.invalid"]);
  });
});

describe("editing", () => {
  test("each type is offered the knock-out rules that fit it", () => {
    expect(Object.fromEntries(QUESTION_TYPES.map((type) => [type, knockoutKindsFor(type)]))).toEqual({
      short_text: [],
      long_text: [],
      number: ["less_than", "greater_than"],
      money: ["less_than", "greater_than", "above_vacancy_max"],
      single_choice: ["equals"],
      multi_choice: ["includes"],
      yes_no: ["equals"],
      scale: ["less_than", "greater_than"],
      date: ["less_than", "greater_than"],
    });
  });

  test("every offered rule, with a fitting value, passes the definition's check", () => {
    for (const type of QUESTION_TYPES) {
      for (const kind of knockoutKindsFor(type)) {
        const base = changeType(draftOf({})!.questions[0]!, type);
        const q: DraftQuestion = {
          ...base,
          options: base.options.map((o, j) => ({ ...o, labelRu: `В${j}`, labelEn: `O${j}` })),
          knockoutKind: kind,
          knockoutValue: type === "yes_no" ? "no" : type === "date" ? "2026-09-01" : base.options.length ? base.options[0]!.value : "3",
          knockoutPercent: "20",
        };
        expect({ type, kind, problems: draftProblems({ questions: [q] }) }).toEqual({ type, kind, problems: [] });
      }
    }
  });

  test("changing the type: choice types get two blank options; a rule that no longer fits goes, one of the same kind keeps or drops its value", () => {
    const [text] = draftOf({}).questions;
    const choice = changeType(text!, "single_choice");
    expect(choice.options.map((o) => o.value)).toEqual(["option_1", "option_2"]);
    expect(new Set(choice.options.map((o) => o.key)).size).toBe(2);

    const yesNo: DraftQuestion = { ...text!, type: "yes_no", knockoutKind: "equals", knockoutValue: "no" };
    expect(changeType(yesNo, "single_choice")).toMatchObject({ knockoutKind: "equals", knockoutValue: "" });
    expect(changeType(yesNo, "multi_choice")).toMatchObject({ knockoutKind: "none", knockoutValue: "" });

    const years: DraftQuestion = { ...text!, type: "number", knockoutKind: "less_than", knockoutValue: "2", min: "0" };
    expect(changeType(years, "money")).toMatchObject({ knockoutKind: "less_than", knockoutValue: "2", min: "0" });
    expect(changeType(years, "date")).toMatchObject({ knockoutKind: "less_than", knockoutValue: "" });
    expect(changeType(years, "long_text")).toMatchObject({ knockoutKind: "none", min: "0" });
    expect(changeType(years, "number")).toBe(years);
  });

  test("renaming an option that a rule names takes the rule along; other edits leave it", () => {
    const q: DraftQuestion = { ...draftOf({}).questions[0]!, type: "single_choice", options: options("none", "basic"), knockoutKind: "equals", knockoutValue: "none" };
    expect(updateOption(q, 0, { value: "no_english" })).toMatchObject({ knockoutValue: "no_english", options: [{ value: "no_english" }, { value: "basic" }] });
    expect(updateOption(q, 1, { value: "base" }).knockoutValue).toBe("none");
    expect(updateOption(q, 0, { labelRu: "Нет" }).knockoutValue).toBe("none");
    expect(updateOption(q, 5, { value: "x" })).toBe(q);
  });

  test("move up and down, and nothing past either end; remove", () => {
    expect(moveItem(["a", "b", "c"], 1, -1)).toEqual(["b", "a", "c"]);
    expect(moveItem(["a", "b", "c"], 1, 1)).toEqual(["a", "c", "b"]);
    expect(moveItem(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(moveItem(["a", "b", "c"], 2, 1)).toEqual(["a", "b", "c"]);
    expect(moveItem(["a"], 5, 1)).toEqual(["a"]);
    expect(removeAt(["a", "b", "c"], 1)).toEqual(["a", "c"]);
  });
});

describe("the posted draft", () => {
  test("reads back what the editor posted; anything else is refused whole", () => {
    const draft = definitionToDraft(defaultKamQuestionnaire());
    expect(parseDraft(JSON.stringify(draft))).toEqual(draft);
    expect(parseDraft("{not json")).toBeNull();
    expect(parseDraft(JSON.stringify({ questions: [{ id: "x" }] }))).toBeNull();
    expect(parseDraft(JSON.stringify({ questions: [{ ...draft.questions[0], type: "essay" }] }))).toBeNull();
    expect(parseDraft(null)).toBeNull();
  });

  test("a blank questionnaire is one valid question", () => {
    expect(checkQuestionnaire(blankQuestionnaire())).toEqual([]);
    expect(blankQuestionnaire().questions).toHaveLength(1);
  });
});

describe("settings forms", () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.set(k, v);
    return data;
  };

  test("hours 1..720 and days 1..90, whole numbers, with the range in the message", () => {
    const result = parseWithZod(form({ name: "Анкета", reminderAfterHours: "0", linkValidDays: "2,5" }), { schema: SettingsSchema });
    expect(result.status).toBe("error");
    expect(result.reply().error).toEqual({
      reminderAfterHours: ["questionnaireBuilder.errors.reminderRange|min=1|max=720"],
      linkValidDays: ["questionnaireBuilder.errors.linkRange|min=1|max=90"],
    });
    const ok = parseWithZod(form({ name: "  Анкета KAM  ", reminderAfterHours: "720", linkValidDays: "1" }), { schema: SettingsSchema });
    expect(ok.status === "success" && ok.value).toEqual({ name: "Анкета KAM", reminderAfterHours: 720, linkValidDays: 1 });
  });

  test("a name is needed, up to 120 characters; the start is the default or blank", () => {
    const result = parseWithZod(form({ name: "x".repeat(121), reminderAfterHours: "48", linkValidDays: "14", start: "other" }), { schema: NewQuestionnaireSchema });
    expect(result.reply().error).toEqual({ name: ["validation.tooLong|max=120"], start: ["validation.invalidChoice"] });
    expect(parseWithZod(form({ reminderAfterHours: "48", linkValidDays: "14", start: "blank" }), { schema: NewQuestionnaireSchema }).reply().error).toEqual({ name: ["validation.required"] });
  });

  test("the saved notice is read from the query, and only when it makes sense", () => {
    expect(savedNotice(new URLSearchParams("saved=3&how=new"))).toEqual({ version: 3, how: "new" });
    expect(savedNotice(new URLSearchParams("saved=0&how=new"))).toBeNull();
    expect(savedNotice(new URLSearchParams("saved=2&how=weird"))).toBeNull();
    expect(savedNotice(new URLSearchParams(""))).toBeNull();
  });
});
