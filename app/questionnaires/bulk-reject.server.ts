import { type Locale, type Stage } from "@prisma/client";
import { sendTemplateMail } from "~/outreach/send-template.server";
import { moveToStage, StageMoveError } from "~/pipeline/pipeline.server";
import { ContactRefused, contactRefusals } from "~/sourcing/contact-policy.server";
import { audit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { type RejectReport } from "./shortlist-form";

/**
 * The shortlist's "send rejection": for each ticked application of the vacancy, the
 * rejection letter (the vacancy's REJECTION template, in the language the candidate
 * answered in) and the move to REJECTED when it is not there yet, with the reason the
 * person gave. One transaction for all of them: every letter and move, with its
 * stage history and audit entry, commits together or none does.
 *
 * Each person gets the letter once (dedupeKey rejection:<applicationId>), so sending
 * the same selection twice queues nothing new. A person the contact rule protects
 * (do-not-contact, erased, an excluded company), without an e-mail address, or a
 * vacancy without a rejection template is counted and reported, not an error: the
 * rejection itself still happens.
 *
 * The candidate list's bulk reject (app/sourcing/bulk-actions.server.ts) is keyed by
 * candidate and sends no letter, so it is not reused here; the locking order is
 * the same (people, then applications, through the contact rule).
 */
export async function rejectWithLetters(input: { vacancyId: string; applicationIds: readonly string[]; reason: string; actorId: string }): Promise<RejectReport> {
  const ids = [...new Set(input.applicationIds)];
  return db().$transaction(
    async (tx) => {
      const report: RejectReport = {
        rejected: 0,
        alreadyRejected: 0,
        notAllowed: 0,
        notFound: 0,
        letters: { queued: 0, alreadySent: 0, noEmail: 0, noTemplate: 0, contactRefused: 0 },
      };
      const ours = await tx.application.findMany({ where: { id: { in: ids }, vacancyId: input.vacancyId }, select: { id: true } });
      report.notFound = ids.length - ours.length;
      const ourIds = ours.map((a) => a.id).sort();
      if (!ourIds.length) return report;
      // Locks the people, then the applications; the stages are read again under the lock.
      const refusals = await contactRefusals(tx, ourIds);
      const applications = await tx.application.findMany({
        where: { id: { in: ourIds } },
        orderBy: { id: "asc" },
        select: { id: true, stage: true, candidateId: true, questionnaireResponses: { select: { locale: true, submittedAt: true } } },
      });
      for (const application of applications) {
        let moved = false;
        if (application.stage === "REJECTED") report.alreadyRejected += 1;
        else {
          try {
            await moveToStage(tx, { applicationId: application.id, to: "REJECTED", actorId: input.actorId, reason: input.reason });
            moved = true;
            report.rejected += 1;
          } catch (error) {
            if (!(error instanceof StageMoveError)) throw error;
            report.notAllowed += 1;
            continue;
          }
        }
        const letter = refusals.get(application.id) ? "contact-refused" : await rejectionLetter(tx, application.id, answeredIn(application.questionnaireResponses));
        if (letter === "queued") report.letters.queued += 1;
        else if (letter === "duplicate") report.letters.alreadySent += 1;
        else if (letter === "no-email") report.letters.noEmail += 1;
        else if (letter === "no-template") report.letters.noTemplate += 1;
        else report.letters.contactRefused += 1;
        if (!moved && letter !== "queued") continue;
        await audit(tx, {
          actorId: input.actorId,
          action: "candidate.reject",
          entityType: "Candidate",
          entityId: application.candidateId,
          details: {
            applicationId: application.id,
            vacancyId: input.vacancyId,
            from: application.stage,
            to: "REJECTED" satisfies Stage,
            reason: input.reason,
            moved,
            letter,
            bulk: true,
            via: "questionnaire-shortlist",
          },
        });
      }
      return report;
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}

async function rejectionLetter(tx: Tx, applicationId: string, locale: Locale) {
  try {
    const sent = await sendTemplateMail(tx, { applicationId, kind: "REJECTION", locale, dedupeKey: `rejection:${applicationId}` });
    return sent.status;
  } catch (error) {
    if (error instanceof ContactRefused) return "contact-refused" as const;
    throw error;
  }
}

/** The language of the candidate's latest answers, Russian when they never answered. */
function answeredIn(responses: ReadonlyArray<{ locale: Locale; submittedAt: Date }>): Locale {
  return [...responses].sort((a, b) => b.submittedAt.getTime() - a.submittedAt.getTime())[0]?.locale ?? "ru";
}
