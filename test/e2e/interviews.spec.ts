import { expect, test, type Browser, type Page } from "@playwright/test";
import { ru } from "../../app/i18n/ru";
import { DEFAULT_RUBRIC } from "../../app/interviews/rubric";
import { DEMO, signIn } from "./demo-users";

/**
 * A group interview from start to end, each person in their own browser: the
 * recruiter makes a series (one session, starting in about 20 minutes so check-in is
 * already open) and invites three from the questionnaire shortlist; a candidate
 * confirms through the RSVP link in their letter; check-in marks two who came and one
 * who did not; two assessors score on their own (the second sees nothing of the
 * first's until submitting); the head takes both to probation. The session page's
 * no-show ratio is the one that was marked.
 */

const S = ru.interviewSessions;
const I = ru.interviewInvitations;
const C = ru.interviewScoring;

/** The Moscow wall clock of an instant (UTC+3 all year): "YYYY-MM-DD" and "HH:mm". */
function moscow(at: Date) {
  const local = new Date(at.getTime() + 3 * 3_600_000).toISOString();
  return { day: local.slice(0, 10), time: local.slice(11, 16) };
}

async function desk(browser: Browser, who: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ locale: "ru-RU", viewport: { width: 1180, height: 820 }, baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await signIn(page, who);
  return page;
}

/** Every competency scored `score`, the notes and the overall recommendation, then submitted. */
async function scoreAttendee(page: Page, name: string, score: number, notes: string) {
  await page.getByRole("navigation", { name: C.scoring.attendees }).getByRole("link", { name: new RegExp(name) }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  for (const competency of DEFAULT_RUBRIC) {
    await page.locator(`input[type=radio][name="scores.${competency.id}"][value="${score}"]`).check();
  }
  await page.getByLabel(C.scoring.notes).fill(notes);
  await page.getByRole("radio", { name: C.recommendations.YES, exact: true }).check();
  await page.getByRole("button", { name: C.scoring.submit }).click();
  await expect(page.getByText(C.scoring.saved.submitted)).toBeVisible();
}

test.use({ actionTimeout: 15_000 });

test("a series, invitations from the shortlist, an RSVP, check-in, two assessors and the head's decision", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signIn(page);

  // ── The recruiter makes a series of one session, 20–25 minutes from now ──
  const start = new Date(Math.ceil((Date.now() + 20 * 60_000) / 300_000) * 300_000);
  const { day, time } = moscow(start);
  await page.goto("/interviews/new");
  const vacancy = page.getByLabel(ru.ui.vacancy);
  await vacancy.selectOption({ label: await vacancy.locator("option", { hasText: "(KAM)" }).first().innerText() });
  await page.getByLabel(S.fields.name).fill("Проверка от начала до конца");
  await page.getByLabel(`${S.fields.days} 1`).fill(day);
  await page.getByLabel(`${S.fields.times} 1`).fill(time);
  await page.getByLabel(S.fields.durationMinutes).fill("90");
  await page.getByLabel(S.fields.place).fill("Москва, переговорная «Насосная»");
  await page.getByLabel(S.fields.seats).fill("2");
  await page.getByLabel(S.fields.capacity).fill("6");
  await page.getByLabel(/Дмитрий Волков/).check();
  await page.getByLabel(/Игорь Лебедев/).check();
  await page.getByRole("button", { name: S.create }).click();
  await expect(page).toHaveURL(/\/interviews\?vacancy=/);
  const vacancyId = new URL(page.url()).searchParams.get("vacancy")!;
  const card = page.locator("[data-session]").filter({ hasText: "Проверка от начала до конца" });
  await expect(card).toHaveCount(1);
  const sessionId = (await card.getAttribute("data-session"))!;

  // ── …and invites three who passed the questionnaire, from the shortlist ──
  await page.goto(`/questionnaires?vacancy=${vacancyId}`);
  const passed = page.locator("table[data-shortlist] tbody tr").filter({ hasText: ru.stages.QUESTIONNAIRE_PASSED });
  const names: string[] = [];
  for (let k = 0; k < 3; k++) {
    const row = passed.nth(k);
    names.push((await row.locator("th").innerText()).trim());
    await row.getByRole("checkbox").check();
  }
  await page.getByRole("button", { name: ru.questionnaireResults.bulk.interviewSubmit }).click();
  await expect(page.getByText(I.report.invited.replace("{{count}}", "3"))).toBeVisible();

  // The earliest session takes them: this one.
  await page.goto(`/interviews/sessions/${sessionId}/invitations`);
  const invited = page.locator("table[data-invitations=session] tbody tr");
  await expect(invited).toHaveCount(3);
  for (const name of names) await expect(invited.filter({ hasText: name })).toContainText(I.statuses.INVITED);

  // ── The first candidate confirms through the link in their letter ──
  await invited.filter({ hasText: names[0]! }).getByRole("link", { name: I.session.openLetter }).click();
  await expect(page.locator("pre").first()).toContainText("/rsvp/");
  const letter = await page.locator("pre").first().innerText();
  const rsvp = /\/rsvp\/[A-Za-z0-9_-]+/.exec(letter)?.[0];
  expect(rsvp, letter).toBeTruthy();
  // On a phone, as candidates open their mail.
  const candidate = await browser.newPage({ locale: "ru-RU", baseURL: test.info().project.use.baseURL, viewport: { width: 412, height: 915 }, isMobile: true, hasTouch: true });
  await candidate.goto(rsvp!);
  await expect(candidate.getByText(I.rsvp.status.INVITED)).toBeVisible();
  expect(await candidate.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(412);
  await expect(candidate.getByRole("link", { name: I.rsvp.calendar })).toBeVisible();
  await candidate.getByRole("button", { name: I.rsvp.confirm }).click();
  await expect(candidate.getByText(I.rsvp.done.confirmed)).toBeVisible();
  await candidate.close();
  await page.goto(`/interviews/sessions/${sessionId}/invitations`);
  await expect(invited.filter({ hasText: names[0]! })).toContainText(I.statuses.CONFIRMED);

  // ── Check-in: two came, one did not ──
  await page.goto(`/interviews/sessions/${sessionId}/check-in`);
  const tally = page.locator("[data-tally]");
  const mark = (kind: keyof typeof S.checkIn.marks, name: string) => page.getByRole("button", { name: `${S.checkIn.marks[kind]}: ${name}`, exact: true });
  await mark("ATTENDED", names[0]!).click();
  await mark("ATTENDED", names[1]!).click();
  await mark("NO_SHOW", names[2]!).click();
  await expect(tally.locator("[data-count=attended] .stat-value")).toHaveText("2");
  await expect(tally.locator("[data-count=noShow] .stat-value")).toHaveText("1");
  await expect(tally.locator("[data-count=unmarked] .stat-value")).toHaveText("0");
  // The marks are the server's: they survive a reload.
  await page.reload();
  await expect(mark("NO_SHOW", names[2]!)).toHaveAttribute("aria-pressed", "true");
  await expect(mark("ATTENDED", names[0]!)).toHaveAttribute("aria-pressed", "true");

  // The session page's no-show ratio is what was marked: 1 of 3.
  await page.goto(`/interviews/sessions/${sessionId}`);
  await expect(page.getByText(S.noShow.ofMarked.replace("{{noShow}}", "1").replace("{{marked}}", "3")).first()).toBeVisible();

  // ── The hiring manager scores both attendees ──
  const manager = await desk(browser, DEMO.manager);
  await manager.goto(`/interviews/sessions/${sessionId}/score`);
  const attendees = manager.getByRole("navigation", { name: C.scoring.attendees }).getByRole("link");
  await expect(attendees).toHaveCount(2);
  await scoreAttendee(manager, names[0]!, 4, "Заметка менеджера: сильные переговоры");
  await scoreAttendee(manager, names[1]!, 3, "Заметка менеджера: держится уверенно");
  await manager.context().close();

  // ── The head scores on their own: nothing of the manager's shows before submitting ──
  const head = await desk(browser, DEMO.head);
  await head.goto(`/interviews/sessions/${sessionId}/score`);
  await head.getByRole("navigation", { name: C.scoring.attendees }).getByRole("link", { name: new RegExp(names[0]!) }).click();
  await expect(head.getByRole("heading", { name: names[0]! })).toBeVisible();
  await expect(head.getByText("Заметка менеджера")).toHaveCount(0);
  await scoreAttendee(head, names[0]!, 5, "Заметка руководителя");
  await expect(head.getByText("Заметка менеджера: сильные переговоры")).toBeVisible();
  await scoreAttendee(head, names[1]!, 4, "Заметка руководителя: в резерве не держать");

  // ── …and takes both to probation on the results page ──
  await head.goto(`/interviews/sessions/${sessionId}/results`);
  const ranking = head.locator("[data-ranking] > li");
  await expect(ranking).toHaveCount(2);
  await expect(ranking.first()).toContainText(names[0]!);
  for (const name of names.slice(0, 2)) {
    const row = ranking.filter({ hasText: name });
    await row.getByRole("button", { name: C.decision.buttons.TAKE }).click();
    await expect(row.getByText(C.decision.done.TAKE)).toBeVisible();
  }
  await head.reload();
  await expect(head.locator("[data-summary] [data-decided=TAKE]")).toContainText("2");
  await head.context().close();

  // Both are on probation in the pipeline; the one who did not come is not.
  await page.goto("/probation?stage=PROBATION");
  for (const name of names.slice(0, 2)) await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: names[2]!, exact: true })).toHaveCount(0);
});
