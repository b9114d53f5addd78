import { expect, test, type Locator, type Page } from "@playwright/test";
import { ru } from "../../app/i18n/ru";
import { signIn } from "./demo-users";

/**
 * Scripted outreach as a recruiter works it: a selling letter written with merge
 * fields and checked on a real candidate, a campaign to a few tagged candidates of
 * the demo's main vacancy launched and watched to the end (the e2e server sends
 * through a real SMTP server, so the Outbox shows the letters SENT), and a run of
 * the call list by keyboard.
 */

const MAIN_VACANCY = "Менеджер по работе с ключевыми клиентами (KAM)";
const RECRUITER_NAME = "Екатерина Смирнова";
const tpl = ru.templates;
const cmp = ru.campaigns;
const calls = ru.calls;


async function mainVacancyId(page: Page): Promise<string> {
  await page.goto("/vacancies");
  await page.getByRole("link", { name: MAIN_VACANCY, exact: true }).first().click();
  await expect(page).toHaveURL(/\/vacancies\/[^/?]+$/);
  return new URL(page.url()).pathname.split("/").pop()!;
}

/** "Фамилия Имя Отчество" → "Имя". */
const firstNameOf = (fullName: string) => fullName.trim().split(/\s+/)[1] ?? "";

/** The error list a field points at (aria-describedby), holding `text`. */
async function expectFieldError(field: Locator, text: RegExp) {
  await expect(field).toHaveAttribute("aria-invalid", "true");
  const ids = (await field.getAttribute("aria-describedby"))?.split(/\s+/) ?? [];
  const described = field.page().locator(ids.map((id) => `[id="${id}"]`).join(", "));
  await expect(described.filter({ hasText: text })).toHaveCount(1);
}

test("a recruiter writes a selling letter, sends a campaign to tagged candidates and opens a letter in the Outbox", async ({ page }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const tag = `e2e-рассылка-${stamp}`;
  const templateName = `Продающее письмо e2e ${stamp}`;
  const campaignName = `Рассылка e2e ${stamp}`;
  await signIn(page);
  const vacancyId = await mainVacancyId(page);

  // Three sourced candidates of the main vacancy get a tag: the campaign's audience.
  await page.goto(`/candidates?vacancy=${vacancyId}&stage=SOURCED`);
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  for (let i = 0; i < 3; i++) await rows.nth(i).locator('input[name="ids"]').check();
  const bulk = page.locator("section", { has: page.getByRole("heading", { name: ru.candidateList.bulk.title }) });
  await bulk.getByLabel(ru.candidateList.bulk.tag, { exact: true }).fill(tag);
  await bulk.getByRole("button", { name: ru.candidateList.bulk.tagAdd }).click();
  await expect(page.getByRole("status")).toContainText(`${ru.candidateList.intents["tag-add"]}: изменено 3`);

  // A new selling letter with merge fields.
  await page.goto("/outreach/templates");
  await page.getByRole("link", { name: tpl.newTemplate }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: tpl.newTitle })).toBeVisible();
  await page.waitForLoadState("networkidle");
  const editor = page.locator("form#template-editor");
  await expect(editor.getByLabel(tpl.fields.kind, { exact: true })).toHaveValue("SELLING_LETTER");
  await editor.getByLabel(tpl.fields.name, { exact: true }).fill(templateName);
  await editor.getByLabel(tpl.fields.vacancyId, { exact: true }).selectOption({ label: `${MAIN_VACANCY} · Москва` });
  const subject = editor.getByLabel(tpl.fields.subjectRu, { exact: true });
  const body = editor.getByLabel(tpl.fields.bodyRu, { exact: true });
  await subject.fill("{{firstName}}, приглашаем на конкурс: {{vacancyTitle}}");
  const goodBody = [
    "{{firstName}}, добрый день!",
    "",
    "Мы ищем **менеджера по работе с ключевыми клиентами** на вакансию «{{vacancyTitle}}».",
    "",
    "- заводы и водоканалы;",
    "- доход {{salaryRange}}.",
    "",
    "Подробности и отклик: [страница вакансии]({{applyLink}})",
  ].join("\n");
  // A field that does not exist is refused next to the body; what was typed stays.
  await body.fill(`${goodBody}\n\nС уважением, {{bogus}}`);
  await editor.getByRole("button", { name: tpl.save, exact: true }).click();
  await expectFieldError(body, /Неизвестное поле .*bogus/);
  await expect(page).toHaveURL(/\/outreach\/templates\/new/);
  await expect(body).toHaveValue(/С уважением, \{\{bogus\}\}/);
  await expect(editor.getByLabel(tpl.fields.name, { exact: true })).toHaveValue(templateName);

  // A name another template has is refused by the server: the message is under the
  // name, and everything typed comes back.
  const name = editor.getByLabel(tpl.fields.name, { exact: true });
  await name.fill("Продающее письмо: KAM, Москва");
  await body.fill(goodBody);
  await editor.getByRole("button", { name: tpl.save, exact: true }).click();
  await expectFieldError(name, new RegExp(escapeRegExp(tpl.errors.nameTaken)));
  await expect(page).toHaveURL(/\/outreach\/templates\/new/);
  await expect(body).toHaveValue(goodBody);
  await expect(subject).toHaveValue("{{firstName}}, приглашаем на конкурс: {{vacancyTitle}}");
  await expect(editor.getByLabel(tpl.fields.vacancyId, { exact: true }).locator("option:checked")).toHaveText(`${MAIN_VACANCY} · Москва`);
  await name.fill(templateName);

  // The live preview fills the letter with a real candidate of the vacancy.
  const preview = page.locator("section", { has: page.getByRole("heading", { name: tpl.preview.title }) });
  // The template is for the main vacancy: the preview takes that vacancy's candidates.
  await expect(preview.getByLabel(tpl.preview.vacancy, { exact: true }).locator("option:checked")).toHaveText(`${MAIN_VACANCY} · Москва`);
  await expect(preview.getByText(tpl.preview.loading)).toHaveCount(0);
  const candidateLabel = await preview.getByLabel(tpl.preview.candidate, { exact: true }).locator("option:checked").innerText();
  const previewName = firstNameOf(candidateLabel.split(" · ")[0]!);
  expect(previewName).not.toBe("");
  await expect(preview.locator("[data-preview-subject]")).toHaveText(`${previewName}, приглашаем на конкурс: ${MAIN_VACANCY}`);
  await expect(preview.locator("[data-preview-text]")).toContainText(`${previewName}, добрый день!`);
  await expect(body).not.toHaveAttribute("aria-invalid", "true");


  await editor.getByRole("button", { name: tpl.save, exact: true }).click();
  await expect(page).toHaveURL(/\/outreach\/templates\/[^/?]+\?saved=1$/);
  await expect(page.getByRole("status")).toHaveText(tpl.saved);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(templateName);

  // A campaign of the main vacancy to the tagged candidates, sent at once.
  await page.goto("/outreach/campaigns");
  await page.locator("#new-campaign").click();
  await expect(page.getByRole("heading", { level: 1, name: cmp.newTitle })).toBeVisible();
  await page.waitForLoadState("networkidle");
  const form = page.locator("form#campaign-form");
  await page.locator("#campaign-form-name").fill(campaignName);
  await page.locator("#campaign-form-vacancyId").selectOption({ label: `${MAIN_VACANCY}, Москва` });
  await page.locator("#campaign-form-templateId").selectOption({ label: `${templateName} — ${cmp.templateKinds.SELLING_LETTER} (RU)` });
  await expect(form.getByRole("checkbox", { name: ru.stages.SOURCED, exact: true })).toBeChecked();
  await page.locator("#campaign-form-tags").fill(tag);
  // No rate at all is refused next to the field, and the form keeps what was typed.
  const perMinute = page.locator("#campaign-form-ratePerMinute");
  await perMinute.fill("0");
  await form.getByRole("button", { name: cmp.create, exact: true }).click();
  await expect(perMinute).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/outreach\/campaigns\/new/);
  await expect(page.locator("#campaign-form-name")).toHaveValue(campaignName);
  await expect(page.locator("#campaign-form-tags")).toHaveValue(tag);
  await perMinute.fill("600");
  await expect(perMinute).not.toHaveAttribute("aria-invalid", "true");
  await page.locator("#campaign-form-ratePerHour").fill("10000");
  // The working-hours window is on by default: off, so the letters go whenever this runs.
  await expect(page.locator("#campaign-form-windowEnabled")).toBeChecked();
  await page.locator("#campaign-form-windowEnabled").uncheck();
  await form.getByRole("button", { name: cmp.create, exact: true }).click();

  // The draft: who gets it and who is left out, before anything is sent.
  await expect(page).toHaveURL(/\/outreach\/campaigns\/[^/?]+/);
  await expect(page.getByRole("heading", { level: 1, name: campaignName })).toBeVisible();
  await expect(page.locator("[data-campaign-status]")).toHaveAttribute("data-campaign-status", "DRAFT");
  const recipients = Number(await page.getByTestId("recipient-count").innerText());
  const leftOut = Number(await page.getByTestId("left-out-count").innerText());
  expect(recipients + leftOut).toBe(3);
  expect(recipients).toBeGreaterThan(0);
  await expect(page.locator("#recipients tbody tr")).toHaveCount(recipients);
  await expect(page.locator("#left-out tbody tr")).toHaveCount(leftOut);
  await expect(page.locator("#campaign-form-windowEnabled")).not.toBeChecked();


  await page.locator("#launch-campaign").click();
  await expect(page.locator("#campaign-notice")).toContainText("Рассылка запущена");
  const progress = page.locator("#campaign-progress");
  await expect(progress).toHaveAttribute("role", "progressbar");
  await expect(progress).toHaveAttribute("aria-valuenow", "100", { timeout: 60_000 });
  await expect(page.locator("[data-campaign-status]")).toHaveAttribute("data-campaign-status", "DONE");
  await expect(page.getByTestId("progress-sent").locator(".stat-value")).toHaveText(String(recipients));
  await expect(page.getByTestId("progress-failed").locator(".stat-value")).toHaveText("0");
  await expect(page.getByTestId("progress-queued").locator(".stat-value")).toHaveText("0");
  const messages = page.locator("#campaign-messages tbody tr");
  await expect(messages).toHaveCount(recipients);
  await expect(page.locator('#campaign-messages tbody tr[data-status="SENT"]')).toHaveCount(recipients);


  // One of the letters in the Outbox: sent, its subject merged with the person's name.
  const first = messages.first();
  const recipientName = firstNameOf(await first.locator("td").first().innerText());
  await first.getByRole("link", { name: cmp.messages.open }).click();
  await expect(page).toHaveURL(/\/outbox\/[^/?]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${recipientName}, приглашаем на конкурс: ${MAIN_VACANCY}`);
  await expect(page.locator("main").getByText(ru.outbox.statuses.SENT, { exact: true }).first()).toBeVisible();
  // Both parts: the plain text and the HTML letter, each with its unsubscribe link.
  const text = page.locator("section", { has: page.locator("#message-text") });
  await expect(text).toContainText(`${recipientName}, добрый день!`);
  await expect(text).toContainText(/Отписаться \(http:\/\/[^)]+\/u\/[^)]+\)/);
  const html = page.frameLocator(`iframe[title="${ru.outbox.detail.htmlFrame}"]`);
  await expect(html.getByText(`${recipientName}, добрый день!`)).toBeVisible();
  await expect(html.getByRole("link", { name: tpl.footer.link })).toHaveAttribute("href", /\/u\/[^/]+$/);
});

test("a recruiter runs the call list by keyboard", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page);
  const vacancyId = await mainVacancyId(page);
  await page.goto(`/outreach/calls?vacancy=${vacancyId}`);
  await expect(page.getByRole("heading", { level: 1, name: calls.title })).toBeVisible();
  await page.waitForLoadState("networkidle");

  // Every outcome recorded is one POST of the outcome form.
  let recorded = 0;
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/outreach/calls") recorded += 1;
  });
  const card = page.getByTestId("call-card");
  const stats = page.getByTestId("call-stats");
  const saved = page.getByTestId("call-saved");
  const myRow = stats.getByRole("row", { name: new RegExp(RECRUITER_NAME) });
  // Calls, reached, interested: the demo has calls of its own this morning.
  const figures = async () => ((await myRow.count()) ? (await myRow.locator("td").allInnerTexts()).map(Number) : [0, 0, 0]);
  const [calledBefore, reachedBefore, interestedBefore] = await figures();

  const current = async () => {
    await expect(card).toBeVisible();
    return (await card.getAttribute("data-candidate-id"))!;
  };
  /** After an outcome the next candidate is on the card at once. */
  const expectNext = async (previous: string) => {
    await expect(card).not.toHaveAttribute("data-candidate-id", previous);
    await page.waitForLoadState("networkidle");
    return current();
  };

  // The candidate to call, with a number to dial.
  let candidate = await current();
  await expect(card.getByTestId("call-phone")).toHaveAttribute("href", /^tel:\+?[\d\s()-]+$/);
  for (const name of ["1 · Не дозвонился", "2 · Перезвонить", "3 · Интересно", "4 · Не интересно", "5 · Неверный номер", "N · Заметка"]) {
    await expect(page.getByRole("button", { name, exact: true })).toBeVisible();
  }

  // 1: no answer. A key held down records one call, not one per repeat.
  await page.keyboard.down("1");
  await expect(saved).toContainText(calls.saved.NO_ANSWER);
  candidate = await expectNext(candidate);
  expect(recorded).toBe(1);
  await page.keyboard.down("1"); // the same key still down: a repeat
  await page.keyboard.up("1");
  // Nothing to wait for when nothing happens: give a stray submission time to start.
  await page.waitForTimeout(500);
  expect(recorded).toBe(1);
  await expect(card).toHaveAttribute("data-candidate-id", candidate);

  // 2: call back; the time is filled in two hours ahead, Enter saves it.
  await page.keyboard.press("2");
  const callbackAt = page.getByLabel(calls.callback.label, { exact: true });
  await expect(callbackAt).toBeVisible();
  await expect(callbackAt).toBeFocused();
  await expect(callbackAt).toHaveValue(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
  await page.keyboard.press("Enter");
  await expect(saved).toContainText("Записано: перезвонить");
  candidate = await expectNext(candidate);

  // Keys are letters while typing: "1" in the note records nothing.
  await page.keyboard.press("n");
  const note = page.getByLabel(calls.note.label, { exact: true });
  await expect(note).toBeFocused();
  await page.keyboard.type("1 — сказал, что в отпуске");
  await expect(note).toHaveValue("1 — сказал, что в отпуске");
  await expect(card).toHaveAttribute("data-candidate-id", candidate);
  await expect(saved).toContainText("Записано: перезвонить");
  expect(recorded).toBe(2);
  await page.keyboard.press("Escape");
  await expect(note).toBeHidden();

  // 4: not interested; 2 picks the reason "not looking" and saves.
  await page.keyboard.press("4");
  const reasons = page.getByRole("group", { name: calls.reason.legend });
  await expect(reasons).toBeVisible();
  await page.keyboard.press("2");
  await expect(saved).toContainText(calls.saved.NOT_INTERESTED);
  candidate = await expectNext(candidate);

  // 3: interested, and the questionnaire invitation goes out (or the page says why not).
  await page.keyboard.press("3");
  await expect(saved).toContainText(calls.saved.INTERESTED);
  await expect(saved).toContainText(
    new RegExp([calls.questionnaire.queued, calls.questionnaire.duplicate, calls.questionnaire["no-email"]].map(escapeRegExp).join("|")),
  );
  await expectNext(candidate);

  expect(recorded).toBe(4);
  // Today's figures count the four calls: three reached, one interested.
  await expect(myRow.locator("td")).toHaveText([calledBefore! + 4, reachedBefore! + 3, interestedBefore! + 1].map(String));
});

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
