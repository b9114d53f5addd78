/**
 * `npm run outreach`: a campaign from the terminal, through the same code as the app.
 * --dry-run lists who would get it and who is left out and why; a real run (--as
 * <user e-mail>) launches the draft and sends in this process at the campaign's
 * limits, printing progress. `npm run outreach -- --help` for usage.
 * Uses DATABASE_URL when set, else the embedded server under DATA_DIR (as `npm run worker`).
 */
import { type CampaignStatus } from "@prisma/client";
import { canAccess } from "../app/auth/access";
import { createI18n } from "../app/i18n/i18n";
import { EXCLUSION_REASONS } from "../app/outreach/audience";
import { previewAudience, type PreviewPerson } from "../app/outreach/campaign-audience.server";
import { launchCampaign } from "../app/outreach/campaign-launch.server";
import { campaignProgress } from "../app/outreach/campaign-progress.server";
import { CampaignRefused } from "../app/outreach/campaigns.server";
import { drainCampaign } from "../app/outreach/dispatch.server";
import { type OutreachArgs, outreachUsage, parseOutreachArgs, progressLine } from "../app/outreach/outreach-cli-args";
import { describeDatabase, ensureDatabase } from "../app/utils/boot.server";
import { db, disconnectDb } from "../app/utils/db.server";
import { stopJobs } from "../app/utils/jobs.server";

const FAILED = 1;
const USAGE_ERROR = 2;
/** While another process (a worker) holds the campaign, look again this often. */
const BUSY_WAIT_MS = 2_000;
/** A long wait (the send window, a schedule) is slept in steps, with a line now and then. */
const LONGEST_SLEEP_MS = 60_000;

/** A refusal the user can act on (exit code 2), said in one line. */
class Refused extends Error {}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(args: OutreachArgs): Promise<number> {
  const database = await ensureDatabase();
  try {
    console.log(`Database: ${describeDatabase(database.url)}`);
    const campaign = await findCampaign(args.campaign);
    console.log(`Campaign "${campaign.name}" (${campaign.id}) · ${campaign.vacancy.title}, ${campaign.vacancy.city} · ${campaign.status}`);
    if (args.dryRun) return await dryRun(campaign);
    return await run(campaign, args.actorEmail!);
  } catch (error) {
    if (error instanceof Refused) {
      console.error(error.message);
      return USAGE_ERROR;
    }
    if (error instanceof CampaignRefused) {
      console.error(`Not launched: ${createI18n("en").t(error.key, error.params)}`);
      return USAGE_ERROR;
    }
    console.error(error);
    return FAILED;
  } finally {
    await stopJobs();
    await disconnectDb();
    await database.stop();
  }
}

async function findCampaign(which: OutreachArgs["campaign"]) {
  const include = { vacancy: { select: { title: true, city: true } } } as const;
  const campaign =
    "id" in which
      ? await db().campaign.findUnique({ where: { id: which.id }, include })
      : await db().campaign.findUnique({ where: { vacancyId_name: { vacancyId: which.vacancyId, name: which.name } }, include });
  if (!campaign) {
    throw new Refused("id" in which ? `No campaign ${which.id}.` : `Vacancy ${which.vacancyId} has no campaign named "${which.name}".`);
  }
  return campaign;
}

const nameOf = (p: PreviewPerson) => (p.name ? [p.name.lastName, p.name.firstName, p.name.middleName].filter(Boolean).join(" ") : "(data erased)");

async function dryRun(campaign: { id: string; status: CampaignStatus }): Promise<number> {
  if (campaign.status !== "DRAFT") {
    console.log(`Already launched: ${progressLine(await campaignProgress(campaign.id))}`);
    console.log("Dry run: nothing was sent.");
    return 0;
  }
  const preview = (await previewAudience(campaign.id, { pageSize: Infinity }))!;
  const t = createI18n("en").t;
  console.log(`\nRecipients: ${preview.recipientCount}`);
  for (const p of preview.recipients) console.log(`  ${nameOf(p)} <${p.email}>`);
  console.log(`\nLeft out: ${preview.leftOutCount}`);
  for (const reason of EXCLUSION_REASONS) {
    if (preview.counts[reason]) console.log(`  ${reason}: ${preview.counts[reason]} (${t(`campaigns.reasons.${reason}`)})`);
  }
  for (const p of preview.leftOut) console.log(`  ${nameOf(p)} — ${p.reason}`);
  console.log("\nDry run: nothing was sent.");
  return 0;
}

async function run(campaign: { id: string; status: CampaignStatus }, actorEmail: string): Promise<number> {
  const actor = await db().user.findUnique({ where: { email: actorEmail.toLowerCase() } });
  if (!actor || !actor.active || !canAccess(actor.roles, "outreach")) {
    throw new Refused(`No active user ${actorEmail} who may run campaigns (a recruiter or an admin).`);
  }
  if (campaign.status === "DRAFT") {
    const launched = await launchCampaign({ campaignId: campaign.id, actorId: actor.id });
    const left = Object.entries(launched.exclusions).map(([reason, n]) => `${reason} ${n}`);
    console.log(`Launched: ${launched.queued} queued${left.length ? `; left out: ${left.join(", ")}` : ""}. ${launched.status}.`);
  } else if (campaign.status === "DONE" || campaign.status === "CANCELLED") {
    console.log(`Nothing to send: ${progressLine(await campaignProgress(campaign.id))}`);
    return 0;
  }
  let last = "";
  const report = async () => {
    const line = progressLine(await campaignProgress(campaign.id));
    if (line !== last) console.log(line);
    last = line;
  };
  for (;;) {
    const result = await drainCampaign(campaign.id);
    await report();
    if (result.state === "done" || result.state === "stopped" || result.state === "missing") break;
    if (result.state === "busy") {
      await sleep(BUSY_WAIT_MS);
      continue;
    }
    if ("resumeAt" in result) {
      const wait = result.resumeAt.getTime() - Date.now();
      if (wait > LONGEST_SLEEP_MS) console.log(`${result.state}: waiting until ${result.resumeAt.toISOString()}`);
      await sleep(Math.min(Math.max(wait, 0), LONGEST_SLEEP_MS));
    }
  }
  const { status } = await db().campaign.findUniqueOrThrow({ where: { id: campaign.id }, select: { status: true } });
  console.log(`Campaign ${status}: ${last}`);
  return 0;
}

// Last, so everything above is defined before it runs.
const parsed = parseOutreachArgs(process.argv.slice(2));
if (parsed.kind === "help") {
  console.log(outreachUsage());
  process.exit(0);
}
if (parsed.kind === "error") {
  console.error(`${parsed.message}\n\nRun "npm run outreach -- --help" for usage.`);
  process.exit(USAGE_ERROR);
}
process.exit(await main(parsed.args));
