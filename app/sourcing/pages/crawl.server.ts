import fs from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, type Page } from "puppeteer-core";
import { withBrowser } from "~/utils/browser.server";
import { env } from "~/utils/env.server";
import { CandidateRecordSchema, type CandidateRecord } from "../record";
import { crawlerUserAgent, type PageAdapter, type PageReader } from "./adapter";
import { pageReader } from "./page-reader.server";
import { describeError, HostThrottle, RobotsRules } from "./politeness.server";

/**
 * Reads candidates from web pages with an adapter: result pages (following "next"
 * up to maxPages) and the profile pages they link to, or saved HTML files. A page
 * that cannot be read becomes a note (URL and why) and the run goes on.
 */
export type CrawlOptions = {
  adapter: PageAdapter;
  /** A result page or one profile page (web adapters), or a file:// URL (saved pages). */
  url?: string;
  /** A folder of saved .html/.htm pages (saved pages). */
  dir?: string;
  maxPages?: number;
  maxProfiles?: number;
  /** Least time between requests to one host; the adapter's default otherwise. */
  delayMs?: number;
  timeoutMs?: number;
  /** Reuse a running browser (tests, long-lived workers); otherwise one is started and closed. */
  browser?: Browser;
  onPage?: (url: string, kind: "results" | "profile") => void;
};

export type CrawlNote = { url: string; message: string };

export type CrawlResult = {
  records: CandidateRecord[];
  errors: CrawlNote[];
  /** Pages the browser loaded (robots.txt not counted). */
  pagesVisited: number;
  /** The next result page when maxPages stopped the walk, so a later run can go on from it. */
  stoppedAt: string | null;
};

/** The run as asked cannot start (adapter refuses live fetching, wrong kind of URL, no folder). */
export class CrawlRefused extends Error {
  constructor(
    message: string,
    readonly messageKey: string | null = null,
  ) {
    super(message);
    this.name = "CrawlRefused";
  }
}

const CRAWL_DEFAULTS = { maxPages: 20, maxProfiles: 1000, timeoutMs: 20_000 };

// Only the document (and what renders it) is fetched: images, styles and fonts would
// be extra, unthrottled requests to the site.
const NEEDED_RESOURCES = new Set(["document", "script", "xhr", "fetch"]);

export async function crawlPages(options: CrawlOptions): Promise<CrawlResult> {
  const startUrls = await startingPoints(options);
  const run = async (browser: Browser) => {
    const page = await browser.newPage();
    try {
      return await new Crawl(options, page).run(startUrls);
    } finally {
      await page.close();
    }
  };
  return options.browser ? run(options.browser) : withBrowser(run);
}

async function startingPoints({ adapter, url, dir }: CrawlOptions): Promise<string[]> {
  if (!adapter.liveFetching.allowed) {
    throw new CrawlRefused(adapter.liveFetching.message, adapter.liveFetching.messageKey);
  }
  if (adapter.reads === "files") {
    if (dir) return savedPageUrls(dir);
    if (url && parseUrl(url)?.protocol === "file:") return [url];
    throw new CrawlRefused(`${adapter.name} reads saved pages: give a folder (--dir) or a file:// URL.`);
  }
  const start = url ? parseUrl(url) : null;
  if (!start || (start.protocol !== "http:" && start.protocol !== "https:")) {
    throw new CrawlRefused(`${adapter.name} needs an http:// or https:// URL of a result or profile page; got ${url ?? "none"}.`);
  }
  return [start.href];
}

/** The .html/.htm files of a folder, by name, as file:// URLs. */
async function savedPageUrls(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch((error: unknown) => {
    throw new CrawlRefused(`Cannot read the folder ${dir}: ${describeError(error)}`);
  });
  const files = entries
    .filter((e) => e.isFile() && /\.html?$/i.test(e.name))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b, "en"));
  if (!files.length) throw new CrawlRefused(`No .html or .htm files in ${dir}.`);
  return files.map((name) => pathToFileURL(path.resolve(dir, name)).href);
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

class Crawl {
  private readonly adapter: PageAdapter;
  private readonly maxPages: number;
  private readonly maxProfiles: number;
  private readonly timeoutMs: number;
  private readonly userAgent = crawlerUserAgent(env().APP_URL);
  private readonly throttle: HostThrottle;
  private readonly robots: RobotsRules;
  private readonly result: CrawlResult = { records: [], errors: [], pagesVisited: 0, stoppedAt: null };
  private readonly seenProfiles = new Set<string>();

  constructor(
    private readonly options: CrawlOptions,
    private readonly page: Page,
  ) {
    this.adapter = options.adapter;
    this.maxPages = options.maxPages ?? CRAWL_DEFAULTS.maxPages;
    this.maxProfiles = options.maxProfiles ?? CRAWL_DEFAULTS.maxProfiles;
    this.timeoutMs = options.timeoutMs ?? CRAWL_DEFAULTS.timeoutMs;
    this.throttle = new HostThrottle(options.delayMs ?? this.adapter.defaultDelayMs);
    this.robots = new RobotsRules(this.userAgent, this.throttle, this.timeoutMs);
  }

  async run(startUrls: string[]): Promise<CrawlResult> {
    await this.page.setUserAgent(this.userAgent);
    // Chromium fetches a page's icon (or /favicon.ico) by itself, past the request
    // filter below and so past robots.txt and the delay: give every page an inline icon.
    await this.page.evaluateOnNewDocument(() => {
      document.addEventListener("DOMContentLoaded", () => {
        for (const link of document.querySelectorAll('link[rel~="icon"]')) link.remove();
        const icon = document.createElement("link");
        icon.rel = "icon";
        icon.href = "data:,";
        document.head.append(icon);
      });
    });
    await this.page.setRequestInterception(true);
    this.page.on("request", (request) => {
      if (request.isInterceptResolutionHandled()) return;
      if (NEEDED_RESOURCES.has(request.resourceType())) void request.continue();
      else void request.abort("blockedbyclient");
    });
    if (this.adapter.reads === "files") {
      for (const url of startUrls) await this.profile(url);
    } else {
      await this.results(startUrls[0]!);
    }
    return this.result;
  }

  private async results(startUrl: string) {
    const seen = new Set<string>();
    let url: string | null = startUrl;
    let visited = 0;
    while (url && !seen.has(url)) {
      if (visited === this.maxPages) {
        this.result.stoppedAt = url;
        return;
      }
      seen.add(url);
      visited++;
      this.options.onPage?.(url, "results");
      const reader = await this.load(url);
      if (!reader) return;
      if (visited === 1 && (await this.adapter.isProfile(reader))) {
        this.seenProfiles.add(url);
        await this.readProfile(url, reader);
        return;
      }
      const { profileLinks, nextPage } = this.adapter.resultPage ?? { profileLinks: null, nextPage: null };
      const links = profileLinks ? await reader.links(profileLinks) : [];
      const next = nextPage ? ((await reader.links(nextPage))[0] ?? null) : null;
      if (!links.length) this.note(url, `no ${this.adapter.name} profile links on this page`);
      for (const link of links) {
        if (this.seenProfiles.has(link)) continue;
        if (this.seenProfiles.size === this.maxProfiles) {
          this.result.stoppedAt = url;
          return;
        }
        this.seenProfiles.add(link);
        await this.profile(link);
      }
      url = next;
    }
  }

  private async profile(url: string) {
    this.options.onPage?.(url, "profile");
    const reader = await this.load(url);
    if (reader) await this.readProfile(url, reader);
  }

  private async readProfile(url: string, reader: PageReader) {
    try {
      const fields = (await this.adapter.isProfile(reader)) ? await this.adapter.readProfile(reader) : null;
      if (!fields) return this.note(url, `not a profile page ${this.adapter.name} can read`);
      const parsed = CandidateRecordSchema.safeParse({
        ...fields,
        source: "WEB_PAGE",
        channel: "PAGE",
        adapter: this.adapter.name,
        url,
      });
      if (parsed.success) this.result.records.push(parsed.data);
      else this.note(url, `unreadable profile: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
    } catch (error) {
      this.note(url, `could not read the profile: ${describeError(error)}`);
    }
  }

  /** Loads a page politely; null (and a note) when it may not or cannot be read. */
  private async load(href: string): Promise<PageReader | null> {
    const url = new URL(href);
    const web = url.protocol === "http:" || url.protocol === "https:";
    if (web !== (this.adapter.reads === "web")) {
      this.note(href, `${this.adapter.name} does not read ${url.protocol} pages; skipped`);
      return null;
    }
    if (web) {
      const verdict = await this.robots.verdict(url);
      if (!verdict.allowed) {
        this.note(href, verdict.reason);
        return null;
      }
    }
    try {
      const go = () => this.page.goto(href, { waitUntil: "domcontentloaded", timeout: this.timeoutMs });
      const response = web ? await this.throttle.around(url, go) : await go();
      this.result.pagesVisited++;
      if (response && !response.ok()) {
        this.note(href, `HTTP ${response.status()} ${response.statusText()}`.trim());
        return null;
      }
      return pageReader(this.page);
    } catch (error) {
      const timedOut = error instanceof Error && error.name === "TimeoutError";
      this.note(href, timedOut ? `timed out after ${this.timeoutMs} ms` : describeError(error));
      return null;
    }
  }

  private note(url: string, message: string) {
    this.result.errors.push({ url, message });
  }
}
