import { Prisma } from "@prisma/client";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { type Role } from "./access";
import { hashPassword } from "./password.server";
import { type AppLocale } from "~/i18n/i18n";

export function listUsers() {
  return db().user.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: { id: true, name: true, email: true, roles: true, active: true, locale: true, createdAt: true },
  });
}

export function getUser(id: string) {
  return db().user.findUnique({
    where: { id },
    select: { id: true, name: true, email: true, roles: true, active: true },
  });
}

export class EmailTakenError extends Error {}

export async function createUser(
  actorId: string,
  input: { name: string; email: string; password: string; roles: Role[]; locale: AppLocale },
) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name: input.name, email: input.email, passwordHash, roles: input.roles, locale: input.locale },
        select: { id: true },
      });
      await audit(tx, {
        actorId,
        action: "user.create",
        entityType: "User",
        entityId: user.id,
        details: { email: input.email, roles: input.roles },
      });
      return user;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new EmailTakenError(input.email);
    }
    throw error;
  }
}

export async function updateUser(
  actorId: string,
  id: string,
  input: { name: string; roles: Role[]; active: boolean },
) {
  return db().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id }, select: { roles: true, active: true } });
    if (!before) return null;
    await tx.user.update({ where: { id }, data: input });
    // A deactivated user is signed out everywhere at once.
    if (!input.active) await tx.session.deleteMany({ where: { userId: id } });
    await audit(tx, {
      actorId,
      action: "user.update",
      entityType: "User",
      entityId: id,
      details: { before, after: { roles: input.roles, active: input.active } },
    });
    return { id };
  });
}

/** The language switch: remembered on the account, so it follows the user to any device. */
export async function setUserLocale(id: string, locale: AppLocale) {
  await db().user.update({ where: { id }, data: { locale } });
}
