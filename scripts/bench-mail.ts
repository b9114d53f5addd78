/**
 * Part of `npm run bench` (run by scripts/bench.ts in its own process on the bench
 * database; also alone: `DATABASE_URL=… npx tsx scripts/bench-mail.ts --messages=N`):
 * launches a campaign of N recipients (10,000 by default) with the app's launch (the
 * audience, the contact rule, each letter rendered from a Markdown template, the
 * outbox rows), delivers it with the campaign dispatcher to a local SMTP server
 * (smtp-server on loopback, reading every byte), then sends the same N rendered
 * messages with plain nodemailer (pooled, as many connections as the dispatcher has
 * in flight) to the same server.
 * Prints one JSON line.
 */
import { type AddressInfo } from "node:net";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { launchCampaign } from "../app/outreach/campaign-launch.server";
import { db, disconnectDb } from "../app/utils/db.server";
import { env, reloadEnv } from "../app/utils/env.server";
import { stopJobs } from "../app/utils/jobs.server";
import { closeSmtp, mailFrom } from "../app/utils/mail.server";
import { migrate } from "../app/utils/migrate.server";

const MESSAGES = Number(process.argv.find((a) => a.startsWith("--messages="))?.split("=")[1] ?? 10_000);
/** What the dispatcher keeps in flight (dispatch.server.ts PARALLEL). */
const IN_FLIGHT = 3;

// Already done when run by bench.ts; alone, the database may be new.
await migrate(env().DATABASE_URL!);

let received = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  disableReverseLookup: true,
  logger: false,
  closeTimeout: 100,
  onData(stream, _session, callback) {
    stream.on("data", () => {});
    stream.on("end", () => {
      received += 1;
      callback();
    });
  },
});
server.on("error", () => {});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
process.env.SMTP_URL = smtpUrl;
reloadEnv();

// The audience: a vacancy and N candidates with an application each.
const tag = Date.now().toString(36);
const vacancy = await db().vacancy.create({
  data: { title: "Key Account Manager (bench)", city: "Москва", industry: "Промышленное оборудование", status: "OPEN" },
});
const people: Array<{ id: string; email: string; firstName: string }> = [];
for (let i = 0; i < MESSAGES; i += 2_000) {
  const chunk = await db().candidate.createManyAndReturn({
    data: Array.from({ length: Math.min(2_000, MESSAGES - i) }, (_, k) => ({
      firstName: `Имя${i + k}`,
      lastName: `Рассылкин${i + k}`,
      email: `mail.${tag}.${i + k}@bench.test`,
    })),
    select: { id: true, email: true, firstName: true },
  });
  people.push(...chunk.map((c) => ({ id: c.id, email: c.email!, firstName: c.firstName })));
}
await db().application.createMany({
  data: people.map((p) => ({ candidateId: p.id, vacancyId: vacancy.id, tier: "TARGET" as const })),
});

const actor = await db().user.create({
  data: { email: `bench.mail.${tag}@kam.bench`, name: "Bench Recruiter", roles: ["RECRUITER"], passwordHash: "-" },
});
const template = await db().messageTemplate.create({
  data: {
    kind: "SELLING_LETTER",
    name: `bench letter ${tag}`,
    subjectRu: "{{firstName}}, приглашаем в конкурс на позицию {{vacancyTitle}}",
    bodyRu: [
      "Здравствуйте, {{firstName}}!",
      "",
      "Мы ищем **менеджера по работе с ключевыми клиентами** в городе {{city}}: крупные клиенты, понятные цели, доход {{salaryRange}}.",
      "",
      "Если интересно — заполните [короткую анкету]({{questionnaireLink}}), это 10 минут.",
      "",
      "{{recruiterName}}, {{companyName}}",
    ].join("\n"),
  },
});

// 1. Queue: the launch, as the campaign page runs it (audience, contact rule, rendering, outbox rows).
let started = performance.now();
const campaign = await db().campaign.create({
  data: {
    vacancyId: vacancy.id,
    name: `bench ${tag}`,
    templateId: template.id,
    audience: { mode: "filter", stages: ["SOURCED"], tiers: [], sources: [], tags: [] },
    // Limits lifted to measure throughput (the form allows up to 10,000 a minute).
    ratePerMinute: 1_000_000,
    ratePerHour: 10_000_000,
    windowEnabled: false,
  },
});
const launched = await launchCampaign({ campaignId: campaign.id, actorId: actor.id });
const queueMs = performance.now() - started;
const messages = await db().emailMessage.findMany({
  where: { campaignId: campaign.id },
  select: { toAddress: true, subject: true, text: true, html: true, headers: true },
});

// 2. Deliver with the dispatcher, in this process (as the outreach CLI does).
const { drainCampaign } = await import("../app/outreach/dispatch.server");
started = performance.now();
const result = await drainCampaign(campaign.id);
const deliverMs = performance.now() - started;
const delivered = received;
const sent = await db().emailMessage.count({ where: { campaignId: campaign.id, status: "SENT" } });
closeSmtp();

// 3. Plain nodemailer, the same messages, the same server.
received = 0;
const transport = nodemailer.createTransport({ url: smtpUrl, pool: true, maxConnections: IN_FLIGHT, maxMessages: 100 });
const from = mailFrom();
started = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: IN_FLIGHT }, async () => {
    while (next < messages.length) {
      const m = messages[next++]!;
      await transport.sendMail({
        from,
        to: m.toAddress,
        subject: m.subject,
        text: m.text,
        html: m.html ?? undefined,
        headers: m.headers as Record<string, string>,
      });
    }
  }),
);
const plainMs = performance.now() - started;
const plainDelivered = received;
transport.close();

console.log(
  JSON.stringify({ messages: MESSAGES, queued: launched.queued, queueMs, deliverMs, delivered, sent, state: result.state, plainMs, plainDelivered, inFlight: IN_FLIGHT }),
);
await stopJobs();
await disconnectDb();
await new Promise<void>((resolve) => server.close(() => resolve()));
