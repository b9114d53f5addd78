import { type Source } from "~/sourcing/record";
import { type Tx } from "~/utils/db.server";
import { type Completion, type CompletionCounts, completionFromCounts } from "./completion";

/**
 * A vacancy's questionnaire completion rates, in total and per candidate source
 * (Candidate.source): who was asked, who answered, passed and was knocked out. The
 * counting rules are in ./completion.ts; in short, per application: invited =
 * a personal link ∪ a response (an open-link answer counts as both), answered = a
 * response, passed / knocked out by the effective verdict (override ?? verdict).
 *
 * Every questionnaire the vacancy's candidates were sent or answered counts, not only
 * the one assigned now, so a vacancy that changed questionnaires keeps its history;
 * an application with responses to two of them counts once, by its latest response.
 * An erased candidate's response still counts (its verdict stays, the answers go),
 * their links do not (erasure deletes them).
 *
 * One grouped query over the vacancy's invites and responses (indexed by application
 * and by vacancy); the hiring plan reads the same numbers.
 */
export async function completionRates(tx: Pick<Tx, "$queryRaw">, { vacancyId }: { vacancyId: string }): Promise<Completion> {
  const rows = await tx.$queryRaw<Array<{ source: Source } & CompletionCounts>>`
    WITH invited AS (
      SELECT DISTINCT i."applicationId" AS id
      FROM "QuestionnaireInvite" i JOIN "Application" a ON a.id = i."applicationId"
      WHERE a."vacancyId" = ${vacancyId}
    ), answered AS (
      SELECT DISTINCT ON (r."applicationId") r."applicationId" AS id, COALESCE(r.override, r.verdict)::text AS verdict
      FROM "QuestionnaireResponse" r
      WHERE r."vacancyId" = ${vacancyId}
      ORDER BY r."applicationId", r."submittedAt" DESC, r.id DESC
    ), asked AS (
      SELECT id FROM invited UNION SELECT id FROM answered
    )
    SELECT c.source::text AS source,
      count(*)::int AS invited,
      count(ans.id)::int AS answered,
      count(*) FILTER (WHERE ans.verdict = 'PASSED')::int AS passed,
      count(*) FILTER (WHERE ans.verdict = 'KNOCKED_OUT')::int AS "knockedOut",
      count(ans.id) FILTER (WHERE inv.id IS NULL)::int AS "viaOpenLink"
    FROM asked
    JOIN "Application" a ON a.id = asked.id
    JOIN "Candidate" c ON c.id = a."candidateId"
    LEFT JOIN answered ans ON ans.id = asked.id
    LEFT JOIN invited inv ON inv.id = asked.id
    GROUP BY c.source`;
  return completionFromCounts(rows);
}
