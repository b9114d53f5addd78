import { fingerprintOf } from "~/sourcing/ingest-keys";
import { type CandidateRecord, type JobRecord } from "~/sourcing/record";
import { hhRecord, type ResumePerson, superjobRecord } from "./boards";
import { SALARY, TITLES } from "./candidates";
import { ADJACENT_INDUSTRIES, coreName, MAIN_ADJACENT_NICHES, MARKET, type MarketCompany, OWN_COMPANY_KEY } from "./market";
import { emailFor, mobilePhone, personName } from "./people";
import type { Rng } from "./random";
import type { DemoCandidate, DemoSourceRecord, DemoWorkExperience } from "./types";

/**
 * Two resume searches the recruiter ran for the main vacancy, on hh.ru and SuperJob,
 * as the records the importers produce. The seed feeds them to the real ingest step,
 * which matches companies, de-duplicates people (some resumes are on both boards, a
 * few people are already in the funnel), tiers them and fills their search text.
 */
export const HH_RESUMES = 200;
/** SuperJob resumes of people the hh.ru search also found (e-mail in other case, phone in other format). */
export const BOTH_BOARDS = 30;
/** SuperJob resumes of people already in the funnel. */
export const ALREADY_KNOWN = 8;
export const SUPERJOB_ONLY = 52;

export type DemoImportBatch = {
  id: string;
  source: "HH" | "SUPERJOB";
  adapter: string;
  label: string;
  createdAt: Date;
  committedAt: Date;
  records: CandidateRecord[];
};

/** Employers not in the catalog yet: the import adds them, under whatever spelling comes first. */
const NEW_EMPLOYERS: ReadonlyArray<{ names: readonly string[]; industry: string; niche: boolean }> = [
  { names: ["ООО «Гидравлика-Центр»", "Гидравлика Центр", "Gidravlika-Centr LLC"], industry: "Промышленное оборудование", niche: false },
  { names: ["ООО «АрмаСтрой»", "Армастрой", "ArmaStroy"], industry: "Трубопроводная арматура", niche: true },
  { names: ["ООО «Автоматика-Сервис»", "АВТОМАТИКА СЕРВИС"], industry: "Промышленная автоматика", niche: true },
  { names: ["АО «ПодшипникМаш»", "Подшипникмаш"], industry: "Подшипники и приводная техника", niche: true },
  { names: ["ООО «МегаОпт»", "MegaOpt LLC", "Мега Опт"], industry: "Оптовая торговля", niche: false },
  { names: ["ООО «ЛогистПро»", "LogistPro"], industry: "Логистика", niche: false },
];

type Employer = { names: readonly string[]; industry: string };
type Profile = "target" | "adjacent" | "niche" | "open" | "excluded";

const nicheIndustries = new Set<string>(
  ADJACENT_INDUSTRIES.filter((industry) => MAIN_ADJACENT_NICHES.some((n) => industry.toLowerCase().includes(n))),
);

/** The ways a resume writes a catalog company: official, bare, upper case, form after, an alias. */
function spellings(company: MarketCompany): string[] {
  const core = coreName(company.name);
  const form = company.name.split(" ")[0];
  return [company.name, company.name, core, core.toUpperCase(), `${core}, ${form}`, ...(company.aliases ?? [])];
}

function employerPools(): Record<Profile, Employer[]> {
  const market = MARKET.filter((c) => c.key !== OWN_COMPANY_KEY);
  const of = (companies: MarketCompany[]): Employer[] => companies.map((c) => ({ names: spellings(c), industry: c.industry }));
  const fresh = (niche: boolean) => NEW_EMPLOYERS.filter((e) => e.niche === niche);
  return {
    target: of(market.filter((c) => c.list === "TARGET")),
    adjacent: of(market.filter((c) => c.list === "ADJACENT")),
    niche: [...of(market.filter((c) => !c.list && nicheIndustries.has(c.industry))), ...fresh(true)],
    open: [...of(market.filter((c) => c.segment === "open")), ...of(market.filter((c) => c.segment === "target" && !c.list)), ...fresh(false)],
    excluded: of(market.filter((c) => c.list === "EXCLUDED")),
  };
}

const isoMonth = (now: Date, monthsAgo: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1)).toISOString().slice(0, 10);

function workHistory(rng: Rng, now: Date, profile: Profile, seniority: number, pools: Record<Profile, Employer[]>): JobRecord[] {
  const count = rng.weighted([[1, 20], [2, 40], [3, 30], [4, 10]] as const);
  const employers = Array.from({ length: count }, (_, j) =>
    rng.pick(pools[j === 0 || rng.chance(0.5) ? (profile === "excluded" ? "target" : profile) : "open"]),
  );
  if (profile === "excluded") employers[rng.int(0, count - 1)] = rng.pick(pools.excluded);
  let ended = rng.chance(0.8) ? null : 1 + rng.int(0, 5);
  let cursor = ended ?? 0;
  return employers.map((employer, j) => {
    const started = cursor + rng.int(j === 0 ? 6 : 12, j === 0 ? 54 : 42);
    const title = rng.pick(TITLES[Math.max(0, seniority - (j > 1 ? 1 : 0))]!);
    const job = {
      companyName: rng.pick(employer.names),
      industry: rng.chance(0.85) ? employer.industry : null,
      title,
      startedOn: isoMonth(now, started),
      endedOn: ended === null ? null : isoMonth(now, ended),
    };
    ended = started - rng.int(0, 1);
    cursor = started;
    return job;
  });
}

/** The same address as typed on another board: "Ivan.Petrov@Mail.RU". */
function otherCase(email: string): string {
  const [local = "", domain = ""] = email.split("@");
  return `${local.replace(/(^|[._])([a-z])/g, (_m, sep: string, ch: string) => sep + ch.toUpperCase())}@${domain.toUpperCase()}`;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** A funnel candidate as their resume on a board describes them. */
function resumeOf(candidate: DemoCandidate, workExperiences: readonly DemoWorkExperience[]): ResumePerson {
  return {
    ...candidate,
    relocation: null,
    jobs: workExperiences
      .filter((w) => w.candidateId === candidate.id)
      .map((w) => ({ companyName: w.companyName, industry: w.industry, title: w.title, startedOn: iso(w.startedOn), endedOn: w.endedOn && iso(w.endedOn) })),
  };
}

/** The resumes the funnel's board candidates were found by, as the source records an import keeps. */
export function funnelSources(candidates: readonly DemoCandidate[], workExperiences: readonly DemoWorkExperience[], nextId: () => string): DemoSourceRecord[] {
  return candidates.flatMap((c) => {
    if (!c.externalId || (c.source !== "HH" && c.source !== "SUPERJOB")) return [];
    const resume = resumeOf(c, workExperiences);
    const record = c.source === "HH" ? hhRecord(c.externalId, resume) : superjobRecord(c.externalId, resume);
    const { raw, ...parsed } = record;
    return [{
      id: nextId(),
      candidateId: c.id,
      source: c.source,
      channel: "API" as const,
      adapter: record.adapter,
      externalId: c.externalId,
      url: record.url,
      fingerprint: fingerprintOf(raw),
      raw,
      parsed,
      importedAt: c.createdAt,
    }];
  });
}

export function generateImports(input: {
  rng: Rng;
  now: Date;
  funnel: { candidates: readonly DemoCandidate[]; workExperiences: readonly DemoWorkExperience[] };
}): { batches: DemoImportBatch[]; newCandidates: number } {
  const { rng, now, funnel } = input;
  const emails = new Set(funnel.candidates.map((c) => c.email));
  const phones = new Set(funnel.candidates.map((c) => c.phone));
  const hhIds = new Set(funnel.candidates.map((c) => c.externalId));
  const sjIds = new Set(funnel.candidates.map((c) => c.externalId));
  const pools = employerPools();
  const uniqueId = (taken: Set<string | null>, make: () => string) => {
    let id = make();
    while (taken.has(id)) id = make();
    taken.add(id);
    return id;
  };
  const hhId = () => uniqueId(hhIds, () => Array.from({ length: 38 }, () => rng.int(0, 15).toString(16)).join(""));
  const sjId = () => uniqueId(sjIds, () => String(rng.int(10_000_000, 49_999_999)));

  const person = (): ResumePerson => {
    const profile = rng.weighted<Profile>([["target", 30], ["adjacent", 15], ["niche", 15], ["open", 33], ["excluded", 7]]);
    const name = personName(rng);
    const seniority = rng.weighted([[0, 20], [1, 35], [2, 35], [3, 10]] as const);
    const jobs = workHistory(rng, now, profile, seniority, pools);
    const [min, max] = SALARY[seniority]!;
    return {
      ...name,
      email: emailFor(rng, name.firstName, name.lastName, emails),
      phone: mobilePhone(rng, phones),
      city: rng.weighted<string>([["Москва", 70], ["Химки", 6], ["Мытищи", 5], ["Тула", 5], ["Екатеринбург", 6], ["Санкт-Петербург", 8]]),
      currentTitle: jobs[0]!.title,
      salaryExpectationRub: rng.int(min / 10_000, max / 10_000) * 10_000,
      relocation: rng.chance(0.3) ? rng.chance(0.5) : null,
      jobs,
    };
  };

  const hhPeople = Array.from({ length: HH_RESUMES }, person);
  const hh = hhPeople.map((p) => hhRecord(hhId(), p));

  const known = rng
    .shuffle(funnel.candidates.filter((c) => c.source === "HH"))
    .slice(0, ALREADY_KNOWN)
    .map((c) => resumeOf(c, funnel.workExperiences));
  const twice = rng.shuffle(hhPeople).slice(0, BOTH_BOARDS);
  const superjob = rng.shuffle([
    ...[...twice, ...known].map((p) => superjobRecord(sjId(), p, otherCase(p.email))),
    ...Array.from({ length: SUPERJOB_ONLY }, () => superjobRecord(sjId(), person())),
  ]);

  // Moscow working hours (UTC+3).
  const at = (daysAgo: number, hour: number, minute: number) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - daysAgo, hour - 3, minute));
  return {
    newCandidates: HH_RESUMES + SUPERJOB_ONLY,
    batches: [
      { id: rng.id(), source: "HH", adapter: "hh-api", label: "hh.ru: key account manager, насосы и компрессоры, Москва", createdAt: at(2, 10, 5), committedAt: at(2, 10, 12), records: hh },
      { id: rng.id(), source: "SUPERJOB", adapter: "superjob-api", label: "SuperJob: менеджер по ключевым клиентам, промышленное оборудование", createdAt: at(1, 15, 30), committedAt: at(1, 15, 34), records: superjob },
    ],
  };
}
