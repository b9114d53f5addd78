import { describe, expect, test } from "vitest";
import { MAX_PER_EMAIL } from "~/auth/lockout";
import { requireAccess } from "~/auth/session.server";
import { signIn } from "~/auth/sign-in.server";
import { db } from "~/utils/db.server";
import { action as loginAction } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { createUser, formRequest, getRequest, respond, sessionCookie } from "../factories";

const context = { clientIp: "10.0.0.1" };
const login = (fields: Record<string, string>, ip = context.clientIp) =>
  respond(() => loginAction({ request: formRequest("/login", fields), context: { clientIp: ip }, params: {} }));

describe("sign-in", () => {
  test("the right password signs in and creates a session", async () => {
    const user = await createUser({ roles: ["RECRUITER"] });
    const response = await login({ email: user.email.toUpperCase(), password: user.password, redirectTo: "/candidates" });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/candidates");
    expect(response.headers.get("Set-Cookie")).toMatch(/^__session=.+HttpOnly/i);
    expect(await db().session.count({ where: { userId: user.id } })).toBe(1);
  });

  test("a wrong password gets a clear message and no session", async () => {
    const user = await createUser({ roles: ["RECRUITER"] });
    const response = await login({ email: user.email, password: "not the password" });
    expect(response.status).toBe(401);
    const body = await response.json();
    expect(body.error[""]).toEqual(["auth.invalid"]);
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
    expect(await db().signInAttempt.count({ where: { email: user.email, succeeded: false } })).toBe(1);
  });

  test("empty and over-long fields come back as field errors and write nothing", async () => {
    const attemptsBefore = await db().signInAttempt.count();
    const empty = await login({ email: "", password: "" });
    expect(empty.status).toBe(400);
    expect((await empty.json()).error).toMatchObject({ email: ["validation.required"], password: ["validation.required"] });

    const long = await login({ email: `${"a".repeat(250)}@x.ru`, password: "x".repeat(201) });
    expect((await long.json()).error).toMatchObject({
      email: ["validation.tooLong|max=254"],
      password: ["validation.tooLong|max=200"],
    });
    expect(await db().signInAttempt.count()).toBe(attemptsBefore);
  });

  test("an open redirect in redirectTo is ignored", async () => {
    const user = await createUser({ roles: ["RECRUITER"] });
    const response = await login({ email: user.email, password: user.password, redirectTo: "//evil.example" });
    expect(response.headers.get("Location")).toBe("/");
  });

  test("failed sign-ins are rate limited per email, even with the right password afterwards", async () => {
    const user = await createUser({ roles: ["RECRUITER"] });
    for (let i = 0; i < MAX_PER_EMAIL; i++) {
      expect((await login({ email: user.email, password: "wrong password" })).status).toBe(401);
    }
    const locked = await login({ email: user.email, password: user.password });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await locked.json()).error[""][0]).toMatch(/^auth\.tooMany\|minutes=\d+$/);
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
    // Another user from another address is not affected.
    const other = await createUser({ roles: ["RECRUITER"] });
    expect((await signIn({ email: other.email, password: other.password, ip: "10.9.9.9" })).ok).toBe(true);
  });

  test("a deactivated user cannot sign in", async () => {
    const user = await createUser({ roles: ["RECRUITER"] });
    await db().user.update({ where: { id: user.id }, data: { active: false } });
    expect(await signIn({ email: user.email, password: user.password, ip: "1.1.1.1" })).toEqual({
      ok: false,
      reason: "invalid",
    });
  });
});

describe("the guard", () => {
  test("no session redirects to sign-in, remembering where the user was going", async () => {
    const response = await respond(() => requireAccess(getRequest("/vacancies?page=2"), "vacancies"));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Fvacancies%3Fpage%3D2");
  });

  test("a wrong role gets 403; the right one passes", async () => {
    const manager = await createUser({ roles: ["HIRING_MANAGER"] });
    const cookie = await sessionCookie(manager.id);
    expect((await respond(() => requireAccess(getRequest("/admin/users", cookie), "admin"))).status).toBe(403);
    await expect(requireAccess(getRequest("/interviews", cookie), "interviews")).resolves.toMatchObject({
      id: manager.id,
      roles: ["HIRING_MANAGER"],
    });
  });

  test("an expired session is refused", async () => {
    const user = await createUser({ roles: ["RECRUITER"] });
    const cookie = await sessionCookie(user.id);
    await db().session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await respond(() => requireAccess(getRequest("/vacancies", cookie), "vacancies"))).status).toBe(302);
  });

  test("signing out ends the session on the server", async () => {
    const user = await createUser({ roles: ["RECRUITER"] });
    const cookie = await sessionCookie(user.id);
    const response = await respond(() => logoutAction({ request: formRequest("/logout", {}, cookie), context, params: {} }));
    expect(response.headers.get("Location")).toBe("/login");
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
    expect((await respond(() => requireAccess(getRequest("/vacancies", cookie), "vacancies"))).status).toBe(302);
  });
});
