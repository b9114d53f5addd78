import { type Widen } from "../widen";

/** interviewScoring: the rubric, scorecards, results and decisions (Russian first; English is typed by it). */
export const ru = {
  rubric: {
    badId: "Ключ: латинские строчные буквы, цифры и дефис, начиная с буквы.",
    empty: "Добавьте хотя бы одну компетенцию.",
    duplicateId: "Такой ключ уже есть в списке.",
    weightRange: "Вес — целое число от {{min}} до {{max}}.",
    tooMany: "Не больше {{max}} компетенций.",
  },
};

export const en: Widen<typeof ru> = {
  rubric: {
    badId: "Key: lower-case latin letters, digits and dashes, starting with a letter.",
    empty: "Add at least one competency.",
    duplicateId: "This key is already in the list.",
    weightRange: "The weight is a whole number from {{min}} to {{max}}.",
    tooMany: "No more than {{max}} competencies.",
  },
};
