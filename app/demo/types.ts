import type {
  CandidateSource,
  ClientSegment,
  CompanyListKind,
  Role,
  SourcingTier,
  Stage,
  StageEvent,
  VacancyStatus,
} from "@prisma/client";
import type { TierReason } from "~/sourcing/tiers";
import type { DemoImportBatch } from "./imports";
import type { DemoInterviews } from "./interviews";

/**
 * The demo as plain rows, shaped like the tables so the seed can createMany them
 * unchanged (no extra fields: Prisma refuses unknown ones). Ids are generated up
 * front so rows can refer to each other.
 */
export type DemoUser = {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  locale: "ru" | "en";
  /** Plain text: the seed hashes it. Demo accounts only. */
  password: string;
};

export type DemoOrganization = { id: string; name: string; industry: string; city: string; createdAt: Date };

export type DemoCompany = { id: string; name: string; normalizedName: string; industry: string; city: string };
export type DemoCompanyAlias = { id: string; companyId: string; alias: string; normalized: string };

export type DemoVacancy = {
  id: string;
  title: string;
  city: string;
  industry: string;
  niche: string | null;
  openings: number;
  salaryMinRub: number;
  salaryMaxRub: number;
  status: VacancyStatus;
  description: string;
  /** The vacancy as a letter inviting to the competition (METHOD.md §2). */
  sellingLetter: string | null;
  adjacentNiches: string[];
  recruiterId: string;
  hiringManagerId: string;
  departmentHeadId: string;
  createdAt: Date;
};

export type DemoVacancyCompany = { vacancyId: string; companyId: string; kind: CompanyListKind };

export type DemoCandidate = {
  id: string;
  firstName: string;
  lastName: string;
  middleName: string;
  email: string;
  phone: string;
  city: string;
  currentTitle: string;
  salaryExpectationRub: number;
  source: CandidateSource;
  externalId: string | null;
  consentAt: Date | null;
  consentText: string | null;
  doNotContact: boolean;
  doNotContactAt: Date | null;
  createdAt: Date;
};

export type DemoWorkExperience = {
  id: string;
  candidateId: string;
  companyId: string | null;
  companyName: string;
  industry: string;
  title: string;
  startedOn: Date;
  endedOn: Date | null;
};

export type DemoSourceRecord = {
  id: string;
  candidateId: string;
  source: "HH" | "SUPERJOB";
  channel: "API";
  adapter: string;
  externalId: string;
  url: string | null;
  fingerprint: string;
  raw: unknown;
  parsed: unknown;
  importedAt: Date;
};

export type DemoApplication = {
  id: string;
  candidateId: string;
  vacancyId: string;
  stage: Stage;
  tier: SourcingTier;
  tierReason: TierReason | null;
  stageChangedAt: Date;
  createdAt: Date;
};

export type DemoStageChange = {
  applicationId: string;
  fromStage: Stage | null;
  toStage: Stage;
  actorId: string | null;
  reason: string | null;
  /** A step inside the stage (interview confirmed, no-show); absent for a stage change. */
  event?: StageEvent | null;
  createdAt: Date;
};

export type DemoAccountManager = { id: string; name: string; email: string; userId: string | null; active: boolean };

export type DemoClient = {
  id: string;
  name: string;
  inn: string;
  city: string;
  segment: ClientSegment;
  annualTurnoverRub: bigint;
  ownerId: string | null;
};

export type DemoData = {
  organization: DemoOrganization;
  users: DemoUser[];
  companies: DemoCompany[];
  companyAliases: DemoCompanyAlias[];
  vacancies: DemoVacancy[];
  vacancyCompanies: DemoVacancyCompany[];
  candidates: DemoCandidate[];
  workExperiences: DemoWorkExperience[];
  /** The board resumes the funnel's hh.ru and SuperJob candidates came from. */
  sourceRecords: DemoSourceRecord[];
  applications: DemoApplication[];
  stageChanges: DemoStageChange[];
  accountManagers: DemoAccountManager[];
  clients: DemoClient[];
  /** Resume searches on the boards, written by the real ingest step at seed time. */
  imports: { batches: DemoImportBatch[]; newCandidates: number };
  /** The main vacancy's group interviews (app/demo/interviews.ts). */
  interviews: DemoInterviews;
};
