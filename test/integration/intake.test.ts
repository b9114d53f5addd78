import { describe, expect, test } from "vitest";
import { action as applyAction, loader as applyLoader } from "~/routes/apply.$id";
import { action as newAction, loader as newLoader } from "~/routes/candidates.new";
import { db } from "~/utils/db.server";
import { createCandidate, createUser, formRequest, getRequest, respond, sessionCookie } from "../factories";

let addressCounter = 0;
/** Each test applies from its own address, so the per-address limit of one never touches another. */
const newAddress = () => `203.0.113.${(addressCounter += 1)}`;

function applyRequest(id: string, fields: Record<string, string>, language = "ru-RU,ru;q=0.9") {
  const request = formRequest(`/apply/${id}`, fields);
  request.headers.set("Accept-Language", language);
  return request;
}
const apply = (id: string, fields: Record<string, string>, ip: string, language?: string) =>
  respond(() => applyAction({ request: applyRequest(id, fields, language), context: { clientIp: ip }, params: { id } }));

async function openVacancy(status: "OPEN" | "CLOSED" | "DRAFT" = "OPEN") {
  return db().vacancy.create({
    data: { title: "Key Account Manager", city: "Москва", industry: "Оборудование", status, description: "Ищем KAM в конкурс." },
  });
}

let personCounter = 0;
function person(overrides: Record<string, string> = {}) {
  personCounter += 1;
  return {
    lastName: "Смирнова",
    firstName: "Анна",
    email: `anna${personCounter}@mail.test`,
    phone: `+7 916 70${String(10_000 + personCounter).slice(-5)}`,
    city: "Москва",
    consent: "on",
    "jobs[0].companyName": "ООО «Гидромаш»",
    "jobs[0].title": "Менеджер по ключевым клиентам",
    "jobs[0].from": "03.2021",
    ...overrides,
  };
}

describe("the public apply page", () => {
  test("only an open vacancy has one", async () => {
    const open = await openVacancy();
    const page = await respond(() => applyLoader({ request: getRequest(`/apply/${open.id}`), context: {}, params: { id: open.id } }));
    expect(page.status).toBe(200);
    expect(await page.json()).toMatchObject({ vacancy: { title: "Key Account Manager", description: "Ищем KAM в конкурс." }, sent: false });
    for (const status of ["CLOSED", "DRAFT"] as const) {
      const closed = await openVacancy(status);
      const load = await respond(() => applyLoader({ request: getRequest(`/apply/${closed.id}`), context: {}, params: { id: closed.id } }));
      expect(load.status).toBe(404);
      expect((await apply(closed.id, person(), newAddress())).status).toBe(404);
    }
    expect((await apply("no-such-vacancy", person(), newAddress())).status).toBe(404);
  });

  test("an application becomes an inbound candidate with consent, work history and an application", async () => {
    const vacancy = await openVacancy();
    const fields = person({ email: "  Anna.Smirnova@Mail.Test ", relocation: "on", salaryExpectationRub: "180 000" });
    const response = await apply(vacancy.id, fields, newAddress());
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/apply/${vacancy.id}?sent=1`);
    const candidate = await db().candidate.findFirstOrThrow({
      where: { email: "anna.smirnova@mail.test" },
      include: { sources: true, workHistory: true, applications: true },
    });
    expect(candidate).toMatchObject({ source: "INBOUND", lastName: "Смирнова", relocation: true, salaryExpectationRub: 180_000 });
    expect(candidate.phone).toMatch(/^\+791670\d{5}$/);
    expect(candidate.consentAt).toBeInstanceOf(Date);
    expect(candidate.consentText).toMatch(/^Я даю согласие на обработку/);
    expect(candidate.sources).toEqual([
      expect.objectContaining({ source: "INBOUND", channel: "FORM", adapter: "apply-page", raw: expect.objectContaining({ lastName: "Смирнова", "jobs[0].from": "03.2021" }) }),
    ]);
    expect(candidate.workHistory).toEqual([expect.objectContaining({ companyName: "ООО «Гидромаш»", startedOn: new Date("2021-03-01") })]);
    expect(candidate.applications).toEqual([expect.objectContaining({ vacancyId: vacancy.id, stage: "SOURCED" })]);

    const thanks = await respond(() =>
      applyLoader({ request: getRequest(`/apply/${vacancy.id}?sent=1`), context: {}, params: { id: vacancy.id } }),
    );
    expect((await thanks.json()).sent).toBe(true);
  });

  test("the consent is kept in the language the page was shown in", async () => {
    const vacancy = await openVacancy();
    const fields = person();
    expect((await apply(vacancy.id, fields, newAddress(), "en-GB,en;q=0.9")).status).toBe(302);
    const candidate = await db().candidate.findFirstOrThrow({ where: { email: fields.email } });
    expect(candidate.consentText).toMatch(/^I consent to the processing/);
  });

  test("no consent, or a phone that is not one, stores nothing and keeps what was typed", async () => {
    const vacancy = await openVacancy();
    const noConsent = person({ consent: "" });
    const refused = await apply(vacancy.id, noConsent, newAddress());
    expect(refused.status).toBe(400);
    const body = await refused.json();
    expect(body.error).toEqual({ consent: ["intake.errors.consentRequired"] });
    expect(body.initialValue).toMatchObject({ lastName: "Смирнова", email: noConsent.email });

    const badPhone = person({ phone: "нет" });
    const phone = await apply(vacancy.id, badPhone, newAddress());
    expect(phone.status).toBe(400);
    expect((await phone.json()).error).toEqual({ phone: ["companies.phone.notAPhone|value=нет"] });
    expect(await db().candidate.count({ where: { email: { in: [noConsent.email, badPhone.email] } } })).toBe(0);
  });

  test("a bot that fills the hidden field is thanked and forgotten", async () => {
    const vacancy = await openVacancy();
    const fields = person({ website: "http://spam.example" });
    const response = await apply(vacancy.id, fields, newAddress());
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/apply/${vacancy.id}?sent=1`);
    expect(await db().candidate.count({ where: { email: fields.email } })).toBe(0);
  });

  test("someone who applies twice stays one candidate with one application", async () => {
    const vacancy = await openVacancy();
    const other = await openVacancy();
    const first = person();
    const ip = newAddress();
    expect((await apply(vacancy.id, first, ip)).status).toBe(302);
    // Again the same form, then with another phone and a new job, then to another vacancy.
    expect((await apply(vacancy.id, first, ip)).status).toBe(302);
    expect((await apply(vacancy.id, { ...first, phone: "8 (916) 700-99-99", "jobs[1].companyName": "Альфа", "jobs[1].title": "KAM", "jobs[1].from": "2019-01" }, ip)).status).toBe(302);
    expect((await apply(other.id, { ...first, email: first.email.toUpperCase() }, ip)).status).toBe(302);
    const people = await db().candidate.findMany({ where: { email: first.email }, include: { applications: true, workHistory: true } });
    expect(people).toHaveLength(1);
    expect(people[0]!.applications.map((a) => a.vacancyId).sort()).toEqual([vacancy.id, other.id].sort());
    expect(people[0]!.workHistory.map((j) => j.companyName).sort()).toEqual(["ООО «Гидромаш»", "Альфа"].sort());
  });

  test("one address may send ten applications an hour", async () => {
    const vacancy = await openVacancy();
    const ip = newAddress();
    for (let i = 0; i < 10; i += 1) expect((await apply(vacancy.id, person(), ip)).status).toBe(302);
    const blocked = person();
    const response = await apply(vacancy.id, blocked, ip);
    expect(response.status).toBe(429);
    expect((await response.json()).error).toEqual({ "": ["intake.apply.tooMany"] });
    expect(await db().candidate.count({ where: { email: blocked.email } })).toBe(0);
    expect((await apply(vacancy.id, blocked, newAddress())).status).toBe(302);
  });
});

describe("adding a candidate by hand", () => {
  const post = (fields: Record<string, string>, cookie: string) =>
    respond(() => newAction({ request: formRequest("/candidates/new", fields, cookie), context: {}, params: {} }));

  test("found by hand: added with the recruiter's consent note, to the chosen vacancy, then to the profile", async () => {
    const recruiter = await createUser({ roles: ["RECRUITER"], name: "Ольга Рекрутер" });
    const cookie = await sessionCookie(recruiter.id);
    const vacancy = await openVacancy();
    const fields = person({ kind: "MANUAL", vacancyId: vacancy.id });
    const response = await post(fields, cookie);
    expect(response.status).toBe(302);
    const candidate = await db().candidate.findFirstOrThrow({ where: { email: fields.email }, include: { applications: true, sources: true } });
    expect(response.headers.get("Location")).toBe(`/candidates/${candidate.id}`);
    expect(candidate).toMatchObject({ source: "MANUAL", consentText: expect.stringContaining("Ольга Рекрутер") });
    expect(candidate.sources).toEqual([expect.objectContaining({ source: "MANUAL", channel: "FORM", adapter: "manual-form" })]);
    expect(candidate.applications).toEqual([expect.objectContaining({ vacancyId: vacancy.id })]);
  });

  test("a referral keeps who referred; an employee needs no consent box", async () => {
    const recruiter = await createUser({ roles: ["RECRUITER"] });
    const cookie = await sessionCookie(recruiter.id);
    const referral = person({ kind: "REFERRAL", referrerName: "Иван Петров", referrerContact: "+7 916 111-22-33" });
    expect((await post(referral, cookie)).status).toBe(302);
    const referred = await db().candidate.findFirstOrThrow({ where: { email: referral.email }, include: { sources: true } });
    expect(referred.source).toBe("REFERRAL");
    expect(JSON.stringify(referred.sources[0])).toContain("Иван Петров");

    const employee = person({ kind: "INTERNAL", consent: "", department: "Отдел продаж", currentTitle: "Менеджер по работе с клиентами" });
    expect((await post(employee, cookie)).status).toBe(302);
    const internal = await db().candidate.findFirstOrThrow({ where: { email: employee.email } });
    expect(internal).toMatchObject({ source: "INTERNAL", currentTitle: "Менеджер по работе с клиентами" });
    expect(internal.consentText).toMatch(/трудовых отношений/);
  });

  test("someone already known by e-mail is not added twice: the form leads to their profile", async () => {
    const recruiter = await createUser({ roles: ["RECRUITER"] });
    const known = await createCandidate();
    const response = await post(person({ kind: "MANUAL", email: known.email!.toUpperCase() }), await sessionCookie(recruiter.id));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/candidates/${known.id}`);
    expect(await db().candidate.count({ where: { email: known.email } })).toBe(1);
  });

  test("missing consent or a closed vacancy is refused on its field; a hiring manager is refused", async () => {
    const recruiter = await createUser({ roles: ["RECRUITER"] });
    const cookie = await sessionCookie(recruiter.id);
    const noConsent = await post(person({ kind: "MANUAL", consent: "" }), cookie);
    expect(noConsent.status).toBe(400);
    expect((await noConsent.json()).error).toEqual({ consent: ["intake.errors.consentRequired"] });
    const closed = await openVacancy("CLOSED");
    const fields = person({ kind: "MANUAL", vacancyId: closed.id });
    const refused = await post(fields, cookie);
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toEqual({ vacancyId: ["validation.invalidChoice"] });
    expect(await db().candidate.count({ where: { email: fields.email } })).toBe(0);

    const manager = await createUser({ roles: ["HIRING_MANAGER"] });
    const managerCookie = await sessionCookie(manager.id);
    expect((await post(person({ kind: "MANUAL" }), managerCookie)).status).toBe(403);
    expect((await respond(() => newLoader({ request: getRequest("/candidates/new", managerCookie), context: {}, params: {} }))).status).toBe(403);
  });
});
