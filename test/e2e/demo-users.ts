import { expect, type Page } from "@playwright/test";
import { ru } from "../../app/i18n/ru";

/** The demo accounts documented in the README (seeded by app/demo). */
export const DEMO = {
  admin: { email: "admin@kam.demo", password: "admin-demo-2026" },
  recruiter: { email: "recruiter@kam.demo", password: "recruiter-demo-2026" },
  manager: { email: "manager@kam.demo", password: "manager-demo-2026" },
  head: { email: "head@kam.demo", password: "head-demo-2026" },
} as const;

/** Signs in through the form (the demo recruiter unless told) and waits for the shell (in Russian). */
export async function signIn(page: Page, who: { email: string; password: string } = DEMO.recruiter) {
  await page.goto("/login");
  await page.getByLabel(ru.auth.email).fill(who.email);
  await page.getByLabel(ru.auth.password).fill(who.password);
  await page.getByRole("button", { name: ru.auth.submit }).click();
  await expect(page.getByRole("navigation", { name: ru.shell.mainNav })).toBeVisible();
}
