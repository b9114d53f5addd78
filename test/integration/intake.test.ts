import crypto from "node:crypto";
import { describe, expect, test } from "vitest";
import { action as applyAction, loader as applyLoader } from "~/routes/apply.$id";
import { action as newAction, loader as newLoader } from "~/routes/candidates.new";
import { addressKey } from "~/sourcing/intake.server";
import { candidateAuditTrail } from "~/sourcing/personal-data.server";
import { companyMatchKey } from "~/sourcing/company-match";
import { db } from "~/utils/db.server";
import { createCandidate, createUser, formRequest, getRequest, respond, sessionCookie } from "../factories";

let addressCounter = 0;
/** Each test applies from its own address, so the per-address limit of one never touches another. */
const newAddress = () => `203.0.113.${(addressCounter += 1)}`;

const RU = "ru-RU,ru;q=0.9";
const EN = "en-GB,en;q=0.9";

/** What the page shows: the consent text and its version, as a browser would get them. */
async function shownConsent(id: string, language = RU): Promise<{ text: string; version: string }> {
  const request = getRequest(`/apply/${id}`);
  request.headers.set("Accept-Language", language);
  const page = await respond(() => applyLoader({ request, context: {}, params: { id } }));
  return (await page.json()).consent;
}

function applyRequest(id: string, fields: Record<string, string>, language = RU) {
  const request = formRequest(`/apply/${id}`, fields);
  request.headers.set("Accept-Language", language);
  return request;
}
/** Posts the form as the page sends it: with the version of the consent text it showed, unless the test sets one. */
const apply = async (id: string, fields: Record<string, string>, ip: string, language?: string) => {
  const consentVersion = fields.consentVersion ?? (await shownConsent(id, language).catch(() => ({ version: "" }))).version;
  return respond(() => applyAction({ request: applyRequest(id, { ...fields, consentVersion }, language), context: { clientIp: ip }, params: { id } }));
};
const post = (id: string, request: Request, ip: string) => respond(() => applyAction({ request, context: { clientIp: ip }, params: { id } }));

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
    // The consent is to this vacancy and to the exact text the page showed.
    const shown = await shownConsent(vacancy.id);
    expect(candidate.consentText).toBe(shown.text);
    expect(shown.version).toBe(crypto.createHash("sha256").update(shown.text).digest("hex"));
    expect(candidate.sources[0]!.raw).toMatchObject({ consentShown: { vacancyId: vacancy.id, textSha256: shown.version, locale: "ru" } });
    expect(await db().auditEntry.findMany({ where: { entityId: candidate.id, action: "candidate.consent-given" }, select: { details: true } })).toEqual([
      { details: { vacancyId: vacancy.id, textSha256: shown.version, locale: "ru", channel: "apply-page" } },
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
    expect((await apply(vacancy.id, fields, newAddress(), EN)).status).toBe(302);
    const candidate = await db().candidate.findFirstOrThrow({ where: { email: fields.email } });
    expect(candidate.consentText).toMatch(/^I consent to the processing/);
  });

  test("the consent kept is the text the page showed, even when the browser's language changed in between", async () => {
    const vacancy = await openVacancy();
    const english = await shownConsent(vacancy.id, EN);
    const fields = person({ consentVersion: english.version });
    expect((await apply(vacancy.id, fields, newAddress(), RU)).status).toBe(302);
    const candidate = await db().candidate.findFirstOrThrow({ where: { email: fields.email }, include: { sources: true } });
    expect(candidate.consentText).toBe(english.text);
    expect(candidate.sources[0]!.raw).toMatchObject({ consentShown: { textSha256: english.version, locale: "en" } });
  });

  test("a consent text no page shows (changed since the form was opened) is refused on the consent box, keeping what was typed", async () => {
    const vacancy = await openVacancy();
    for (const consentVersion of ["0".repeat(64), ""]) {
      const fields = person({ consentVersion });
      const response = await apply(vacancy.id, fields, newAddress());
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.error).toEqual({ consent: ["intake.errors.consentChanged"] });
      expect(body.initialValue).toMatchObject({ lastName: "Смирнова", email: fields.email });
      expect(await db().candidate.count({ where: { email: fields.email } })).toBe(0);
    }
  });

  test("applying again, to a second vacancy, keeps that consent on its source record: an unverified apply, not the person's consent", async () => {
    const first = await openVacancy();
    const second = await openVacancy();
    const fields = person();
    const ip = newAddress();
    expect((await apply(first.id, fields, ip)).status).toBe(302);
    expect((await apply(second.id, fields, ip)).status).toBe(302);
    const candidate = await db().candidate.findFirstOrThrow({ where: { email: fields.email }, include: { sources: true } });
    const shownTo = candidate.sources.map((s) => (s.raw as { consentShown: { vacancyId: string } }).consentShown.vacancyId);
    expect(shownTo.sort()).toEqual([first.id, second.id].sort());
    const given = await db().auditEntry.findMany({ where: { entityId: candidate.id, action: "candidate.consent-given" } });
    expect(given.map((e) => (e.details as { vacancyId: string }).vacancyId)).toEqual([first.id]);
    // The page cannot tell the person from someone who knows their address.
    const later = candidate.sources.find((s) => (s.raw as { consentShown: { vacancyId: string } }).consentShown.vacancyId === second.id)!;
    const application = await db().application.findFirstOrThrow({ where: { candidateId: candidate.id, vacancyId: second.id } });
    const unverified = await db().auditEntry.findMany({ where: { entityId: candidate.id, action: "candidate.apply-unverified" } });
    expect(unverified.map((e) => e.details)).toEqual([
      { vacancyId: second.id, textSha256: (await shownConsent(second.id)).version, locale: "ru", channel: "apply-page", sourceRecordId: later.id, applicationId: application.id },
    ]);
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

  test("someone who applies twice stays one candidate with one application, changed only by the first", async () => {
    const vacancy = await openVacancy();
    const other = await openVacancy();
    const first = person();
    const ip = newAddress();
    expect((await apply(vacancy.id, first, ip)).status).toBe(302);
    // Again the same form, then with another phone and a new job, then to another vacancy.
    expect((await apply(vacancy.id, first, ip)).status).toBe(302);
    expect((await apply(vacancy.id, { ...first, phone: "8 (916) 700-99-99", "jobs[1].companyName": "Альфа", "jobs[1].title": "KAM", "jobs[1].from": "2019-01" }, ip)).status).toBe(302);
    expect((await apply(other.id, { ...first, email: first.email.toUpperCase() }, ip)).status).toBe(302);
    const people = await db().candidate.findMany({ where: { email: first.email }, include: { applications: true, workHistory: true, sources: true } });
    expect(people).toHaveLength(1);
    expect(people[0]!.applications.map((a) => a.vacancyId).sort()).toEqual([vacancy.id, other.id].sort());
    // The page cannot tell the person from someone using their address: later forms are kept as records only.
    expect(people[0]!.workHistory.map((j) => j.companyName)).toEqual(["ООО «Гидромаш»"]);
    expect(people[0]!.phone).toBe(`+791670${first.phone.slice(-5)}`);
    expect(people[0]!.sources).toHaveLength(3);
    expect(people[0]!.sources.map((r) => (r.parsed as { phone?: string }).phone)).toContain("8 (916) 700-99-99");
  });

  test("a visitor using someone's e-mail cannot change that person: no phone, city or job of theirs is taken", async () => {
    const vacancy = await openVacancy();
    const stop = await db().company.create({ data: { name: "ООО «Откат-Гарант»", normalizedName: companyMatchKey("Откат-Гарант") } });
    await db().vacancyCompanyList.create({ data: { vacancyId: vacancy.id, companyId: stop.id, kind: "EXCLUDED" } });
    const victim = await createCandidate({
      phone: null,
      city: null,
      consentAt: null,
      workHistory: { create: { companyName: "Ромашка", title: "KAM", startedOn: new Date("2019-01-01") } },
    });
    const response = await apply(
      vacancy.id,
      person({ email: victim.email!, phone: "+7 916 555-00-99", city: "Тула", "jobs[0].companyName": "Откат-Гарант", "jobs[0].from": "01.2020" }),
      newAddress(),
    );
    expect(response.status).toBe(302);
    const after = await db().candidate.findUniqueOrThrow({ where: { id: victim.id }, include: { workHistory: true, applications: true, sources: true } });
    expect(after).toMatchObject({ phone: null, city: null, firstName: victim.firstName, lastName: victim.lastName });
    expect(after.workHistory.map((j) => j.companyName)).toEqual(["Ромашка"]);
    expect(after.applications).toMatchObject([{ vacancyId: vacancy.id, tier: "OPEN_MARKET", stage: "SOURCED" }]);
    expect(after.sources).toMatchObject([{ adapter: "apply-page", parsed: { city: "Тула", workHistory: [{ companyName: "Откат-Гарант" }] } }]);
    // Nor can they consent for that person: the consent stays with the record they sent.
    expect(after).toMatchObject({ consentAt: null, consentText: null });
    expect(after.sources[0]!.raw).toMatchObject({ consentShown: { vacancyId: vacancy.id } });
    expect(await db().auditEntry.count({ where: { entityId: victim.id, action: "candidate.consent-given" } })).toBe(0);
    const entry = await db().auditEntry.findFirstOrThrow({ where: { entityId: victim.id, action: "candidate.apply-unverified" } });
    expect(entry).toMatchObject({ actorId: null, details: { vacancyId: vacancy.id, sourceRecordId: after.sources[0]!.id, applicationId: after.applications[0]!.id, channel: "apply-page" } });
    expect(JSON.stringify(entry.details)).not.toMatch(/Тула|Смирнова|Анна|mail\.test|916|Откат/);
    // The profile's personal-data panel lists it as the source record's consent.
    const trail = await candidateAuditTrail(victim.id);
    expect(trail).toEqual([expect.objectContaining({ action: "candidate.apply-unverified", sourceRecordId: after.sources[0]!.id, vacancy: { id: vacancy.id, title: vacancy.title } })]);
  });

  test("only the form's declared fields are stored, whatever else is posted", async () => {
    const vacancy = await openVacancy();
    const fields = person({ comment: "x".repeat(40_000), "jobs[0].salary": "1000000", isAdmin: "true", __proto__field: "y" });
    expect((await apply(vacancy.id, fields, newAddress())).status).toBe(302);
    const source = await db().sourceRecord.findFirstOrThrow({ where: { candidate: { email: fields.email } } });
    expect(Object.keys(source.raw as object).sort()).toEqual(
      ["city", "consent", "consentShown", "email", "firstName", "jobs[0].companyName", "jobs[0].from", "jobs[0].title", "lastName", "phone"].sort(),
    );
    expect(JSON.stringify(source.raw).length).toBeLessThan(2_000);
  });

  test("a body over 64 KB is refused unread with a page that says so, and nothing is stored", async () => {
    const vacancy = await openVacancy();
    const ip = newAddress();
    const big = person({ comment: "x".repeat(250_000) });
    const refused = await apply(vacancy.id, big, ip);
    expect(refused.status).toBe(413);
    expect(await refused.json()).toEqual({ problem: "too-large" });
    expect(await db().candidate.count({ where: { email: big.email } })).toBe(0);

    // A length declared too large is refused before a byte is read; an undeclared (chunked) body is counted.
    const declared = applyRequest(vacancy.id, person());
    declared.headers.set("Content-Length", String(10 * 1024 * 1024));
    expect((await post(vacancy.id, declared, ip)).status).toBe(413);
    const chunk = new TextEncoder().encode(`lastName=${"x".repeat(16 * 1024)}&`);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1;
        if (sent > 100) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const chunked = new Request(`http://localhost/apply/${vacancy.id}`, {
      method: "POST",
      body: stream,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      duplex: "half",
    } as RequestInit);
    expect((await post(vacancy.id, chunked, ip)).status).toBe(413);
    // Reading stopped at the limit: 5 chunks of 16 KB, not all 100.
    expect(sent).toBeLessThan(10);
    const refusals = await db().auditEntry.findMany({ where: { action: "vacancy.apply-refused", entityId: vacancy.id } });
    expect(refusals.map((e) => (e.details as { problem: string }).problem)).toEqual(["too-large", "too-large", "too-large"]);
  });

  test("a bot's trap field and refused forms count toward the address's limit", async () => {
    const vacancy = await openVacancy();
    const ip = newAddress();
    for (let i = 0; i < 4; i += 1) expect((await apply(vacancy.id, person({ website: "http://spam.example" }), ip)).status).toBe(302);
    for (let i = 0; i < 3; i += 1) expect((await apply(vacancy.id, person({ phone: "нет" }), ip)).status).toBe(400);
    for (let i = 0; i < 3; i += 1) expect((await apply(vacancy.id, person({ comment: "x".repeat(70_000) }), ip)).status).toBe(413);
    const blocked = person();
    const response = await apply(vacancy.id, blocked, ip);
    expect(response.status).toBe(429);
    expect(await db().candidate.count({ where: { email: blocked.email } })).toBe(0);
    // Over the limit a form with a mistake says so at once, keeping what was typed; nothing more is written.
    const typo = await apply(vacancy.id, person({ phone: "нет" }), ip);
    expect(typo.status).toBe(429);
    expect((await typo.json()).initialValue).toMatchObject({ lastName: "Смирнова" });
    expect(await db().auditEntry.count({ where: { action: "vacancy.apply-refused", entityId: vacancy.id } })).toBe(10);
    expect((await apply(vacancy.id, blocked, newAddress())).status).toBe(302);
  });

  test("the address is kept as an HMAC under the server's secret, not a hash anyone can reverse", async () => {
    const vacancy = await openVacancy();
    const ip = newAddress();
    expect((await apply(vacancy.id, person(), ip)).status).toBe(302);
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: "vacancy.apply", entityId: vacancy.id } });
    const stored = (entry.details as { address: string }).address;
    const plain = (text: string) => crypto.createHash("sha256").update(text).digest("hex").slice(0, 32);
    // What the old key was, and what trying every IPv4 address would find.
    expect([plain(`apply:${ip}`), plain(ip), plain(`apply-address:${ip}`)]).not.toContain(stored);
    expect(stored).toMatch(/^[0-9a-f]{32}$/);
    expect(addressKey(ip)).toBe(stored);
    expect(addressKey(ip, "another-secret-another-secret-xx")).not.toBe(stored);
    expect(JSON.stringify(entry.details)).not.toContain(ip);
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
