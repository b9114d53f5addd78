import { isLegalFormWord, transliterate } from "./company-match";

/**
 * What the candidate search matches (Candidate.searchText) and how a query is cut
 * into words. Pure and client-safe.
 */

/**
 * The everyday Latin spelling, besides the passport one: й as y, ю as yu, я as ya, so
 * "yuriy" finds «Юрий» as well as the passport's "iurii".
 */
const EVERYDAY: Record<string, string> = { й: "y", ю: "yu", я: "ya", х: "kh", ц: "ts", ъ: "", ь: "" };

/** Lower case, ё as е, quotes and punctuation as spaces (hyphens, dots and @ stay). */
function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[^\p{L}\p{N}@.+\-\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function everydayLatin(word: string): string {
  return transliterate([...word].map((ch) => EVERYDAY[ch] ?? ch).join(""));
}

/** At most this many words of a query are used: enough for "Иванова Казань гидромаш". */
const MAX_TERMS = 5;

/** The words of a search query, folded like the search text; each must occur in it. */
export function searchTerms(query: string): string[] {
  return [...new Set(fold(query).split(" ").filter(Boolean))].slice(0, MAX_TERMS);
}

export type SearchablePerson = {
  firstName: string;
  lastName: string;
  middleName?: string | null;
  city?: string | null;
  currentTitle?: string | null;
  erasedAt?: Date | string | null;
};
export type SearchableJob = { companyName: string; title: string };

/**
 * Names, city, position, employers (without legal forms, so "ооо" finds nobody) and
 * job titles, folded, followed by the Latin
 * spellings (passport and everyday) of the words that have Cyrillic in them: "иванов" and "ivanov",
 * "гидромаш" and "gidromash" both find the same person. Empty for an erased person.
 */
export function candidateSearchText(person: SearchablePerson, jobs: readonly SearchableJob[]): string {
  if (person.erasedAt) return "";
  const parts = [person.lastName, person.firstName, person.middleName, person.city, person.currentTitle];
  for (const job of jobs) parts.push(job.title);
  const employers = jobs.flatMap((job) => fold(job.companyName).split(" ").filter((w) => !isLegalFormWord(w)));
  const words = [...new Set([...fold(parts.filter(Boolean).join(" ")).split(" "), ...employers].filter(Boolean))];
  const cyrillic = words.filter((w) => /[а-я]/.test(w));
  const latin = new Set([...cyrillic.map(transliterate), ...cyrillic.map(everydayLatin)]);
  return [...words, ...latin].join(" ");
}
