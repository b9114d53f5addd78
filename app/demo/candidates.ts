import type { CandidateSource } from "@prisma/client";
import { MARKET, OWN_COMPANY_KEY, UNLISTED_EMPLOYERS, coreName, type MarketCompany, type Segment } from "./market";
import { emailFor, mobilePhone, personName, type Gender } from "./people";
import type { Rng } from "./random";
import type { TierJob } from "~/sourcing/tiers";
import type { DemoCandidate, DemoWorkExperience } from "./types";

/** What the funnel needs to know about a generated candidate besides its row. */
export type CandidateProfile = {
  candidate: DemoCandidate;
  gender: Gender;
  /** 0 junior salesperson … 3 sales team lead. */
  seniority: number;
  employerIds: Array<string | null>;
  /** The work history as the tier rules read it. */
  jobs: TierJob[];
};

export const TITLES: readonly (readonly string[])[] = [
  ["Менеджер по продажам", "Специалист отдела продаж", "Инженер по продажам", "Менеджер по работе с клиентами"],
  ["Старший менеджер по продажам", "Account manager", "Менеджер по развитию бизнеса", "Региональный менеджер по продажам", "Ведущий инженер по продажам"],
  ["Key Account Manager", "Менеджер по работе с ключевыми клиентами", "KAM", "Менеджер по работе с ключевыми клиентами"],
  ["Руководитель группы продаж", "Руководитель направления по работе с ключевыми клиентами", "Руководитель отдела продаж"],
];

/** Expected monthly salary range by seniority, whole roubles. */
export const SALARY: ReadonlyArray<readonly [number, number]> = [
  [100_000, 150_000],
  [130_000, 190_000],
  [170_000, 260_000],
  [220_000, 320_000],
];

const MOSCOW_REGION = ["Химки", "Мытищи", "Балашиха", "Подольск", "Королёв", "Красногорск", "Люберцы", "Одинцово", "Реутов"];
const OTHER_CITIES = ["Санкт-Петербург", "Нижний Новгород", "Казань", "Тула", "Ярославль", "Калуга", "Рязань", "Воронеж"];

type Profile = "target" | "adjacent" | "open" | "excluded" | "internal";

const PROFILE_SEGMENTS: Record<Profile, ReadonlyArray<readonly [Segment, number]>> = {
  target: [["target", 8], ["adjacent", 1], ["open", 1]],
  adjacent: [["adjacent", 7], ["target", 1], ["open", 2]],
  open: [["open", 9], ["adjacent", 1]],
  excluded: [["target", 6], ["adjacent", 2], ["open", 2]],
  internal: [["target", 5], ["adjacent", 2], ["open", 3]],
};

const CONSENT_TEXT =
  "Я согласен(на) на обработку моих персональных данных ООО «ПромТехСнаб» для подбора персонала в соответствии с Политикой конфиденциальности.";
export { CONSENT_TEXT };

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

function monthStart(now: Date, monthsAgo: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1));
}

/** The employer's name the way a resume writes it: official, short, or an alias. */
function asWritten(rng: Rng, company: MarketCompany): string {
  const core = coreName(company.name);
  const form = company.name.split(" ")[0];
  return rng.weighted<string>([
    [company.name, 5],
    [core, 3],
    [`${core}, ${form}`, 1],
    [rng.pick(company.aliases?.length ? company.aliases : [company.name]), 2],
  ]);
}

export function generateCandidates(
  rng: Rng,
  now: Date,
  count: number,
  companyIds: ReadonlyMap<string, string>,
): { profiles: CandidateProfile[]; workExperiences: DemoWorkExperience[] } {
  const bySegment = (segment: Segment, excluded: boolean) =>
    MARKET.filter((c) => c.segment === segment && c.key !== OWN_COMPANY_KEY && (c.list === "EXCLUDED") === excluded);
  const pools: Record<Segment, MarketCompany[]> = {
    target: bySegment("target", false),
    adjacent: bySegment("adjacent", false),
    open: bySegment("open", false),
  };
  const excludedCompanies = bySegment("target", true);
  const own = MARKET.find((c) => c.key === OWN_COMPANY_KEY)!;

  const emails = new Set<string>();
  const phones = new Set<string>();
  const externalIds = new Set<string>();
  const profiles: CandidateProfile[] = [];
  const workExperiences: DemoWorkExperience[] = [];

  for (let i = 0; i < count; i++) {
    const profile = rng.weighted<Profile>([["target", 35], ["adjacent", 25], ["open", 30], ["excluded", 5], ["internal", 5]]);
    const name = personName(rng);
    const seniority = rng.weighted([[0, 25], [1, 35], [2, 30], [3, 10]] as const);
    const jobs = rng.weighted([[1, 20], [2, 35], [3, 30], [4, 15]] as const);
    const id = rng.id();

    // Work history from the latest job backwards, titles growing towards `seniority`.
    const employers: Array<{ company: MarketCompany | null; unlisted?: readonly [string, string] }> = [];
    for (let j = 0; j < jobs; j++) {
      if (j > 0 && rng.chance(0.08)) {
        employers.push({ company: null, unlisted: rng.pick(UNLISTED_EMPLOYERS) });
      } else {
        // A second stint at the same employer happens; three in a row would look generated.
        const previous = employers.at(-1)?.company;
        let company = rng.pick(pools[rng.weighted(PROFILE_SEGMENTS[profile])]);
        if (company === previous && employers.at(-2)?.company === previous) company = rng.pick(pools.open);
        employers.push({ company });
      }
    }
    if (profile === "excluded") employers[rng.int(0, jobs - 1)] = { company: rng.pick(excludedCompanies) };
    if (profile === "internal") employers[0] = { company: own };

    let end: Date | null = rng.chance(0.85) || profile === "internal" ? null : monthStart(now, rng.int(1, 6));
    let cursor = end ? rng.int(1, 6) : 0;
    const employerIds: Array<string | null> = [];
    const tierJobs: TierJob[] = [];
    let currentTitle = "";
    employers.forEach((employer, j) => {
      const started = cursor + rng.int(j === 0 ? 6 : 12, j === 0 ? 60 : 48);
      const level = Math.max(0, seniority - j + (j > 0 && rng.chance(0.3) ? 1 : 0));
      const title = rng.pick(TITLES[Math.min(level, seniority)]!);
      if (j === 0) currentTitle = title;
      const companyId = employer.company ? companyIds.get(employer.company.key)! : null;
      employerIds.push(companyId);
      const job: DemoWorkExperience = {
        id: rng.id(),
        candidateId: id,
        companyId,
        companyName: employer.company ? asWritten(rng, employer.company) : employer.unlisted![0],
        industry: employer.company ? employer.company.industry : employer.unlisted![1],
        title,
        startedOn: monthStart(now, started),
        endedOn: end,
      };
      workExperiences.push(job);
      tierJobs.push({ ...job, startedOn: isoDate(job.startedOn), endedOn: job.endedOn && isoDate(job.endedOn) });
      end = monthStart(now, started - rng.int(0, 2));
      cursor = started;
    });

    const source: CandidateSource =
      profile === "internal"
        ? "INTERNAL"
        : rng.weighted<CandidateSource>([["HH", 52], ["SUPERJOB", 15], ["INBOUND", 16], ["REFERRAL", 11], ["MANUAL", 6]]);
    let externalId: string | null = null;
    while (source === "HH" || source === "SUPERJOB") {
      externalId = source === "HH" ? Array.from({ length: 38 }, () => rng.int(0, 15).toString(16)).join("") : rng.digits(8);
      if (!externalIds.has(externalId)) break;
    }
    if (externalId) externalIds.add(externalId);

    const city =
      profile === "internal"
        ? "Москва"
        : rng.weighted<string>([["Москва", 55], [rng.pick(MOSCOW_REGION), 20], ["Екатеринбург", 8], [rng.pick(OTHER_CITIES), 17]]);
    const [minSalary, maxSalary] = SALARY[seniority]!;

    profiles.push({
      gender: name.gender,
      seniority,
      employerIds,
      jobs: tierJobs,
      candidate: {
        id,
        firstName: name.firstName,
        lastName: name.lastName,
        middleName: name.middleName,
        email: emailFor(rng, name.firstName, name.lastName, emails),
        phone: mobilePhone(rng, phones),
        city,
        currentTitle,
        salaryExpectationRub: rng.int(minSalary / 10_000, maxSalary / 10_000) * 10_000,
        source,
        externalId,
        consentAt: null,
        consentText: null,
        doNotContact: false,
        doNotContactAt: null,
        createdAt: new Date(now.getTime() - rng.int(2, 30) * 86_400_000),
      },
    });
  }
  return { profiles, workExperiences };
}
