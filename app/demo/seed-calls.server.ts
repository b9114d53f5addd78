import { type Tx } from "~/utils/db.server";
import { demoCalls } from "./calls";
import type { DemoData } from "./types";

/** The demo vacancy's call list (app/demo/calls.ts): its tasks and their calls, after the applications exist. */
export async function writeDemoCalls(tx: Tx, data: DemoData, now: Date): Promise<void> {
  const { tasks, attempts } = demoCalls(data, now);
  await tx.callTask.createMany({ data: tasks });
  await tx.callAttempt.createMany({ data: attempts });
}
