import { type Prisma } from "@prisma/client";

/**
 * What every page and step about a session reads of it: when, how long, where, how
 * big, and whether it is cancelled or checked in. One list, so a new column reaches
 * them all; a page adds what only it needs (`{ ...SESSION_BASICS, rubric: true }`).
 */
export const SESSION_BASICS = {
  id: true,
  vacancyId: true,
  startsAt: true,
  durationMinutes: true,
  timeZone: true,
  place: true,
  videoUrl: true,
  seats: true,
  capacity: true,
  confidence: true,
  cancelledAt: true,
  checkInClosedAt: true,
} as const satisfies Prisma.InterviewSessionSelect;

export type SessionBasics = Prisma.InterviewSessionGetPayload<{ select: typeof SESSION_BASICS }>;
