import { type Tx } from "~/utils/db.server";
import { candidateSearchText } from "./search-text";

const CHUNK = 1_000;

/**
 * Recomputes Candidate.searchText for `ids` from their names and work history, in
 * the caller's transaction: call it after any change to either.
 *
 * First version, written by the candidate-list engineer; the matching engineer owns it.
 */
export async function refreshSearchText(tx: Tx, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)];
  for (let at = 0; at < unique.length; at += CHUNK) {
    const people = await tx.candidate.findMany({
      where: { id: { in: unique.slice(at, at + CHUNK) } },
      select: {
        id: true,
        firstName: true,
        lastName: true,
        middleName: true,
        city: true,
        currentTitle: true,
        erasedAt: true,
        workHistory: { select: { companyName: true, title: true } },
      },
    });
    if (!people.length) continue;
    await tx.$executeRaw`
      UPDATE "Candidate" AS c SET "searchText" = v.text
      FROM unnest(${people.map((p) => p.id)}::text[], ${people.map((p) => candidateSearchText(p, p.workHistory))}::text[]) AS v(id, text)
      WHERE c.id = v.id AND c."searchText" IS DISTINCT FROM v.text`;
  }
}
