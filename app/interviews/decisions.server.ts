import { type InterviewDecision, type Locale, type Stage } from "@prisma/client";
import { isLocale } from "~/i18n/i18n";
import { sendTemplateMail } from "~/outreach/send-template.server";
import { moveToStage, StageMoveError, type StageMoveProblem } from "~/pipeline/pipeline.server";
import { isExit, stageBeforeExit } from "~/pipeline/stages";
import { ContactRefused, contactRefusals } from "~/sourcing/contact-policy.server";
import { i18nFor } from "~/ui/i18n-instance";
import { audit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { invariantResponse } from "~/utils/http";
import { type Decision, mayDecide } from "./results";
import { rejectionKey } from "./results.server";
import { ATTENDED_MARKS } from "./scorecard";

/**
 * Take to probation, reserve or reject an attendee of a group interview: by a
 * department head, or the hiring manager a head delegated the session to. The stage
 * follows the decision through the one pipeline function (take → PROBATION, reserve →
 * stays INTERVIEWED, reject → REJECTED with the rejection letter queued in the same
 * transaction). A decision may be changed: take ↔ reserve moves the stage back or
 * forward with a reason; from reject the application is reopened first. A rejection
 * letter already queued is not taken back (it is on its way or read).
 */

const TARGET: Record<Decision, Stage> = { TAKE: "PROBATION", RESERVE: "INTERVIEWED", REJECT: "REJECTED" };

export type DecisionProblem = "not-attendee" | "stage" | StageMoveProblem;
export class DecisionRefused extends Error {
  constructor(
    readonly problem: DecisionProblem,
    readonly stage: Stage | null = null,
  ) {
    super(`Decision refused: ${problem}`);
    this.name = "DecisionRefused";
  }
}

export type LetterStatus = "queued" | "duplicate" | "no-email" | "no-template" | "contact-refused";
export type DecisionResult = {
  invitationId: string;
  decision: Decision;
  previous: InterviewDecision | null;
  from: Stage;
  to: Stage;
  /** Reopened from a rejection: a letter already queued stays sent. */
  reopened: boolean;
  /** The rejection letter, for a rejection. */
  letter: LetterStatus | null;
};

const forbidden = (why: string) => new Response(`Forbidden: ${why}`, { status: 403, statusText: "Forbidden" });

async function actorOf(tx: Tx, actorId: string) {
  const actor = await tx.user.findUnique({ where: { id: actorId }, select: { id: true, roles: true, locale: true, active: true } });
  if (!actor?.active) throw forbidden("no such user");
  return actor;
}

export async function decide(
  tx: Tx,
  input: { invitationId: string; decision: Decision; note?: string | null; actorId: string; /** The session the page is about: another session's invitation is not found. */ sessionId?: string },
): Promise<DecisionResult> {
  const actor = await actorOf(tx, input.actorId);
  const found = await tx.interviewInvitation.findUnique({
    where: { id: input.invitationId },
    select: { sessionId: true, session: { select: { decisionDelegateId: true } } },
  });
  invariantResponse(found?.session && (!input.sessionId || found.sessionId === input.sessionId), "Invitation not found");
  if (!mayDecide(actor, found.session)) throw forbidden("only a department head or the session's delegate decides");

  // The invitation first (two deciders at once: the second waits and sees the first's decision), then the person and the application.
  await tx.$queryRaw`SELECT id FROM "InterviewInvitation" WHERE id = ${input.invitationId} FOR UPDATE`;
  const invitation = await tx.interviewInvitation.findUniqueOrThrow({
    where: { id: input.invitationId },
    select: { id: true, sessionId: true, applicationId: true, attendance: true, decision: true },
  });
  if (!(ATTENDED_MARKS as readonly string[]).includes(invitation.attendance ?? "")) throw new DecisionRefused("not-attendee");
  const refusal = (await contactRefusals(tx, [invitation.applicationId])).get(invitation.applicationId) ?? null;
  const { stage: from } = await tx.application.findUniqueOrThrow({ where: { id: invitation.applicationId }, select: { stage: true } });

  const t = i18nFor(isLocale(actor.locale) ? actor.locale : "ru").t;
  const target = TARGET[input.decision];
  let stage = from;
  let reopened = false;
  const move = async (to: Stage, reason: string) => {
    try {
      stage = (await moveToStage(tx, { applicationId: invitation.applicationId, to, actorId: actor.id, reason })).stage;
    } catch (error) {
      if (error instanceof StageMoveError) throw new DecisionRefused(error.problem, stage);
      throw error;
    }
  };
  if (stage !== target) {
    if (stage === "WITHDRAWN" || stage === "HIRED") throw new DecisionRefused("stage", stage);
    if (isExit(stage)) {
      const last = await tx.stageChange.findFirst({
        where: { applicationId: invitation.applicationId },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: { fromStage: true, toStage: true },
      });
      const before = last ? stageBeforeExit([last]) : null;
      if (!before) throw new DecisionRefused("stage", stage);
      await move(before, t("interviewScoring.decision.stageReasons.reopen"));
      reopened = true;
    }
    if (stage !== target) await move(target, t(`interviewScoring.decision.stageReasons.${input.decision}`));
  }

  let letter: LetterStatus | null = null;
  if (input.decision === "REJECT") letter = refusal ? "contact-refused" : await rejectionLetter(tx, invitation.applicationId);

  const note = input.note?.trim() || null;
  await tx.interviewInvitation.update({
    where: { id: invitation.id },
    data: { decision: input.decision, decisionNote: note, decidedById: actor.id, decidedAt: new Date() },
  });
  await audit(tx, {
    actorId: actor.id,
    action: "interview.decide",
    entityType: "InterviewInvitation",
    entityId: invitation.id,
    details: {
      sessionId: invitation.sessionId,
      applicationId: invitation.applicationId,
      decision: input.decision,
      previous: invitation.decision,
      from,
      to: stage,
      reopened,
      letter,
      note: Boolean(note),
    },
  });
  return { invitationId: invitation.id, decision: input.decision, previous: invitation.decision, from, to: stage, reopened, letter };
}

async function rejectionLetter(tx: Tx, applicationId: string): Promise<LetterStatus> {
  const responses = await tx.questionnaireResponse.findMany({
    where: { applicationId },
    select: { locale: true },
    orderBy: { submittedAt: "desc" },
    take: 1,
  });
  // The language the candidate answered the questionnaire in; Russian when they never did.
  const locale: Locale = responses[0]?.locale ?? "ru";
  try {
    const sent = await sendTemplateMail(tx, { applicationId, kind: "REJECTION", locale, dedupeKey: rejectionKey(applicationId) });
    return sent.status;
  } catch (error) {
    if (error instanceof ContactRefused) return "contact-refused";
    throw error;
  }
}

export type DelegateProblem = "not-manager";
export class DelegateRefused extends Error {
  constructor(readonly problem: DelegateProblem) {
    super(`Delegation refused: ${problem}`);
    this.name = "DelegateRefused";
  }
}

/** A department head lets a hiring manager decide the session's attendees (null: the heads decide again). */
export async function delegateDecisions(tx: Tx, input: { sessionId: string; userId: string | null; actorId: string }): Promise<void> {
  const actor = await actorOf(tx, input.actorId);
  if (!actor.roles.includes("DEPARTMENT_HEAD")) throw forbidden("only a department head delegates");
  const session = await tx.interviewSession.findUnique({ where: { id: input.sessionId }, select: { id: true, decisionDelegateId: true } });
  invariantResponse(session, "Session not found");
  if (input.userId) {
    const delegate = await tx.user.findUnique({ where: { id: input.userId }, select: { roles: true, active: true } });
    if (!delegate?.active || !delegate.roles.includes("HIRING_MANAGER")) throw new DelegateRefused("not-manager");
  }
  await tx.interviewSession.update({ where: { id: session.id }, data: { decisionDelegateId: input.userId } });
  await audit(tx, {
    actorId: actor.id,
    action: "interview.delegate",
    entityType: "InterviewSession",
    entityId: session.id,
    details: { delegateId: input.userId, previous: session.decisionDelegateId },
  });
}

const TX_OPTIONS = { maxWait: 10_000, timeout: 20_000 };

/** decide in a transaction of its own. */
export function decideOnAttendee(input: Parameters<typeof decide>[1]): Promise<DecisionResult> {
  return db().$transaction((tx) => decide(tx, input), TX_OPTIONS);
}

/** delegateDecisions in a transaction of its own. */
export function delegateSession(input: Parameters<typeof delegateDecisions>[1]): Promise<void> {
  return db().$transaction((tx) => delegateDecisions(tx, input), TX_OPTIONS);
}
