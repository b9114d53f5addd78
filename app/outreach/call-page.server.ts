import { formatRubRange } from "~/i18n/format";
import { type AppLocale } from "~/i18n/i18n";
import { parseTierReason } from "~/sourcing/tiers";
import { db } from "~/utils/db.server";
import { claimNext, callStats, queueCounts } from "./call-list.server";
import { defaultCallScript, fillCallScript } from "./call-script";
import { moscowToday } from "./calls";

/**
 * What the call page shows: the vacancies to pick from, and for one vacancy the
 * candidate this recruiter is to call now (claimed), what was said to them before,
 * the call script, the list's counts and today's figures.
 */

const PRIOR_CONTACTS = 20;

/** Vacancies whose list may be worked: all but closed ones. */
export function callVacancies() {
  return db().vacancy.findMany({
    where: { status: { not: "CLOSED" } },
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    select: { id: true, title: true, city: true, status: true },
  });
}

/** One candidate on the list, with everything the recruiter needs before dialling. */
export async function callCard(applicationId: string) {
  const application = await db().application.findUnique({
    where: { id: applicationId },
    select: {
      id: true,
      stage: true,
      tier: true,
      tierReason: true,
      callTask: { select: { attempts: true, lastOutcome: true, lastCalledAt: true, callbackRequested: true, dueAt: true, claimedUntil: true } },
      candidate: {
        select: {
          id: true,
          firstName: true,
          lastName: true,
          middleName: true,
          phone: true,
          email: true,
          city: true,
          currentTitle: true,
          workHistory: { orderBy: [{ endedOn: { sort: "desc", nulls: "first" } }, { startedOn: "desc" }], take: 1, select: { companyName: true, title: true, endedOn: true } },
        },
      },
    },
  });
  if (!application) return null;
  const { candidate } = application;
  const [emails, calls, logs] = await Promise.all([
    db().emailMessage.findMany({
      where: { candidateId: candidate.id },
      orderBy: { createdAt: "desc" },
      take: PRIOR_CONTACTS,
      select: { id: true, subject: true, status: true, createdAt: true, sentAt: true },
    }),
    db().callAttempt.findMany({
      where: { application: { candidateId: candidate.id } },
      orderBy: { createdAt: "desc" },
      take: PRIOR_CONTACTS,
      select: { id: true, outcome: true, reason: true, note: true, callbackAt: true, createdAt: true, recruiterId: true, vacancyId: true },
    }),
    db().contactLog.findMany({
      where: { candidateId: candidate.id },
      orderBy: { occurredAt: "desc" },
      take: PRIOR_CONTACTS,
      select: { id: true, channel: true, direction: true, body: true, occurredAt: true },
    }),
  ]);
  const people = [...new Set(calls.flatMap((c) => c.recruiterId ?? []))];
  const recruiters = people.length ? await db().user.findMany({ where: { id: { in: people } }, select: { id: true, name: true } }) : [];
  const names = new Map(recruiters.map((u) => [u.id, u.name]));
  const [job] = candidate.workHistory;
  return {
    applicationId: application.id,
    stage: application.stage,
    tier: application.tier,
    tierReason: parseTierReason(application.tierReason),
    task: application.callTask,
    candidate: {
      id: candidate.id,
      firstName: candidate.firstName,
      lastName: candidate.lastName,
      middleName: candidate.middleName,
      phone: candidate.phone,
      hasEmail: Boolean(candidate.email),
      city: candidate.city,
      title: candidate.currentTitle ?? job?.title ?? null,
      // The latest job, if it is still going on, is where they work now.
      employer: job && !job.endedOn ? job.companyName : null,
    },
    prior: {
      emails,
      calls: calls.map(({ recruiterId, ...c }) => ({ ...c, recruiterName: recruiterId ? (names.get(recruiterId) ?? null) : null })),
      logs,
    },
  };
}

export type CallCard = NonNullable<Awaited<ReturnType<typeof callCard>>>;

/**
 * The page for one vacancy's list: claims the next candidate for `recruiter` (or gives
 * back the one they hold). Null when the vacancy does not exist.
 */
export async function callListPage(input: { vacancyId: string; recruiter: { id: string; name: string }; locale: AppLocale; now?: Date }) {
  const now = input.now ?? new Date();
  const vacancy = await db().vacancy.findUnique({
    where: { id: input.vacancyId },
    select: { id: true, title: true, city: true, status: true, salaryMinRub: true, salaryMaxRub: true, callScript: true },
  });
  if (!vacancy) return null;
  const claim = vacancy.status === "CLOSED" ? null : await claimNext({ vacancyId: vacancy.id, recruiterId: input.recruiter.id, now });
  const today = moscowToday(now);
  const [card, counts, stats] = await Promise.all([
    claim ? callCard(claim.applicationId) : null,
    queueCounts(vacancy.id, now),
    callStats({ from: today.from, to: today.to, vacancyId: vacancy.id }),
  ]);
  const script = fillCallScript(vacancy.callScript?.trim() || defaultCallScript(input.locale), {
    firstName: card?.candidate.firstName,
    middleName: card?.candidate.middleName,
    vacancyTitle: vacancy.title,
    city: vacancy.city,
    salaryRange:
      vacancy.salaryMinRub === null && vacancy.salaryMaxRub === null ? null : formatRubRange(vacancy.salaryMinRub, vacancy.salaryMaxRub, input.locale),
    recruiterName: input.recruiter.name,
  });
  return {
    vacancy: { id: vacancy.id, title: vacancy.title, city: vacancy.city, status: vacancy.status },
    script: { text: script, isDefault: !vacancy.callScript?.trim() },
    card,
    claimedUntil: claim?.claimedUntil ?? null,
    counts,
    today: { day: today.day, stats },
  };
}
