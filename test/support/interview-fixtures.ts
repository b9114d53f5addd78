import ICAL from "ical.js";
import { type Prisma } from "@prisma/client";
import { DEFAULT_RUBRIC } from "~/interviews/rubric";
import { advanceMany } from "~/pipeline/pipeline.server";
import { contactRefusals } from "~/sourcing/contact-policy.server";
import { db } from "~/utils/db.server";
import { createAudience } from "./campaign-fixtures";

/**
 * Group interview test data: sessions written directly (the series creator is another
 * module's), candidates who passed the questionnaire, the invitation template, and
 * the calendar file read back out of a raw message.
 */

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** A vacancy with `count` candidates at "questionnaire passed" (moved through the pipeline). */
export async function shortlistedAudience(count: number) {
  const audience = await createAudience(count);
  const ids = audience.people.map((p) => p.applicationId);
  await db().$transaction(async (tx) => {
    await contactRefusals(tx, ids);
    for (const [from, to] of [["SOURCED", "CONTACTED"], ["CONTACTED", "QUESTIONNAIRE_SENT"], ["QUESTIONNAIRE_SENT", "QUESTIONNAIRE_PASSED"]] as const) {
      await advanceMany(tx, ids, { from: [from], to, actorId: null, reason: "test" });
    }
  });
  return audience;
}

export async function createSession(
  vacancyId: string,
  opts: { startsAt: Date; seats?: number; capacity?: number; durationMinutes?: number; place?: string | null; videoUrl?: string | null; timeZone?: string; confidence?: number },
) {
  return db().interviewSession.create({
    data: {
      vacancyId,
      // Whole minutes, as sessions are planned (the calendar file has no milliseconds).
      startsAt: new Date(Math.floor(opts.startsAt.getTime() / 60_000) * 60_000),
      durationMinutes: opts.durationMinutes ?? 120,
      timeZone: opts.timeZone ?? "Europe/Moscow",
      place: opts.place === undefined ? "Москва, ул. Профсоюзная, 1, переговорная 3" : opts.place,
      videoUrl: opts.videoUrl ?? null,
      seats: opts.seats ?? 2,
      capacity: opts.capacity ?? 4,
      confidence: opts.confidence ?? 0.8,
      rubric: DEFAULT_RUBRIC as unknown as Prisma.InputJsonValue,
    },
  });
}

/** The vacancy's INTERVIEW_INVITATION template (Russian and English). */
export async function invitationTemplate(vacancyId: string) {
  return db().messageTemplate.create({
    data: {
      kind: "INTERVIEW_INVITATION",
      vacancyId,
      name: `Приглашение ${vacancyId}`,
      subjectRu: "Приглашение на собеседование: {{interviewTime}}",
      bodyRu: "{{firstName}}, приглашаем на собеседование «{{vacancyTitle}}».\n\n- Когда: {{interviewTime}}\n- Где: {{interviewPlace}}\n\n[Подтвердить или выбрать другое время]({{rsvpLink}})",
      subjectEn: "Interview invitation: {{interviewTime}}",
      bodyEn: "Dear {{firstName}}, please come to the “{{vacancyTitle}}” interview.\n\n- When: {{interviewTime}}\n- Where: {{interviewPlace}}\n\n[Confirm or choose another time]({{rsvpLink}})",
    },
  });
}

/** The RSVP token in a letter's text (the /rsvp/<token> link). */
export const rsvpTokenIn = (text: string) => /\/rsvp\/([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? null;

/** A calendar file read with ical.js: the calendar and its one event. */
export function readCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevent = calendar.getFirstSubcomponent("vevent");
  if (!vevent) throw new Error("no VEVENT in the calendar file");
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}
