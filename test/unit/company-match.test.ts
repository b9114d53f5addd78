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
    // legal forms at either end, repeatedly, spelled out, in Cyrillic letters
    ["ООО «Ромашка» (АО)", "ромашка"],
    ["LLC «Romashka» Ltd.", "romashka"],
    ["Limited Liability Company «Romashka»", "romashka"],
    ["Romashka Public Limited Company", "romashka"],
    ["Ромашка Лтд", "ромашка"],
    ["Ромашка Лимитед", "ромашка"],
    ["Ромашка Инк.", "ромашка"],
    ["Ромашка ГмбХ", "ромашка"],
    ["Ромашка Корп.", "ромашка"],
    ["Siemens AG", "siemens"],
    ["PJSC Gazprom", "gazprom"],
    // look-alike letters of the other script, in the word's own script
    ["Cбербанк", "сбербанк"], // Latin C
    ["Газпрoм", "газпром"], // Latin o
    ["CБEPБAНK", "сбербанк"], // Latin C, E, P, A, K
    ["Gazprоm", "gazprom"], // Cyrillic о
    ["ПAO «Газпром»", "газпром"], // Latin A and O in the legal form
    ["ДелоPRO", "делоpro"], // a Latin suffix on purpose
    ["СтройMAX", "стройmax"],
  ])("%s → %s", (name, normalized) => {
    expect(normalizeCompanyName(name)).toBe(normalized);
  });

  it.each([
    // a legal-form word inside a name, or at an end where that form is never written
    ["AG Technologies", "ag technologies"],
    ["Ltd Group", "ltd group"],
    ["Inc Studio", "inc studio"],
    ["Plc Partners", "plc partners"],
    ["LLP Partners", "llp partners"],
    ["Co Working", "co working"],
    ["Limited Edition", "limited edition"],
    ["Корп Сервис", "корп сервис"],
    ["Лтд Групп", "лтд групп"],
    ["Ромашка ООО Трейд", "ромашка ооо трейд"],
    ["Корпорация «Ромашка»", "корпорация ромашка"],
    // never everything: the last word stays
    ["Ltd.", "ltd"],
    ["Co., Ltd.", "co"],
    ["ООО АО", "ао"],
    ["Общество с ограниченной ответственностью", "общество с ограниченной ответственностью"],
  ])("keeps the legal-form words of %s: %s", (name, normalized) => {
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
  // a legal form at either end, as Russian and foreign names write it, in either script
  ["LLC Romashka", "ООО «Ромашка»"],
  ["JSC «Romashka»", "АО Ромашка"],
  ["Romashka, OOO", "Ромашка"],
  ["ООО «Ромашка» (ПАО)", "Ромашка"],
  ["AO Kaspersky Lab", "Kaspersky Lab"],
  ["Siemens AG", "Siemens"],
  ["Technologies AG", "Technologies"],
  ["Group Ltd", "Group"],
  ["Studio Inc.", "Studio"],
  ["Partners Plc", "Partners LLP"],
  ["Ромашка Лтд", "Romashka Ltd"],
  ["Ромашка Инк.", "Romashka Inc."],
  ["Ромашка ГмбХ", "Romashka GmbH"],
  ["Ромашка Корп.", "Romashka Corp."],
  ["Ромашка Лимитед", "Ромашка"],
  // Latin "yo": й+о at a word's start or after a vowel, ё after a consonant
  ["Йота", "Yota"],
  ["ООО «Йота»", "Yota LLC"],
  ["Йогурт", "Yogurt"],
  ["Йошкар-Ола", "Yoshkar-Ola"],
  ["Йошкар-Ола", "Joshkar-Ola"],
  ["Йошкар-Олинский хлебокомбинат", "Yoshkar-Olinsky Khlebokombinat"],
  ["Йод-Фарм", "Yod-Pharm"],
  ["Майонез", "Mayonez"],
  ["Район-Строй", "Rayon-Stroy"],
  ["Майор", "Major"],
  ["Ёлки-Палки", "Yolki-Palki"],
  ["Берёзка", "Beryozka"],
  ["Звёздный", "Zvyozdny"],
  ["Семёнов и партнёры", "Semyonov i Partnyory"],
  ["Фёдоров", "Fyodorov"],
  ["Пётр Первый", "Pyotr Pervyy"],
  ["Объём", "Obyom"],
  ["Северный Океан", "Severny Okean"],
  // look-alike letters of the other script inside a word
  ["Cбербанк", "Сбербанк"], // Latin C
  ["ПАО «Cбербанк»", "Sberbank PJSC"],
  ["Газпрoм", "Газпром"], // Latin o
  ["Газпрoм", "Gazprom"],
  ["Гaзпрoм нефть", "Газпром нефть"],
  ["CБEPБAНK", "Сбербанк"],
  ["Ромашкa", "Ромашка"], // Latin a at the end
  ["ООО «Pомашка»", "Romashka"], // Latin P at the start
  ["Gazprоm", "Gazprom"], // Cyrillic о
  ["Sbеrbank", "Sberbank"], // Cyrillic е
  ["ПAO «Газпром»", "Газпром"],
  ["ДелоPRO", "Дело PRO"],
  ["СтройMAX", "Строй MAX"],
  ["СтройMAX", "СтройМакс"],
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
  // a legal-form word that is part of the name: only the ends where that form is written count
  ["AG Technologies", "Technologies"],
  ["Ltd Group", "Group"],
  ["Inc Studio", "Studio"],
  ["Inc Studio", "Studio Inc"],
  ["Plc Partners", "LLP Partners"],
  ["Plc Partners", "Partners"],
  ["Co Working", "Working"],
  ["Limited Edition", "Edition"],
  ["Лтд Групп", "Групп"],
  ["Инк Студио", "Студио"],
  ["Корпорация «Ромашка»", "Ромашка"],
  ["Ромашка ООО Трейд", "Ромашка Трейд"],
  ["ООО", "АО"],
  // after a vowel "yo" is й+о, not ё
  ["Район", "Раен"],
  ["Mayonez", "Маенез"],
  // look-alike letters join one word's spellings, never two words
  ["Cбербанк", "Сбербанк Лизинг"],
  ["Газпрoм", "Газпромбанк"],
  ["СтройMAX", "Строймах"],
  ["ДелоPRO", "Делоро"],
  ["1С", "1С-Битрикс"],
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
