import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { localeFromCookie } from "~/utils/http";
import { isLocale, type AppLocale, DEFAULT_LOCALE, localeFromHeader } from "~/i18n/i18n";
import { canAccess, type Area, type Role } from "./access";

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  locale: AppLocale;
  timeZone: string;
};

/**
 * SESSION_SECRET, or on a single machine a random secret made once and kept in
 * DATA_DIR so sessions survive restarts without any set-up. Also the key of the
 * HMACs that keep addresses unreadable (app/sourcing/intake.server.ts).
 */
export function sessionSecret(): string {
  const fromEnv = env().SESSION_SECRET;
  if (fromEnv) return fromEnv;
  const file = path.resolve(env().DATA_DIR, "session-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
  }
  return fs.readFileSync(file, "utf8").trim();
}

type CookieData = { sessionId: string };
/** Secure cookies behind TLS: SECURE_COOKIES, else whenever APP_URL is https. */
export function cookiesAreSecure(): boolean {
  const { APP_URL, SECURE_COOKIES } = env();
  return SECURE_COOKIES ?? Boolean(APP_URL?.startsWith("https://"));
}

let storage: ReturnType<typeof createCookieSessionStorage<CookieData>> | undefined;
function sessionStorage() {
  storage ??= createCookieSessionStorage<CookieData>({
    cookie: {
      name: "__session",
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: cookiesAreSecure(),
      secrets: [sessionSecret()],
    },
  });
  return storage;
}

async function readSessionId(request: Request): Promise<string | undefined> {
  const session = await sessionStorage().getSession(request.headers.get("Cookie"));
  const id = session.get("sessionId");
  return typeof id === "string" ? id : undefined;
}

export async function getOptionalUser(request: Request): Promise<SessionUser | null> {
  const sessionId = await readSessionId(request);
  if (!sessionId) return null;
  const session = await db().session.findUnique({
    where: { id: sessionId },
    select: {
      expiresAt: true,
      user: {
        select: { id: true, email: true, name: true, roles: true, locale: true, timeZone: true, active: true },
      },
    },
  });
  if (!session || session.expiresAt <= new Date() || !session.user.active) return null;
  const { active: _active, ...user } = session.user;
  return { ...user, locale: isLocale(user.locale) ? user.locale : DEFAULT_LOCALE };
}

/** The language a request is answered in: the signed-in user's, else the language cookie's, else the browser's. */
export function requestLocale(request: Request, user: Pick<SessionUser, "locale"> | null): AppLocale {
  return user?.locale ?? localeFromCookie(request.headers.get("Cookie")) ?? localeFromHeader(request.headers.get("Accept-Language"));
}

function signInRedirect(request: Request): never {
  const url = new URL(request.url);
  const redirectTo = `${url.pathname}${url.search}`;
  const params = new URLSearchParams(redirectTo === "/" ? {} : { redirectTo });
  const query = params.size ? `?${params}` : "";
  throw redirect(`/login${query}`);
}

/**
 * The one guard: every loader and action starts with it. No session → redirect to
 * sign-in; a signed-in user whose roles do not open `area` → 403.
 */
export async function requireAccess(request: Request, area: Area): Promise<SessionUser> {
  const user = await getOptionalUser(request);
  if (!user) signInRedirect(request);
  if (!canAccess(user.roles, area)) {
    throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  }
  return user;
}

export async function createUserSession(userId: string, redirectTo: string) {
  const ttlMs = env().SESSION_TTL_HOURS * 3600 * 1000;
  const expiresAt = new Date(Date.now() + ttlMs);
  const id = crypto.randomBytes(32).toString("base64url");
  await db().session.create({ data: { id, userId, expiresAt } });
  const cookieSession = await sessionStorage().getSession();
  cookieSession.set("sessionId", id);
  return redirect(safeRedirect(redirectTo), {
    headers: {
      "Set-Cookie": await sessionStorage().commitSession(cookieSession, { expires: expiresAt }),
    },
  });
}

export async function destroyUserSession(request: Request) {
  const sessionId = await readSessionId(request);
  if (sessionId) await db().session.deleteMany({ where: { id: sessionId } });
  const cookieSession = await sessionStorage().getSession(request.headers.get("Cookie"));
  return redirect("/login", {
    headers: { "Set-Cookie": await sessionStorage().destroySession(cookieSession) },
  });
}

/** Only same-site paths, so a crafted ?redirectTo cannot send users elsewhere. */
export function safeRedirect(to: unknown, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) {
    return fallback;
  }
  return to;
}
