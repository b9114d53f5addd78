import { describe, expect, test } from "vitest";
import { addApplication } from "~/pipeline/pipeline.server";
import CandidatePage, { action, loader } from "~/routes/candidates.$id";
import { eraseCandidate } from "~/sourcing/personal-data.server";
import { db } from "~/utils/db.server";
import { createCandidate, createUser, formRequest, getRequest, respond, sessionCookie } from "../factories";
import { renderRoute } from "../render-route";

const context = {};
const post = (id: string, fields: Record<string, string>, cookie: string) =>
  respond(() => action({ request: formRequest(`/candidates/${id}`, fields, cookie), params: { id }, context }));
const page = (id: string, cookie: string) =>
  renderRoute(getRequest(`/candidates/${id}`, cookie), { path: "/candidates/:id", loader: loader as never, Component: CandidatePage });

async function signedIn(roles: Array<"RECRUITER" | "HIRING_MANAGER" | "ADMIN">) {
  const user = await createUser({ roles, name: "Ольга Рекрутер" });
  return { user, cookie: await sessionCookie(user.id) };
}

async function candidateOnVacancy() {
  const candidate = await createCandidate();
  const vacancy = await db().vacancy.create({ data: { title: "KAM, насосы", city: "Москва", industry: "Оборудование", status: "OPEN" } });
  const application = await addApplication({ candidateId: candidate.id, vacancyId: vacancy.id, actorId: null });
  return { candidate, vacancy, application };
}

const REPLY = "Ирина ответила в WhatsApp: интересно, пришлите анкету.\nЗвонить после 18.";

describe("logging a message by hand", () => {
  test("a recruiter logs a reply: stored with its Moscow time, vacancy and author, audited without the text, shown on the timeline", async () => {
    const { user, cookie } = await signedIn(["RECRUITER"]);
    const { candidate, application } = await candidateOnVacancy();
    const response = await post(
      candidate.id,
      { intent: "contact-log", channel: "MESSENGER", direction: "INBOUND", body: `  ${REPLY}  `, occurredAt: "2026-01-15T18:45", applicationId: application.id },
      cookie,
    );
    expect(response.status).toBe(302);
    const row = await db().contactLog.findFirstOrThrow({ where: { candidateId: candidate.id } });
    expect(response.headers.get("Location")).toBe(`/candidates/${candidate.id}?logged=${row.id}#timeline`);
    expect(row).toMatchObject({ channel: "MESSENGER", direction: "INBOUND", body: REPLY, applicationId: application.id, authorId: user.id });
    expect(row.occurredAt.toISOString()).toBe("2026-01-15T15:45:00.000Z");

    const entry = await db().auditEntry.findFirstOrThrow({ where: { entityId: candidate.id, action: "candidate.contact-log" } });
    expect(entry).toMatchObject({
      actorId: user.id,
      entityType: "Candidate",
      details: { contactLogId: row.id, channel: "MESSENGER", direction: "INBOUND", applicationId: application.id },
    });
    expect(JSON.stringify(entry.details)).not.toContain("анкету");

    const html = await page(candidate.id, cookie);
    expect(html).toContain("Мессенджер: Кандидат ответил");
    expect(html).toContain("пришлите анкету.\nЗвонить после 18.");
  });

  test("empty time means now; no vacancy is allowed", async () => {
    const { cookie } = await signedIn(["ADMIN"]);
    const { candidate } = await candidateOnVacancy();
    const before = Date.now();
    expect((await post(candidate.id, { intent: "contact-log", channel: "SMS", direction: "OUTBOUND", body: "Отправила SMS с вакансией", occurredAt: "", applicationId: "" }, cookie)).status).toBe(302);
    const row = await db().contactLog.findFirstOrThrow({ where: { candidateId: candidate.id } });
    expect(row.applicationId).toBeNull();
    expect(row.occurredAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(row.occurredAt.getTime()).toBeLessThanOrEqual(Date.now());
  });

  test("errors come back next to their fields with what was typed, and nothing is written", async () => {
    const { cookie } = await signedIn(["RECRUITER"]);
    const { candidate } = await candidateOnVacancy();
    const future = await post(candidate.id, { intent: "contact-log", channel: "PHONE", direction: "OUTBOUND", body: "Позвонила, договорились на завтра", occurredAt: "2099-01-01T10:00" }, cookie);
    expect(future.status).toBe(400);
    const reply = await future.json();
    expect(reply.error).toEqual({ occurredAt: ["contactLog.errors.future"] });
    expect(reply.initialValue).toMatchObject({ channel: "PHONE", body: "Позвонила, договорились на завтра", occurredAt: "2099-01-01T10:00" });

    const empty = await post(candidate.id, { intent: "contact-log", channel: "TELEGRAPH", direction: "OUTBOUND", body: " ", occurredAt: "завтра" }, cookie);
    expect(empty.status).toBe(400);
    expect((await empty.json()).error).toEqual({
      channel: ["validation.invalidChoice"],
      body: ["validation.required"],
      occurredAt: ["contactLog.errors.dateTime"],
    });
    const long = await post(candidate.id, { intent: "contact-log", channel: "SMS", direction: "OUTBOUND", body: "я".repeat(5001) }, cookie);
    expect((await long.json()).error).toEqual({ body: ["validation.tooLong|max=5000"] });

    // Another person's vacancy is not one of theirs.
    const other = await candidateOnVacancy();
    const foreign = await post(candidate.id, { intent: "contact-log", channel: "SMS", direction: "OUTBOUND", body: "Текст", applicationId: other.application.id }, cookie);
    expect(foreign.status).toBe(400);
    expect((await foreign.json()).error).toEqual({ applicationId: ["contactLog.errors.notTheirApplication"] });

    expect(await db().contactLog.count({ where: { candidateId: candidate.id } })).toBe(0);
    expect(await db().auditEntry.count({ where: { entityId: candidate.id, action: "candidate.contact-log" } })).toBe(0);

    // The form shows the error beside the field, the typed text kept.
    const html = await renderAfterError(candidate.id, cookie);
    expect(html).toContain("Это время ещё не наступило.");
    expect(html).toContain(">Позвонила, договорились на завтра</textarea>");
  });

  test("who may: a hiring manager sees the history but is refused the form and the action", async () => {
    const { cookie } = await signedIn(["HIRING_MANAGER"]);
    const recruiter = await signedIn(["RECRUITER"]);
    const { candidate } = await candidateOnVacancy();
    const refused = await post(candidate.id, { intent: "contact-log", channel: "SMS", direction: "OUTBOUND", body: "Текст" }, cookie);
    expect(refused.status).toBe(403);
    expect(await db().contactLog.count({ where: { candidateId: candidate.id } })).toBe(0);
    expect(await page(candidate.id, cookie)).not.toContain('name="intent" value="contact-log"');
    expect(await page(candidate.id, recruiter.cookie)).toContain('name="intent" value="contact-log"');
  });

  test("an erased candidate is refused; an unknown one is not found", async () => {
    const { user, cookie } = await signedIn(["ADMIN"]);
    const { candidate } = await candidateOnVacancy();
    await eraseCandidate({ actorId: user.id, candidateId: candidate.id, reason: "Запрос кандидата" });
    const erased = await post(candidate.id, { intent: "contact-log", channel: "SMS", direction: "INBOUND", body: "Ответ" }, cookie);
    expect(erased.status).toBe(409);
    expect((await erased.json()).error).toEqual({ "": ["contactLog.errors.erased"] });
    expect(await db().contactLog.count({ where: { candidateId: candidate.id } })).toBe(0);
    expect((await post("no-such-candidate", { intent: "contact-log", channel: "SMS", direction: "INBOUND", body: "Ответ" }, cookie)).status).toBe(404);
  });
});

/** The profile as rendered after a refused post: the action's reply reaches the form. */
async function renderAfterError(id: string, cookie: string) {
  const { createElement } = await import("react");
  const { renderToString } = await import("react-dom/server");
  const { I18nextProvider } = await import("react-i18next");
  const { Outlet } = await import("react-router-dom");
  const { createStaticHandler, createStaticRouter, StaticRouterProvider } = await import("react-router-dom/server");
  const { loader: rootLoader } = await import("~/root");
  const { i18nFor } = await import("~/ui/i18n-instance");
  const handler = createStaticHandler([
    {
      id: "root",
      path: "/",
      loader: ({ request }) => rootLoader({ request, params: {}, context }),
      Component: Outlet,
      children: [
        {
          id: "page",
          path: "candidates/:id",
          loader: (args) => loader({ ...args, context }),
          action: (args) => action({ ...args, context }),
          Component: CandidatePage,
        },
      ],
    },
  ]);
  const result = await handler.query(
    formRequest(`/candidates/${id}`, { intent: "contact-log", channel: "PHONE", direction: "OUTBOUND", body: "Позвонила, договорились на завтра", occurredAt: "2099-01-01T10:00" }, cookie),
  );
  if (result instanceof Response) throw new Error(`answered ${result.status}`);
  const router = createStaticRouter(handler.dataRoutes, result);
  return renderToString(
    createElement(I18nextProvider, { i18n: i18nFor("ru") }, createElement(StaticRouterProvider, { router, context: result, hydrate: false })),
  );
}
