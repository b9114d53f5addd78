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
 *   from the plant or firm it is named after;
 * - a legal-form word inside a name or where that form is never written: "AG
 *   Technologies" ≠ "Technologies", "Ltd Group" ≠ "Group" (only "Siemens AG" and
 *   "Group Ltd" end in a legal form).
 *
 * Keys are stored (Company.normalizedName, CompanyAlias.normalized): a change to
 * companyMatchKey that changes any key must bump COMPANY_MATCH_KEY_VERSION below, so
 * the stored keys are recomputed at the next start-up (company-rekey.server.ts).
 */

/**
 * Legal forms written before or after the name: Russian ones, their Latin spellings
 * and the English forms Russian companies translate them to ("LLC Romashka").
 * Spelled-out forms are token sequences; the longest is tried first.
 */
const EITHER_END = [
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
  "l l c",
  "ооо", "оао", "зао", "пао", "нао", "ао", "ип",
  "ooo", "oao", "zao", "pao", "nao", "ao",
  "llc", "jsc", "pjsc", "ojsc", "cjsc",
];

/** Foreign legal forms, in Latin or Cyrillic letters, which only ever end a name ("Siemens AG", "Ромашка Лтд"). */
const TRAILING_ONLY = [
  "public limited company",
  "ltd", "limited", "inc", "incorporated", "corp", "corporation", "co", "gmbh", "ag", "plc", "llp",
  "лтд", "лимитед", "инк", "инкорпорейтед", "корп", "корпорейшн", "гмбх",
];

const tokens = (forms: readonly string[]) => forms.map((f) => f.split(" ")).sort((a, b) => b.length - a.length);
const LEADING_FORMS = tokens(EITHER_END);
const TRAILING_FORMS = tokens([...EITHER_END, ...TRAILING_ONLY]);
const LEGAL_FORM_WORDS = new Set([...EITHER_END, ...TRAILING_ONLY].filter((f) => !f.includes(" ")));

/** Whether a lower-case word is a legal form ("ооо", "llc", "лтд"), wherever it stands. */
export function isLegalFormWord(word: string): boolean {
  return LEGAL_FORM_WORDS.has(word);
}

const startsWith = (words: readonly string[], form: readonly string[]) => form.every((w, i) => words[i] === w);
const endsWith = (words: readonly string[], form: readonly string[]) =>
  form.every((w, i) => words[words.length - form.length + i] === w);

/**
 * The words without the legal forms at their start and end, repeatedly ("Romashka Co.,
 * Ltd." → "romashka"), but never the last word: a name that is nothing but a legal form
 * stays itself rather than matching every company.
 */
function withoutLegalForms(words: readonly string[]): readonly string[] {
  let rest = words;
  for (;;) {
    const lead = LEADING_FORMS.find((form) => form.length < rest.length && startsWith(rest, form));
    if (lead) {
      rest = rest.slice(lead.length);
      continue;
    }
    const trail = TRAILING_FORMS.find((form) => form.length < rest.length && endsWith(rest, form));
    if (!trail) return rest;
    rest = rest.slice(0, rest.length - trail.length);
  }
}

/** Latin and Cyrillic letters that look alike, each way, by case ("C" and "С", "o" and "о"). */
const LOOKALIKE_PAIRS = "AА BВ CС EЕ HН KК MМ OО PР TТ XХ YУ aа cс eе oо pр xх yу".split(" ");
const TO_CYRILLIC: Record<string, string> = Object.fromEntries(LOOKALIKE_PAIRS.map(([l, c]) => [l!, c!]));
const TO_LATIN: Record<string, string> = Object.fromEntries(LOOKALIKE_PAIRS.map(([l, c]) => [c!, l!]));

type Script = "latin" | "cyrillic" | null;
const scriptOf = (ch: string): Script =>
  /\p{Script=Cyrillic}/u.test(ch) ? "cyrillic" : /\p{Script=Latin}/u.test(ch) ? "latin" : null;

/** Which script a mixed word is written in: the one with more letters the other lacks, else more letters. */
function dominantScript(chars: readonly string[]): Script {
  const count = (script: Script, distinctive: boolean) =>
    chars.filter((ch) => scriptOf(ch) === script && !(distinctive && (TO_CYRILLIC[ch] ?? TO_LATIN[ch]))).length;
  for (const distinctive of [true, false]) {
    const [cyrillic, latin] = [count("cyrillic", distinctive), count("latin", distinctive)];
    if (cyrillic !== latin) return cyrillic > latin ? "cyrillic" : "latin";
  }
  return null;
}

/**
 * A word written in its dominant script: a Latin "C" in «Cбербанк» or a Latin "o" in
 * «Газпрoм» become Cyrillic, a Cyrillic "о" in "Gazprоm" Latin. A run of the other
 * script is replaced only when every letter of it has a look-alike and it sits inside
 * the word or is one letter at its edge: "ДелоPRO" and "СтройMAX" are brands spelled
 * half in Latin on purpose, not typing slips. A mixed word that is a legal form in
 * either script ("ПAO" with Latin A and O) is that legal form.
 */
function inDominantScript(word: string): string {
  const chars = [...word];
  const scripts = new Set(chars.map(scriptOf));
  if (!scripts.has("cyrillic") || !scripts.has("latin")) return word;
  for (const lookalike of [TO_CYRILLIC, TO_LATIN]) {
    const whole = chars.map((ch) => lookalike[ch] ?? ch).join("");
    if (isLegalFormWord(whole.toLowerCase())) return whole;
  }
  const dominant = dominantScript(chars);
  if (!dominant) return word;
  const minority: Script = dominant === "cyrillic" ? "latin" : "cyrillic";
  const lookalike = minority === "latin" ? TO_CYRILLIC : TO_LATIN;
  let out = "";
  for (let at = 0; at < chars.length; ) {
    let end = at;
    while (end < chars.length && scriptOf(chars[end]!) === minority) end++;
    if (end === at) {
      out += chars[at++];
      continue;
    }
    const run = chars.slice(at, end);
    const inside = at > 0 && end < chars.length;
    const slip = (inside || run.length === 1) && run.every((ch) => lookalike[ch]);
    out += slip ? run.map((ch) => lookalike[ch]).join("") : run.join("");
    at = end;
  }
  return out;
}

/**
 * Lower case, ё → е, look-alike letters in the word's own script, no quotes,
 * punctuation or legal form at either end, single spaces. "+" reads "плюс".
 */
export function normalizeCompanyName(name: string): string {
  const words = name
    .replace(/\+/g, " плюс ")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => inDominantScript(word).toLowerCase().replace(/ё/g, "е"));
  return withoutLegalForms(words).join(" ");
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
 * One word of a normalised name in Latin letters and digits. Latin "yo"/"jo" is read
 * by what precedes it: after a vowel it is й+о ("Mayonez" = «Майонез», "Rayon" =
 * «Район»); after a consonant it is ё, folded with е ("Semyonov" = «Семёнов»). At a
 * word's start it can be either ("Yolka" = «Ёлка», "Yota" = «Йота»), so it reads е
 * there and a Cyrillic «Йо» at a word's start is read like «Ё». The price: «Йо…» and
 * «Е…» at a word's start share a key, a pair no real names form; see ADR 010.
 */
function latinWord(word: string): string {
  return transliterate(word.replace(/^йо/, "е"))
    .normalize("NFKD")
    .replace(/[^a-z0-9]/g, "")
    .replace(/(?<![aeiouy])[yj]o/g, "e");
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
  [/[yj]/g, "i"], // й, ы: y, j or i ("ya" and "ia" meet here too)
  [/ie/g, "e"], // е at a word's start: "ye" or "e"
  [/ou/g, "u"],
];

const PLACEHOLDERS: Record<string, string> = { Ш: "sh", Ж: "zh", Ч: "ch", Ц: "c" };

/**
 * The version of companyMatchKey. BUMP IT WITH EVERY CHANGE THAT CHANGES ANY KEY: the
 * start-up job company.rekey then recomputes the stored keys once, merges companies
 * that come to share one and records the version (AppState "companyMatchKeyVersion").
 * Without the bump, names whose key changed stop meeting their companies.
 * 1: the first matcher; 2: legal forms only at the ends, look-alike letters, Latin yo.
 */
export const COMPANY_MATCH_KEY_VERSION = 2;

/**
 * The matching key: the normalised name in Latin, spelling variants folded, double
 * letters single, without spaces or hyphens ("Пром Тех Снаб" = "ПромТехСнаб").
 * "" for a name with no letters or digits.
 */
export function companyMatchKey(name: string): string {
  let key = normalizeCompanyName(name).split(" ").map(latinWord).join("");
  for (const [from, to] of LOANWORDS) key = key.replace(from, to);
  for (const [from, to] of FOLDS) key = key.replace(from, to);
  return key.replace(/([a-z])\1+/g, "$1").replace(/[ШЖЧЦ]/g, (p) => PLACEHOLDERS[p]!);
}

/** Whether two names are the same company by their matching keys. */
export function sameCompany(a: string, b: string): boolean {
  const key = companyMatchKey(a);
  return key !== "" && key === companyMatchKey(b);
}
