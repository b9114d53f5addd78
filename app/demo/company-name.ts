/**
 * The matching key of a company name: lower case, ё → е, no quotes, punctuation or
 * legal form, single spaces. ООО «Ромашка», "Ромашка, ООО" and АО "РОМАШКА" all give
 * "ромашка". Transliteration ("Romashka LLC") is not attempted: such spellings are
 * kept as aliases. The demo uses this until company matching moves to app/sourcing.
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
  "joint stock company",
  "l l c",
];

const LEGAL_FORM_WORDS = new Set([
  // Cyrillic abbreviations
  "ооо", "оао", "зао", "пао", "нао", "ао", "ип",
  // the same typed in Latin letters, and foreign forms
  "ooo", "oao", "zao", "pao", "ao", "llc", "ltd", "limited", "jsc", "pjsc", "ojsc", "cjsc",
  "inc", "corp", "gmbh", "plc", "co",
]);

export function normalizeCompanyName(name: string): string {
  const words = name
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  let padded = ` ${words} `;
  for (const phrase of LEGAL_FORM_PHRASES) padded = padded.replaceAll(` ${phrase} `, " ");
  const kept = padded.split(" ").filter((w) => w && !LEGAL_FORM_WORDS.has(w));
  // A name that is nothing but a legal form keeps its words rather than becoming "".
  return kept.length ? kept.join(" ") : words;
}
