import path from "node:path";
import { expect, test } from "@playwright/test";
import { ru } from "../../app/i18n/ru";
import { signIn } from "./demo-users";

/**
 * The recruiter's sourcing journey: a vacancy with its company lists, a CSV of
 * candidates uploaded, previewed and committed, the list filtered by tier, a profile.
 */

const FIXTURE = path.resolve("test/fixtures/imports/candidates.csv");
const editor = ru.vacancyEditor.fields;


test("a recruiter sources candidates for a new vacancy from a CSV file", async ({ page }) => {
  test.setTimeout(90_000);
  const title = `KAM Поволжье ${Date.now().toString(36)}`;
  await signIn(page);

  // A vacancy with its company lists and an adjacent niche.
  await page.goto("/vacancies/new");
  await page.getByLabel(editor.title, { exact: true }).fill(title);
  await page.getByLabel(editor.city, { exact: true }).fill("Москва");
  await page.getByLabel(editor.industry, { exact: true }).fill("Промышленное оборудование");
  await page.getByLabel(editor.status, { exact: true }).selectOption({ label: ru.vacancyStatus.OPEN });
  await page.getByLabel(editor.targetCompanies, { exact: true }).fill("Гидромаш");
  await page.getByLabel(editor.excludedCompanies, { exact: true }).fill("ООО «Откат-Трейд»");
  await page.getByLabel(editor.adjacentNiches, { exact: true }).fill("рыболовный");
  await page.getByRole("button", { name: ru.vacancyEditor.save, exact: true }).click();
  await expect(page).toHaveURL(/\/vacancies\/[^/]+\/edit\?saved=/);

  // Upload the file for that vacancy: the preview says what will happen to whom.
  await page.getByRole("navigation", { name: ru.shell.mainNav }).getByRole("link", { name: ru.nav.imports, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: ru.imports.title })).toBeVisible();
  await page.getByLabel(ru.imports.vacancy, { exact: true }).selectOption({ label: `${title} — Москва` });
  await page.getByLabel(ru.imports.file, { exact: true }).setInputFiles(FIXTURE);
  await page.getByRole("button", { name: ru.imports.upload }).click();

  await expect(page).toHaveURL(/\/imports\/[^/?]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "candidates.csv" })).toBeVisible();
  const counts = page.getByRole("list", { name: ru.imports.preview });
  await expect(counts.locator('[data-count="new"] .stat-value')).toHaveText("4");
  await expect(counts.locator('[data-count="excluded"] .stat-value')).toHaveText("1");
  const rows = page.getByRole("table", { name: ru.imports.preview }).locator("tbody tr");
  await expect(rows).toHaveCount(4);
  const belova = rows.filter({ hasText: "Белова" });
  await expect(belova).toContainText(ru.tiers.EXCLUDED);
  await expect(belova).toContainText("Откат-Трейд");
  await expect(rows.filter({ hasText: "Соколов" })).toContainText(ru.tiers.TARGET);
  await expect(rows.filter({ hasText: "Кузнецов" })).toContainText(ru.tiers.ADJACENT);

  await page.getByRole("button", { name: ru.imports.commit.replace("{{count}}", "4") }).click();
  await expect(page.getByRole("status")).toContainText("Импорт завершён: новых 4");

  // The candidate list for the vacancy, filtered to the target tier.
  await page.getByRole("link", { name: ru.imports.openCandidates }).click();
  await expect(page).toHaveURL(/\/candidates\?vacancy=/);
  const filters = page.getByRole("search", { name: ru.candidateList.filters.title });
  await expect(filters.getByLabel(ru.candidateList.filters.vacancy, { exact: true }).locator("option:checked")).toHaveText(`${title} · Москва`);
  await expect(page.locator("tbody tr")).toHaveCount(4);
  await filters.getByLabel(ru.candidateList.filters.tier, { exact: true }).selectOption({ label: ru.tiers.TARGET });
  await filters.getByRole("button", { name: ru.candidateList.filters.apply }).click();
  await expect(page).toHaveURL(/tier=TARGET/);
  const listed = page.locator("tbody tr");
  await expect(listed).toHaveCount(1);
  await expect(listed.first()).toContainText("Соколов Андрей Петрович");

  // The profile: where they worked and the file they came from.
  await listed.first().getByRole("link", { name: /Соколов Андрей/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Соколов Андрей");
  await expect(page.getByText("ООО «Гидромаш»").first()).toBeVisible();
  await expect(page.getByText("a.sokolov@example.ru").first()).toBeVisible();
});

test("a large file is committed in the background while the page shows progress", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page);
  const stamp = Date.now().toString(36);
  const lines = Array.from({ length: 300 }, (_, i) => `Фонов${stamp} Пётр ${i},bulk${i}.${stamp}@example.ru,Завод ${i % 20},KAM,2020–2023`);
  const csv = ["ФИО,E-mail,Компания,Должность,Период", ...lines].join("\n");
  await page.goto("/imports");
  await page.getByLabel(ru.imports.file, { exact: true }).setInputFiles({ name: "bulk.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: ru.imports.upload }).click();
  await expect(page.getByRole("list", { name: ru.imports.preview }).locator('[data-count="new"] .stat-value')).toHaveText("300");

  await page.getByRole("button", { name: ru.imports.commit.replace("{{count}}", "300") }).click();
  // Queued for the worker: the page polls until the job has committed the batch.
  await expect(page.getByRole("progressbar", { name: ru.imports.progress })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("Импорт завершён: новых 300", { timeout: 60_000 });
  await expect(page.getByRole("progressbar")).toHaveCount(0);
});
