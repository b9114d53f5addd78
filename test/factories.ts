import { type Role } from "~/auth/access";
import { hashPassword } from "~/auth/password.server";
import { createUserSession } from "~/auth/session.server";
import { db } from "~/utils/db.server";

let counter = 0;

export async function createUser(options: { roles: Role[]; password?: string; email?: string; name?: string }) {
  counter += 1;
  const password = options.password ?? "correct horse battery";
  const user = await db().user.create({
    data: {
      email: options.email ?? `user${counter}-${Date.now()}@test.kam`,
      name: options.name ?? `Test User ${counter}`,
      roles: options.roles,
      passwordHash: await hashPassword(password),
    },
  });
  return { ...user, password };
}

/** A session cookie for `userId`, minted the way sign-in mints it. */
export async function sessionCookie(userId: string) {
  const response = await createUserSession(userId, "/");
  const setCookie = response.headers.get("Set-Cookie") ?? "";
  return setCookie.split(";")[0]!;
}

export function formRequest(url: string, fields: Record<string, string | string[]>, cookie?: string) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  }
  return new Request(`http://localhost${url}`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  });
}

export function getRequest(url: string, cookie?: string) {
  return new Request(`http://localhost${url}`, { headers: cookie ? { Cookie: cookie } : {} });
}

/** Runs a loader/action and returns its Response, whether it returned or threw one. */
export async function respond(run: () => Promise<unknown>): Promise<Response> {
  try {
    const result = await run();
    if (result instanceof Response) return result;
    throw new Error(`expected a Response, got ${typeof result}`);
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}

export async function createCandidate(overrides: Partial<Parameters<ReturnType<typeof db>["candidate"]["create"]>[0]["data"]> = {}) {
  counter += 1;
  return db().candidate.create({
    data: {
      firstName: "Ирина",
      lastName: `Соколова${counter}`,
      middleName: "Павловна",
      email: `irina${counter}@mail.test`,
      phone: `+7916555${String(1000 + counter).slice(-4)}`,
      city: "Москва",
      currentTitle: "KAM",
      salaryExpectationRub: 200_000,
      consentAt: new Date(),
      ...overrides,
    },
  });
}
