/**
 * The benchmark's data set: 100,000 candidates with three jobs each, source records
 * and applications across three vacancies in every tier and stage. People and jobs
 * are generated here (seeded, so every run is the same) and written in batches of
 * array parameters (INSERT … SELECT FROM unnest); source records, applications and
 * their history are derived inside PostgreSQL with INSERT … SELECT, so the whole set
 * takes seconds.
 */
import type pg from "pg";
import { MARKET, UNLISTED_EMPLOYERS } from "../app/demo/market";
import { personName, transliterate } from "../app/demo/people";
import { createRng } from "../app/demo/random";
import { candidateSearchText } from "../app/sourcing/search-text";

const CITIES = ["Москва", "Москва", "Москва", "Санкт-Петербург", "Казань", "Екатеринбург", "Новосибирск", "Нижний Новгород", "Самара", "Пермь", "Тула", "Воронеж"];
const TITLES = ["Менеджер по ключевым клиентам", "Key Account Manager", "Менеджер по продажам", "Руководитель отдела продаж", "Аккаунт-менеджер", "Менеджер по работе с дистрибьюторами", "Региональный менеджер"];
const TAGS = ["сильный", "звонить после 18", "резерв", "английский", "нужна релокация"];
const BATCH = 5_000;

type Job = { companyName: string; industry: string; title: string; startedOn: Date; endedOn: Date | null };

function* candidates(count: number) {
  const rng = createRng(20_261_123);
  const employers = [
    ...MARKET.map((c) => [c.name, c.industry] as const),
    ...UNLISTED_EMPLOYERS,
    // Plus a long tail, so a company search is as selective as in a real database.
    ...Array.from({ length: 400 }, (_, i) => [`ООО «Компания ${i + 1}»`, "Торговля"] as const),
  ];
  for (let i = 0; i < count; i++) {
    const name = personName(rng);
    const jobs: Job[] = [];
    let year = rng.int(2008, 2014);
    for (let j = 0; j < 3; j++) {
      const [companyName, industry] = rng.pick(employers);
      const startedOn = new Date(Date.UTC(year, rng.int(0, 11), 1));
      year += rng.int(1, 4);
      jobs.push({ companyName, industry, title: rng.pick(TITLES), startedOn, endedOn: j < 2 ? new Date(Date.UTC(year, rng.int(0, 11), 1)) : null });
    }
    const city = rng.pick(CITIES);
    const candidate = {
      id: `bench-c${i}`,
      ...name,
      email: `${transliterate(name.firstName)}.${transliterate(name.lastName)}${i}@mail.test`,
      phone: `+7916${String(1_000_000 + i).slice(-7)}`,
      city,
      currentTitle: jobs[2]!.title,
      salaryExpectationRub: rng.chance(0.9) ? rng.int(8, 60) * 5_000 : null,
      source: rng.weighted([["HH", 6], ["SUPERJOB", 2], ["FILE", 1], ["INBOUND", 1]] as const),
      tags: rng.chance(0.1) ? [rng.pick(TAGS)] : [],
      createdAt: new Date(Date.UTC(2025, 0, 1) + i * 300_000),
    };
    yield { candidate, jobs, searchText: candidateSearchText(candidate, jobs) };
  }
}

async function insertBatch(client: pg.Client, rows: ReturnType<typeof candidates> extends Generator<infer R> ? R[] : never) {
  const col = <T>(f: (r: (typeof rows)[number]) => T) => rows.map(f);
  await client.query(
    `INSERT INTO "Candidate" (id, "firstName", "lastName", "middleName", email, phone, city, "currentTitle",
       "salaryExpectationRub", source, "externalId", tags, "searchText", "createdAt", "updatedAt")
     SELECT id, f, l, m, e, p, c, t, s, src::"CandidateSource", 'resume-' || id, string_to_array(tg, '|'), st, at, at
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                 $9::int[], $10::text[], $11::text[], $12::text[], $13::timestamp[])
       AS r(id, f, l, m, e, p, c, t, s, src, tg, st, at)`,
    [
      col((r) => r.candidate.id), col((r) => r.candidate.firstName), col((r) => r.candidate.lastName),
      col((r) => r.candidate.middleName), col((r) => r.candidate.email), col((r) => r.candidate.phone),
      col((r) => r.candidate.city), col((r) => r.candidate.currentTitle), col((r) => r.candidate.salaryExpectationRub),
      col((r) => r.candidate.source), col((r) => (r.candidate.tags.length ? r.candidate.tags.join("|") : null)),
      col((r) => r.searchText), col((r) => r.candidate.createdAt),
    ],
  );
  const jobs = rows.flatMap((r) => r.jobs.map((j, k) => ({ ...j, id: `${r.candidate.id}-w${k}`, candidateId: r.candidate.id })));
  await client.query(
    `INSERT INTO "WorkExperience" (id, "candidateId", "companyId", "companyName", industry, title, "startedOn", "endedOn")
     SELECT r.id, r.cid, co.id, r.n, r.i, r.t, r.s, r.e
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::date[]) AS r(id, cid, n, i, t, s, e)
     LEFT JOIN "Company" co ON co.name = r.n`,
    [jobs.map((j) => j.id), jobs.map((j) => j.candidateId), jobs.map((j) => j.companyName), jobs.map((j) => j.industry),
      jobs.map((j) => j.title), jobs.map((j) => j.startedOn), jobs.map((j) => j.endedOn)],
  );
}

/** Fills an empty, migrated database; returns what it wrote. */
export async function fillBenchDatabase(client: pg.Client, count: number) {
  await client.query(
    `INSERT INTO "Company" (id, name, "normalizedName") SELECT 'bench-co' || n, name, 'bench-' || n
     FROM unnest($1::text[]) WITH ORDINALITY AS t(name, n)`,
    [MARKET.map((c) => c.name)],
  );
  await client.query(`
    INSERT INTO "Vacancy" (id, title, city, industry, status, "updatedAt")
    SELECT 'bench-v' || v, 'KAM ' || v, 'Москва', 'Промышленное оборудование', 'OPEN', now() FROM generate_series(0, 2) v`);
  await client.query(`
    INSERT INTO "VacancyCompanyList" ("vacancyId", "companyId", kind)
    SELECT 'bench-v' || v, id, (ARRAY['TARGET', 'EXCLUDED', 'ADJACENT']::"CompanyListKind"[])[1 + (hashtext(id) & 1023) % 3]
    FROM "Company", generate_series(0, 2) v WHERE hashtext(id || v) % 3 = 0`);

  // Building the trigram index once at the end is several times faster than updating it row by row.
  await client.query(`DROP INDEX "Candidate_searchText_idx"`);
  let batch = [];
  for (const row of candidates(count)) {
    batch.push(row);
    if (batch.length === BATCH) {
      await insertBatch(client, batch);
      batch = [];
    }
  }
  if (batch.length) await insertBatch(client, batch);
  await client.query(`SET maintenance_work_mem = '256MB'`);
  await client.query(`CREATE INDEX "Candidate_searchText_idx" ON "Candidate" USING GIN ("searchText" gin_trgm_ops)`);

  // One record per candidate from their first source; every tenth also found on a second board, with a different city.
  await client.query(`
    INSERT INTO "SourceRecord" (id, "candidateId", source, channel, adapter, "externalId", url, fingerprint, raw, parsed, "importedAt")
    SELECT c.id || '-s0', c.id, c.source, 'API', lower(c.source::text) || '-api', c."externalId", 'https://hh.ru/resume/' || c.id,
      md5(c.id), '{}', jsonb_build_object('firstName', c."firstName", 'lastName', c."lastName", 'city', c.city,
        'salaryExpectationRub', c."salaryExpectationRub"), c."createdAt"
    FROM "Candidate" c;
    INSERT INTO "SourceRecord" (id, "candidateId", source, channel, adapter, "externalId", fingerprint, raw, parsed, "importedAt")
    SELECT c.id || '-s1', c.id, 'REFERRAL', 'FORM', 'referral-form', NULL, md5(c.id || 'r'), '{}',
      jsonb_build_object('firstName', c."firstName", 'lastName', c."lastName", 'city', 'Тула'), c."createdAt" + interval '3 days'
    FROM "Candidate" c WHERE right(c.id, 1) = '7'`);

  // Each candidate on one vacancy, three in ten on a second; tiers and stages spread like a real funnel.
  await client.query(`
    INSERT INTO "Application" (id, "candidateId", "vacancyId", stage, tier, "tierReason", "stageChangedAt", "createdAt", "updatedAt")
    SELECT c.id || '-a' || v, c.id, 'bench-v' || v,
      (CASE WHEN h < 50 THEN 'SOURCED' WHEN h < 70 THEN 'CONTACTED' WHEN h < 78 THEN 'QUESTIONNAIRE_SENT'
        WHEN h < 83 THEN 'QUESTIONNAIRE_PASSED' WHEN h < 87 THEN 'INTERVIEW_INVITED' WHEN h < 90 THEN 'INTERVIEWED'
        WHEN h < 91 THEN 'PROBATION' WHEN h < 92 THEN 'HIRED' WHEN h < 98 THEN 'REJECTED' ELSE 'WITHDRAWN' END)::"Stage",
      (CASE WHEN t < 15 THEN 'TARGET' WHEN t < 30 THEN 'ADJACENT' WHEN t < 90 THEN 'OPEN_MARKET' ELSE 'EXCLUDED' END)::"SourcingTier",
      CASE WHEN t < 30 OR t >= 90 THEN jsonb_build_object('list', CASE WHEN t < 15 THEN 'TARGET' WHEN t < 30 THEN 'ADJACENT' ELSE 'EXCLUDED' END,
        'match', 'company', 'companyName', 'ООО «Гидромаш»', 'jobTitle', 'KAM', 'startedOn', '2019-01-01', 'endedOn', NULL) END,
      c."createdAt" + make_interval(hours => h), c."createdAt", c."createdAt"
    FROM "Candidate" c,
      LATERAL (SELECT (substring(c.id FROM 8)::int) % 3 AS first) f,
      LATERAL unnest(CASE WHEN hashtext(c.id) % 10 < 3 THEN ARRAY[f.first, (f.first + 1) % 3] ELSE ARRAY[f.first] END) AS v,
      LATERAL (SELECT abs(hashtext(c.id || v)) % 100 AS h, abs(hashtext(v || c.id)) % 100 AS t) r`);
  await client.query(`
    INSERT INTO "StageChange" ("applicationId", "fromStage", "toStage", "createdAt")
    SELECT id, NULL, 'SOURCED', "createdAt" FROM "Application";
    INSERT INTO "StageChange" ("applicationId", "fromStage", "toStage", "createdAt")
    SELECT id, 'SOURCED', stage, "stageChangedAt" FROM "Application" WHERE stage <> 'SOURCED'`);
  // What autovacuum would soon do after a bulk load: statistics, and the visibility map for index-only scans.
  await client.query("VACUUM ANALYZE");

  const { rows } = await client.query<Record<string, string>>(`
    SELECT (SELECT count(*) FROM "Candidate") AS candidates, (SELECT count(*) FROM "WorkExperience") AS jobs,
      (SELECT count(*) FROM "SourceRecord") AS "sourceRecords", (SELECT count(*) FROM "Application") AS applications,
      (SELECT count(*) FROM "StageChange") AS "stageChanges"`);
  return Object.fromEntries(Object.entries(rows[0]!).map(([k, v]) => [k, Number(v)]));
}
