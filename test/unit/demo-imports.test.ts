import { describe, expect, it } from "vitest";
import { hhPhone, superjobPhone } from "~/demo/boards";
import { generateDemo } from "~/demo/generate";
import { ALREADY_KNOWN, BOTH_BOARDS, HH_RESUMES, SUPERJOB_ONLY } from "~/demo/imports";
import { MAIN_ADJACENT_NICHES } from "~/demo/market";
import { companyMatchKey } from "~/sourcing/company-match";
import { normalizeEmail, normalizePhone } from "~/sourcing/identity";
import { CandidateRecordSchema } from "~/sourcing/record";
import { nicheMatches } from "~/sourcing/tiers";

const NOW = new Date("2026-03-10T09:30:00Z");
const demo = generateDemo({ now: NOW });
const [hh, superjob] = demo.imports.batches;
const [main] = demo.vacancies;

const contactKey = (r: { email: string | null; phone: string | null }) => `${normalizeEmail(r.email)}|${normalizePhone(r.phone)}`;

describe("demo board imports", () => {
  it("are an hh.ru and a SuperJob search of the sizes documented", () => {
    expect(hh!.records).toHaveLength(HH_RESUMES);
    expect(superjob!.records).toHaveLength(BOTH_BOARDS + ALREADY_KNOWN + SUPERJOB_ONLY);
    expect(demo.imports.newCandidates).toBe(HH_RESUMES + SUPERJOB_ONLY);
    expect(hh!.records.every((r) => r.source === "HH" && r.adapter === "hh-api" && r.channel === "API")).toBe(true);
    expect(superjob!.records.every((r) => r.source === "SUPERJOB" && r.adapter === "superjob-api")).toBe(true);
    expect(hh!.createdAt < hh!.committedAt && hh!.committedAt < superjob!.createdAt && superjob!.committedAt < NOW).toBe(true);
  });

  it("are records every importer could have produced, with unique board ids and their raw data", () => {
    for (const record of [...hh!.records, ...superjob!.records]) {
      expect(CandidateRecordSchema.parse(record)).toEqual(record);
      expect(normalizeEmail(record.email)).not.toBeNull();
      expect(normalizePhone(record.phone)).not.toBeNull();
      expect(record.raw).toMatchObject({ id: expect.anything() });
      expect(record.url).toContain(record.externalId);
    }
    for (const batch of [hh!, superjob!]) expect(new Set(batch.records.map((r) => r.externalId)).size).toBe(batch.records.length);
  });

  it("find some people on both boards, and some already in the funnel, spelled differently", () => {
    const hhKeys = new Set(hh!.records.map(contactKey));
    const funnelKeys = new Set(demo.candidates.map(contactKey));
    const onBoth = superjob!.records.filter((r) => hhKeys.has(contactKey(r)));
    const known = superjob!.records.filter((r) => funnelKeys.has(contactKey(r)));
    expect(onBoth).toHaveLength(BOTH_BOARDS);
    expect(known).toHaveLength(ALREADY_KNOWN);
    for (const record of [...onBoth, ...known]) {
      const twin = [...hh!.records, ...demo.candidates].find((r) => contactKey(r) === contactKey(record))!;
      expect(record.email).not.toBe(twin.email);
      expect(record.phone).not.toBe(twin.phone);
    }
    // Everyone else is a new person: no accidental matches.
    expect(new Set(hh!.records.map(contactKey)).size).toBe(HH_RESUMES);
    expect([...hhKeys].some((k) => funnelKeys.has(k))).toBe(false);
  });

  it("give the funnel's board candidates the resume they were found by", () => {
    const boards = demo.candidates.filter((c) => c.source === "HH" || c.source === "SUPERJOB");
    expect(demo.sourceRecords).toHaveLength(boards.length);
    for (const c of boards) {
      const record = demo.sourceRecords.find((r) => r.candidateId === c.id)!;
      expect(record).toMatchObject({ source: c.source, externalId: c.externalId, fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(record.parsed).toMatchObject({ firstName: c.firstName, lastName: c.lastName, email: c.email });
    }
    expect(new Set(demo.sourceRecords.map((r) => r.fingerprint)).size).toBe(boards.length);
  });

  it("write phones the way each board does", () => {
    expect(hhPhone("+79161234567")).toBe("+7 (916) 123-45-67");
    expect(superjobPhone("+79161234567")).toBe("8 916 123 45 67");
    expect(normalizePhone(superjobPhone("+79161234567"))).toBe(normalizePhone(hhPhone("+79161234567")));
  });

  it("come from every part of the market, under many spellings, with new employers too", () => {
    const jobs = [...hh!.records, ...superjob!.records].flatMap((r) => r.workHistory);
    const keyOf = new Map(demo.companies.map((c) => [c.normalizedName, c.id]));
    for (const a of demo.companyAliases) keyOf.set(a.normalized, a.companyId);
    const listed = new Map(demo.vacancyCompanies.filter((l) => l.vacancyId === main!.id).map((l) => [l.companyId, l.kind]));
    const kinds = new Set(jobs.map((j) => listed.get(keyOf.get(companyMatchKey(j.companyName)) ?? "")).filter(Boolean));
    expect(kinds).toEqual(new Set(["TARGET", "EXCLUDED", "ADJACENT"]));
    expect(jobs.some((j) => !keyOf.has(companyMatchKey(j.companyName)))).toBe(true);
    expect(jobs.some((j) => j.industry && MAIN_ADJACENT_NICHES.some((n) => nicheMatches(n, j.industry!)) && !listed.has(keyOf.get(companyMatchKey(j.companyName)) ?? ""))).toBe(true);
    const gidromash = new Set(jobs.filter((j) => companyMatchKey(j.companyName) === companyMatchKey("Гидромаш") || j.companyName === "Gidromash LLC").map((j) => j.companyName));
    expect(gidromash.size).toBeGreaterThan(2);
  });

  it("belong to a main vacancy that has lists, adjacent niches and a selling letter inviting to a competition", () => {
    expect(main!.adjacentNiches.length).toBeGreaterThan(0);
    expect(main!.sellingLetter).toMatch(/конкурс/);
    expect(main!.sellingLetter).toMatch(/\{\{firstName\}\}/);
  });
});
