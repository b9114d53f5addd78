import { type ClientSegment } from "@prisma/client";
import { db } from "~/utils/db.server";

export const SEGMENTS = ["KEY", "REGULAR", "TRAINING"] as const satisfies readonly ClientSegment[];

/**
 * Clients with their owner, key clients first and the largest first within a
 * segment, plus count and turnover per segment. Turnover is BigInt in the
 * database; it leaves here as a decimal string (exact, and JSON can carry it).
 */
export async function listClients({ segment }: { segment?: ClientSegment } = {}) {
  const [clients, groups] = await Promise.all([
    db().client.findMany({
      where: segment ? { segment } : {},
      orderBy: [{ segment: "asc" }, { annualTurnoverRub: "desc" }, { name: "asc" }],
      select: {
        id: true,
        name: true,
        inn: true,
        city: true,
        segment: true,
        annualTurnoverRub: true,
        owner: { select: { id: true, name: true, active: true } },
      },
    }),
    db().client.groupBy({
      by: ["segment"],
      _count: { _all: true },
      _sum: { annualTurnoverRub: true },
    }),
  ]);
  const grandTotal = groups.reduce((sum, g) => sum + (g._sum.annualTurnoverRub ?? 0n), 0n);
  const totals = SEGMENTS.map((seg) => {
    const group = groups.find((g) => g.segment === seg);
    const turnover = group?._sum.annualTurnoverRub ?? 0n;
    return {
      segment: seg,
      clients: group?._count._all ?? 0,
      turnoverRub: turnover.toString(),
      // Share of all turnover: the 80/20 rule says key clients should carry most of it.
      share: grandTotal > 0n ? Number((turnover * 10000n) / grandTotal) / 10000 : 0,
    };
  });
  return {
    clients: clients.map((c) => ({ ...c, annualTurnoverRub: c.annualTurnoverRub.toString() })),
    totals,
    grandTotal: {
      clients: groups.reduce((sum, g) => sum + g._count._all, 0),
      turnoverRub: grandTotal.toString(),
    },
  };
}
