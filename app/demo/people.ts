import type { Rng } from "./random";

/** Russian names for the demo, with the female forms agreeing with the male ones. */
export type Gender = "male" | "female";

export const MALE_FIRST_NAMES = [
  "Александр", "Дмитрий", "Сергей", "Андрей", "Алексей", "Максим", "Иван", "Михаил", "Евгений",
  "Артём", "Никита", "Павел", "Роман", "Олег", "Владимир", "Денис", "Кирилл", "Игорь", "Антон",
  "Илья", "Константин", "Виталий", "Григорий", "Станислав", "Вадим", "Егор", "Тимур", "Руслан",
] as const;

export const FEMALE_FIRST_NAMES = [
  "Анна", "Елена", "Мария", "Ольга", "Наталья", "Екатерина", "Татьяна", "Ирина", "Юлия",
  "Светлана", "Анастасия", "Марина", "Ксения", "Дарья", "Виктория", "Алина", "Евгения", "Полина",
  "Вера", "Людмила", "Валерия", "Оксана", "Кристина", "Софья",
] as const;

/** Patronymic stems: + "ич" for men, + "на" for women (Сергеевич / Сергеевна). */
const PATRONYMIC_STEMS = [
  "Александров", "Дмитриев", "Сергеев", "Андреев", "Алексеев", "Иванов", "Михайлов", "Владимиров",
  "Николаев", "Викторов", "Петров", "Юрьев", "Олегов", "Анатольев", "Васильев", "Геннадьев",
  "Борисов", "Валерьев", "Игорев", "Евгеньев", "Павлов", "Константинов", "Вячеславов", "Романов",
] as const;

export function patronymic(stemIndex: number, gender: Gender): string {
  return PATRONYMIC_STEMS[stemIndex % PATRONYMIC_STEMS.length] + (gender === "male" ? "ич" : "на");
}

export const SURNAMES = [
  "Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов",
  "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров",
  "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин",
  "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв",
  "Сергеев", "Кузьмин", "Фролов", "Александров", "Дмитриев", "Королёв", "Гусев", "Киселёв",
  "Ильин", "Максимов", "Поляков", "Сорокин", "Виноградов", "Ковалёв", "Белов", "Медведев",
  "Антонов", "Тарасов", "Жуков", "Баранов", "Филиппов", "Комаров", "Давыдов", "Беляев",
  "Герасимов", "Богданов", "Осипов", "Сидоров", "Матвеев", "Титов", "Марков", "Миронов",
  "Крылов", "Куликов", "Карпов", "Власов", "Мельников", "Денисов", "Гаврилов", "Тихонов",
  "Казаков", "Афанасьев", "Данилов", "Савельев", "Тимофеев", "Фомин", "Чернов", "Абрамов",
  "Мартынов", "Ефимов", "Федотов", "Щербаков", "Назаров", "Калинин", "Исаев", "Чернышёв",
  "Быков", "Маслов", "Родионов", "Коновалов", "Лазарев", "Воронин", "Климов", "Филатов",
  "Пономарёв", "Голубев", "Кудрявцев", "Прохоров", "Наумов", "Потапов", "Журавлёв", "Овчинников",
  "Трофимов", "Леонов", "Соболев", "Ермаков", "Колесников", "Гончаров", "Емельянов", "Никифоров",
  "Грачёв", "Котов", "Гришин", "Ефремов", "Архипов", "Громов", "Кириллов", "Малышев",
  "Панов", "Моисеев", "Румянцев", "Акимов", "Кондратьев", "Бирюков", "Горбунов", "Анисимов",
  "Еремеев", "Тихомиров", "Галкин", "Лукьянов", "Михеев", "Скворцов", "Юдин", "Белоусов",
  "Нестеров", "Симонов", "Прокофьев", "Харитонов", "Князев", "Цветков", "Левин", "Митрофанов",
  "Воронов", "Аксёнов", "Софронов", "Мальцев", "Логинов", "Горшков", "Савин", "Краснов",
  "Майоров", "Демидов", "Елисеев", "Рыбаков", "Сафонов", "Плотников", "Буров", "Третьяков",
  "Островский", "Вишневский", "Покровский", "Заречный", "Шевченко", "Бондаренко", "Черных", "Ким",
] as const;

/** Surnames that do not change with gender (Ukrainian -ко, Siberian -ых, Korean). */
export const INVARIANT_SURNAMES: ReadonlySet<string> = new Set(["Шевченко", "Бондаренко", "Черных", "Ким"]);

export function surname(male: string, gender: Gender): string {
  if (gender === "male" || INVARIANT_SURNAMES.has(male)) return male;
  if (/(ский|цкий)$/.test(male)) return male.replace(/ий$/, "ая");
  if (/(ый|ой)$/.test(male)) return male.replace(/(ый|ой)$/, "ая");
  return male + "а"; // -ов/-ев/-ёв/-ин
}

const TRANSLIT: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i", й: "y",
  к: "k", л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f",
  х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch", ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya",
};

/** Passport-style Latin spelling, for e-mail addresses. */
export function transliterate(text: string): string {
  return [...text.toLowerCase()].map((ch) => TRANSLIT[ch] ?? ch).join("");
}

const MAIL_DOMAINS = ["mail.ru", "yandex.ru", "gmail.com", "bk.ru", "inbox.ru", "list.ru", "ya.ru", "rambler.ru"] as const;

export function emailFor(rng: Rng, first: string, last: string, taken: Set<string>): string {
  const f = transliterate(first);
  const l = transliterate(last);
  const local = rng.pick([`${f}.${l}`, `${f[0]}.${l}`, `${l}.${f}`, `${l}${rng.int(70, 99)}`, `${f}${l}`, `${l}_${f[0]}`]);
  const domain = rng.weighted(MAIL_DOMAINS.map((d, i) => [d, i < 3 ? 4 : 1] as const));
  let address = `${local}@${domain}`;
  for (let n = 2; taken.has(address); n++) address = `${local}${n}@${domain}`;
  taken.add(address);
  return address;
}

/** Russian mobile operators' codes (all valid +79XX numbers). */
const MOBILE_CODES = ["903", "905", "906", "909", "910", "915", "916", "917", "919", "925", "926", "929", "962", "965", "968", "977", "985", "999"];

export function mobilePhone(rng: Rng, taken: Set<string>): string {
  let phone: string;
  do phone = `+7${rng.pick(MOBILE_CODES)}${rng.digits(7)}`;
  while (taken.has(phone));
  taken.add(phone);
  return phone;
}

export type PersonName = { firstName: string; lastName: string; middleName: string; gender: Gender };

export function personName(rng: Rng, gender: Gender = rng.chance(0.45) ? "female" : "male"): PersonName {
  return {
    gender,
    firstName: rng.pick(gender === "male" ? MALE_FIRST_NAMES : FEMALE_FIRST_NAMES),
    lastName: surname(rng.pick(SURNAMES), gender),
    middleName: patronymic(rng.int(0, 999), gender),
  };
}
