/**
 * Whether two employer names are one company, despite legal forms, quotes, case and
 * Cyrillic or Latin spelling: ООО «Ромашка», "Romashka LLC", "РОМАШКА", "Ромашка, ООО"
 * and "ромашка" are one company. Pure and client-safe. Why the key is a Latin
 * skeleton and where it stops: docs/decisions/010-company-matching-and-tiers.md.
 *
 * What deliberately does NOT match, because real markets have both companies:
 * - a longer name: "Гидромаш" ≠ "Гидромаш-Сервис", "ТПА" ≠ "ТПА-Групп",
 *   "Альфа" ≠ "Альфа-Трейд", "Вектор" ≠ "Вектор Плюс" (aliases join such names by hand);
 * - one different letter: "АрмаТек" ≠ "АрмаТех" (к and х are different sounds; only
 *   spelling variants of one sound are folded);
 * - «ТД» and «ГК» are kept: a trading house or a group is usually a separate company
 *   from the plant or firm it is named after.
 */

const LEGAL_FORM_PHRASES = [
  "общество с ограниченной ответственностью",
  "публичное акционерное общество",
  "непубличное акционерное общество",
  "закрытое акционерное общество",
  "открытое акционерное общество",
  "акционерное общество",
  "индивидуальный предприниматель",
  "limited liability company",
  "public joint stock company",
  "closed joint stock company",
  "open joint stock company",
  "joint stock company",
  "public limited company",
  "l l c",
  "co ltd",
];

const LEGAL_FORM_WORDS = new Set([
  "ооо", "оао", "зао", "пао", "нао", "ао", "ип",
  "ooo", "oao", "zao", "pao", "ao", "llc", "ltd", "limited", "jsc", "pjsc", "ojsc", "cjsc",
  "inc", "incorporated", "corp", "corporation", "co", "gmbh", "ag", "plc", "llp",
]);

/** Whether a lower-case word is a legal form ("ооо", "llc"), not part of a name. */
export function isLegalFormWord(word: string): boolean {
  return LEGAL_FORM_WORDS.has(word);
}

/** Lower case, ё → е, no quotes, punctuation or legal form, single spaces. "+" reads "плюс". */
export function normalizeCompanyName(name: string): string {
  const words = name
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/\+/g, " плюс ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  let padded = ` ${words} `;
  for (const phrase of LEGAL_FORM_PHRASES) padded = padded.replaceAll(` ${phrase} `, " ");
  const kept = padded.split(" ").filter((w) => w && !LEGAL_FORM_WORDS.has(w));
  // A name that is nothing but a legal form keeps its words rather than becoming "".
  return kept.length ? kept.join(" ") : words;
}

/** Passport-style Latin (ICAO 9303, as Russian passports spell names). */
const LATIN: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i", й: "i",
  к: "k", л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f",
  х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch", ъ: "ie", ы: "y", ь: "", э: "e", ю: "iu", я: "ia",
};

/** Cyrillic letters in Latin (passport spelling); other characters are kept, case too. */
export function transliterate(text: string): string {
  let out = "";
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const latin = LATIN[lower];
    if (latin === undefined) out += ch;
    else if (lower === ch || !latin) out += latin;
    else out += latin[0]!.toUpperCase() + latin.slice(1);
  }
  return out;
}

/**
 * English words company names borrow, spelled as Russian writes them, so "NasosTrade"
 * meets "НасосТрейд". Only words common in Russian B2B names; applied inside words.
 */
const LOANWORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/trade/g, "treid"],
  [/group/g, "grupp"],
  [/service/g, "servis"],
  [/tech/g, "tekh"],
  [/plus/g, "plius"],
];

/**
 * Spelling variants of one sound, folded to one letter. Order matters: digraphs are
 * replaced by placeholders (upper case, never in the lower-cased input) before single
 * letters are folded, so the "h" of "zh" is not the "h" of "kh".
 */
const FOLDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/shch|sch/g, "Ш"], // щ is written shch or sch; folded with ш
  [/zh/g, "Ж"],
  [/ch/g, "Ч"],
  [/sh/g, "Ш"],
  [/kh/g, "h"], // х: kh or h
  [/ph/g, "f"],
  [/ck/g, "k"],
  [/qu/g, "kv"],
  [/q/g, "k"],
  [/x/g, "ks"],
  [/w/g, "v"],
  [/ts|tz/g, "Ц"], // ц: ts, tz or c
  [/c(?=[eiy])/g, "Ц"],
  [/c/g, "k"],
  [/[yj]o/g, "e"], // ё: yo, jo or e
  [/[yj]/g, "i"], // й, ы: y, j or i ("ya" and "ia" meet here too)
  [/ie/g, "e"], // е at a word's start: "ye" or "e"
  [/ou/g, "u"],
];

const PLACEHOLDERS: Record<string, string> = { Ш: "sh", Ж: "zh", Ч: "ch", Ц: "c" };

/**
 * The matching key: the normalised name in Latin, spelling variants folded, double
 * letters single, without spaces or hyphens ("Пром Тех Снаб" = "ПромТехСнаб").
 * "" for a name with no letters or digits.
 */
export function companyMatchKey(name: string): string {
  let key = transliterate(normalizeCompanyName(name))
    .normalize("NFKD")
    .replace(/[^a-z0-9]/g, "");
  for (const [from, to] of LOANWORDS) key = key.replace(from, to);
  for (const [from, to] of FOLDS) key = key.replace(from, to);
  return key.replace(/([a-z])\1+/g, "$1").replace(/[ШЖЧЦ]/g, (p) => PLACEHOLDERS[p]!);
}

/** Whether two names are the same company by their matching keys. */
export function sameCompany(a: string, b: string): boolean {
  const key = companyMatchKey(a);
  return key !== "" && key === companyMatchKey(b);
}
