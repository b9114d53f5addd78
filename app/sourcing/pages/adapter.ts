import { type CandidateRecordInput } from "../record";

/**
 * A page adapter holds everything one source's pages need: where it may be read
 * from, how fast, where the profile links and the next result page are, and how a
 * profile page becomes a CandidateRecord. The crawl (crawl.server.ts) is the same
 * for every source; adding a site means adding one adapter.
 */

/**
 * Read access to a page the browser has loaded, or to one element of it. Selectors
 * are CSS; texts come back with whitespace collapsed. Adapters only read through
 * this, so they never run code inside the page.
 */
export interface PageReader {
  /** Text of the first match; null when nothing matches or the text is empty. */
  text(selector: string): Promise<string | null>;
  /** An attribute of the first match, or of this element itself when no selector is given. */
  attr(name: string, selector?: string): Promise<string | null>;
  /** Absolute URLs of every matching link, in page order. */
  links(selector: string): Promise<string[]>;
  /** A reader for each match, scoped to it. */
  all(selector: string): Promise<PageReader[]>;
  has(selector: string): Promise<boolean>;
}

/**
 * Whether the adapter may fetch the site's pages itself. hh.ru, for one, allows
 * outside recruiting systems only through its API; its adapter says where to go.
 */
export type LiveFetching =
  | { allowed: true }
  | {
      allowed: false;
      /** i18n key for the app ("imports.errors.…"). */
      messageKey: string;
      /** The same in plain English, for the command line. */
      message: string;
    };

/** What an adapter reads from one profile page; the crawl adds source, channel, adapter and URL. */
export type ProfileFields = Omit<CandidateRecordInput, "source" | "channel" | "adapter" | "url">;

export type PageAdapter = {
  /** Stored as SourceRecord.adapter and typed on the command line: "career-site". */
  name: string;
  /** A line for `--help` and summaries. */
  label: string;
  /** "web": http(s) pages, robots.txt and the rate limit apply. "files": saved HTML on disk. */
  reads: "web" | "files";
  liveFetching: LiveFetching;
  /** The least time between two requests to one host, unless the run says otherwise. */
  defaultDelayMs: number;
  /** Where a result page keeps its profile links and the link to the next one; null: profiles only. */
  resultPage: { profileLinks: string; nextPage: string | null } | null;
  /** Whether the loaded page is a profile this adapter reads (a result page is not). */
  isProfile(page: PageReader): Promise<boolean>;
  /** The profile's fields; null when the page turns out not to hold a readable profile. */
  readProfile(page: PageReader): Promise<ProfileFields | null>;
};

/** The user agent every page request carries, so a site's owner can see who reads it and why. */
export function crawlerUserAgent(appUrl: string | undefined): string {
  return appUrl ? `KAMHiringBot/1.0 (+${appUrl})` : "KAMHiringBot/1.0";
}
