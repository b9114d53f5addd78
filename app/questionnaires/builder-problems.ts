import { hasOptions, hasRange, hasWeight, knockoutKindsFor } from "./builder";
import { type DefinitionProblem, type QuestionType } from "./questions";

/**
 * Where the builder shows each problem of a definition: checkQuestionnaire and
 * draftToDefinition report paths ("questions.3.options.1.value"); the editor looks
 * them up by place (the form, a question's field, an option's field). Pure.
 */

export type QuestionField =
  | "general"
  | "id"
  | "type"
  | "labelRu"
  | "labelEn"
  | "helpRu"
  | "helpEn"
  | "required"
  | "options"
  | "min"
  | "max"
  | "weight"
  | "scoreRange"
  | "scoreWorst"
  | "scoreBest"
  | "knockout"
  | "knockoutValue"
  | "knockoutPercent";
export type OptionField = "general" | "value" | "labelRu" | "labelEn" | "points";

const QUESTION_PATHS: Record<string, QuestionField> = {
  id: "id",
  type: "type",
  label: "labelRu",
  "label.ru": "labelRu",
  "label.en": "labelEn",
  help: "helpRu",
  "help.ru": "helpRu",
  "help.en": "helpEn",
  required: "required",
  options: "options",
  min: "min",
  max: "max",
  weight: "weight",
  scoreRange: "scoreRange",
  "scoreRange.worst": "scoreWorst",
  "scoreRange.best": "scoreBest",
  knockout: "knockout",
  "knockout.kind": "knockout",
  "knockout.value": "knockoutValue",
  "knockout.percent": "knockoutPercent",
};
const OPTION_PATHS: Record<string, OptionField> = { value: "value", label: "labelRu", "label.ru": "labelRu", "label.en": "labelEn", points: "points" };

/** Where a problem is shown: the form as a whole, a question's field, or an option's field. */
export type ProblemPlace =
  | { at: "form" }
  | { at: "question"; question: number; field: QuestionField }
  | { at: "option"; question: number; option: number; field: OptionField };

const INDEX = /^\d+$/;

export function problemPlace(path: string): ProblemPlace {
  const parts = path.split(".");
  if (parts[0] !== "questions" || !parts[1] || !INDEX.test(parts[1])) return { at: "form" };
  const question = Number(parts[1]);
  if (parts[2] === "options" && parts[3] && INDEX.test(parts[3])) {
    return { at: "option", question, option: Number(parts[3]), field: OPTION_PATHS[parts.slice(4).join(".")] ?? "general" };
  }
  return { at: "question", question, field: QUESTION_PATHS[parts.slice(2).join(".")] ?? "general" };
}

/** The name of a place, for looking its problems up: "form", "3.labelRu", "3.options.1.value". */
export function slotOf(place: ProblemPlace): string {
  if (place.at === "form") return "form";
  if (place.at === "question") return `${place.question}.${place.field}`;
  return `${place.question}.options.${place.option}.${place.field}`;
}

export type ProblemSlots = Record<string, string[]>;

/** The problems' messages by where they are shown, each message once per place. */
export function problemSlots(problems: readonly DefinitionProblem[]): ProblemSlots {
  const slots: ProblemSlots = {};
  for (const problem of problems) {
    const slot = slotOf(problemPlace(problem.path));
    const list = (slots[slot] ??= []);
    if (!list.includes(problem.message)) list.push(problem.message);
  }
  return slots;
}

/** The parts of a question the editor shows for its type. */
export function questionFields(type: QuestionType): QuestionField[] {
  const fields: QuestionField[] = ["general", "id", "type", "labelRu", "labelEn", "helpRu", "helpEn", "required"];
  if (hasOptions(type)) fields.push("options");
  if (hasRange(type)) fields.push("min", "max", "scoreRange", "scoreWorst", "scoreBest");
  if (hasWeight(type)) fields.push("weight");
  if (knockoutKindsFor(type).length) fields.push("knockout", "knockoutValue", "knockoutPercent");
  return fields;
}

/**
 * A question's problems that have no field of their own on its card (about the
 * question as a whole, or a part its type does not show): shown at the card's top,
 * so no problem goes unseen.
 */
export function cardProblems(slots: ProblemSlots, question: number, type: QuestionType): string[] {
  const shown = new Set<string>(questionFields(type).filter((f) => f !== "general"));
  const prefix = `${question}.`;
  const messages: string[] = [];
  for (const [slot, list] of Object.entries(slots)) {
    if (!slot.startsWith(prefix)) continue;
    const rest = slot.slice(prefix.length);
    const placed = rest.startsWith("options.") ? hasOptions(type) : shown.has(rest);
    if (!placed) for (const m of list) if (!messages.includes(m)) messages.push(m);
  }
  return messages;
}

/** How many problems a question has, its options' included. */
export function questionProblemCount(slots: ProblemSlots, question: number): number {
  const prefix = `${question}.`;
  return Object.entries(slots).reduce((sum, [slot, messages]) => (slot.startsWith(prefix) ? sum + messages.length : sum), 0);
}
