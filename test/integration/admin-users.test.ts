import { describe, expect, test } from "vitest";
import { verifyPassword } from "~/auth/password.server";
import { db } from "~/utils/db.server";
import { action as createAction } from "~/routes/admin.users._index";
import { action as editAction } from "~/routes/admin.users.$id";
import { createUser, formRequest, respond, sessionCookie } from "../factories";

const context = { clientIp: "127.0.0.1" };
const valid = { name: "Анна Смирнова", email: "anna@company.ru", password: "long enough pw", roles: ["RECRUITER"], locale: "ru" };

async function post(cookie: string, fields: Record<string, string | string[]>) {
  return respond(() => createAction({ request: formRequest("/admin/users", fields, cookie), context, params: {} }));
}

describe("admin: users", () => {
  test("an admin creates a user with several roles; the change is audited", async () => {
    const admin = await createUser({ roles: ["ADMIN"] });
    const response = await post(await sessionCookie(admin.id), { ...valid, roles: ["RECRUITER", "HIRING_MANAGER"] });
    expect(response.status).toBe(302);
    const user = await db().user.findUniqueOrThrow({ where: { email: "anna@company.ru" } });
    expect(user.roles).toEqual(["RECRUITER", "HIRING_MANAGER"]);
    expect(await verifyPassword(user.passwordHash, "long enough pw")).toBe(true);
    const entry = await db().auditEntry.findFirstOrThrow({ where: { entityId: user.id } });
    expect(entry).toMatchObject({ actorId: admin.id, action: "user.create" });
  });

  test("a forged role is refused with a message and nothing is written", async () => {
    const admin = await createUser({ roles: ["ADMIN"] });
    const [usersBefore, auditBefore] = [await db().user.count(), await db().auditEntry.count()];
    const response = await post(await sessionCookie(admin.id), { ...valid, email: "forged@company.ru", roles: ["RECRUITER", "SUPERUSER"] });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ "roles[1]": ["validation.invalidRole"] });
    expect(await db().user.count()).toBe(usersBefore);
    expect(await db().auditEntry.count()).toBe(auditBefore);
  });

  test("empty, over-long and duplicate input get field errors", async () => {
    const admin = await createUser({ roles: ["ADMIN"] });
    const cookie = await sessionCookie(admin.id);
    const usersBefore = await db().user.count();
    const empty = await post(cookie, {});
    expect((await empty.json()).error).toMatchObject({
      name: ["validation.required"],
      email: ["validation.required"],
      password: ["validation.required"],
      roles: ["validation.roleRequired"],
    });
    const long = await post(cookie, { ...valid, name: "Я".repeat(121), password: "short" });
    expect((await long.json()).error).toMatchObject({
      name: ["validation.tooLong|max=120"],
      password: ["validation.passwordTooShort"],
    });
    const taken = await post(cookie, { ...valid, email: admin.email });
    expect((await taken.json()).error).toMatchObject({ email: ["validation.emailTaken"] });
    expect(await db().user.count()).toBe(usersBefore);
  });

  test("a hiring manager posting to the admin form gets 403 and nothing is written", async () => {
    const manager = await createUser({ roles: ["HIRING_MANAGER"] });
    const usersBefore = await db().user.count();
    const response = await post(await sessionCookie(manager.id), { ...valid, email: "sneaky@company.ru", roles: ["ADMIN"] });
    expect(response.status).toBe(403);
    expect(await db().user.count()).toBe(usersBefore);
  });

  test("changing roles is audited and deactivating signs the user out", async () => {
    const admin = await createUser({ roles: ["ADMIN"] });
    const target = await createUser({ roles: ["RECRUITER"] });
    await sessionCookie(target.id);
    const request = formRequest(`/admin/users/${target.id}`, { name: target.name, roles: ["DEPARTMENT_HEAD"] }, await sessionCookie(admin.id));
    const response = await respond(() => editAction({ request, context, params: { id: target.id } }));
    expect(response.status).toBe(302);
    expect(await db().user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
      roles: ["DEPARTMENT_HEAD"],
      active: false,
    });
    expect(await db().session.count({ where: { userId: target.id } })).toBe(0);
    expect(await db().auditEntry.count({ where: { entityId: target.id, action: "user.update" } })).toBe(1);
  });

  test("an admin cannot remove their own admin role", async () => {
    const admin = await createUser({ roles: ["ADMIN"] });
    const request = formRequest(`/admin/users/${admin.id}`, { name: admin.name, roles: ["RECRUITER"], active: "on" }, await sessionCookie(admin.id));
    const response = await respond(() => editAction({ request, context, params: { id: admin.id } }));
    expect(response.status).toBe(400);
    expect((await db().user.findUniqueOrThrow({ where: { id: admin.id } })).roles).toEqual(["ADMIN"]);
  });
});
