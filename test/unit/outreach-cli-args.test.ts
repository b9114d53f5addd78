import { describe, expect, test } from "vitest";
import { outreachUsage, parseOutreachArgs, progressLine } from "~/outreach/outreach-cli-args";

describe("npm run outreach arguments", () => {
  test("a dry run by id, a real run by vacancy and name", () => {
    expect(parseOutreachArgs(["--campaign", "c1", "--dry-run"])).toEqual({ kind: "run", args: { campaign: { id: "c1" }, dryRun: true, actorEmail: undefined } });
    expect(parseOutreachArgs(["--vacancy", "v1", "--name", "Продающее письмо — март", "--as", "hr@company.ru"])).toEqual({
      kind: "run",
      args: { campaign: { vacancyId: "v1", name: "Продающее письмо — март" }, dryRun: false, actorEmail: "hr@company.ru" },
    });
    expect(parseOutreachArgs(["--help"])).toEqual({ kind: "help" });
    expect(outreachUsage()).toContain("--dry-run");
  });

  test.each([
    [[], "--campaign <id> (or --vacancy <id> --name <name>) is required."],
    [["--vacancy", "v1"], "--vacancy and --name go together."],
    [["--name", "Март", "--dry-run"], "--vacancy and --name go together."],
    [["--campaign", "c1", "--vacancy", "v1", "--name", "x", "--dry-run"], "Give either --campaign, or --vacancy with --name, not both."],
    [["--campaign", "c1"], "A real run needs --as <user e-mail> (who launches it), or --dry-run to only look."],
    [["--campaign", "c1", "--as", " "], "A real run needs --as <user e-mail> (who launches it), or --dry-run to only look."],
    [["--campaign", "c1", "--dry-run", "--as", "hr@company.ru"], "--dry-run sends nothing: leave out --as."],
  ])("%j is refused", (argv, message) => {
    expect(parseOutreachArgs(argv)).toEqual({ kind: "error", message });
  });

  test("unknown options and stray words are refused", () => {
    expect(parseOutreachArgs(["--campaign", "c1", "--dry-run", "--fast"]).kind).toBe("error");
    expect(parseOutreachArgs(["c1", "--dry-run"]).kind).toBe("error");
    expect(parseOutreachArgs(["--campaign"]).kind).toBe("error");
  });
});

test("a progress line counts bounced with failed and names cancelled only when there are some", () => {
  expect(progressLine({ total: 1000, sent: 120, failed: 1, bounced: 1, queued: 878, cancelled: 0 })).toBe("sent 120/1000, failed 2, queued 878");
  expect(progressLine({ total: 10, sent: 4, failed: 0, bounced: 0, queued: 0, cancelled: 6 })).toBe("sent 4/10, failed 0, queued 0, cancelled 6");
});
