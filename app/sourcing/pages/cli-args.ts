import { parseArgs } from "node:util";
import { type PageAdapter } from "./adapter";
import { PAGE_ADAPTERS, pageAdapter } from "./adapters";

/** `npm run source` arguments, read and checked before anything is fetched or stored. */
export type SourceArgs = {
  adapter: PageAdapter;
  url?: string;
  dir?: string;
  vacancyId?: string;
  maxPages: number;
  delayMs?: number;
  commit: boolean;
};

export type SourceArgsResult = { kind: "help" } | { kind: "run"; args: SourceArgs } | { kind: "error"; message: string };

export function sourceUsage(): string {
  const adapters = PAGE_ADAPTERS.map((a) => `  ${a.name.padEnd(14)} ${a.label}`).join("\n");
  return `Reads candidates from web pages and, with --vacancy, stores them as an import to preview in the app.

Usage:
  npm run source -- --adapter <name> --url <result or profile page> [options]
  npm run source -- --adapter saved-pages --dir <folder of saved .html pages> [options]

Options:
  --adapter <name>     which site's pages (see below)
  --url <url>          a result page (paging is followed) or one profile page; file:// for saved pages
  --dir <folder>       saved-pages only: every .html/.htm file in the folder
  --vacancy <id>       store the candidates as an import batch for this vacancy (preview in the app)
  --commit             with --vacancy: commit the batch at once instead of leaving it for preview
  --max-pages <n>      result pages to walk, at most (default 20)
  --delay-ms <ms>      least time between requests to one host (default: the adapter's)
  --help               this text

Adapters:
${adapters}

Pages are read politely: robots.txt is obeyed, requests to one host are spaced out,
and every request says who it is (KAMHiringBot/1.0). Exit codes: 0 done, 1 failed,
2 wrong arguments or a refused source.`;
}

export function parseSourceArgs(argv: string[]): SourceArgsResult {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        adapter: { type: "string" },
        url: { type: "string" },
        dir: { type: "string" },
        vacancy: { type: "string" },
        commit: { type: "boolean", default: false },
        "max-pages": { type: "string" },
        "delay-ms": { type: "string" },
        help: { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    return { kind: "error", message: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { kind: "help" };
  if (!values.adapter) return { kind: "error", message: "--adapter is required." };
  const adapter = pageAdapter(values.adapter);
  if (!adapter) {
    const names = PAGE_ADAPTERS.map((a) => a.name).join(", ");
    return { kind: "error", message: `Unknown adapter "${values.adapter}". Known adapters: ${names}.` };
  }
  if (!adapter.liveFetching.allowed) return { kind: "error", message: adapter.liveFetching.message };
  if (values.url && values.dir) return { kind: "error", message: "Give either --url or --dir, not both." };
  if (values.dir && adapter.reads !== "files") {
    return { kind: "error", message: `--dir is for saved pages (--adapter saved-pages); ${adapter.name} reads --url.` };
  }
  if (!values.url && !values.dir) {
    return { kind: "error", message: adapter.reads === "files" ? "--dir or --url (file://) is required." : "--url is required." };
  }
  if (values.url) {
    const problem = urlProblem(values.url, adapter);
    if (problem) return { kind: "error", message: problem };
  }
  if (values.commit && !values.vacancy) return { kind: "error", message: "--commit needs --vacancy." };
  const maxPages = whole(values["max-pages"], "--max-pages", 1);
  if (typeof maxPages === "string") return { kind: "error", message: maxPages };
  const delayMs = whole(values["delay-ms"], "--delay-ms", 0);
  if (typeof delayMs === "string") return { kind: "error", message: delayMs };
  return {
    kind: "run",
    args: {
      adapter,
      url: values.url,
      dir: values.dir,
      vacancyId: values.vacancy,
      maxPages: maxPages ?? 20,
      delayMs,
      commit: values.commit,
    },
  };
}

function urlProblem(value: string, adapter: PageAdapter): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `Not a URL: "${value}". Give a full address such as https://careers.example.com/applications.`;
  }
  if (adapter.reads === "files") {
    return url.protocol === "file:" ? null : `${adapter.name} reads saved files: give --dir or a file:// URL.`;
  }
  return url.protocol === "http:" || url.protocol === "https:"
    ? null
    : `${adapter.name} reads web pages: give an http:// or https:// URL, not ${url.protocol}.`;
}

/** A whole number ≥ min, undefined when absent, or the message saying what is wrong. */
function whole(value: string | undefined, name: string, min: number): number | undefined | string {
  if (value === undefined) return undefined;
  const n = Number(value);
  return /^\d+$/.test(value.trim()) && Number.isSafeInteger(n) && n >= min
    ? n
    : `${name} must be a whole number of at least ${min}; got "${value}".`;
}
