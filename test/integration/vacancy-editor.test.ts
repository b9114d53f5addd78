import { describe, expect, test } from "vitest";
import { addApplication } from "~/pipeline/pipeline.server";
import { loader as detailLoader } from "~/routes/vacancies.$id";
import { action as editAction, loader as editLoader } from "~/routes/vacancies.$id_.edit";
import { action as newAction, loader as newLoader } from "~/routes/vacancies.new";
import { companyMatchKey } from "~/sourcing/company-match";
import { db } from "~/utils/db.server";
import { createCandidate, createUser, formRequest, getRequest, respond, sessionCookie } from "../factories";

const context = { clientIp: "127.0.0.1" };

const basics = {
  title: "Key Account Manager",
  city: "Москва",
  industry: "Промышленное оборудование",
  openings: "2",
  status: "OPEN",
  salaryMinRub: "150 000",
  salaryMaxRub: "220 000",
};

async function company(name: string, alias?: string) {
  return db().company.create({
    data: {
      name,
      normalizedName: companyMatchKey(name),
      ...(alias ? { aliases: { create: { alias, normalized: companyMatchKey(alias) } } } : {}),
    },
  });
}

async function recruiterCookie() {
  const recruiter = await createUser({ roles: ["RECRUITER"] });
  return { recruiter, cookie: await sessionCookie(recruiter.id) };
}

const create = (fields: Record<string, string>, cookie: string) =>
  respond(() => newAction({ request: formRequest("/vacancies/new", fields, cookie), context, params: {} }));
const edit = (id: string, fields: Record<string, string>, cookie: string) =>
  respond(() => editAction({ request: formRequest(`/vacancies/${id}/edit`, fields, cookie), context, params: { id } }));
const editPage = async (location: string, cookie: string) => {
  const id = location.split("/")[2]!;
  return (await respond(() => editLoader({ request: getRequest(location, cookie), context, params: { id } }))).json();
};

describe("creating a vacancy with company lists", () => {
  test("lines are matched by name or alias, missing companies are added, and the page says which", async () => {
    const { recruiter, cookie } = await recruiterCookie();
    const gidromash = await company("Гидромаш", "Hydromash Group");
    const alfa = await company("Альфа-Трейд");
    const companiesBefore = await db().company.count();
    const response = await create(
      {
        ...basics,
        recruiterId: recruiter.id,
        sellingLetter: "{{firstName}}, приглашаем вас на конкурс…",
        targetCompanies: "Hydromash Group\nНасосТрейд",
        excludedCompanies: "ООО «Альфа-Трейд»",
        adjacentCompanies: "ПромАрм",
        adjacentNiches: "трубопроводная арматура",
        requireLocal: "on",
        salaryCeilingRub: "300 000",
      },
      cookie,
    );
    expect(response.status).toBe(302);
    const location = response.headers.get("Location")!;
    expect(location).toMatch(/^\/vacancies\/[^/]+\/edit\?saved=\d+$/);
    const id = location.split("/")[2]!;
    const vacancy = await db().vacancy.findUniqueOrThrow({ where: { id }, include: { companyLists: true } });
    expect(vacancy).toMatchObject({
      title: "Key Account Manager",
      status: "OPEN",
      openings: 2,
      salaryMinRub: 150_000,
      salaryMaxRub: 220_000,
      recruiterId: recruiter.id,
      sellingLetter: "{{firstName}}, приглашаем вас на конкурс…",
      adjacentNiches: ["трубопроводная арматура"],
      requireLocal: true,
      salaryCeilingRub: 300_000,
    });
    expect(await db().company.count()).toBe(companiesBefore + 2);
    const kindOf = new Map(vacancy.companyLists.map((l) => [l.companyId, l.kind]));
    expect(kindOf.get(gidromash.id)).toBe("TARGET");
    expect(kindOf.get(alfa.id)).toBe("EXCLUDED");
    expect(vacancy.companyLists).toHaveLength(4);
    expect(await db().auditEntry.findFirstOrThrow({ where: { entityId: vacancy.id } })).toMatchObject({
      actorId: recruiter.id,
      action: "vacancy.create",
    });

    const page = await editPage(location, cookie);
    expect(page.report.TARGET).toEqual([
      { line: "Hydromash Group", companyId: gidromash.id, name: "Гидромаш", via: "alias", alias: "Hydromash Group" },
      expect.objectContaining({ line: "НасосТрейд", name: "НасосТрейд", via: "created" }),
    ]);
    expect(page.report.EXCLUDED).toEqual([expect.objectContaining({ line: "ООО «Альфа-Трейд»", name: "Альфа-Трейд", via: "name" })]);
    expect(page.values).toMatchObject({ title: "Key Account Manager", salaryMinRub: "150000", targetCompanies: "Гидромаш\nНасосТрейд" });
  });

  test("a company on two lists through an alias is refused by name and nothing is saved, new companies included", async () => {
    const { cookie } = await recruiterCookie();
    await company("Балтмаш", "Baltmash Group");
    const [companiesBefore, auditBefore] = [await db().company.count(), await db().auditEntry.count()];
    const response = await create(
      { ...basics, title: "KAM refused", targetCompanies: "Балтмаш\nСовсем Новая Компания", excludedCompanies: "Baltmash Group" },
      cookie,
    );
    expect(response.status).toBe(400);
    const body = await response.json();
    const message = "vacancyEditor.errors.twoLists.TARGET_EXCLUDED|name=«Балтмаш»";
    expect(body.result.error).toEqual({ targetCompanies: [message], excludedCompanies: [message] });
    // What the person typed comes back as typed.
    expect(body.result.initialValue).toMatchObject({ title: "KAM refused", salaryMinRub: "150 000", excludedCompanies: "Baltmash Group" });
    expect(await db().vacancy.count({ where: { title: "KAM refused" } })).toBe(0);
    expect(await db().company.count()).toBe(companiesBefore);
    expect(await db().auditEntry.count()).toBe(auditBefore);
  });

  test("bad fields are all reported, and a user without the role cannot be put on the team", async () => {
    const { cookie } = await recruiterCookie();
    const manager = await createUser({ roles: ["HIRING_MANAGER"] });
    const before = await db().vacancy.count();
    const invalid = await create({ ...basics, title: "", openings: "60", salaryMaxRub: "100 000" }, cookie);
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).result.error).toEqual({
      title: ["validation.required"],
      openings: ["vacancyEditor.errors.openings|max=50"],
      salaryMaxRub: ["vacancyEditor.errors.salaryRange"],
    });
    const wrongRole = await create({ ...basics, recruiterId: manager.id, hiringManagerId: manager.id }, cookie);
    expect(wrongRole.status).toBe(400);
    expect((await wrongRole.json()).result.error).toEqual({ recruiterId: ["vacancyEditor.errors.wrongRole"] });
    expect(await db().vacancy.count()).toBe(before);
  });

  test("a hiring manager may see vacancies but not create or edit them", async () => {
    const manager = await createUser({ roles: ["HIRING_MANAGER"] });
    const cookie = await sessionCookie(manager.id);
    expect((await respond(() => newLoader({ request: getRequest("/vacancies/new", cookie), context, params: {} }))).status).toBe(403);
    expect((await create(basics, cookie)).status).toBe(403);
    const vacancy = await db().vacancy.create({ data: { title: "KAM", city: "Москва", industry: "Оборудование" } });
    expect((await edit(vacancy.id, basics, cookie)).status).toBe(403);
    const detail = await respond(() =>
      detailLoader({ request: getRequest(`/vacancies/${vacancy.id}`, cookie), context, params: { id: vacancy.id } }),
    );
    expect((await detail.json()).canEdit).toBe(false);
  });
});

describe("editing a vacancy", () => {
  test("changing the lists re-tiers its applications in the same save", async () => {
    const { cookie } = await recruiterCookie();
    const uralmash = await company("Уралмаш");
    const vacancy = await db().vacancy.create({ data: { title: "KAM", city: "Москва", industry: "Оборудование", status: "OPEN" } });
    const candidate = await createCandidate({
      workHistory: { create: { companyName: "ООО «Уралмаш»", companyId: uralmash.id, title: "KAM", startedOn: new Date("2019-01-01") } },
    });
    const application = await addApplication({ candidateId: candidate.id, vacancyId: vacancy.id, actorId: null, tier: "OPEN_MARKET" });

    const response = await edit(vacancy.id, { ...basics, excludedCompanies: "Уралмаш", sellingLetter: "Письмо" }, cookie);
    expect(response.status).toBe(302);
    const after = await db().application.findUniqueOrThrow({ where: { id: application.id } });
    expect(after.tier).toBe("EXCLUDED");
    expect(after.tierReason).toMatchObject({ list: "EXCLUDED", companyName: "ООО «Уралмаш»" });
    expect(await db().auditEntry.findFirstOrThrow({ where: { entityId: vacancy.id } })).toMatchObject({
      action: "vacancy.update",
      details: expect.objectContaining({ listsChanged: true }),
    });

    // Moving the company to the target list moves the candidate too.
    await edit(vacancy.id, { ...basics, targetCompanies: "Уралмаш" }, cookie);
    expect((await db().application.findUniqueOrThrow({ where: { id: application.id } })).tier).toBe("TARGET");
    const detail = await respond(() =>
      detailLoader({ request: getRequest(`/vacancies/${vacancy.id}`, cookie), context, params: { id: vacancy.id } }),
    );
    expect((await detail.json()).vacancy).toMatchObject({ sellingLetter: null, requireLocal: false, adjacentNiches: [] });
  });

  test("an override the new lists no longer cover is cleared, audited as done by the editor", async () => {
    const { recruiter, cookie } = await recruiterCookie();
    const [alpha, beta] = [await company("Откат-Альфа"), await company("Откат-Бета")];
    const vacancy = await db().vacancy.create({ data: { title: "KAM", city: "Москва", industry: "Оборудование", status: "OPEN" } });
    const candidate = await createCandidate({
      workHistory: {
        create: [
          { companyName: "Откат-Альфа", companyId: alpha.id, title: "KAM", startedOn: new Date("2015-01-01"), endedOn: new Date("2016-01-01") },
          { companyName: "Откат-Бета", companyId: beta.id, title: "KAM", startedOn: new Date("2020-01-01"), endedOn: new Date("2021-01-01") },
        ],
      },
    });
    const application = await addApplication({ candidateId: candidate.id, vacancyId: vacancy.id, actorId: null, tier: "OPEN_MARKET" });
    expect((await edit(vacancy.id, { ...basics, excludedCompanies: "Откат-Альфа" }, cookie)).status).toBe(302);
    // Written as the override form writes it: given for the company the person was struck out for.
    const struck = await db().application.findUniqueOrThrow({ where: { id: application.id } });
    expect(struck.tierReason).toMatchObject({ list: "EXCLUDED", companyName: "Откат-Альфа" });
    await db().application.update({
      where: { id: application.id },
      data: { contactOverrideAt: new Date(), contactOverrideById: recruiter.id, contactOverrideReason: "Ушёл давно", contactOverrideMatch: struck.tierReason! },
    });

    const editor = await recruiterCookie();
    expect((await edit(vacancy.id, { ...basics, excludedCompanies: "Откат-Альфа\nОткат-Бета" }, editor.cookie)).status).toBe(302);
    expect(await db().application.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({
      tier: "EXCLUDED",
      tierReason: { companyName: "Откат-Бета" },
      contactOverrideAt: null,
      contactOverrideMatch: null,
    });
    const cleared = await db().auditEntry.findMany({ where: { entityId: candidate.id, action: "candidate.contact-override-clear" } });
    expect(cleared).toHaveLength(1);
    expect(cleared[0]).toMatchObject({ actorId: editor.recruiter.id, details: { applicationId: application.id, vacancyId: vacancy.id } });
  });

  test("copying lists fills the form from another vacancy and saves nothing", async () => {
    const { recruiter, cookie } = await recruiterCookie();
    const alfa = await company("Сибтрейд");
    const vector = await company("Вектор");
    const source = await db().vacancy.create({
      data: {
        title: "KAM Санкт-Петербург",
        city: "Санкт-Петербург",
        industry: "Оборудование",
        adjacentNiches: ["насосы"],
        companyLists: { create: [{ companyId: alfa.id, kind: "TARGET" }, { companyId: vector.id, kind: "EXCLUDED" }] },
      },
    });
    const target = await db().vacancy.create({ data: { title: "KAM Москва", city: "Москва", industry: "Оборудование" } });

    const response = await edit(target.id, { ...basics, title: "KAM Москва (новое название)", targetCompanies: "Что-то своё", intent: "copy", copyFrom: source.id }, cookie);
    expect(response.status).toBe(200);
    const { result, copiedFrom } = await response.json();
    expect(copiedFrom).toBe("KAM Санкт-Петербург");
    const copied = { targetCompanies: "Сибтрейд", excludedCompanies: "Вектор", adjacentCompanies: "", adjacentNiches: "насосы" };
    expect(result.initialValue).toMatchObject({ ...copied, title: "KAM Москва (новое название)" });
    expect(result.intent).toMatchObject({ type: "update", payload: { value: expect.objectContaining(copied) } });
    expect(await db().vacancy.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ title: "KAM Москва", adjacentNiches: [] });
    expect(await db().vacancyCompanyList.count({ where: { vacancyId: target.id } })).toBe(0);
    expect(await db().auditEntry.count({ where: { entityId: target.id } })).toBe(0);

    const missing = await edit(target.id, { intent: "copy", copyFrom: "no-such-vacancy" }, cookie);
    expect(missing.status).toBe(400);
    expect((await missing.json()).result.error).toEqual({ copyFrom: ["vacancyEditor.errors.chooseVacancy"] });

    const saved = await edit(target.id, { ...basics, ...copied, recruiterId: recruiter.id }, cookie);
    expect(saved.status).toBe(302);
    expect(await db().vacancyCompanyList.count({ where: { vacancyId: target.id } })).toBe(2);
  });

  test("an unknown vacancy is not found, and the edit page starts from the saved values", async () => {
    const { cookie } = await recruiterCookie();
    expect((await edit("no-such-id", basics, cookie)).status).toBe(404);
    expect((await respond(() => editLoader({ request: getRequest("/vacancies/x/edit", cookie), context, params: { id: "x" } }))).status).toBe(404);
    const vacancy = await db().vacancy.create({
      data: { title: "KAM", city: "Москва", industry: "Оборудование", salaryMinRub: 120_000, status: "ON_HOLD", requireLocal: true },
    });
    const page = await editPage(`/vacancies/${vacancy.id}/edit`, cookie);
    expect(page.report).toBeNull();
    expect(page.values).toMatchObject({ title: "KAM", salaryMinRub: "120000", salaryMaxRub: "", status: "ON_HOLD", requireLocal: "on" });
  });

  test("closing a vacancy stamps when; reopening clears it", async () => {
    const { cookie } = await recruiterCookie();
    const vacancy = await db().vacancy.create({ data: { title: "KAM", city: "Москва", industry: "Оборудование", status: "OPEN" } });
    await edit(vacancy.id, { ...basics, status: "CLOSED" }, cookie);
    const closed = await db().vacancy.findUniqueOrThrow({ where: { id: vacancy.id } });
    expect(closed.closedAt).toBeInstanceOf(Date);
    await edit(vacancy.id, { ...basics, status: "CLOSED", title: "KAM (закрыта)" }, cookie);
    expect((await db().vacancy.findUniqueOrThrow({ where: { id: vacancy.id } })).closedAt).toEqual(closed.closedAt);
    await edit(vacancy.id, { ...basics, status: "OPEN" }, cookie);
    expect((await db().vacancy.findUniqueOrThrow({ where: { id: vacancy.id } })).closedAt).toBeNull();
  });
});
