import type { CompanyListKind } from "@prisma/client";
import { companyMatchKey } from "~/sourcing/company-match";
import { generateCandidates } from "./candidates";
import { generateClients } from "./clients";
import { generateFunnel } from "./funnel";
import { generateInterviews } from "./interviews";
import { funnelSources, generateImports } from "./imports";
import { MAIN_SELLING_LETTER } from "./letters";
import { MAIN_ADJACENT_NICHES, MARKET, SECOND_VACANCY_LISTS, TARGET_INDUSTRY, TARGET_NICHE } from "./market";
import { createRng } from "./random";
import type { DemoCompany, DemoCompanyAlias, DemoData, DemoUser, DemoVacancy, DemoVacancyCompany } from "./types";

/**
 * The whole demo as plain rows: a pump-and-compressor distributor in Moscow hiring two
 * KAMs, its market, ~300 candidates in a realistic funnel and the clients to hand over.
 * Pure and deterministic: the same seed and `now` give the same data.
 */
export const DEMO_SEED = 20_260_301;
export const DEMO_CANDIDATES = 300;

/** The demo accounts documented in the README: keep them exactly as they are. */
export const DEMO_ACCOUNTS = [
  { key: "admin", email: "admin@kam.demo", password: "admin-demo-2026", name: "Андрей Соколов", roles: ["ADMIN"] },
  { key: "recruiter", email: "recruiter@kam.demo", password: "recruiter-demo-2026", name: "Екатерина Смирнова", roles: ["RECRUITER"] },
  { key: "manager", email: "manager@kam.demo", password: "manager-demo-2026", name: "Дмитрий Волков", roles: ["HIRING_MANAGER"] },
  { key: "head", email: "head@kam.demo", password: "head-demo-2026", name: "Игорь Лебедев", roles: ["DEPARTMENT_HEAD"] },
  { key: "recruiter2", email: "olga@kam.demo", password: "olga-demo-2026", name: "Ольга Никитина", roles: ["RECRUITER"] },
] as const;

const DAY = 86_400_000;

const MAIN_DESCRIPTION = `«ПромТехСнаб» — дистрибьютор насосного и компрессорного оборудования с 2004 года. Мы ищем двух менеджеров по работе с ключевыми клиентами: заводы, водоканалы и теплосети, которые покупают у нас на десятки миллионов рублей в год.

Что предстоит: вести 8–12 ключевых клиентов, развивать оборот с каждым, готовить коммерческие предложения с инженерами, встречаться с техническими директорами и службами закупок.

Мы ждём: от 3 лет B2B-продаж оборудования или комплектующих, опыт длинных сделок и тендеров, умение слушать клиента.

Мы предлагаем: оклад + процент от оборота + квартальные бонусы, без потолка; постепенную передачу клиентов с поддержкой руководителя; офис у м. Калужская.

Отбор проходит как конкурс: короткая анкета, групповое интервью, испытательный срок с понятной задачей.`;

export function generateDemo(options: { now: Date; seed?: number }): DemoData {
  const { now } = options;
  const rng = createRng(options.seed ?? DEMO_SEED);

  const users: DemoUser[] = DEMO_ACCOUNTS.map((a) => ({
    id: rng.id(),
    email: a.email,
    name: a.name,
    roles: [...a.roles],
    locale: "ru",
    password: a.password,
  }));
  const user = (key: (typeof DEMO_ACCOUNTS)[number]["key"]) => users[DEMO_ACCOUNTS.findIndex((a) => a.key === key)]!;

  const companies: DemoCompany[] = [];
  const companyAliases: DemoCompanyAlias[] = [];
  const companyIds = new Map<string, string>();
  for (const c of MARKET) {
    const id = rng.id();
    companyIds.set(c.key, id);
    const normalizedName = companyMatchKey(c.name);
    companies.push({ id, name: c.name, normalizedName, industry: c.industry, city: c.city });
    // Spellings the match key already folds ("Пром Тех Снаб") need no alias row.
    const keys = new Set([normalizedName]);
    for (const alias of c.aliases ?? []) {
      const normalized = companyMatchKey(alias);
      if (keys.has(normalized)) continue;
      keys.add(normalized);
      companyAliases.push({ id: rng.id(), companyId: id, alias, normalized });
    }
  }

  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const vacancy = (fields: Omit<DemoVacancy, "id" | "industry" | "hiringManagerId" | "departmentHeadId">): DemoVacancy => ({
    id: rng.id(),
    industry: TARGET_INDUSTRY,
    hiringManagerId: user("manager").id,
    departmentHeadId: user("head").id,
    ...fields,
  });
  const main = vacancy({
    title: "Менеджер по работе с ключевыми клиентами (KAM)",
    city: "Москва",
    niche: TARGET_NICHE,
    openings: 2,
    salaryMinRub: 150_000,
    salaryMaxRub: 250_000,
    status: "OPEN",
    description: MAIN_DESCRIPTION,
    sellingLetter: MAIN_SELLING_LETTER,
    adjacentNiches: [...MAIN_ADJACENT_NICHES],
    recruiterId: user("recruiter").id,
    createdAt: new Date(today - 25 * DAY + 7 * 3_600_000),
  });
  const second = vacancy({
    title: "Менеджер по работе с ключевыми клиентами (Урал)",
    city: "Екатеринбург",
    niche: TARGET_NICHE,
    openings: 1,
    salaryMinRub: 120_000,
    salaryMaxRub: 180_000,
    status: "OPEN",
    description: "Региональный KAM для заводов Урала: 6–8 ключевых клиентов, командировки по области.",
    sellingLetter: null,
    adjacentNiches: [],
    recruiterId: user("recruiter2").id,
    createdAt: new Date(today - 12 * DAY + 8 * 3_600_000),
  });
  const draft = vacancy({
    title: "Менеджер по работе с ключевыми клиентами (Санкт-Петербург)",
    city: "Санкт-Петербург",
    niche: TARGET_NICHE,
    openings: 1,
    salaryMinRub: 140_000,
    salaryMaxRub: 220_000,
    status: "DRAFT",
    description: "Черновик: открываем после закрытия московской вакансии.",
    sellingLetter: null,
    adjacentNiches: [],
    recruiterId: user("recruiter").id,
    createdAt: new Date(today - 3 * DAY + 9 * 3_600_000),
  });

  const vacancyCompanies: DemoVacancyCompany[] = [];
  const mainLists = new Map<string, CompanyListKind>();
  for (const c of MARKET) {
    if (!c.list) continue;
    mainLists.set(companyIds.get(c.key)!, c.list);
    vacancyCompanies.push({ vacancyId: main.id, companyId: companyIds.get(c.key)!, kind: c.list });
  }
  const secondLists = new Map<string, CompanyListKind>();
  for (const [key, kind] of SECOND_VACANCY_LISTS) {
    secondLists.set(companyIds.get(key)!, kind);
    vacancyCompanies.push({ vacancyId: second.id, companyId: companyIds.get(key)!, kind });
  }

  const { profiles, workExperiences } = generateCandidates(rng, now, DEMO_CANDIDATES, companyIds);
  const { applications, stageChanges } = generateFunnel({
    rng,
    now,
    profiles,
    companyNames: new Map(companies.map((c) => [c.id, c.name])),
    main: { vacancy: main, criteria: { lists: mainLists, niches: main.adjacentNiches } },
    second: { vacancy: second, criteria: { lists: secondLists, niches: second.adjacentNiches } },
    actors: { recruiters: [user("recruiter").id, user("recruiter2").id], hiringManager: user("manager").id },
  });
  const head = user("head");
  // Its own random numbers (seeded from the demo's): everything below stays as it was.
  const { stageChanges: timed, interviews } = generateInterviews({
    now,
    seed: options.seed ?? DEMO_SEED,
    vacancyId: main.id,
    applications,
    stageChanges,
    candidates: profiles.map((p) => p.candidate),
    actors: { recruiter: user("recruiter").id, hiringManager: user("manager").id, head: head.id },
  });
  const { accountManagers, clients } = generateClients(rng, head);
  const imports = generateImports({ rng, now, funnel: { candidates: profiles.map((p) => p.candidate), workExperiences } });

  return {
    organization: {
      id: rng.id(),
      name: "ООО «ПромТехСнаб»",
      industry: TARGET_INDUSTRY,
      city: "Москва",
      createdAt: new Date(today - 30 * DAY),
    },
    users,
    companies,
    companyAliases,
    vacancies: [main, second, draft],
    vacancyCompanies,
    candidates: profiles.map((p) => p.candidate),
    workExperiences,
    sourceRecords: funnelSources(
      profiles.map((p) => p.candidate),
      workExperiences,
      rng.id,
    ),
    applications,
    stageChanges: timed,
    accountManagers,
    clients,
    imports,
    interviews,
  };
}
