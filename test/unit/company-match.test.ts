import { describe, expect, it } from "vitest";
import { companyMatchKey, normalizeCompanyName, sameCompany, transliterate } from "~/sourcing/company-match";

describe("normalizeCompanyName", () => {
  it.each([
    ["ООО «Ромашка»", "ромашка"],
    ['ООО "Ромашка"', "ромашка"],
    ["Ромашка, ООО", "ромашка"],
    ["АО “РОМАШКА”", "ромашка"],
    ["АО „Ромашка“", "ромашка"],
    ["  ПАО   «Ромашка» ", "ромашка"],
    ["Общество с ограниченной ответственностью «Ромашка»", "ромашка"],
    ["Акционерное общество «Северный насосный завод»", "северный насосный завод"],
    ["Romashka LLC", "romashka"],
    ["Romashka Ltd.", "romashka"],
    ["Romashka, L.L.C.", "romashka"],
    ["Romashka Co., Ltd.", "romashka"],
    ["OOO Romashka", "romashka"],
    ["ЗАО «Ёлка-Трейд»", "елка трейд"],
    ["ТД «Спецоборудование»", "тд спецоборудование"],
    ["ИП Кузнецов А. В.", "кузнецов а в"],
    ["Газпромбанк (АО)", "газпромбанк"],
    ["Вектор+", "вектор плюс"],
    ["ООО", "ооо"],
  ])("%s → %s", (name, normalized) => {
    expect(normalizeCompanyName(name)).toBe(normalized);
  });

  it("keeps legal-form letters inside words", () => {
    expect(normalizeCompanyName("ООО «Аокси»")).toBe("аокси");
    expect(normalizeCompanyName("Ипотека Сервис")).toBe("ипотека сервис");
    expect(normalizeCompanyName("Coral Travel")).toBe("coral travel");
  });
});

describe("transliterate", () => {
  it("spells Cyrillic the passport way and keeps everything else", () => {
    expect(transliterate("Щербаков Юрий")).toBe("Shcherbakov Iurii");
    expect(transliterate("Гидромаш-Сервис №1")).toBe("Gidromash-Servis №1");
    expect(transliterate("Хабаровск, Цемент, ёлка")).toBe("Khabarovsk, Tsement, elka");
    expect(transliterate("DataSoft")).toBe("DataSoft");
  });
});

/** Spellings of one company that must meet. */
const SAME: Array<[string, string]> = [
  // legal forms before, after, spelled out, in Latin
  ["ООО «Ромашка»", "Romashka LLC"],
  ["ООО «Ромашка»", "РОМАШКА"],
  ["ООО «Ромашка»", "Ромашка, ООО"],
  ["ООО «Ромашка»", "ромашка"],
  ["ООО «Ромашка»", "Общество с ограниченной ответственностью \"Ромашка\""],
  ["АО «Ромашка»", "Romashka JSC"],
  ["ПАО «Ромашка»", "Romashka PJSC"],
  ["ЗАО Ромашка", "Romashka CJSC"],
  ["ОАО «Ромашка»", "OAO Romashka"],
  ["НАО «Ромашка»", "Romashka"],
  ["Ромашка Ltd", "Romashka Limited"],
  ["Romashka GmbH", "Ромашка"],
  ["Romashka Inc.", "Romashka Corp."],
  ["Romashka Co., Ltd.", "ООО Ромашка"],
  ["Romashka, L.L.C.", "Ромашка"],
  ["Romashka Limited Liability Company", "Ромашка"],
  ["Публичное акционерное общество «Ромашка»", "Ромашка"],
  // quotes of every kind
  ["«Ромашка»", "\"Ромашка\""],
  ["„Ромашка“", "“Ромашка”"],
  ["'Ромашка'", "‘Ромашка’"],
  ["<<Ромашка>>", "Ромашка"],
  // ё and е, case
  ["ЗАО «Ёлка-Трейд»", "Елка-Трейд"],
  ["Ёлка", "Yolka"],
  ["Ёлка", "Elka"],
  ["ГИДРОМАШ", "гидромаш"],
  // Latin and Cyrillic spellings of one name
  ["ООО «Гидромаш»", "Gidromash LLC"],
  ["АО «НасосТрейд»", "NasosTrade JSC"],
  ["ООО «ПромТехСнаб»", "PromTechSnab LLC"],
  ["ООО «ПромТехСнаб»", "Promtekhsnab"],
  ["ООО «ПромТехСнаб»", "Promtehsnab"],
  ["ООО «ТурбоКомп»", "TurboComp LLC"],
  ["ООО «АкваТехПром»", "AquaTechProm"],
  ["ООО «ПромНасосСервис»", "PromNasosService"],
  ["ООО «ДатаСофт»", "DataSoft LLC"],
  ["ООО «ТрансЛогистик»", "TransLogistic LLC"],
  ["ООО «ТрансЛогистик»", "TransLogistik"],
  ["АО «ТПА-Групп»", "TPA Group"],
  ["ООО «Альфа-Трейд»", "Alpha Trade"],
  ["ООО «Альфа-Трейд»", "Alfa-Treyd"],
  ["Вектор Плюс", "Vector Plus"],
  ["Вектор Плюс", "Вектор+"],
  ["ООО «Хим-Экспорт»", "Khim-Export"],
  ["ООО «Хим-Экспорт»", "Him-Eksport"],
  ["ООО «Центр»", "Tsentr LLC"],
  ["ООО «Центр»", "Centr"],
  ["ООО «Центр»", "Tzentr"],
  ["Щит", "Shchit"],
  ["Щит", "Schit"],
  ["Жук", "Zhuk"],
  ["Майский", "Mayskiy"],
  ["Майский", "Maiskii"],
  ["Майский", "Majskij"],
  ["Северный", "Severnyy"],
  ["Северный", "Severny"],
  ["Юг", "Yug"],
  ["Юг", "Iug"],
  ["Заря", "Zarya"],
  ["Заря", "Zaria"],
  ["Фарма", "Pharma"],
  ["Вест", "West"],
  ["Кросс", "Kross"],
  ["Кросс", "Cross"],
  ["Макс", "Max"],
  ["Объект", "Obiekt"],
  ["Энергия", "Energiya"],
  ["Ekaterinburg Trade", "Yekaterinburg Trade"],
  // spaces and hyphens
  ["Пром Тех Снаб", "ПромТехСнаб"],
  ["Пром-Тех-Снаб", "ПромТехСнаб"],
  ["Турбо-Комп", "ТурбоКомп"],
  ["Насос Трейд", "НасосТрейд"],
  ["Kompressor Snab", "КомпрессорСнаб"],
  ["Kompresor Snab", "КомпрессорСнаб"],
];

/** Near-misses: different companies that must stay apart. */
const DIFFERENT: Array<[string, string]> = [
  ["Гидромаш", "Гидромаш-Сервис"],
  ["ООО «Гидромаш»", "Gidromash Service"],
  // к and х are different sounds: АрмаТек is not АрмаТех (one letter can be a rival's name)
  ["АрмаТек", "АрмаТех"],
  ["ArmaTek", "ArmaTech"],
  ["Северный насосный завод", "Южный насосный завод"],
  ["ТПА", "ТПА-Групп"],
  ["Альфа", "Альфа-Трейд"],
  ["Вектор", "Вектор Плюс"],
  ["Вектор", "Вектор+"],
  ["ТД «Спецоборудование»", "Спецоборудование"],
  ["ГК «Ромашка»", "Ромашка"],
  ["Ромашка", "Ромашкино"],
  ["Завод №1", "Завод №2"],
  ["Поставщик 1", "Поставщик 11"],
  ["Склад 100", "Склад 10"],
  ["Мир", "Мирт"],
  ["Сокол", "Соколов"],
  ["Промстрой", "Промстройсервис"],
  ["Татнефть", "Татнефтехим"],
  ["Газпром", "Газпромбанк"],
];

describe("companyMatchKey", () => {
  it.each(SAME)("%s = %s", (a, b) => {
    expect(companyMatchKey(a)).toBe(companyMatchKey(b));
    expect(sameCompany(a, b)).toBe(true);
  });

  it.each(DIFFERENT)("%s ≠ %s", (a, b) => {
    expect(companyMatchKey(a)).not.toBe(companyMatchKey(b));
    expect(sameCompany(a, b)).toBe(false);
  });

  it("is lower-case Latin letters and digits only", () => {
    for (const [a, b] of [...SAME, ...DIFFERENT]) {
      expect(companyMatchKey(a)).toMatch(/^[a-z0-9]+$/);
      expect(companyMatchKey(b)).toMatch(/^[a-z0-9]+$/);
    }
  });

  it("is empty for a name with no letters or digits, and such names match nothing", () => {
    expect(companyMatchKey("«»")).toBe("");
    expect(companyMatchKey(" - ")).toBe("");
    expect(sameCompany("", "")).toBe(false);
    expect(sameCompany("«»", "—")).toBe(false);
  });

  it("keeps a name that is only a legal form rather than matching every company", () => {
    expect(companyMatchKey("ООО")).not.toBe("");
    expect(sameCompany("ООО", "ООО «Ромашка»")).toBe(false);
  });

  it("ignores case and surrounding spaces", () => {
    const names = SAME.flat();
    for (const name of names) expect(companyMatchKey(name)).toBe(companyMatchKey(` ${name.toUpperCase()} `));
  });
});
