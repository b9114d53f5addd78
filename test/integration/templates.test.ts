import { afterAll, afterEach, describe, expect, test } from "vitest";
import { sendTemplateMail } from "~/outreach/send-template.server";
import { mergeValuesFor, templateFor } from "~/outreach/templates.server";
import { formatRubRange } from "~/i18n/format";
import { hashToken, publicUrl } from "~/outreach/links.server";
import { addApplication } from "~/pipeline/pipeline.server";
import { default as TemplatesPage, loader as listLoader } from "~/routes/outreach.templates._index";
import { action as editAction, default as EditTemplatePage, loader as editLoader } from "~/routes/outreach.templates.$id";
import { action as newAction, loader as newLoader } from "~/routes/outreach.templates.new";
import { action as previewAction, loader as previewLoader } from "~/routes/outreach.templates.preview";
import { resetDatabase, seedDemo } from "~/demo/seed.server";
import { TEMPLATE_KINDS } from "~/outreach/merge-fields";
import { checkTemplate } from "~/outreach/template-render";
import { ContactRefused } from "~/sourcing/contact-policy.server";
import { db } from "~/utils/db.server";
import { reloadEnv } from "~/utils/env.server";
import { stopJobs } from "~/utils/jobs.server";
import { deliverNow } from "~/utils/mail.server";
import { createCandidate, createUser, formRequest, getRequest, respond, sessionCookie } from "../factories";
import { renderRoute, textsOf } from "../render-route";
import { startSmtpServer } from "../setup/smtp";

const context = { clientIp: "127.0.0.1" };

// Queuing a letter starts the job queue; stop it before the test database goes.
afterAll(() => stopJobs());

const letter = {
  kind: "SELLING_LETTER",
  name: "Продающее письмо",
  subjectRu: "{{firstName}}, конкурс на место «{{vacancyTitle}}»",
  bodyRu: "{{firstName}}, добрый день!\n\nДоход **{{salaryRange}}**.\n\n[Заполните анкету]({{questionnaireLink}})\n\n{{recruiterName}}",
  subjectEn: "{{firstName}}, a competition for {{vacancyTitle}}",
  bodyEn: "Dear {{firstName}},\n\n[Fill in the questionnaire]({{questionnaireLink}})",
};

async function recruiterCookie() {
  const recruiter = await createUser({ roles: ["RECRUITER"], name: "Екатерина Смирнова" });
  return { recruiter, cookie: await sessionCookie(recruiter.id) };
}

async function vacancyWithCandidate(recruiterId: string | null, candidate: Parameters<typeof createCandidate>[0] = {}) {
  const vacancy = await db().vacancy.create({
    data: { title: "Key Account Manager", city: "Москва", industry: "Оборудование", status: "OPEN", salaryMinRub: 150_000, salaryMaxRub: 250_000, recruiterId },
  });
  const person = await createCandidate(candidate);
  const application = await addApplication({ candidateId: person.id, vacancyId: vacancy.id, actorId: null });
  return { vacancy, person, application };
}

const create = (fields: Record<string, string>, cookie: string) =>
  respond(() => newAction({ request: formRequest("/outreach/templates/new", fields, cookie), context, params: {} }));
const edit = (id: string, fields: Record<string, string>, cookie: string) =>
  respond(() => editAction({ request: formRequest(`/outreach/templates/${id}`, fields, cookie), context, params: { id } }));
const preview = (fields: Record<string, string>, cookie: string) =>
  respond(() => previewAction({ request: formRequest("/outreach/templates/preview", fields, cookie), context, params: {} }));

const counts = async () => ({ templates: await db().messageTemplate.count(), audit: await db().auditEntry.count(), mail: await db().emailMessage.count() });
const chosen = (kind: Parameters<typeof templateFor>[1], vacancyId: string | null) => db().$transaction((tx) => templateFor(tx, kind, vacancyId));
const idFrom = (response: Response) => response.headers.get("Location")!.split("/")[3]!.split("?")[0]!;

describe("saving a template", () => {
  test("an unknown merge field is refused by name under its field; what was typed comes back and nothing is written", async () => {
    const { cookie } = await recruiterCookie();
    const before = await counts();
    const response = await create({ ...letter, name: "С ошибкой", bodyRu: "Здравствуйте, {{firstNam}}!" }, cookie);
    expect(response.status).toBe(400);
    const { result } = await response.json();
    expect(result.error).toEqual({ bodyRu: ["templates.errors.unknownField|field=firstNam"] });
    expect(result.initialValue).toMatchObject({ name: "С ошибкой", bodyRu: "Здравствуйте, {{firstNam}}!", subjectEn: letter.subjectEn });
    expect(await counts()).toEqual(before);
  });

  test("broken Markdown is refused with a message for each problem, next to the subject or body it is in", async () => {
    const { cookie } = await recruiterCookie();
    const before = await counts();
    const response = await create(
      {
        ...letter,
        name: "Сломанный",
        subjectRu: "Тема {{firstName",
        bodyRu: "Привет <b>жирным</b> и [ссылка](javascript:alert(1))",
        bodyEn: "Code:\n\n```\nnever closed",
      },
      cookie,
    );
    expect(response.status).toBe(400);
    const { result } = await response.json();
    expect(result.error).toEqual({
      subjectRu: ["templates.errors.unclosedBraces|text={{firstName"],
      bodyRu: ["templates.errors.html|tag=<b>", "templates.errors.badLink|url=javascript:alert(1)"],
      bodyEn: ["templates.errors.unclosedFence"],
    });
    expect(await counts()).toEqual(before);
  });

  test("a field the kind does not have, and a language half filled in, are refused", async () => {
    const { cookie } = await recruiterCookie();
    const response = await create({ kind: "REJECTION", name: "Отказ", subjectRu: "Отказ", bodyRu: "Ждём вас {{interviewTime}}", subjectEn: "Sorry" }, cookie);
    expect(response.status).toBe(400);
    expect((await response.json()).result.error).toEqual({
      bodyRu: ["templates.errors.fieldNotForKind|field=interviewTime"],
      bodyEn: ["templates.errors.bodyRequired"],
    });
  });

  test("a valid template is written with its audit entry (no personal data in it), and the list shows it by kind", async () => {
    const { recruiter, cookie } = await recruiterCookie();
    const { vacancy } = await vacancyWithCandidate(recruiter.id);
    const response = await create({ ...letter, name: "Письмо для KAM", vacancyId: vacancy.id }, cookie);
    expect(response.status).toBe(302);
    const id = idFrom(response);
    expect(response.headers.get("Location")).toBe(`/outreach/templates/${id}?saved=1`);
    expect(await db().messageTemplate.findUniqueOrThrow({ where: { id } })).toMatchObject({
      kind: "SELLING_LETTER",
      name: "Письмо для KAM",
      vacancyId: vacancy.id,
      subjectRu: letter.subjectRu,
      bodyRu: letter.bodyRu,
      bodyEn: letter.bodyEn,
      createdById: recruiter.id,
      archivedAt: null,
    });
    expect(await db().auditEntry.findFirstOrThrow({ where: { entityId: id } })).toMatchObject({
      actorId: recruiter.id,
      action: "template.create",
      entityType: "MessageTemplate",
      details: { kind: "SELLING_LETTER", vacancyId: vacancy.id, languages: ["ru", "en"] },
    });

    const list = await (await respond(() => listLoader({ request: getRequest("/outreach/templates", cookie), context, params: {} }))).json();
    expect(list.templates).toContainEqual(expect.objectContaining({ id, kind: "SELLING_LETTER", languages: { ru: true, en: true } }));
    const html = await renderRoute(getRequest("/outreach/templates", cookie), { path: "/outreach/templates", loader: listLoader, Component: TemplatesPage });
    expect(textsOf(html, `data-template="${id}"`)[0]).toContain("Письмо для KAM");
  });

  test("a name already used is refused; an unknown vacancy is refused", async () => {
    const { cookie } = await recruiterCookie();
    expect((await create({ ...letter, name: "Одно имя" }, cookie)).status).toBe(302);
    const before = await counts();
    const again = await create({ ...letter, name: "Одно имя", vacancyId: "no-such-vacancy" }, cookie);
    expect(again.status).toBe(400);
    expect((await again.json()).result.error).toEqual({ name: ["templates.errors.nameTaken"], vacancyId: ["templates.errors.noVacancy"] });
    expect(await counts()).toEqual(before);
  });

  test("editing changes the row and audits which fields changed; the page shows the saved text", async () => {
    const { recruiter, cookie } = await recruiterCookie();
    const id = idFrom(await create({ ...letter, name: "Для правки" }, cookie));
    const response = await edit(id, { ...letter, name: "Для правки", subjectEn: "", bodyEn: "", bodyRu: "Новый текст, {{firstName}}" }, cookie);
    expect(response.status).toBe(302);
    expect(await db().messageTemplate.findUniqueOrThrow({ where: { id } })).toMatchObject({ bodyRu: "Новый текст, {{firstName}}", subjectEn: "", bodyEn: "" });
    const entry = await db().auditEntry.findFirstOrThrow({ where: { entityId: id, action: "template.update" } });
    expect(entry).toMatchObject({ actorId: recruiter.id, details: { languages: ["ru"], changed: ["bodyRu", "subjectEn", "bodyEn"] } });

    const page = await (await respond(() => editLoader({ request: getRequest(`/outreach/templates/${id}?saved=1`, cookie), context, params: { id } }))).json();
    expect(page).toMatchObject({ name: "Для правки", saved: true, values: { bodyRu: "Новый текст, {{firstName}}", bodyEn: "" } });
    const html = await renderRoute(getRequest(`/outreach/templates/${id}`, cookie), { path: "/outreach/templates/:id", loader: editLoader, Component: EditTemplatePage });
    expect(html).toContain("Новый текст, {{firstName}}");
    expect(html).toContain("{{questionnaireLink}}");

    // A refused edit changes nothing.
    const refused = await edit(id, { ...letter, name: "Для правки", bodyRu: "<p>HTML</p>" }, cookie);
    expect(refused.status).toBe(400);
    expect((await db().messageTemplate.findUniqueOrThrow({ where: { id } })).bodyRu).toBe("Новый текст, {{firstName}}");
    expect((await edit("no-such-template", letter, cookie)).status).toBe(404);
  });

  test("archiving keeps the row, hides it from the list and from sending, and is audited; it can be restored", async () => {
    const { recruiter, cookie } = await recruiterCookie();
    const id = idFrom(await create({ ...letter, kind: "OFFER", name: "В архив", subjectRu: "Оффер", bodyRu: "Текст", subjectEn: "", bodyEn: "" }, cookie));
    expect((await chosen("OFFER", null))?.id).toBe(id);
    const response = await edit(id, { intent: "archive" }, cookie);
    expect(response.status).toBe(302);
    expect((await db().messageTemplate.findUniqueOrThrow({ where: { id } })).archivedAt).toBeInstanceOf(Date);
    expect(await db().auditEntry.findFirstOrThrow({ where: { entityId: id, action: "template.archive" } })).toMatchObject({ actorId: recruiter.id });
    const list = async (query = "") =>
      (await (await respond(() => listLoader({ request: getRequest(`/outreach/templates${query}`, cookie), context, params: {} }))).json()).templates as Array<{ id: string }>;
    expect((await list()).map((t) => t.id)).not.toContain(id);
    expect((await list("?archived=1")).map((t) => t.id)).toContain(id);
    expect(await chosen("OFFER", null)).toBeNull();

    expect((await edit(id, { intent: "restore" }, cookie)).status).toBe(302);
    expect((await db().messageTemplate.findUniqueOrThrow({ where: { id } })).archivedAt).toBeNull();
    expect(await db().auditEntry.findFirstOrThrow({ where: { entityId: id, action: "template.update" } })).toMatchObject({ details: { restored: true } });
  });
});

describe("the live preview", () => {
  test("fills the template with a real candidate's data, escaped in HTML, and sends nothing", async () => {
    const { recruiter, cookie } = await recruiterCookie();
    const { vacancy, application } = await vacancyWithCandidate(recruiter.id, { firstName: "<script>alert(1)</script>", lastName: "Хакерова" });
    const mailBefore = await db().emailMessage.count();
    const response = await preview({ kind: "SELLING_LETTER", locale: "ru", subject: letter.subjectRu, body: letter.bodyRu, applicationId: application.id }, cookie);
    expect(response.status).toBe(200);
    const result = await response.json();
    expect(result.status).toBe("ok");
    expect(result.message.subject).toBe("<script>alert(1)</script>, конкурс на место «Key Account Manager»");
    expect(result.message.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;, добрый день!");
    expect(result.message.html).not.toContain("<script>");
    expect(result.message.html).toContain(`<strong>${formatRubRange(150_000, 250_000, "ru")}</strong>`);
    expect(result.message.html).toContain(`href="${publicUrl(`/apply/${vacancy.id}`)}"`);
    expect(result.message.text).toContain("<script>alert(1)</script>, добрый день!");
    expect(result.message.text).toContain("Екатерина Смирнова");
    expect(result.message.text).toContain(`Отписаться (${publicUrl("/u/preview")})`);
    expect(await db().emailMessage.count()).toBe(mailBefore);
  });

  test("English, sample values for what only the sender knows, and the template's problems instead of a letter", async () => {
    const { recruiter, cookie } = await recruiterCookie();
    const { application } = await vacancyWithCandidate(recruiter.id, { firstName: "Irina" });
    const invite = await (
      await preview({ kind: "INTERVIEW_INVITATION", locale: "en", subject: "Interview {{interviewTime}}", body: "Dear {{firstName}}, see you at {{interviewPlace}}.", applicationId: application.id }, cookie)
    ).json();
    expect(invite).toMatchObject({ status: "ok", samples: ["interviewTime", "interviewPlace"] });
    expect(invite.message.subject).toBe("Interview 15 March, 11:00 (Moscow time)");
    expect(invite.message.text).toContain("Dear Irina, see you at Moscow, 12 Bolshaya Kaluzhskaya St, office 305.");
    const broken = await (await preview({ kind: "SELLING_LETTER", subject: "Hi {{nobody}}", body: "<i>x</i>", applicationId: application.id }, cookie)).json();
    expect(broken).toEqual({ status: "problems", problems: ["templates.errors.unknownField|field=nobody", "templates.errors.html|tag=<i>"] });
    expect(await (await preview({ kind: "SELLING_LETTER", subject: "Hi", body: "Text" }, cookie)).json()).toEqual({ status: "no-application" });
    expect((await preview({ kind: "NOPE", subject: "Hi", body: "x" }, cookie)).status).toBe(400);
  });

  test("lists the vacancy's candidates, searchable by name", async () => {
    const { recruiter, cookie } = await recruiterCookie();
    const { vacancy, application } = await vacancyWithCandidate(recruiter.id, { lastName: "Андреева" });
    const other = await createCandidate({ lastName: "Борисова", searchText: "борисова ирина" });
    await addApplication({ candidateId: other.id, vacancyId: vacancy.id, actorId: null });
    await db().candidate.update({ where: { id: (await db().application.findUniqueOrThrow({ where: { id: application.id } })).candidateId }, data: { searchText: "андреева ирина" } });
    const list = async (query: string) =>
      (await (await respond(() => previewLoader({ request: getRequest(`/outreach/templates/preview?${query}`, cookie), context, params: {} }))).json()).candidates;
    expect((await list(`vacancy=${vacancy.id}`)).map((c: { name: string }) => c.name.split(" ")[0])).toEqual(["Андреева", "Борисова"]);
    expect(await list(`vacancy=${vacancy.id}&q=Борис`)).toEqual([expect.objectContaining({ name: "Борисова Ирина Павловна", stage: "SOURCED" })]);
    expect(await list("vacancy=")).toEqual([]);
  });
});

describe("who may work with templates", () => {
  test("a hiring manager is refused every template page, action and the preview", async () => {
    const manager = await createUser({ roles: ["HIRING_MANAGER"] });
    const cookie = await sessionCookie(manager.id);
    const { cookie: recruiter } = await recruiterCookie();
    const id = idFrom(await create({ ...letter, name: "Чужой" }, recruiter));
    const before = await counts();
    const statuses = [
      await respond(() => listLoader({ request: getRequest("/outreach/templates", cookie), context, params: {} })),
      await respond(() => newLoader({ request: getRequest("/outreach/templates/new", cookie), context, params: {} })),
      await create({ ...letter, name: "Менеджерский" }, cookie),
      await respond(() => editLoader({ request: getRequest(`/outreach/templates/${id}`, cookie), context, params: { id } })),
      await edit(id, { intent: "archive" }, cookie),
      await respond(() => previewLoader({ request: getRequest("/outreach/templates/preview?vacancy=x", cookie), context, params: {} })),
      await preview({ kind: "SELLING_LETTER", subject: "Hi", body: "x" }, cookie),
    ].map((r) => r.status);
    expect(statuses).toEqual([403, 403, 403, 403, 403, 403, 403]);
    expect(await counts()).toEqual(before);
  });
});

describe("choosing and filling templates for sending", () => {
  test("the vacancy's own template first, then the newest general one; archived ones never", async () => {
    const { recruiter } = await recruiterCookie();
    const { vacancy } = await vacancyWithCandidate(recruiter.id);
    const make = (name: string, vacancyId: string | null, createdAt: Date) =>
      db().messageTemplate.create({ data: { kind: "REMINDER", name, vacancyId, subjectRu: "Тема", bodyRu: "Текст", createdAt } });
    const old = await make("Общее старое", null, new Date("2026-01-01"));
    const general = await make("Общее новое", null, new Date("2026-02-01"));
    expect((await chosen("REMINDER", vacancy.id))?.id).toBe(general.id);
    const own = await make("Своё", vacancy.id, new Date("2025-12-01"));
    expect((await chosen("REMINDER", vacancy.id))?.id).toBe(own.id);
    expect((await chosen("REMINDER", null))?.id).toBe(general.id);
    await db().messageTemplate.update({ where: { id: general.id }, data: { archivedAt: new Date() } });
    expect((await chosen("REMINDER", null))?.id).toBe(old.id);
  });

  test("merge values for many applications in one call", async () => {
    const { recruiter } = await recruiterCookie();
    const { vacancy, application } = await vacancyWithCandidate(recruiter.id, { firstName: "Ирина", lastName: "Соколова", middleName: "Павловна" });
    const second = await createCandidate({ firstName: "Олег", lastName: "Петров", middleName: null });
    const other = await addApplication({ candidateId: second.id, vacancyId: vacancy.id, actorId: null });
    const values = await db().$transaction((tx) => mergeValuesFor(tx, [application.id, other.id, "missing"], { locale: "ru" }));
    expect(values.size).toBe(2);
    expect(values.get(application.id)).toMatchObject({
      firstName: "Ирина",
      middleName: "Павловна",
      fullName: "Соколова Ирина Павловна",
      vacancyTitle: "Key Account Manager",
      city: "Москва",
      recruiterName: "Екатерина Смирнова",
      recruiterEmail: recruiter.email,
      applyLink: publicUrl(`/apply/${vacancy.id}`),
    });
    expect(values.get(other.id)).not.toHaveProperty("middleName");
    const english = await db().$transaction((tx) => mergeValuesFor(tx, [application.id], { locale: "en" }));
    expect(english.get(application.id)).toMatchObject({ fullName: "Ирина Соколова", salaryRange: formatRubRange(150_000, 250_000, "en") });
  });
});

describe("sendTemplateMail", () => {
  afterEach(() => {
    delete process.env.SMTP_URL;
    reloadEnv();
  });

  async function questionnaireTemplate() {
    await db().messageTemplate.create({
      data: {
        kind: "QUESTIONNAIRE_INVITATION",
        name: `Анкета ${Math.random()}`,
        subjectRu: "{{firstName}}, анкета",
        bodyRu: "Здравствуйте, {{firstName}}! [Анкета]({{questionnaireLink}})",
        subjectEn: "{{firstName}}, the questionnaire",
        bodyEn: "Dear {{firstName}}, [questionnaire]({{questionnaireLink}})",
      },
    });
  }

  test("queues the filled letter with its own unsubscribe link and header; the SMTP server gets both parts, escaped", async () => {
    const { recruiter } = await recruiterCookie();
    await questionnaireTemplate();
    const { person, application } = await vacancyWithCandidate(recruiter.id, { firstName: "<b>Ира</b>" });
    const sent = await db().$transaction((tx) =>
      sendTemplateMail(tx, { applicationId: application.id, kind: "QUESTIONNAIRE_INVITATION", extras: { questionnaireLink: "https://kam.test/q/personal" }, dedupeKey: `q:${application.id}` }),
    );
    expect(sent.status).toBe("queued");
    const row = await db().emailMessage.findUniqueOrThrow({ where: { id: (sent as { id: string }).id } });
    expect(row).toMatchObject({ toAddress: person.email, subject: "<b>Ира</b>, анкета", candidateId: person.id, applicationId: application.id, templateKind: "QUESTIONNAIRE_INVITATION" });
    expect(row.html).toContain("Здравствуйте, &lt;b&gt;Ира&lt;/b&gt;!");
    expect(row.html).toContain('href="https://kam.test/q/personal"');
    const link = /Отписаться \((\S+)\)/.exec(row.text)![1]!;
    expect(row.headers).toEqual({ "List-Unsubscribe": `<${link}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    expect(row.unsubscribeTokenHash).toBe(hashToken(decodeURIComponent(link.split("/u/")[1]!)));
    expect(row.html).toContain(`href="${link}"`);

    const again = await db().$transaction((tx) => sendTemplateMail(tx, { applicationId: application.id, kind: "QUESTIONNAIRE_INVITATION", dedupeKey: `q:${application.id}` }));
    expect(again).toEqual({ status: "duplicate", id: row.id });

    const smtp = await startSmtpServer();
    try {
      process.env.SMTP_URL = smtp.url;
      reloadEnv();
      expect(await deliverNow(row.id)).toMatchObject({ status: "SENT" });
      const [received] = smtp.messages;
      expect(received!.to).toEqual([person.email]);
      expect(received!.subject).toBe("<b>Ира</b>, анкета");
      expect(received!.text).toContain("Здравствуйте, <b>Ира</b>! Анкета (https://kam.test/q/personal)");
      expect(received!.html).toContain("Здравствуйте, &lt;b&gt;Ира&lt;/b&gt;!");
    } finally {
      await smtp.close();
    }
  });

  test("the candidate's language when the template has it, else the other", async () => {
    const { recruiter } = await recruiterCookie();
    await questionnaireTemplate();
    const { application } = await vacancyWithCandidate(recruiter.id, { firstName: "Irina" });
    const sent = await db().$transaction((tx) => sendTemplateMail(tx, { applicationId: application.id, kind: "QUESTIONNAIRE_INVITATION", locale: "en" }));
    const row = await db().emailMessage.findUniqueOrThrow({ where: { id: (sent as { id: string }).id } });
    expect(row.subject).toBe("Irina, the questionnaire");
    expect(row.text).toContain("Unsubscribe (");
  });

  test("refuses a do-not-contact candidate and writes nothing; no e-mail and no template are answered", async () => {
    const { recruiter } = await recruiterCookie();
    const blocked = await vacancyWithCandidate(recruiter.id, { doNotContact: true });
    const before = await db().emailMessage.count();
    await expect(db().$transaction((tx) => sendTemplateMail(tx, { applicationId: blocked.application.id, kind: "REJECTION" }))).rejects.toBeInstanceOf(ContactRefused);
    const noTemplate = await vacancyWithCandidate(recruiter.id);
    expect(await db().$transaction((tx) => sendTemplateMail(tx, { applicationId: noTemplate.application.id, kind: "CLIENT_NOTICE" }))).toEqual({ status: "no-template" });
    await questionnaireTemplate();
    const noEmail = await vacancyWithCandidate(recruiter.id, { email: null });
    expect(await db().$transaction((tx) => sendTemplateMail(tx, { applicationId: noEmail.application.id, kind: "QUESTIONNAIRE_INVITATION" }))).toEqual({ status: "no-email" });
    expect(await db().emailMessage.count()).toBe(before);
  });
});

// Last in the file: it empties the database to seed the demo into it.
describe("the demo", () => {
  test("seeds a selling letter for the main vacancy and one valid template of every kind; the preview fills it with a demo candidate", async () => {
    await resetDatabase();
    await seedDemo({ now: new Date("2026-03-10T09:30:00Z") });
    const templates = await db().messageTemplate.findMany({ include: { vacancy: { select: { title: true } } } });
    expect(templates.map((t) => t.kind).sort()).toEqual([...TEMPLATE_KINDS].sort());
    for (const t of templates) {
      expect(checkTemplate(t.kind, { subject: t.subjectRu, body: t.bodyRu })).toEqual([]);
      expect(checkTemplate(t.kind, { subject: t.subjectEn, body: t.bodyEn })).toEqual([]);
    }
    const selling = templates.find((t) => t.kind === "SELLING_LETTER")!;
    expect(selling.vacancy?.title).toBe("Менеджер по работе с ключевыми клиентами (KAM)");
    const recruiter = await db().user.findUniqueOrThrow({ where: { email: "recruiter@kam.demo" } });
    const cookie = await sessionCookie(recruiter.id);
    const page = await (await respond(() => newLoader({ request: getRequest(`/outreach/templates/new?vacancy=${selling.vacancyId}`, cookie), context, params: {} }))).json();
    expect(page.options.preview.vacancyId).toBe(selling.vacancyId);
    const candidate = page.options.preview.candidates[0];
    expect(candidate).toBeTruthy();
    const result = await (await preview({ kind: "SELLING_LETTER", locale: "ru", subject: selling.subjectRu, body: selling.bodyRu, applicationId: candidate.applicationId }, cookie)).json();
    expect(result.status).toBe("ok");
    expect(result.message.subject).toBe(`${candidate.name.split(" ")[1]}, приглашаем в конкурс на место KAM в «ПромТехСнаб»`);
    expect(result.message.text).toContain("Меня зовут Екатерина Смирнова");
    expect(result.message.text).toContain(`заполните короткую анкету (${publicUrl(`/apply/${selling.vacancyId}`)})`);
  });
});
