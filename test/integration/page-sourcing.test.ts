import path from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { pageAdapter } from "~/sourcing/pages/adapters";
import { careerSite } from "~/sourcing/pages/adapters/career-site";
import { hh } from "~/sourcing/pages/adapters/hh";
import { partnerBoard } from "~/sourcing/pages/adapters/partner-board";
import { savedPages } from "~/sourcing/pages/adapters/saved-pages";
import { crawlPages, CrawlRefused } from "~/sourcing/pages/crawl.server";
import { launchBrowser } from "~/utils/browser.server";
import { careerSiteRoutes, PAGE_FIXTURES, partnerBoardRoutes, serveSite, type Hit } from "../setup/page-sites";

// One Chromium for the whole file: launching it is the slow part.
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const gaps = (hits: Hit[]) => hits.slice(1).map((hit, i) => hit.at - hits[i]!.at);

describe("page sourcing", () => {
  test("career site: follows paging, reads applicants field by field, honours robots.txt", async () => {
    const site = await serveSite(careerSiteRoutes());
    try {
      const result = await crawlPages({ adapter: careerSite, url: `${site.origin}/careers/applications`, delayMs: 250, browser });

      expect(site.paths()).toEqual([
        "/robots.txt",
        "/careers/applications",
        "/careers/applicants/A-1001",
        "/careers/applicants/A-1002",
        "/careers/applications?page=2",
        "/careers/applicants/A-1004",
        "/careers/applicants/A-1005",
      ]);
      expect(result.pagesVisited).toBe(6);
      expect(result.stoppedAt).toBeNull();
      expect(result.errors).toEqual([
        { url: `${site.origin}/careers/applicants/A-1003`, message: expect.stringMatching(/^disallowed by robots\.txt/) },
        { url: `${site.origin}/careers/applicants/A-1005`, message: "HTTP 404 Not Found" },
      ]);
      for (const hit of site.hits) expect(hit.userAgent).toMatch(/^KAMHiringBot\/1\.0\b/);
      for (const gap of gaps(site.hits)) expect(gap).toBeGreaterThanOrEqual(250);

      const [ivanov, smirnova, volkova] = result.records;
      expect(result.records).toHaveLength(3);
      const { raw, ...fields } = ivanov!;
      expect(fields).toEqual({
        source: "WEB_PAGE",
        channel: "PAGE",
        adapter: "career-site",
        externalId: "career-site:A-1001",
        url: `${site.origin}/careers/applicants/A-1001`,
        firstName: "Иван",
        lastName: "Иванов",
        middleName: "Петрович",
        email: "ivan.ivanov@example.ru",
        phone: "+7 (916) 123-45-67",
        city: "Москва",
        currentTitle: "Менеджер по работе с ключевыми клиентами",
        salaryExpectationRub: 180_000,
        relocation: false,
        workHistory: [
          { companyName: "ООО «Ромашка»", industry: "Промышленное оборудование", title: "Key Account Manager", startedOn: "2019-03-01", endedOn: null },
          { companyName: "АО «СтанкоИмпорт»", industry: "Станки и инструмент", title: "Менеджер по продажам", startedOn: "2014-09-01", endedOn: "2019-02-01" },
        ],
        consentAt: null,
        consentText: null,
        note: null,
      });
      expect(raw).toMatchObject({ applicantId: "A-1001", salary: { text: "180 000 ₽", amount: "180000", currency: "RUB" } });

      expect(smirnova).toMatchObject({
        externalId: "career-site:A-1002",
        lastName: "Смирнова",
        email: "Olga.Smirnova@Example.com",
        phone: "8 916 765-43-21",
        city: "Казань",
        salaryExpectationRub: 220_000,
        relocation: true,
        workHistory: [{ companyName: "Hilti Russia", startedOn: "2021-06-01", endedOn: null }],
      });
      // Missing middle name and e-mail stay empty; a salary in dollars is not turned into roubles.
      expect(volkova).toMatchObject({
        externalId: "career-site:A-1004",
        middleName: null,
        email: null,
        city: "Нижний Новгород",
        salaryExpectationRub: null,
        relocation: null,
        workHistory: [{ companyName: "ООО «ТД Электроснаб»", industry: null, startedOn: "2020-11-01", endedOn: "2024-12-01" }],
      });
      expect(volkova!.raw).toMatchObject({ salary: { text: "3 000 $", currency: "USD" } });
    } finally {
      await site.close();
    }
  });

  test("partner board: microdata, Russian labels and month dates; no robots.txt means allowed", async () => {
    const site = await serveSite(partnerBoardRoutes());
    try {
      const url = `${site.origin}/resumes/search?text=key+account+manager`;
      const result = await crawlPages({ adapter: partnerBoard, url, delayMs: 100, browser });

      expect(site.paths().filter((p) => p === "/robots.txt")).toHaveLength(1);
      expect(result.records.map((r) => r.externalId)).toEqual(["partner-board:7f3a9c21", "partner-board:b52e0d17"]);
      const [petrova, sidorov] = result.records;
      expect(petrova).toMatchObject({
        adapter: "partner-board",
        url: `${site.origin}/resume/7f3a9c21`,
        lastName: "Петрова",
        firstName: "Анна",
        middleName: "Сергеевна",
        email: "anna.petrova@example.com",
        phone: "8 (812) 555-12-34",
        city: "Санкт-Петербург",
        currentTitle: "Key Account Manager",
        salaryExpectationRub: 200_000,
        relocation: true,
      });
      // Only the "Опыт работы" block is work history; education is left out.
      expect(petrova!.workHistory).toEqual([
        {
          companyName: "АО «ТехноСнаб»",
          industry: "Оптовая торговля промышленным оборудованием",
          title: "Менеджер по работе с ключевыми клиентами",
          startedOn: "2019-03-01",
          endedOn: null,
        },
        { companyName: "ООО «Ромашка»", industry: "Промышленное оборудование", title: "Менеджер по продажам", startedOn: "2015-04-01", endedOn: "2019-02-01" },
      ]);
      expect(petrova!.raw).toMatchObject({ salary: "200 000 руб. на руки", jobs: [{ period: "март 2019 — по настоящее время" }, {}] });
      expect(sidorov).toMatchObject({
        lastName: "Сидоров",
        firstName: "Алексей",
        middleName: null,
        email: null,
        phone: null,
        salaryExpectationRub: null,
        relocation: false,
        workHistory: [{ companyName: "Siemens", startedOn: "2018-01-01", endedOn: "2023-12-01" }],
      });
      expect(result.errors).toEqual([
        { url: `${site.origin}/resume/c9d8e7f6`, message: expect.stringContaining("workHistory.0.startedOn") },
      ]);
    } finally {
      await site.close();
    }
  });

  test("stops at maxPages, keeps at least the robots.txt Crawl-delay, reads a single profile URL", async () => {
    const site = await serveSite(careerSiteRoutes("User-agent: KAMHiringBot\nCrawl-delay: 1\nDisallow: /careers/applicants/A-1003\n"));
    try {
      const result = await crawlPages({ adapter: careerSite, url: `${site.origin}/careers/applications`, maxPages: 1, delayMs: 50, browser });
      expect(result.stoppedAt).toBe(`${site.origin}/careers/applications?page=2`);
      expect(site.paths()).not.toContain("/careers/applications?page=2");
      expect(result.records.map((r) => r.externalId)).toEqual(["career-site:A-1001", "career-site:A-1002"]);
      for (const gap of gaps(site.hits)) expect(gap).toBeGreaterThanOrEqual(1000);

      const single = await crawlPages({ adapter: careerSite, url: `${site.origin}/careers/applicants/A-1004`, delayMs: 0, browser });
      expect(single.records.map((r) => r.externalId)).toEqual(["career-site:A-1004"]);
      expect(single.pagesVisited).toBe(1);
    } finally {
      await site.close();
    }
  });

  test("a site whose robots.txt fails is left alone; a page that never answers times out", async () => {
    const down = await serveSite({ ...careerSiteRoutes(), "/robots.txt": { status: 503 } });
    const slow = await serveSite({ "/robots.txt": { status: 404 }, "/careers/applications": "hang" });
    try {
      const skipped = await crawlPages({ adapter: careerSite, url: `${down.origin}/careers/applications`, browser });
      expect(down.paths()).toEqual(["/robots.txt"]);
      expect(skipped).toMatchObject({ records: [], pagesVisited: 0 });
      expect(skipped.errors).toEqual([{ url: `${down.origin}/careers/applications`, message: expect.stringContaining("HTTP 503") }]);

      const timedOut = await crawlPages({ adapter: careerSite, url: `${slow.origin}/careers/applications`, timeoutMs: 500, browser });
      expect(timedOut.errors).toEqual([{ url: `${slow.origin}/careers/applications`, message: expect.stringMatching(/timed out after 500 ms/) }]);
    } finally {
      await down.close();
      await slow.close();
    }
  });

  test("saved pages are read from disk with the markup they were saved from", async () => {
    const dir = path.join(PAGE_FIXTURES, "saved");
    const result = await crawlPages({ adapter: savedPages, dir, browser });
    const fileUrl = (name: string) => pathToFileURL(path.join(dir, name)).href;

    expect(result.pagesVisited).toBe(3);
    expect(result.errors).toEqual([{ url: fileUrl("notes.html"), message: "not a profile page saved-pages can read" }]);
    expect(result.records.map((r) => [r.adapter, r.externalId, r.url, r.lastName])).toEqual([
      ["saved-pages", "partner-board:7f3a9c21", fileUrl("resume-7f3a9c21.htm"), "Петрова"],
      ["saved-pages", "career-site:A-0977", fileUrl("Отклик Егорова Светлана.html"), "Егорова"],
    ]);
    expect(result.records[1]).toMatchObject({
      firstName: "Светлана",
      email: "s.egorova@example.ru",
      city: "Самара",
      salaryExpectationRub: 190_000,
      workHistory: [{ companyName: "ООО «Ромашка»", startedOn: "2017-05-01", endedOn: null }],
    });

    const one = await crawlPages({ adapter: savedPages, url: fileUrl("resume-7f3a9c21.htm"), browser });
    expect(one.records).toHaveLength(1);
  });

  test("hh.ru pages are refused with directions to the API importer; wrong inputs are refused", async () => {
    const refusal = crawlPages({ adapter: hh, url: "https://hh.ru/search/resume?text=KAM", browser });
    await expect(refusal).rejects.toBeInstanceOf(CrawlRefused);
    await expect(refusal).rejects.toMatchObject({
      messageKey: "imports.errors.hhPagesUseApi",
      message: expect.stringMatching(/only through its API.*Imports page.*HH_API_TOKEN/),
    });
    expect(pageAdapter("hh")).toBe(hh);
    expect(pageAdapter("linkedin")).toBeNull();

    await expect(crawlPages({ adapter: careerSite, url: "file:///etc/passwd", browser })).rejects.toThrow(/http:\/\/ or https:\/\//);
    await expect(crawlPages({ adapter: careerSite, url: "not a url", browser })).rejects.toThrow(CrawlRefused);
    await expect(crawlPages({ adapter: savedPages, url: "https://example.com/a.html", browser })).rejects.toThrow(/--dir/);
    await expect(crawlPages({ adapter: savedPages, dir: path.join(PAGE_FIXTURES, "career-site", "none"), browser })).rejects.toThrow(
      /Cannot read the folder/,
    );
  });
});

describe("npm run source --vacancy", () => {
  test("stores the crawl as an import batch to preview, or commits it with --commit; an unknown vacancy stores nothing", async () => {
    const { storeCrawl } = await import("~/sourcing/pages/store.server");
    const { db } = await import("~/utils/db.server");
    const site = await serveSite(careerSiteRoutes());
    try {
      const url = `${site.origin}/careers/applications`;
      const result = await crawlPages({ adapter: careerSite, url, delayMs: 0, browser });
      expect(result.records).toHaveLength(3);
      const vacancy = await db().vacancy.create({ data: { title: "KAM", city: "Москва", industry: "Оборудование", status: "OPEN" } });
      const args = { adapter: careerSite, url, vacancyId: vacancy.id, maxPages: 20, commit: false };

      const unknown = await storeCrawl({ args: { ...args, vacancyId: "no-such-vacancy" }, result });
      expect(unknown).toMatchObject({ ok: false, message: "No open vacancy with id no-such-vacancy: nothing stored." });
      expect(await db().importBatch.count()).toBe(0);

      const preview = await storeCrawl({ args, result, appUrl: "http://kam.example" });
      expect(preview).toMatchObject({ ok: true, status: "PREVIEW", message: `Stored as import ${preview.batchId}: review and commit it at http://kam.example/imports/${preview.batchId}` });
      expect(await db().importBatch.findUniqueOrThrow({ where: { id: preview.batchId } })).toMatchObject({
        status: "PREVIEW",
        source: "WEB_PAGE",
        channel: "PAGE",
        adapter: "career-site",
        vacancyId: vacancy.id,
        total: 3,
        createdById: null,
      });
      expect(await db().candidate.count()).toBe(0);

      const committed = await storeCrawl({ args: { ...args, commit: true }, result });
      expect(committed).toMatchObject({ ok: true, status: "COMMITTED" });
      const people = await db().candidate.findMany({ orderBy: { lastName: "asc" }, select: { lastName: true, sources: { select: { adapter: true, url: true } }, applications: { select: { vacancyId: true } } } });
      expect(people.map((p) => p.lastName)).toEqual(["Волкова", "Иванов", "Смирнова"]);
      for (const p of people) {
        expect(p.sources).toEqual([{ adapter: "career-site", url: expect.stringMatching(/\/careers\/applicants\/A-100\d$/) }]);
        expect(p.applications).toEqual([{ vacancyId: vacancy.id }]);
      }
    } finally {
      await site.close();
    }
  });
});
