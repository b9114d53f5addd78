import { describe, expect, it } from "vitest";
import { candidateSearchText, searchTerms } from "~/sourcing/search-text";

const person = { lastName: "Королёва", firstName: "Юлия", middleName: "Андреевна", city: "Санкт-Петербург", currentTitle: "Key Account Manager" };
const jobs = [
  { companyName: "ООО «Гидромаш»", title: "Менеджер по продажам" },
  { companyName: "DataSoft LLC", title: "Account manager" },
];

/** Whether the list's search (every term a substring of the text) finds the person. */
const finds = (text: string, query: string) => {
  const terms = searchTerms(query);
  return terms.length > 0 && terms.every((t) => text.includes(t));
};

describe("candidateSearchText", () => {
  const text = candidateSearchText(person, jobs);

  it("holds names, city, employers and positions, lower case with ё as е", () => {
    for (const word of ["королева", "юлия", "андреевна", "санкт-петербург", "гидромаш", "datasoft", "key", "account", "продажам"]) {
      expect(text.split(" ")).toContain(word);
    }
    expect(text).not.toMatch(/[«»A-ZА-ЯЁё]/);
  });

  it("adds the passport and the everyday Latin spelling of Cyrillic words", () => {
    for (const word of ["koroleva", "iuliia", "yuliya", "andreevna", "sankt-peterburg", "gidromash", "menedzher"]) {
      expect(text.split(" ")).toContain(word);
    }
  });

  it("has each word once", () => {
    const words = text.split(" ");
    expect(new Set(words).size).toBe(words.length);
  });

  it.each([
    "Королева",
    "королёва",
    "KOROLEVA",
    "Юлия Королева",
    "yuliya",
    "iuliia",
    "gidromash",
    "Гидромаш",
    "«Гидромаш»",
    "гидро",
    "Петербург",
    "peterburg",
    "datasoft",
    "key account",
  ])("is found by %j", (query) => {
    expect(finds(text, query)).toBe(true);
  });

  it.each(["Иванова", "Королева Москва", "ivanov", "ДатаСофт", "ООО", "LLC"])("is not found by %j", (query) => {
    expect(finds(text, query)).toBe(false);
  });

  it("skips empty parts and is empty for an erased person", () => {
    expect(candidateSearchText({ firstName: "Анна", lastName: "Ким", middleName: null, city: null, currentTitle: null }, [])).toBe("ким анна kim anna");
    expect(candidateSearchText({ ...person, erasedAt: new Date() }, jobs)).toBe("");
  });
});

describe("searchTerms", () => {
  it("cuts a query into folded words without quotes or LIKE wildcards, at most five", () => {
    expect(searchTerms("  Королёва,  «Гидромаш» ")).toEqual(["королева", "гидромаш"]);
    expect(searchTerms("Королева королёва")).toEqual(["королева"]);
    expect(searchTerms("a b c d e f g")).toHaveLength(5);
    expect(searchTerms("%_")).toEqual([]);
    expect(searchTerms("")).toEqual([]);
    expect(searchTerms("anna.k@mail.ru")).toEqual(["anna.k@mail.ru"]);
  });
});
