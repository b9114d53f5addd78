import robotsParser from "robots-parser";

/**
 * How the crawl stays a polite visitor: one robots.txt read per origin and obeyed,
 * and a pause between requests to one host.
 */

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The least time between the end of one request to a host and the start of the
 * next. Counting from the end (not the start) keeps the gap even when a page is slow.
 */
export class HostThrottle {
  private readonly finishedAt = new Map<string, number>();
  private readonly delays = new Map<string, number>();

  constructor(private readonly delayMs: number) {}

  /** A host's own Crawl-delay can only make the pause longer. */
  slowDown(host: string, delayMs: number) {
    this.delays.set(host, Math.max(delayMs, this.delays.get(host) ?? 0));
  }

  delayFor(host: string) {
    return Math.max(this.delayMs, this.delays.get(host) ?? 0);
  }

  async before(url: URL) {
    const last = this.finishedAt.get(url.host);
    if (last === undefined) return;
    const wait = last + this.delayFor(url.host) - Date.now();
    if (wait > 0) await sleep(wait);
  }

  after(url: URL) {
    this.finishedAt.set(url.host, Date.now());
  }

  async around<T>(url: URL, request: () => Promise<T>): Promise<T> {
    await this.before(url);
    try {
      return await request();
    } finally {
      this.after(url);
    }
  }
}

type Robots = ReturnType<typeof robotsParser>;
export type RobotsVerdict = { allowed: true } | { allowed: false; reason: string };

/**
 * robots.txt per origin, fetched once. A missing file (4xx) allows everything; a
 * server error or no answer keeps the crawl off the whole site, as the big search
 * engines do, because the owner's wishes are unknown.
 */
export class RobotsRules {
  private readonly byOrigin = new Map<string, Promise<Robots | { unavailable: string }>>();

  constructor(
    private readonly userAgent: string,
    private readonly throttle: HostThrottle,
    private readonly timeoutMs: number,
  ) {}

  async verdict(url: URL): Promise<RobotsVerdict> {
    let rules = this.byOrigin.get(url.origin);
    if (!rules) {
      rules = this.load(url.origin);
      this.byOrigin.set(url.origin, rules);
    }
    const robots = await rules;
    if ("unavailable" in robots) return { allowed: false, reason: robots.unavailable };
    if (robots.isDisallowed(url.href, this.userAgent)) {
      const line = robots.getMatchingLineNumber(url.href, this.userAgent);
      return { allowed: false, reason: `disallowed by robots.txt (line ${line}); skipped` };
    }
    return { allowed: true };
  }

  private async load(origin: string): Promise<Robots | { unavailable: string }> {
    const robotsUrl = new URL("/robots.txt", origin);
    try {
      const response = await this.throttle.around(robotsUrl, () =>
        fetch(robotsUrl, {
          headers: { "User-Agent": this.userAgent },
          signal: AbortSignal.timeout(this.timeoutMs),
        }),
      );
      const text = response.ok ? await response.text() : "";
      if (response.status >= 500) {
        return { unavailable: `robots.txt answered HTTP ${response.status}; the site is skipped` };
      }
      const robots = robotsParser(robotsUrl.href, text);
      const crawlDelay = robots.getCrawlDelay(this.userAgent);
      if (crawlDelay) this.throttle.slowDown(robotsUrl.host, crawlDelay * 1000);
      return robots;
    } catch (error) {
      return { unavailable: `robots.txt could not be read (${describeError(error)}); the site is skipped` };
    }
  }
}

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === "TimeoutError") return "timed out";
    const cause = (error as Error & { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
  }
  return String(error);
}
