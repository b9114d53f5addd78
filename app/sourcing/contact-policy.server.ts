import { Prisma, type SourcingTier } from "@prisma/client";
import { type Tx } from "~/utils/db.server";
import { type ContactBlock, contactBlock } from "./contact-policy";

/**
 * The one contact rule on the server. Anything that reaches a candidate about an
 * application — the campaign list, a stage move into a contact stage (pipeline.server.ts),
 * and later the letters and the call list — asks here, inside the transaction that
 * does the contacting: contactRefusals for many, assertMayContact for one.
 *
 * It locks the people (FOR SHARE: a do-not-contact request or an erasure waits for
 * this transaction, or is seen if it came first) and then the applications (FOR
 * UPDATE: an override or a re-tier cannot slip in between), in that order, the order
 * every writer of both takes, and applies the pure rule in contact-policy.ts: erased,
 * do-not-contact, excluded without an override for that company.
 */

export class ContactRefused extends Error {
  constructor(
    readonly problem: ContactBlock | "not-found",
    readonly applicationId: string,
  ) {
    super(`Contact refused for application ${applicationId}: ${problem}`);
    this.name = "ContactRefused";
  }
}

type Row = {
  id: string;
  tier: SourcingTier | null;
  tierReason: unknown;
  contactOverrideAt: Date | null;
  contactOverrideMatch: unknown;
  doNotContact: boolean;
  erasedAt: Date | null;
};

/** Why each application may not be contacted (null: it may). Ids that do not exist are left out. */
export async function contactRefusals(tx: Tx, applicationIds: readonly string[]): Promise<Map<string, ContactBlock | null>> {
  const ids = [...new Set(applicationIds)];
  if (!ids.length) return new Map();
  await tx.$queryRaw`
    SELECT c.id FROM "Candidate" c
    WHERE c.id IN (SELECT "candidateId" FROM "Application" WHERE id IN (${Prisma.join(ids)}))
    ORDER BY c.id FOR SHARE`;
  const rows = await tx.$queryRaw<Row[]>`
    SELECT a.id, a.tier::text AS tier, a."tierReason", a."contactOverrideAt", a."contactOverrideMatch",
      c."doNotContact", c."erasedAt"
    FROM "Application" a JOIN "Candidate" c ON c.id = a."candidateId"
    WHERE a.id IN (${Prisma.join(ids)}) ORDER BY a.id FOR UPDATE OF a`;
  return new Map(
    rows.map((r) => [
      r.id,
      contactBlock({
        tier: r.tier,
        tierReason: r.tierReason,
        contactOverrideAt: r.contactOverrideAt,
        contactOverrideMatch: r.contactOverrideMatch,
        candidate: { doNotContact: r.doNotContact, erasedAt: r.erasedAt },
      }),
    ]),
  );
}

/** Throws ContactRefused unless the application's candidate may be contacted now. */
export async function assertMayContact(tx: Tx, applicationId: string): Promise<void> {
  const refusals = await contactRefusals(tx, [applicationId]);
  if (!refusals.has(applicationId)) throw new ContactRefused("not-found", applicationId);
  const problem = refusals.get(applicationId);
  if (problem) throw new ContactRefused(problem, applicationId);
}
