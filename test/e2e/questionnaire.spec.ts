import { devices, expect, test } from "@playwright/test";
import { DEMO_QUESTIONNAIRE_TOKEN } from "../../app/demo/questionnaire-answers";
import { ru } from "../../app/i18n/ru";
import { defaultKamQuestionnaire } from "../../app/questionnaires/default-kam";
import { score } from "../../app/questionnaires/scoring";
import { signIn } from "./demo-users";

/**
 * A candidate fills the questionnaire on a phone through their personal link (the
 * demo's one known link): a number typed as words is refused next to its field, a
 * reload half-way loses nothing, the form goes once and thanks them. Then the
 * recruiter finds them in the vacancy's ranked shortlist with the score their answers earn.
 */

const qf = ru.questionnaireForm;
const def = defaultKamQuestionnaire();
const label = (id: string) => def.questions.find((q) => q.id === id)!.label.ru;
const option = (id: string, value: string) => def.questions.find((q) => q.id === id)!.options!.find((o) => o.value === value)!.label.ru;

const answers = {
  b2b_experience: "yes",
  industries: ["industrial", "logistics"],
  largest_client_turnover: 120_000_000,
  key_clients_count: 12,
  years_key_accounts: 9,
  salary_expectation: 240_000,
  english_level: "fluent",
  relocation: "yes",
};
const expectedScore = score(def, answers);

test.describe("the public questionnaire on a phone", () => {
  const { defaultBrowserType: _chromium, ...phone } = devices["Pixel 7"];
  test.use(phone);

  test("fill with a mistake fixed, reload half-way, send once; the recruiter sees it ranked", async ({ page, browser }) => {
    const link = `/q/${DEMO_QUESTIONNAIRE_TOKEN}`;
    await page.goto(link);
    const greeting = page.getByRole("heading", { level: 1 });
    await expect(greeting).toHaveText(/^Здравствуйте, .+!$/);
    const firstName = (await greeting.textContent())!.replace(/^Здравствуйте, /, "").replace(/!$/, "");
    // Nothing wider than the phone's screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width);

    const group = (id: string) => page.getByRole("group", { name: label(id) });
    await group("b2b_experience").getByLabel(qf.yes, { exact: true }).check();
    await group("industries").getByLabel(option("industries", "industrial")).check();
    await group("industries").getByLabel(option("industries", "logistics")).check();
    await page.getByLabel(label("largest_client_turnover")).fill("120 000 000");
    await page.getByLabel(label("key_clients_count")).fill("12");
    const years = page.getByLabel(label("years_key_accounts"));
    await years.fill("девять");
    await page.getByLabel(label("achievements")).fill("Оборот трёх ключевых клиентов вырос с 40 до 95 млн ₽ за два года. <script>alert(1)</script>");

    // A reload half-way: everything typed is still there.
    await page.reload();
    await expect(page.getByLabel(label("largest_client_turnover"))).toHaveValue("120 000 000");
    await expect(group("b2b_experience").getByLabel(qf.yes, { exact: true })).toBeChecked();
    await expect(group("industries").getByLabel(option("industries", "logistics"))).toBeChecked();
    await expect(years).toHaveValue("девять");
    await expect(page.getByLabel(label("achievements"))).toHaveValue(/<script>alert\(1\)<\/script>$/);

    await page.getByLabel(label("salary_expectation")).fill("240 000");
    await group("english_level").getByLabel(option("english_level", "fluent")).check();
    await page.getByLabel(label("city")).fill("Москва");
    await group("relocation").getByLabel(qf.yes, { exact: true }).check();
    await page.getByLabel(label("start_date")).fill("2027-02-01");
    await page.getByLabel(label("why_this_job")).fill("Хочу отвечать за крупных клиентов целиком.");
    await page.getByLabel(qf.consentLabel).check();
    await page.getByRole("button", { name: qf.submit }).click();

    // Refused: the words in the number field, with the message next to it.
    await expect(years).toHaveAttribute("aria-invalid", "true");
    const describedBy = (await years.getAttribute("aria-describedby"))!.split(/\s+/);
    await expect(page.locator(describedBy.map((id) => `[id="${id}"]`).join(", ")).filter({ hasText: ru.questionnaire.errors.notANumber })).toHaveCount(1);
    await expect(page.getByRole("heading", { name: qf.thanksTitle })).toHaveCount(0);

    await years.fill("9");
    await page.getByRole("button", { name: qf.submit }).click();
    await expect(page.getByRole("heading", { name: qf.thanksTitle })).toBeVisible();
    // The link is used: opening it again says so, and the form is gone.
    await page.goto(link);
    await expect(page.getByRole("heading", { name: qf.answeredTitle })).toBeVisible();
    await expect(page.getByRole("button", { name: qf.submit })).toHaveCount(0);

    const desk = await browser.newContext({ locale: "ru-RU", viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 });
    const recruiter = await desk.newPage();
    await signIn(recruiter);
    await recruiter.goto(`/questionnaires?minScore=${Math.floor(expectedScore)}`);
    const rows = recruiter.locator("table[data-shortlist] tbody tr");
    await expect(rows.first()).toBeVisible();
    const shown = new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 1 }).format(expectedScore);
    const mine = rows.filter({ hasText: firstName }).filter({ has: recruiter.locator("[data-score]", { hasText: shown }) });
    await expect(mine).toHaveCount(1);
    await expect(mine).toContainText(ru.questionnaireResults.verdicts.PASSED);
    // Ranked: scores never go up down the list, and each row's rank is its place.
    const scores = (await rows.locator("[data-score]").allTextContents()).map((s) => Number(s.replace(",", ".").replace(/\s/g, "")));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const ranks = (await rows.locator("[data-rank]").allTextContents()).map(Number);
    expect(ranks).toEqual(ranks.map((_, i) => i + 1));
    expect(Number(await mine.locator("[data-rank]").textContent())).toBe(scores.filter((s) => s > expectedScore).length + scores.filter((s) => s === expectedScore).length);

    // The answer with markup is text on the response page, and never ran.
    let alerted = false;
    recruiter.on("dialog", (dialog) => {
      alerted = true;
      void dialog.dismiss();
    });
    await mine.getByRole("link", { name: ru.questionnaireResults.shortlist.answers }).click();
    await expect(recruiter.getByText("<script>alert(1)</script>", { exact: false })).toBeVisible();
    expect(alerted).toBe(false);
    await desk.close();
  });
});
