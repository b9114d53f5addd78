import { type Prisma } from "@prisma/client";
import { type Tx } from "./db.server";

/**
 * Facts about the data itself, kept in AppState by key: e.g. which version of a
 * function computed the keys stored in a table, so a start-up job can tell whether
 * they must be recomputed. Read and written in the caller's transaction.
 */

export const APP_STATE_KEYS = { companyMatchKeyVersion: "companyMatchKeyVersion" } as const;
type AppStateKey = (typeof APP_STATE_KEYS)[keyof typeof APP_STATE_KEYS];

export async function readAppState(tx: Tx, key: AppStateKey): Promise<Prisma.JsonValue | null> {
  const row = await tx.appState.findUnique({ where: { key }, select: { value: true } });
  return row?.value ?? null;
}

export async function writeAppState(tx: Tx, key: AppStateKey, value: Prisma.InputJsonValue): Promise<void> {
  await tx.appState.upsert({ where: { key }, create: { key, value }, update: { value } });
}
