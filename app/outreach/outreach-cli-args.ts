import { parseArgs } from "node:util";

/** `npm run outreach` arguments, read and checked before the database is touched. */
export type OutreachArgs = {
  campaign: { id: string } | { vacancyId: string; name: string };
  dryRun: boolean;
  /** The user the launch is recorded for (required for a real run). */
  actorEmail?: string;
};

export type OutreachArgsResult = { kind: "help" } | { kind: "run"; args: OutreachArgs } | { kind: "error"; message: string };

export function outreachUsage(): string {
  return `Runs a campaign from the terminal with the same code as the app.

Usage:
  npm run outreach -- --campaign <id> --dry-run
  npm run outreach -- --campaign <id> --as <user e-mail>
  npm run outreach -- --vacancy <id> --name <campaign name> [--dry-run | --as <user e-mail>]

Options:
  --campaign <id>      the campaign (its page: /outreach/campaigns/<id>)
  --vacancy <id>       with --name: find the campaign by its name on this vacancy
  --name <name>        the campaign's name, as on its page
  --dry-run            list who would get it and who is left out and why; send nothing
  --as <e-mail>        a real run: launch the draft as this user (recruiter or admin),
                       then send in this process at the campaign's rate limits and
                       send window, printing progress, until it is done, paused or cancelled
  --help               this text

A campaign already launched is not launched again: a real run then only sends what
is still queued. Exit codes: 0 done, 1 failed, 2 wrong arguments or a refused launch.`;
}

export function parseOutreachArgs(argv: string[]): OutreachArgsResult {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        campaign: { type: "string" },
        vacancy: { type: "string" },
        name: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        as: { type: "string" },
        help: { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    return { kind: "error", message: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { kind: "help" };
  const id = values.campaign?.trim();
  const vacancyId = values.vacancy?.trim();
  const name = values.name?.trim();
  if (id && (vacancyId || name)) return { kind: "error", message: "Give either --campaign, or --vacancy with --name, not both." };
  if (!id && !(vacancyId && name)) {
    return { kind: "error", message: vacancyId || name ? "--vacancy and --name go together." : "--campaign <id> (or --vacancy <id> --name <name>) is required." };
  }
  const dryRun = values["dry-run"];
  const actorEmail = values.as?.trim() || undefined;
  if (dryRun && actorEmail) return { kind: "error", message: "--dry-run sends nothing: leave out --as." };
  if (!dryRun && !actorEmail) return { kind: "error", message: "A real run needs --as <user e-mail> (who launches it), or --dry-run to only look." };
  return { kind: "run", args: { campaign: id ? { id } : { vacancyId: vacancyId!, name: name! }, dryRun, actorEmail } };
}

/** One progress line: "sent 120/1000, failed 2, queued 878". */
export function progressLine(p: { total: number; sent: number; failed: number; bounced: number; queued: number; cancelled: number }): string {
  const parts = [`sent ${p.sent}/${p.total}`, `failed ${p.failed + p.bounced}`, `queued ${p.queued}`];
  if (p.cancelled) parts.push(`cancelled ${p.cancelled}`);
  return parts.join(", ");
}
