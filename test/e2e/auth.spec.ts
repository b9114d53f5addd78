import { expect, test, type Page } from "@playwright/test";
import { en } from "../../app/i18n/en";
import { ru } from "../../app/i18n/ru";
import { DEMO } from "./demo-users";

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto("/login");
  await page.getByLabel(ru.auth.email).fill(who.email);
  await page.getByLabel(ru.auth.password).fill(who.password);
  await page.getByRole("button", { name: ru.auth.submit }).click();
  // The user's own language: Russian, or English for someone who chose it.
  const mainNav = new RegExp(`^(${ru.shell.mainNav}|${en.shell.mainNav})$`);
  await expect(page.getByRole("navigation", { name: mainNav })).toBeVisible();
}

const SECTIONS = [
  ["/vacancies", ru.nav.vacancies],
  ["/candidates", ru.nav.candidates],
  ["/outreach", ru.nav.outreach],
  ["/questionnaires", ru.nav.questionnaires],
  ["/interviews", ru.nav.interviews],
  ["/probation", ru.nav.probation],
  ["/handover", ru.nav.handover],
  ["/analytics", ru.nav.analytics],
] as const;

test("a recruiter signs in, opens every section along the pipeline and signs out", async ({ page }) => {
  await page.goto("/vacancies");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fvacancies/);
  await page.getByLabel(ru.auth.email).fill(DEMO.recruiter.email);
  await page.getByLabel(ru.auth.password).fill(DEMO.recruiter.password);
  await page.getByRole("button", { name: ru.auth.submit }).click();
  await expect(page).toHaveURL(/\/vacancies$/);

  const nav = page.getByRole("navigation", { name: ru.shell.mainNav });
  for (const [path, label] of SECTIONS) {
    await nav.getByRole("link", { name: label, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(nav.getByRole("link", { name: label, exact: true })).toHaveAttribute("aria-current", "page");
  }
  // Demo data is there to work with.
  await nav.getByRole("link", { name: ru.nav.candidates, exact: true }).click();
  await expect(page).toHaveURL(/\/candidates$/);
  // The demo has a few hundred candidates: the first page is full (50 a page).
  await expect(page.locator("tbody tr")).toHaveCount(50);

  await page.getByRole("button", { name: ru.nav.signOut }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/candidates");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fcandidates/);
});

const ROLE_OF = { admin: "ADMIN", recruiter: "RECRUITER", manager: "HIRING_MANAGER", head: "DEPARTMENT_HEAD" } as const;
for (const [who, role] of Object.entries(ROLE_OF) as Array<[keyof typeof DEMO, keyof typeof ru.roles]>) {
  test(`the demo ${who} signs in and sees their role`, async ({ page }) => {
    await signIn(page, DEMO[who]);
    await expect(page.getByRole("banner")).toContainText(ru.roles[role]);
  });
}

test("a hiring manager is refused the admin page", async ({ page }) => {
  await signIn(page, DEMO.manager);
  await expect(page.getByRole("link", { name: ru.nav.admin })).toHaveCount(0);
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: ru.errors.forbiddenTitle })).toBeVisible();
  await expect(page.getByText(ru.errors.forbidden)).toBeVisible();
});

test("a wrong password and empty fields get clear messages", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: ru.auth.submit }).click();
  await expect(page.getByText(ru.validation.required).first()).toBeVisible();

  await page.getByLabel(ru.auth.email).fill(DEMO.recruiter.email);
  await page.getByLabel(ru.auth.password).fill("not-the-password");
  await page.getByRole("button", { name: ru.auth.submit }).click();
  await expect(page.getByRole("alert")).toHaveText(ru.auth.invalid);
  await expect(page.getByLabel(ru.auth.email)).toHaveValue(DEMO.recruiter.email);
});

test("an admin creates a user; a forged role is refused", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.getByRole("link", { name: ru.nav.admin }).click();
  await expect(page.getByRole("heading", { level: 1, name: ru.admin.title })).toBeVisible();
  // Forge only once React has hydrated the form, or hydration puts the real value back.
  await page.waitForLoadState("networkidle");
  const form = page.locator("form#new-user");
  await form.getByLabel(ru.admin.name).fill("Пётр Васильев");
  await form.getByLabel(ru.auth.email).fill("petr.vasiliev@kam.demo");
  await form.getByLabel(ru.auth.password).fill("a-long-password-1");
  await form.getByLabel(ru.roles.HIRING_MANAGER).check();
  // Forge the value a checkbox sends, as a tampered request would.
  await form.getByLabel(ru.roles.RECRUITER).evaluate((el) => {
    (el as HTMLInputElement).value = "SUPERUSER";
    (el as HTMLInputElement).checked = true;
  });
  await form.getByRole("button", { name: ru.admin.create }).click();
  await expect(form.getByText(ru.validation.invalidRole)).toBeVisible();
  await expect(page.getByRole("cell", { name: "petr.vasiliev@kam.demo" })).toHaveCount(0);

  await page.reload();
  await form.getByLabel(ru.admin.name).fill("Пётр Васильев");
  await form.getByLabel(ru.auth.email).fill("petr.vasiliev@kam.demo");
  await form.getByLabel(ru.auth.password).fill("a-long-password-1");
  await form.getByLabel(ru.roles.HIRING_MANAGER).check();
  await form.getByRole("button", { name: ru.admin.create }).click();
  await expect(page.getByRole("cell", { name: "petr.vasiliev@kam.demo" })).toBeVisible();
});

test("the language switch is remembered per user", async ({ page, browser }) => {
  await signIn(page, DEMO.head);
  await page.getByRole("button", { name: ru.shell.languageName.en }).click();
  await expect(page.getByRole("link", { name: en.nav.vacancies, exact: true })).toBeVisible();

  // A new browser (no cookies) signing in as the same user gets English back.
  const other = await browser.newPage();
  await signIn(other, DEMO.head);
  await expect(other.getByRole("link", { name: en.nav.vacancies, exact: true })).toBeVisible();
  await other.getByRole("button", { name: en.shell.languageName.ru }).click();
  await expect(other.getByRole("link", { name: ru.nav.vacancies, exact: true })).toBeVisible();
  await other.close();
});
