import { describe, expect, test } from "vitest";
import { addApplication } from "~/pipeline/pipeline.server";
import { db } from "~/utils/db.server";
import { action, loader } from "~/routes/candidates.$id";
import { createCandidate, createUser, formRequest, getRequest, respond, sessionCookie } from "../factories";

const context = { clientIp: "127.0.0.1" };
const post = (id: string, fields: Record<string, string>, cookie: string) =>
  respond(() => action({ request: formRequest(`/candidates/${id}`, fields, cookie), context, params: { id } }));

describe("a candidate's personal data", () => {
  test("a recruiter marks a candidate do-not-contact with a reason, and it is audited", async () => {
    const recruiter = await createUser({ roles: ["RECRUITER"] });
    const candidate = await createCandidate();
    const response = await post(candidate.id, { intent: "do-not-contact", reason: "Попросил по телефону" }, await sessionCookie(recruiter.id));
    expect(response.status).toBe(302);
    const after = await db().candidate.findUniqueOrThrow({ where: { id: candidate.id } });
    expect(after.doNotContact).toBe(true);
    expect(after.doNotContactAt).toBeInstanceOf(Date);
    const entry = await db().auditEntry.findFirstOrThrow({ where: { entityId: candidate.id } });
    expect(entry).toMatchObject({ actorId: recruiter.id, action: "candidate.do-not-contact", details: { reason: "Попросил по телефону" } });
  });

  test("no reason, or a hiring manager, changes nothing", async () => {
    const recruiter = await createUser({ roles: ["RECRUITER"] });
    const manager = await createUser({ roles: ["HIRING_MANAGER"] });
    const candidate = await createCandidate();
    const empty = await post(candidate.id, { intent: "do-not-contact", reason: "  " }, await sessionCookie(recruiter.id));
    expect(empty.status).toBe(400);
    expect((await empty.json()).error).toMatchObject({ reason: ["validation.required"] });
    const forbidden = await post(candidate.id, { intent: "erase", reason: "x", confirm: "on" }, await sessionCookie(manager.id));
    expect(forbidden.status).toBe(403);
    expect(await db().candidate.findUniqueOrThrow({ where: { id: candidate.id } })).toMatchObject({
      doNotContact: false,
      erasedAt: null,
    });
    expect(await db().auditEntry.count({ where: { entityId: candidate.id } })).toBe(0);
  });

  test("erasure needs confirmation, removes the person's data and keeps the anonymous funnel", async () => {
    const recruiter = await createUser({ roles: ["RECRUITER"] });
    const cookie = await sessionCookie(recruiter.id);
    const candidate = await createCandidate({
      workHistory: { create: { companyName: "ООО «Гидромаш»", title: "KAM", startedOn: new Date("2020-01-01") } },
      tags: ["сильный"],
      searchText: "соколова ирина sokolova irina",
      sources: {
        create: {
          source: "HH", channel: "API", adapter: "hh-api", externalId: "resume-1", fingerprint: "f1",
          url: "https://hh.ru/resume/resume-1", raw: { first_name: "Ирина" }, parsed: { firstName: "Ирина" },
        },
      },
    });
    const vacancy = await db().vacancy.create({ data: { title: "KAM", city: "Москва", industry: "Оборудование" } });
    await addApplication({ candidateId: candidate.id, vacancyId: vacancy.id, actorId: recruiter.id });
    await db().emailMessage.create({
      data: { toAddress: candidate.email!, fromAddress: "hr@x.ru", subject: "Вакансия", text: "Ирина, здравствуйте", candidateId: candidate.id },
    });

    const unconfirmed = await post(candidate.id, { intent: "erase", reason: "Запрос кандидата" }, cookie);
    expect(unconfirmed.status).toBe(400);
    expect((await unconfirmed.json()).error).toMatchObject({ confirm: ["personalData.confirmRequired"] });
    expect((await db().candidate.findUniqueOrThrow({ where: { id: candidate.id } })).erasedAt).toBeNull();

    const erased = await post(candidate.id, { intent: "erase", reason: "Запрос кандидата", confirm: "on" }, cookie);
    expect(erased.status).toBe(302);
    const row = await db().candidate.findUniqueOrThrow({ where: { id: candidate.id } });
    expect(row).toMatchObject({ firstName: "", lastName: "", middleName: null, email: null, phone: null, city: null, doNotContact: true });
    expect(row.erasedAt).toBeInstanceOf(Date);
    expect(await db().workExperience.count({ where: { candidateId: candidate.id } })).toBe(0);
    expect(row).toMatchObject({ tags: [], searchText: "" });
    // The source record keeps only what recognises the same resume if it is imported again.
    expect(await db().sourceRecord.findFirstOrThrow({ where: { candidateId: candidate.id } })).toMatchObject({
      raw: {}, parsed: {}, url: null, externalId: "resume-1", fingerprint: "f1",
    });
    expect(await db().emailMessage.findFirstOrThrow({ where: { candidateId: candidate.id } })).toMatchObject({ toAddress: "erased", text: "" });
    expect(await db().application.count({ where: { candidateId: candidate.id } })).toBe(1);
    expect(await db().auditEntry.count({ where: { entityId: candidate.id, action: "candidate.erase" } })).toBe(1);

    const page = await respond(async () => loader({ request: getRequest(`/candidates/${candidate.id}`, cookie), context, params: { id: candidate.id } }));
    const body = JSON.stringify(await page.json());
    expect(body).not.toContain("Соколова");
    expect(body).not.toContain("mail.test");
    expect(body).toContain("candidate.erase");

    // Erasing twice is refused: there is nothing left to erase.
    expect((await post(candidate.id, { intent: "erase", reason: "again", confirm: "on" }, cookie)).status).toBe(404);
  });
});
