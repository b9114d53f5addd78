import { ImportRefused } from "../record";

/**
 * The HTTP side both job-board clients share: one request at a time with a minimum
 * interval between requests (boards throttle and ban bursts), 429 answered by waiting
 * as long as Retry-After asks, 5xx and network failures retried a bounded number of
 * times with exponential backoff, and 401/403 turned into a refusal that says what to
 * fix. Every refusal is an ImportRefused with an "imports.errors.api…" key.
 */

/** A refusal from the board itself, with its HTTP status (0: no answer) and the body it answered with (parsed JSON, or null). */
export class BoardApiError extends ImportRefused {
  constructor(
    messageKey: string,
    readonly status: number,
    readonly body: unknown = null,
  ) {
    super(messageKey);
    this.name = "BoardApiError";
  }
}

export type BoardHttpOptions = {
  /** "hh.ru" or "SuperJob": shown in messages. */
  board: string;
  baseUrl: string;
  headers: Record<string, string>;
  /** Least time between the starts of two requests. */
  minIntervalMs: number;
  /** Retries after a 5xx, a network failure or a 429, per request. */
  maxRetries?: number;
  /** First backoff after a 5xx; doubles with each retry. */
  retryBaseMs?: number;
  /** A Retry-After longer than this is not waited out: the search stops with a clear error. */
  maxRetryAfterMs?: number;
  timeoutMs?: number;
  /**
   * The board's own reading of an error answer: a message key when the body says
   * more than the status (hh.ru's 403 "quota_exceeded" is not "no access", its 429
   * "view_limit_exceeded" is not worth waiting out), checked before any retry.
   */
  refusal?: (status: number, body: unknown) => string | null;
};

export type QueryValue = string | number | boolean | null | undefined | ReadonlyArray<string | number>;

export type BoardHttp = {
  /** GET a path under the base URL and return the parsed JSON. */
  getJson(path: string, query?: Record<string, QueryValue>): Promise<unknown>;
  /** How many HTTP requests were sent, retries included. */
  readonly requests: number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retry-After is either seconds or an HTTP date. */
function retryAfterMs(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

function buildUrl(baseUrl: string, path: string, query: Record<string, QueryValue> = {}): URL {
  const base = baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`;
  const url = new URL(path.replace(/^\/+/, ""), base);
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(one));
  }
  return url;
}

/** An error answer's JSON body, or null: some 5xx answers are not JSON at all. */
async function errorBody(response: Response): Promise<unknown> {
  try {
    return JSON.parse(await response.text()) as unknown;
  } catch {
    return null;
  }
}

export function createBoardHttp(options: BoardHttpOptions): BoardHttp {
  const { board, baseUrl, headers, minIntervalMs } = options;
  const maxRetries = options.maxRetries ?? 3;
  const retryBaseMs = options.retryBaseMs ?? 500;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 120_000;
  const timeoutMs = options.timeoutMs ?? 30_000;
  let lastStart = 0;
  let requests = 0;
  // Requests are chained so concurrent callers still respect the interval.
  let queue: Promise<unknown> = Promise.resolve();

  async function once(url: URL): Promise<Response | "network"> {
    const wait = lastStart + minIntervalMs - Date.now();
    if (wait > 0) await sleep(wait);
    lastStart = Date.now();
    requests += 1;
    try {
      return await fetch(url, { headers: { Accept: "application/json", ...headers }, signal: AbortSignal.timeout(timeoutMs) });
    } catch {
      return "network";
    }
  }

  async function send(url: URL): Promise<unknown> {
    for (let attempt = 0; ; attempt += 1) {
      const response = await once(url);
      const status = response === "network" ? 0 : response.status;
      if (response !== "network" && response.ok) {
        const text = await response.text();
        try {
          return JSON.parse(text) as unknown;
        } catch {
          throw new BoardApiError(`imports.errors.apiBadAnswer|board=${board}`, response.status);
        }
      }
      const body = response === "network" ? null : await errorBody(response);
      const specific = response === "network" ? null : options.refusal?.(status, body);
      if (specific) throw new BoardApiError(specific, status, body);
      const refuse = (problem: string, extra = "") => new BoardApiError(`imports.errors.${problem}|board=${board}${extra}`, status, body);
      if (status === 401) throw refuse("apiUnauthorized");
      if (status === 403) throw refuse("apiForbidden");
      if (status === 404) throw refuse("apiNotFound");
      const retriable = status === 0 || status === 429 || status >= 500;
      if (!retriable) throw refuse("apiRejected", `|status=${status}`);
      if (attempt >= maxRetries) throw status === 429 ? refuse("apiRateLimited") : refuse("apiUnavailable", `|status=${status || "—"}`);
      if (status === 429 && response !== "network") {
        const asked = retryAfterMs(response.headers.get("retry-after")) ?? retryBaseMs * 2 ** attempt;
        if (asked > maxRetryAfterMs) throw refuse("apiRateLimited");
        await sleep(asked);
      } else {
        await sleep(retryBaseMs * 2 ** attempt);
      }
    }
  }

  return {
    getJson(path, query) {
      const url = buildUrl(baseUrl, path, query);
      const result = queue.then(() => send(url));
      queue = result.catch(() => undefined);
      return result;
    },
    get requests() {
      return requests;
    },
  };
}
