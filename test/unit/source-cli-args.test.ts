import { describe, expect, it } from "vitest";
import { parseSourceArgs, sourceUsage } from "~/sourcing/pages/cli-args";

const run = (argv: string[]) => {
  const result = parseSourceArgs(argv);
  if (result.kind !== "run") throw new Error(`expected a run, got ${JSON.stringify(result)}`);
  return result.args;
};
const error = (argv: string[]) => {
  const result = parseSourceArgs(argv);
  if (result.kind !== "error") throw new Error(`expected an error, got ${result.kind}`);
  return result.message;
};

describe("npm run source arguments", () => {
  it("reads a web run with every option", () => {
    const args = run(["--adapter", "career-site", "--url", "https://careers.example/applications", "--vacancy", "v1", "--max-pages", "3", "--delay-ms", "1500", "--commit"]);
    expect(args).toMatchObject({ url: "https://careers.example/applications", vacancyId: "v1", maxPages: 3, delayMs: 1500, commit: true });
    expect(args.adapter.name).toBe("career-site");
  });

  it("defaults to 20 pages, the adapter's delay and no commit", () => {
    expect(run(["--adapter", "partner-board", "--url", "http://board.example/search"])).toMatchObject({
      maxPages: 20,
      delayMs: undefined,
      commit: false,
      vacancyId: undefined,
    });
    expect(run(["--adapter", "saved-pages", "--dir", "./saved"])).toMatchObject({ dir: "./saved" });
    expect(run(["--adapter", "saved-pages", "--url", "file:///tmp/a.html"])).toMatchObject({ url: "file:///tmp/a.html" });
  });

  it("prints help listing every adapter", () => {
    expect(parseSourceArgs(["--help"])).toEqual({ kind: "help" });
    for (const name of ["career-site", "partner-board", "saved-pages", "hh"]) expect(sourceUsage()).toContain(name);
  });

  it("refuses wrong arguments with a message that says what to do", () => {
    expect(error([])).toBe("--adapter is required.");
    expect(error(["--adapter", "linkedin", "--url", "https://x.example"])).toMatch(/Unknown adapter "linkedin".*career-site, partner-board, saved-pages, hh/);
    expect(error(["--adapter", "hh", "--url", "https://hh.ru/search/resume"])).toMatch(/only through its API.*HH_API_TOKEN/);
    expect(error(["--adapter", "career-site"])).toBe("--url is required.");
    expect(error(["--adapter", "career-site", "--url", "careers.example"])).toMatch(/^Not a URL/);
    expect(error(["--adapter", "career-site", "--url", "file:///tmp/a.html"])).toMatch(/http:\/\/ or https:\/\//);
    expect(error(["--adapter", "career-site", "--dir", "./saved"])).toMatch(/--dir is for saved pages/);
    expect(error(["--adapter", "saved-pages", "--url", "https://x.example/a.html"])).toMatch(/give --dir or a file:\/\/ URL/);
    expect(error(["--adapter", "saved-pages"])).toMatch(/--dir or --url/);
    expect(error(["--adapter", "career-site", "--url", "https://x.example", "--commit"])).toBe("--commit needs --vacancy.");
    expect(error(["--adapter", "career-site", "--url", "https://x.example", "--max-pages", "0"])).toMatch(/--max-pages must be a whole number of at least 1/);
    expect(error(["--adapter", "career-site", "--url", "https://x.example", "--delay-ms", "-5"])).toMatch(/--delay-ms/);
    expect(error(["--adapter", "career-site", "--url", "https://x.example", "--pages", "3"])).toMatch(/Unknown option '--pages'/);
  });
});
