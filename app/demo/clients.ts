import type { ClientSegment } from "@prisma/client";
import type { Rng } from "./random";
import type { DemoAccountManager, DemoClient } from "./types";

/**
 * The book of clients a KAM hands over: buyers of pumps and compressors (utilities,
 * plants, farms). KEY clients bring most of the turnover and belong to the departing
 * KAM; TRAINING ones are small, for a newcomer's probation task.
 */
type ClientSeed = readonly [name: string, city: string];

const KEY: ClientSeed[] = [
  ["ПАО «НефтеХимСинтез»", "Нижний Новгород"],
  ["АО «ТеплоЭнергоСбыт»", "Москва"],
  ["АО «Подмосковные тепловые сети»", "Балашиха"],
  ["ООО «МеталлургИнвест-Ремонт»", "Липецк"],
  ["АО «ГорВодоканал»", "Тула"],
  ["ООО «АгроХолдинг Заречье»", "Белгород"],
  ["АО «Химзавод Северный»", "Ярославль"],
  ["ООО «ЦентрЭнергоМонтаж»", "Москва"],
];

const REGULAR: ClientSeed[] = [
  ["ООО «СтройИнжиниринг»", "Москва"],
  ["ООО «Котельные системы»", "Москва"],
  ["ООО «ТеплоМонтаж-М»", "Мытищи"],
  ["АО «Калужский пивоваренный комплекс»", "Калуга"],
  ["ООО «Рязанская нефтесервисная компания»", "Рязань"],
  ["ООО «ВодоСтройПроект»", "Москва"],
  ["ООО «Тверской молочный завод»", "Тверь"],
  ["ООО «ИнжКомСервис»", "Подольск"],
  ["ООО «Владимирский литейный двор»", "Владимир"],
  ["ООО «ЭкоОчистка»", "Москва"],
  ["АО «Мосавтосервис»", "Москва"],
  ["ООО «Коломенские теплицы»", "Коломна"],
  ["ООО «ГазТеплоСервис»", "Тула"],
  ["ООО «ПромВентМонтаж»", "Москва"],
  ["ООО «Сахарный комбинат Отрада»", "Липецк"],
  ["ООО «Ярославская ТЭК»", "Ярославль"],
  ["ООО «БетонСтрой Плюс»", "Люберцы"],
  ["ООО «Химволокно-Сервис»", "Калуга"],
  ["ООО «Аква-Парк Заря»", "Москва"],
  ["АО «Рязанский картонный завод»", "Рязань"],
  ["ООО «Коммунальные системы Одинцово»", "Одинцово"],
  ["ООО «ТехноЛифт»", "Москва"],
  ["ООО «СпецМонтажАвтоматика»", "Королёв"],
  ["ООО «Птицефабрика Раздолье»", "Белгород"],
  ["ООО «ГидроСтройМонтаж»", "Москва"],
];

const TRAINING: ClientSeed[] = [
  ["ООО «Фермерское хозяйство Лесное»", "Тверь"],
  ["ООО «АвтоМойка Профи»", "Москва"],
  ["ООО «Бассейн-Сервис»", "Химки"],
  ["ООО «Теплица Плюс»", "Коломна"],
  ["ООО «ЖК Сервис Одинцово»", "Одинцово"],
  ["ИП Громов Н. А.", "Калуга"],
  ["ООО «Пекарня Хлебный двор»", "Москва"],
];

/** Tax regions by city: the first two digits of an INN. */
const REGION: Record<string, string> = {
  Москва: "77", Балашиха: "50", Мытищи: "50", Подольск: "50", Люберцы: "50", Одинцово: "50",
  Коломна: "50", Химки: "50", Королёв: "50", Тула: "71", Липецк: "48", Белгород: "31",
  "Нижний Новгород": "52", Калуга: "40", Ярославль: "76", Рязань: "62", Владимир: "33", Тверь: "69",
};

/** A 10-digit organisation INN with a valid check digit. */
export function organisationInn(rng: Rng, city: string): string {
  const body = (REGION[city] ?? "77") + rng.digits(7);
  const weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(body[i]), 0);
  return body + ((sum % 11) % 10);
}

export type ClientBook = { accountManagers: DemoAccountManager[]; clients: DemoClient[] };

/** Annual turnover bounds per segment, in millions of roubles. */
const TURNOVER_MLN: Record<ClientSegment, readonly [number, number]> = {
  KEY: [40, 400],
  REGULAR: [3, 35],
  TRAINING: [0.5, 4],
};

export function generateClients(rng: Rng, departmentHeadUser: { id: string; name: string; email: string }): ClientBook {
  const departing: DemoAccountManager = {
    id: rng.id(), name: "Виктор Кравцов", email: "v.kravtsov@promtehsnab.ru", userId: null, active: true,
  };
  const head: DemoAccountManager = {
    id: rng.id(), name: departmentHeadUser.name, email: departmentHeadUser.email, userId: departmentHeadUser.id, active: true,
  };
  const other: DemoAccountManager = {
    id: rng.id(), name: "Марина Белова", email: "m.belova@promtehsnab.ru", userId: null, active: true,
  };

  const clients: DemoClient[] = [];
  const add = (segment: ClientSegment, [name, city]: ClientSeed, ownerId: string | null, turnover?: bigint) => {
    const [min, max] = TURNOVER_MLN[segment];
    // Rounded to 100 000 roubles, as a sales report would show it.
    const hundredThousands = rng.int(min * 10, max * 10);
    clients.push({
      id: rng.id(),
      name,
      inn: organisationInn(rng, city),
      city,
      segment,
      annualTurnoverRub: turnover ?? BigInt(hundredThousands) * 100_000n,
      ownerId,
    });
  };
  // The departing KAM holds most key clients: the reason a handover plan is needed.
  KEY.forEach((c, i) => add("KEY", c, i < 6 ? departing.id : other.id));
  REGULAR.forEach((c, i) => add("REGULAR", c, i % 5 === 4 ? head.id : i % 2 ? departing.id : other.id));
  // Nobody has worked the last training clients yet: room for a "grow by 30%" task.
  TRAINING.forEach((c, i) => add("TRAINING", c, i < 5 ? head.id : null, i === TRAINING.length - 1 ? 0n : undefined));

  return { accountManagers: [departing, head, other], clients };
}
