import { isValidPhoneNumber } from "libphonenumber-js";
import { describe, expect, it } from "vitest";
import { organisationInn } from "~/demo/clients";
import { DEMO_ACCOUNTS, generateDemo } from "~/demo/generate";
import { DEMO_RSVP_TOKEN } from "~/demo/interviews";
import { MAIN_ADJACENT_NICHES } from "~/demo/market";
import { FEMALE_FIRST_NAMES, INVARIANT_SURNAMES, MALE_FIRST_NAMES, surname, transliterate } from "~/demo/people";
import { createRng } from "~/demo/random";
import type { DemoStageChange } from "~/demo/types";
import { firstBadStep, pathTo } from "~/pipeline/stages";
import { companyMatchKey } from "~/sourcing/company-match";
import { type TierJob, tierFor } from "~/sourcing/tiers";

const NOW = new Date("2026-03-10T09:30:00Z");
const demo = generateDemo({ now: NOW });
const [main, second] = demo.vacancies;

const countBy = <T>(items: readonly T[], key: (item: T) => string) =>
  items.reduce<Record<string, number>>((acc, item) => ({ ...acc, [key(item)]: (acc[key(item)] ?? 0) + 1 }), {});

/** The stage changes proper, without the steps recorded inside a stage (confirmed, no-show). */
const stagesOnly = (history: readonly DemoStageChange[]) => history.filter((h) => !(h.event && h.fromStage === h.toStage));

function historiesOf(changes: readonly DemoStageChange[]) {
  const histories = new Map<string, DemoStageChange[]>();
  for (const change of changes) histories.set(change.applicationId, [...(histories.get(change.applicationId) ?? []), change]);
  return histories;
}

describe("generateDemo", () => {
  it("is deterministic: same seed and time, same data", () => {
    expect(generateDemo({ now: NOW })).toEqual(demo);
    const other = generateDemo({ now: NOW, seed: 7 });
    expect(other.candidates[0]!.id).not.toBe(demo.candidates[0]!.id);
  });

  it("has the documented demo accounts, Russian names and locale", () => {
    for (const account of DEMO_ACCOUNTS.slice(0, 4)) {
      expect(demo.users).toContainEqual(expect.objectContaining({ email: account.email, password: account.password }));
    }
    expect(demo.users.map((u) => [u.email, u.password, u.roles])).toEqual([
      ["admin@kam.demo", "admin-demo-2026", ["ADMIN"]],
      ["recruiter@kam.demo", "recruiter-demo-2026", ["RECRUITER"]],
      ["manager@kam.demo", "manager-demo-2026", ["HIRING_MANAGER"]],
      ["head@kam.demo", "head-demo-2026", ["DEPARTMENT_HEAD"]],
      ["olga@kam.demo", "olga-demo-2026", ["RECRUITER"]],
    ]);
    for (const user of demo.users) {
      expect(user.locale).toBe("ru");
      expect(user.name).toMatch(/^[А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+$/);
    }
  });

  it("describes the main KAM vacancy", () => {
    expect(main).toMatchObject({
      title: "Менеджер по работе с ключевыми клиентами (KAM)",
      city: "Москва",
      industry: "Промышленное оборудование",
      openings: 2,
      salaryMinRub: 150_000,
      salaryMaxRub: 250_000,
      status: "OPEN",
    });
    expect(new Set(demo.vacancies.map((v) => v.status))).toEqual(new Set(["OPEN", "DRAFT"]));
    const users = new Set(demo.users.map((u) => u.id));
    for (const v of demo.vacancies) {
      for (const id of [v.recruiterId, v.hiringManagerId, v.departmentHeadId]) expect(users.has(id)).toBe(true);
    }
  });

  it("lists target, excluded and adjacent companies with unique matching keys", () => {
    expect(demo.companies.length).toBeGreaterThanOrEqual(55);
    expect(demo.companies.length).toBeLessThanOrEqual(65);
    expect(countBy(demo.vacancyCompanies.filter((l) => l.vacancyId === main!.id), (l) => l.kind)).toEqual({
      TARGET: 8,
      EXCLUDED: 3,
      ADJACENT: 6,
    });
    const keys = [...demo.companies.map((c) => c.normalizedName), ...demo.companyAliases.map((a) => a.normalized)];
    expect(new Set(keys).size).toBe(keys.length);
    for (const c of demo.companies) expect(c.normalizedName).toBe(companyMatchKey(c.name));
    for (const a of demo.companyAliases) expect(a.normalized).toBe(companyMatchKey(a.alias));
    expect(demo.companies.every((c) => /^(ООО|АО|ПАО) «.+»$/.test(c.name))).toBe(true);
  });

  it("has ~300 candidates whose names agree in gender", () => {
    expect(demo.candidates).toHaveLength(300);
    const female = demo.candidates.filter((c) => c.middleName.endsWith("на"));
    expect(female.length).toBeGreaterThan(90);
    expect(female.length).toBeLessThan(210);
    for (const c of demo.candidates) {
      const isFemale = c.middleName.endsWith("вна");
      expect(isFemale || c.middleName.endsWith("вич"), c.middleName).toBe(true);
      expect((isFemale ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES) as readonly string[]).toContain(c.firstName);
      if (INVARIANT_SURNAMES.has(c.lastName)) continue;
      if (isFemale) expect(c.lastName, c.lastName).toMatch(/(ова|ева|ёва|ина|ая)$/);
      else expect(c.lastName, c.lastName).toMatch(/(ов|ев|ёв|ин|ий|ый|ой)$/);
    }
  });

  it("makes female surnames from male ones", () => {
    expect(surname("Иванов", "female")).toBe("Иванова");
    expect(surname("Соловьёв", "female")).toBe("Соловьёва");
    expect(surname("Островский", "female")).toBe("Островская");
    expect(surname("Заречный", "female")).toBe("Заречная");
    expect(surname("Шевченко", "female")).toBe("Шевченко");
    expect(surname("Иванов", "male")).toBe("Иванов");
    expect(transliterate("Щербаков Юрий")).toBe("shcherbakov yuriy");
  });

  it("gives valid, unique E.164 phones and e-mails", () => {
    const phones = demo.candidates.map((c) => c.phone);
    for (const phone of phones) {
      expect(phone).toMatch(/^\+79\d{9}$/);
      expect(isValidPhoneNumber(phone), phone).toBe(true);
    }
    expect(new Set(phones).size).toBe(phones.length);
    const emails = demo.candidates.map((c) => c.email);
    for (const email of emails) expect(email).toMatch(/^[a-z0-9._]+@[a-z]+\.(ru|com)$/);
    expect(new Set(emails).size).toBe(emails.length);
  });

  it("mixes sources, with resume ids only for job boards", () => {
    const sources = countBy(demo.candidates, (c) => c.source);
    for (const source of ["HH", "SUPERJOB", "INBOUND", "REFERRAL", "INTERNAL"]) expect(sources[source]).toBeGreaterThan(5);
    expect(sources.HH).toBeGreaterThan(sources.SUPERJOB!);
    for (const c of demo.candidates) {
      if (c.source === "HH") expect(c.externalId).toMatch(/^[0-9a-f]{38}$/);
      else if (c.source === "SUPERJOB") expect(c.externalId).toMatch(/^\d{8}$/);
      else expect(c.externalId).toBeNull();
      expect(Number.isInteger(c.salaryExpectationRub) && c.salaryExpectationRub >= 100_000).toBe(true);
    }
    expect(countBy(demo.candidates, (c) => c.city).Москва).toBeGreaterThan(120);
  });

  it("gives everyone 1–4 jobs with sane dates, mostly at known companies", () => {
    const jobs = countBy(demo.workExperiences, (w) => w.candidateId);
    expect(Object.keys(jobs)).toHaveLength(300);
    expect(Object.values(jobs).every((n) => n >= 1 && n <= 4)).toBe(true);
    const linked = demo.workExperiences.filter((w) => w.companyId).length;
    expect(linked / demo.workExperiences.length).toBeGreaterThan(0.9);
    for (const w of demo.workExperiences) {
      expect(w.startedOn < NOW).toBe(true);
      if (w.endedOn) expect(w.startedOn < w.endedOn && w.endedOn <= NOW).toBe(true);
    }
  });

  it("derives every application's tier and reason from the work history, the lists and the niches", () => {
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    const histories = new Map<string, TierJob[]>();
    for (const w of demo.workExperiences) {
      const job = { ...w, startedOn: iso(w.startedOn), endedOn: w.endedOn && iso(w.endedOn) };
      histories.set(w.candidateId, [...(histories.get(w.candidateId) ?? []), job]);
    }
    expect(main!.adjacentNiches).toEqual([...MAIN_ADJACENT_NICHES]);
    for (const vacancy of [main!, second!]) {
      const lists = new Map(
        demo.vacancyCompanies.filter((l) => l.vacancyId === vacancy.id).map((l) => [l.companyId, l.kind] as const),
      );
      for (const a of demo.applications.filter((x) => x.vacancyId === vacancy.id)) {
        const expected = tierFor(histories.get(a.candidateId)!, { lists, niches: vacancy.adjacentNiches });
        expect({ tier: a.tier, reason: a.tierReason }).toEqual(expected);
        if (a.tier === "EXCLUDED") expect(a.stage).toBe("REJECTED");
      }
    }
    const mainApps = demo.applications.filter((a) => a.vacancyId === main!.id);
    expect(new Set(mainApps.map((a) => a.tier))).toEqual(new Set(["TARGET", "ADJACENT", "OPEN_MARKET", "EXCLUDED"]));
    expect(mainApps.some((a) => a.tierReason?.match === "niche")).toBe(true);
  });

  it("spreads the main vacancy like a real funnel", () => {
    const mainApps = demo.applications.filter((a) => a.vacancyId === main!.id);
    expect(mainApps.length).toBeGreaterThan(240);
    expect(mainApps.length).toBeLessThan(300);
    const stages = countBy(mainApps, (a) => a.stage);
    expect(stages.PROBATION).toBe(3);
    expect(stages.INTERVIEWED).toBeGreaterThanOrEqual(8);
    expect(stages.INTERVIEW_INVITED).toBeGreaterThanOrEqual(20);
    expect(stages.INTERVIEW_INVITED).toBeLessThanOrEqual(30);
    expect(stages.SOURCED! + stages.CONTACTED!).toBeGreaterThan(stages.QUESTIONNAIRE_SENT! + stages.QUESTIONNAIRE_PASSED!);
    expect(stages.REJECTED).toBeGreaterThan(10);
    expect(stages.WITHDRAWN).toBeGreaterThan(3);
    expect(stages.HIRED).toBeUndefined();
    // The strongest are furthest along.
    const interviewing = mainApps.filter((a) => ["INTERVIEW_INVITED", "INTERVIEWED", "PROBATION"].includes(a.stage));
    expect(interviewing.filter((a) => a.tier === "TARGET").length / interviewing.length).toBeGreaterThan(0.5);
    expect(demo.applications.some((a) => a.vacancyId === second!.id)).toBe(true);
  });

  it("gives every application a legal, time-ordered history ending at its stage", () => {
    const histories = historiesOf(demo.stageChanges);
    expect(histories.size).toBe(demo.applications.length);
    const vacancies = new Map(demo.vacancies.map((v) => [v.id, v]));
    const actors = new Set(demo.users.filter((u) => !u.roles.includes("ADMIN")).map((u) => u.id));
    for (const a of demo.applications) {
      const history = histories.get(a.id)!;
      expect(firstBadStep(stagesOnly(history)), JSON.stringify(history)).toBe(-1);
      expect(history.at(-1)!.toStage).toBe(a.stage);
      expect(history[0]!.createdAt).toEqual(a.createdAt);
      expect(history.at(-1)!.createdAt).toEqual(a.stageChangedAt);
      const times = history.map((h) => h.createdAt.getTime());
      times.forEach((t, i) => i > 0 && expect(t).toBeGreaterThan(times[i - 1]!));
      expect(times[0]).toBeGreaterThan(vacancies.get(a.vacancyId)!.createdAt.getTime());
      expect(times.at(-1)).toBeLessThan(NOW.getTime());
      expect(NOW.getTime() - times[0]! < 24 * 86_400_000).toBe(true);
      for (const h of history) if (h.actorId) expect(actors.has(h.actorId)).toBe(true);
      for (const h of history) if (h.toStage === "REJECTED") expect(h.reason).toBeTruthy();
      if (a.stage !== "REJECTED" && a.stage !== "WITHDRAWN" && stagesOnly(history).length === pathTo(a.stage).length) {
        expect(stagesOnly(history).map((h) => h.toStage)).toEqual(pathTo(a.stage));
      }
    }
    // Internal candidates may skip outreach and the questionnaire.
    const internal = new Set(demo.candidates.filter((c) => c.source === "INTERNAL").map((c) => c.id));
    const skipped = demo.applications.filter((a) => internal.has(a.candidateId) && a.stage === "INTERVIEW_INVITED");
    for (const a of skipped) expect(stagesOnly(histories.get(a.id)!).map((h) => h.toStage)).toEqual(["SOURCED", "INTERVIEW_INVITED"]);
  });

  it.each([
    [1, "2026-03-08T20:00:00Z"], // a Sunday evening
    [2, "2026-03-09T03:00:00Z"], // a Monday before work
    [3, "2027-01-01T00:00:00Z"],
    [4, "2026-06-15T12:00:00Z"],
  ])("stays consistent for seed %i at %s", (seed, at) => {
    const now = new Date(at);
    const other = generateDemo({ now, seed });
    const byApp = historiesOf(other.stageChanges);
    for (const a of other.applications) {
      const history = byApp.get(a.id)!;
      expect(firstBadStep(stagesOnly(history))).toBe(-1);
      const times = history.map((h) => h.createdAt.getTime());
      times.forEach((t, i) => i > 0 && expect(t).toBeGreaterThan(times[i - 1]!));
      expect(history.at(-1)!.toStage).toBe(a.stage);
      expect(a.stageChangedAt < now).toBe(true);
    }
    const stages = countBy(other.applications.filter((a) => a.vacancyId === other.vacancies[0]!.id), (a) => a.stage);
    expect(stages.PROBATION).toBe(3);
    expect(other.candidates.every((c) => isValidPhoneNumber(c.phone))).toBe(true);
  });

  it("has three past group interviews with no-shows, two assessors' scorecards and decisions, and upcoming ones", () => {
    const { sessions, invitations, scorecards, assessors } = demo.interviews;
    const past = sessions.filter((s) => s.startsAt < NOW);
    const upcoming = sessions.filter((s) => s.startsAt > NOW);
    expect([past.length, upcoming.length]).toEqual([3, 4]);
    for (const s of sessions) expect(assessors.filter((a) => a.sessionId === s.id)).toHaveLength(2);
    const applications = new Map(demo.applications.map((a) => [a.id, a]));
    const histories = historiesOf(demo.stageChanges);
    for (const s of past) {
      const here = invitations.filter((i) => i.sessionId === s.id);
      expect(here.every((i) => i.attendance)).toBe(true);
      const came = here.filter((i) => i.attendance !== "NO_SHOW");
      expect(came.length).toBeGreaterThan(3);
      expect(here.length - came.length).toBeGreaterThan(3);
      for (const i of came) {
        const stage = applications.get(i.applicationId)!.stage;
        expect(["INTERVIEWED", "PROBATION", "REJECTED"]).toContain(stage);
        expect(i.decision ?? "NONE").toBe({ PROBATION: "TAKE", REJECTED: "REJECT" }[stage as string] ?? (i.decision ? "RESERVE" : "NONE"));
        // The history says when they came: the check-in's row, during the session.
        const arrived = histories.get(i.applicationId)!.find((h) => h.toStage === "INTERVIEWED")!;
        expect(arrived.event).toBe(i.attendance === "LATE" ? "INTERVIEW_LATE" : "INTERVIEW_ATTENDED");
        expect(arrived.createdAt.getTime()).toBeGreaterThan(s.startsAt.getTime());
        expect(arrived.createdAt.getTime()).toBeLessThan(s.startsAt.getTime() + s.durationMinutes * 60_000);
        const sheets = scorecards.filter((c) => c.invitationId === i.id);
        expect(sheets.map((c) => c.assessorId).sort()).toEqual(assessors.filter((a) => a.sessionId === s.id).map((a) => a.userId).sort());
        for (const sheet of sheets) for (const v of Object.values(sheet.scores)) expect(v >= 1 && v <= 5 && Number.isInteger(v)).toBe(true);
      }
      for (const i of here.filter((x) => x.attendance === "NO_SHOW")) {
        expect(histories.get(i.applicationId)!.some((h) => h.event === "INTERVIEW_NO_SHOW")).toBe(true);
      }
    }
    // Everyone who reached the interview stage has had an invitation.
    const invited = new Set(invitations.map((i) => i.applicationId));
    for (const a of demo.applications.filter((x) => x.vacancyId === main!.id && ["INTERVIEW_INVITED", "INTERVIEWED", "PROBATION"].includes(x.stage))) {
      expect(invited.has(a.id)).toBe(true);
    }
    const open = invitations.filter((i) => upcoming.some((s) => s.id === i.sessionId));
    expect(open.length).toBeGreaterThan(10);
    expect(open.some((i) => i.status === "CONFIRMED") && open.some((i) => i.status === "INVITED")).toBe(true);
    expect(open.find((i) => i.token === DEMO_RSVP_TOKEN)).toMatchObject({ status: "INVITED" });
    const shown = past.flatMap((s) => invitations.filter((i) => i.sessionId === s.id));
    const rate = shown.filter((i) => i.attendance !== "NO_SHOW").length / shown.length;
    expect(rate).toBeGreaterThan(0.33);
    expect(rate).toBeLessThan(0.6);
    // At least one attendee on whom the assessors differ by two points on a competency.
    const split = invitations.some((i) => {
      const [x, y] = scorecards.filter((c) => c.invitationId === i.id);
      return x && y ? Object.keys(x.scores).some((k) => Math.abs(x.scores[k]! - y.scores[k]!) >= 2) : false;
    });
    expect(split).toBe(true);
  });

  it("records consent for whoever filled in the questionnaire, and honours do-not-contact", () => {
    const passed = new Set(demo.stageChanges.filter((s) => s.toStage === "QUESTIONNAIRE_PASSED").map((s) => s.applicationId));
    const withConsent = new Set(demo.applications.filter((a) => passed.has(a.id)).map((a) => a.candidateId));
    for (const c of demo.candidates) {
      if (withConsent.has(c.id)) expect(c.consentAt && c.consentText).toBeTruthy();
      if (c.consentAt) expect(c.consentAt < NOW).toBe(true);
      expect(c.doNotContact).toBe(c.doNotContactAt !== null);
    }
    const doNotContact = demo.candidates.filter((c) => c.doNotContact);
    expect(doNotContact.length).toBeGreaterThanOrEqual(2);
    const dncIds = new Set(doNotContact.map((c) => c.id));
    for (const a of demo.applications.filter((x) => dncIds.has(x.candidateId))) expect(a.stage).toBe("WITHDRAWN");
  });

  it("has account managers and ~40 clients with valid INNs", () => {
    expect(countBy(demo.clients, (c) => c.segment)).toEqual({ KEY: 8, REGULAR: 25, TRAINING: 7 });
    const managers = new Set(demo.accountManagers.map((m) => m.id));
    for (const c of demo.clients) {
      expect(c.inn).toMatch(/^\d{10}$/);
      expect(innIsValid(c.inn), c.inn).toBe(true);
      if (c.ownerId) expect(managers.has(c.ownerId)).toBe(true);
    }
    const min = (segment: string) => Math.min(...demo.clients.filter((c) => c.segment === segment).map((c) => Number(c.annualTurnoverRub)));
    const max = (segment: string) => Math.max(...demo.clients.filter((c) => c.segment === segment).map((c) => Number(c.annualTurnoverRub)));
    expect(min("KEY")).toBeGreaterThan(max("REGULAR"));
    expect(min("KEY")).toBeGreaterThanOrEqual(10_000_000);
    expect(max("TRAINING")).toBeLessThan(min("KEY"));
    const head = demo.users.find((u) => u.email === "head@kam.demo")!;
    expect(demo.accountManagers.some((m) => m.userId === head.id)).toBe(true);
  });
});

function innIsValid(inn: string) {
  const weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(inn[i]), 0);
  return (sum % 11) % 10 === Number(inn[9]);
}

describe("organisationInn", () => {
  it("computes the check digit of a known INN", () => {
    // 7707083893 is a well-known published organisation INN.
    expect(innIsValid("7707083893")).toBe(true);
    const rng = createRng(1);
    for (let i = 0; i < 50; i++) expect(innIsValid(organisationInn(rng, "Москва"))).toBe(true);
    expect(organisationInn(createRng(2), "Тула").slice(0, 2)).toBe("71");
  });
});
