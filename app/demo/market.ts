import type { CompanyListKind } from "@prisma/client";

/**
 * The demo's labour market: the employers candidates come from, seen from a
 * distributor of pumps and compressors (the hiring company, «ПромТехСнаб»).
 * Fictional names; any likeness to a real company is a coincidence.
 */
export const TARGET_INDUSTRY = "Промышленное оборудование";
export const TARGET_NICHE = "Насосное и компрессорное оборудование";
export const ADJACENT_INDUSTRIES = [
  "Трубопроводная арматура",
  "Промышленная автоматика",
  "Инструмент и оснастка",
  "Подшипники и приводная техника",
] as const;

/**
 * The main vacancy's adjacent niches: any job in these industries makes a candidate
 * adjacent, even at a company on no list. «Инструмент и оснастка» is left to the list.
 */
export const MAIN_ADJACENT_NICHES = ["трубопроводная арматура", "промышленная автоматика", "подшипники"] as const;

export type Segment = "target" | "adjacent" | "open";

export type MarketCompany = {
  /** Short key the demo refers to the company by. */
  key: string;
  name: string;
  industry: string;
  city: string;
  segment: Segment;
  aliases?: string[];
  /** Place on the main KAM vacancy's lists. */
  list?: CompanyListKind;
};

const t = (key: string, name: string, city: string, list?: CompanyListKind, aliases?: string[]): MarketCompany => ({
  key, name, industry: TARGET_INDUSTRY, city, segment: "target", list, aliases,
});
const a = (key: string, name: string, industry: string, list?: CompanyListKind, aliases?: string[]): MarketCompany => ({
  key, name, industry, city: "Москва", segment: "adjacent", list, aliases,
});
const o = (key: string, name: string, industry: string, city = "Москва", aliases?: string[]): MarketCompany => ({
  key, name, industry, city, segment: "open", aliases,
});

export const OWN_COMPANY_KEY = "promtehsnab";

export const MARKET: readonly MarketCompany[] = [
  t(OWN_COMPANY_KEY, "ООО «ПромТехСнаб»", "Москва", undefined, ["PromTechSnab LLC", "Пром Тех Снаб"]),
  t("gidromash", "ООО «Гидромаш»", "Москва", "TARGET", ["Gidromash LLC"]),
  t("nasostrade", "АО «НасосТрейд»", "Москва", "TARGET", ["NasosTrade JSC", "Насос Трейд"]),
  t("kompressorsnab", "ООО «КомпрессорСнаб»", "Москва", "TARGET", ["KompressorSnab"]),
  t("pns", "ООО «ПромНасосСервис»", "Москва", "TARGET", ["ПНС", "PromNasosService"]),
  t("snz", "АО «Северный насосный завод»", "Санкт-Петербург", "TARGET", ["СНЗ", "Severny Pump Plant JSC"]),
  t("turbokomp", "ООО «ТурбоКомп»", "Москва", "TARGET", ["TurboComp LLC", "Турбо-Комп"]),
  t("akvatehprom", "ООО «АкваТехПром»", "Москва", "TARGET", ["AquaTechProm"]),
  t("uralkompressor", "ООО «УралКомпрессор»", "Екатеринбург", "TARGET", ["UralKompressor LLC"]),
  t("pnevmoteh", "ООО «ПневмоТех»", "Москва", "EXCLUDED"),
  t("promagregat", "ООО «ПромАгрегат»", "Москва", "EXCLUDED", ["Промагрегат-М"]),
  t("energopromsnab", "ООО «ЭнергоПромСнаб»", "Москва", "EXCLUDED"),
  t("sibnasos", "ООО «СибНасос»", "Новосибирск"),
  t("volgagidro", "ООО «ВолгаГидро»", "Нижний Новгород", undefined, ["VolgaGidro"]),
  t("tehnovakuum", "АО «ТехноВакуум»", "Москва"),
  t("mosgidroservis", "ООО «МосГидроСервис»", "Москва"),
  t("inzhprom", "ООО «ИнжПромСистемы»", "Москва"),
  t("ventprommash", "ООО «ВентПромМаш»", "Москва"),
  t("gidrotehnika", "ООО «ГидроТехника»", "Казань"),
  t("rosenergoteh", "АО «Росэнерготех»", "Москва"),

  a("armatek", "ООО «АрмаТек»", "Трубопроводная арматура", "ADJACENT", ["ArmaTek LLC"]),
  a("tpa", "АО «ТПА-Групп»", "Трубопроводная арматура", "ADJACENT", ["ТПА", "TPA Group"]),
  a("ventilplus", "ООО «Вентиль Плюс»", "Трубопроводная арматура"),
  a("armkomplekt", "ООО «АрматураКомплект»", "Трубопроводная арматура", "ADJACENT"),
  a("avtomatikapro", "ООО «АвтоматикаПро»", "Промышленная автоматика", "ADJACENT", ["AvtomatikaPro"]),
  a("promkontrol", "ООО «Промконтроль»", "Промышленная автоматика", "ADJACENT"),
  a("datchikservis", "ООО «ДатчикСервис»", "Промышленная автоматика"),
  a("elprivod", "ООО «ЭлектроПривод Комплект»", "Промышленная автоматика", undefined, ["ЭПК"]),
  a("instrumentopt", "ООО «ИнструментОптТорг»", "Инструмент и оснастка", "ADJACENT", ["ИОТ"]),
  a("tehosnastka", "ООО «Техоснастка»", "Инструмент и оснастка"),
  a("metalloinstrument", "ООО «МеталлоИнструмент»", "Инструмент и оснастка"),
  a("podshipniksnab", "ООО «ПодшипникСнаб»", "Подшипники и приводная техника"),
  a("reduktortorg", "ООО «РедукторТорг»", "Подшипники и приводная техника"),

  o("vkusnydom", "ООО «Вкусный дом»", "FMCG"),
  o("sladprom", "АО «СладПром»", "FMCG", "Москва", ["SladProm JSC"]),
  o("chistoliniya", "ООО «ЧистоЛиния»", "FMCG"),
  o("molochnyereki", "ООО «Молочные реки»", "FMCG", "Тула"),
  o("datasoft", "ООО «ДатаСофт»", "IT", "Москва", ["DataSoft LLC"]),
  o("oblakoteh", "ООО «ОблакоТех»", "IT"),
  o("infosistemy", "АО «ИнфоСистемы Плюс»", "IT"),
  o("bizavtomatizatsiya", "ООО «Бизнес-Автоматизация»", "IT"),
  o("gruzexpress", "ООО «ГрузЭкспресс»", "Логистика"),
  o("translogistik", "ООО «ТрансЛогистик»", "Логистика", "Москва", ["TransLogistic LLC"]),
  o("skladservis", "ООО «СкладСервис»", "Логистика"),
  o("severnyput", "АО «Северный путь Логистика»", "Логистика", "Санкт-Петербург"),
  o("bankrazvitie", "АО «Банк Развитие»", "Банки"),
  o("stolichnykredit", "ПАО «Столичный кредит»", "Банки", "Москва", ["Столичный кредит банк"]),
  o("finkapital", "АО «ФинКапитал Банк»", "Банки"),
  o("svyaztelekom", "ПАО «СвязьТелеком»", "Телеком"),
  o("netline", "ООО «НетЛайн»", "Телеком"),
  o("strojmaterialy", "ООО «СтройМатериалы Опт»", "Строительные материалы"),
  o("cementtorg", "ООО «ЦементТорг»", "Строительные материалы", "Екатеринбург"),
  o("krovlyaprofi", "ООО «КровляПрофи»", "Строительные материалы"),
  o("himpromsnab", "ООО «ХимПромСнаб»", "Химия", "Екатеринбург"),
  o("farmadistr", "ООО «ФармаДистрибуция»", "Фармацевтика"),
  o("avtozapchast", "ООО «АвтоЗапчасть Опт»", "Автозапчасти"),
  o("ofiskomplekt", "ООО «ОфисКомплект»", "Канцелярские товары"),
  o("mediareklama", "ООО «МедиаРеклама»", "Реклама"),
  o("elektroopt", "ООО «ЭлектроОпт»", "Электротехника", "Екатеринбург"),
  o("profkuhnya", "ООО «ПрофКухня»", "Оборудование для HoReCa"),
  o("upakcentr", "ООО «УпакЦентр»", "Упаковка"),
];

/** Employers too small to be in the company list: work history keeps only their name. */
export const UNLISTED_EMPLOYERS: ReadonlyArray<readonly [name: string, industry: string]> = [
  ["ИП Кузнецов А. В.", "Оптовая торговля"],
  ["ТД «Спецоборудование»", TARGET_INDUSTRY],
  ["ООО «Альфа-Трейд»", "Оптовая торговля"],
  ["ООО «Вектор»", "Строительные материалы"],
  ["ООО «Регион-Снаб»", TARGET_INDUSTRY],
  ["ООО «СтройТехИнвест»", "Строительство"],
];

/** The Yekaterinburg vacancy's own lists. */
export const SECOND_VACANCY_LISTS: ReadonlyArray<readonly [key: string, kind: CompanyListKind]> = [
  ["uralkompressor", "TARGET"],
  ["gidromash", "TARGET"],
  ["elektroopt", "ADJACENT"],
  ["pnevmoteh", "EXCLUDED"],
];

/** The core of a name in «quotes»: "ООО «Гидромаш»" → "Гидромаш". */
export function coreName(name: string): string {
  return /«(.+)»/.exec(name)?.[1] ?? name;
}
