import { type AppLoadContext } from "@remix-run/node";
import { db } from "~/utils/db.server";
import { signInLockout, WINDOW_MS } from "./lockout";
import { verifyPassword } from "./password.server";

export type SignInResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAfterSeconds: number };

/**
 * Checks an email and password, refusing early while the email or the address is
 * locked out by too many failures. Every attempt is recorded (SignInAttempt).
 */
export async function signIn(input: { email: string; password: string; ip: string }): Promise<SignInResult> {
  const now = new Date();
  const since = new Date(now.getTime() - WINDOW_MS);
  const failures = (where: { email: string } | { ip: string }) =>
    db()
      .signInAttempt.findMany({
        where: { ...where, succeeded: false, createdAt: { gt: since } },
        select: { createdAt: true },
        orderBy: { createdAt: "desc" },
        take: 50,
      })
      .then((rows) => rows.map((r) => r.createdAt));
  const [emailFailures, ipFailures] = await Promise.all([
    failures({ email: input.email }),
    failures({ ip: input.ip }),
  ]);
  const lockout = signInLockout({ emailFailures, ipFailures, now });
  if (lockout.blocked) return { ok: false, reason: "locked", retryAfterSeconds: lockout.retryAfterSeconds };

  const user = await db().user.findUnique({
    where: { email: input.email },
    select: { id: true, passwordHash: true, active: true },
  });
  const valid = await verifyPassword(user?.active ? user.passwordHash : null, input.password);
  await db().signInAttempt.create({ data: { email: input.email, ip: input.ip, succeeded: valid } });
  return valid && user ? { ok: true, userId: user.id } : { ok: false, reason: "invalid" };
}

/** The client's address, as the web server (scripts/start.ts) puts it in the load context. */
export function clientIp(context: AppLoadContext): string {
  return typeof context.clientIp === "string" && context.clientIp ? context.clientIp : "unknown";
}
