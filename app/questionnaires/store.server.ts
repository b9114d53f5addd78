import { type Prisma } from "@prisma/client";
import { type Tx } from "~/utils/db.server";
import { checkQuestionnaire, parseQuestionnaire, type DefinitionProblem, type Questionnaire } from "./questions";

/**
 * Questionnaires and their versions. The rule (issue 5): candidates always get the
 * newest version; saving over a version nobody has answered replaces it in place, and
 * saving over one that has answers makes version n + 1, so old answers stay readable
 * against the questions they answered.
 */

export class QuestionnaireInvalid extends Error {
  constructor(readonly problems: DefinitionProblem[]) {
    super(`Invalid questionnaire: ${problems.map((p) => `${p.path} ${p.message}`).join("; ")}`);
    this.name = "QuestionnaireInvalid";
  }
}

export type CurrentVersion = { id: string; questionnaireId: string; version: number; definition: Questionnaire };

/** The newest version of a questionnaire, parsed; null when it has none (or does not exist). */
export async function currentVersion(tx: Pick<Tx, "questionnaireVersion">, questionnaireId: string): Promise<CurrentVersion | null> {
  const row = await tx.questionnaireVersion.findFirst({
    where: { questionnaireId },
    orderBy: { version: "desc" },
    select: { id: true, questionnaireId: true, version: true, definition: true },
  });
  return row ? { ...row, definition: parseQuestionnaire(row.definition) } : null;
}

/** One version by id, parsed (to read a response against the questions it answered). */
export async function versionById(tx: Pick<Tx, "questionnaireVersion">, versionId: string): Promise<CurrentVersion | null> {
  const row = await tx.questionnaireVersion.findUnique({
    where: { id: versionId },
    select: { id: true, questionnaireId: true, version: true, definition: true },
  });
  return row ? { ...row, definition: parseQuestionnaire(row.definition) } : null;
}

/** The questionnaire a vacancy's candidates fill, at its newest version; null when the vacancy has none. */
export async function vacancyQuestionnaire(tx: Pick<Tx, "vacancy" | "questionnaireVersion">, vacancyId: string) {
  const vacancy = await tx.vacancy.findUnique({
    where: { id: vacancyId },
    select: { questionnaire: { select: { id: true, name: true, archivedAt: true, reminderAfterHours: true, linkValidDays: true } } },
  });
  const questionnaire = vacancy?.questionnaire;
  if (!questionnaire || questionnaire.archivedAt) return null;
  const version = await currentVersion(tx, questionnaire.id);
  return version ? { questionnaire, version } : null;
}

export type QuestionnaireSettings = { name: string; reminderAfterHours?: number; linkValidDays?: number };

/** A new questionnaire with its first version. Throws QuestionnaireInvalid when the definition has problems. */
export async function createQuestionnaire(tx: Tx, input: QuestionnaireSettings & { definition: unknown; actorId: string | null }) {
  const definition = checked(input.definition);
  const questionnaire = await tx.questionnaire.create({
    data: {
      name: input.name,
      reminderAfterHours: input.reminderAfterHours,
      linkValidDays: input.linkValidDays,
      createdById: input.actorId,
      versions: { create: { version: 1, definition: definition as unknown as Prisma.InputJsonValue, createdById: input.actorId } },
    },
  });
  const version = (await currentVersion(tx, questionnaire.id))!;
  return { questionnaire, version };
}

function checked(definition: unknown): Questionnaire {
  const problems = checkQuestionnaire(definition);
  if (problems.length) throw new QuestionnaireInvalid(problems);
  return parseQuestionnaire(definition);
}

/**
 * Saves new questions for a questionnaire (the builder's save). Locks the questionnaire
 * so two editors save one after another, then: no version yet → version 1; the newest
 * has no responses → replaced in place; it has responses → a new version. Saving the
 * same questions again changes nothing. Returns the version candidates now get and
 * whether it is new.
 */
export async function saveVersion(tx: Tx, input: { questionnaireId: string; definition: unknown; actorId: string | null }) {
  const definition = checked(input.definition);
  await tx.$queryRaw`SELECT id FROM "Questionnaire" WHERE id = ${input.questionnaireId} FOR UPDATE`;
  const latest = await tx.questionnaireVersion.findFirst({
    where: { questionnaireId: input.questionnaireId },
    orderBy: { version: "desc" },
    select: { id: true, version: true, definition: true, _count: { select: { responses: true } } },
  });
  const json = definition as unknown as Prisma.InputJsonValue;
  if (latest && JSON.stringify(parseQuestionnaire(latest.definition)) === JSON.stringify(definition)) {
    return { version: (await versionById(tx, latest.id))!, created: false, changed: false };
  }
  if (latest && latest._count.responses === 0) {
    await tx.questionnaireVersion.update({ where: { id: latest.id }, data: { definition: json, createdById: input.actorId, createdAt: new Date() } });
    await tx.questionnaire.update({ where: { id: input.questionnaireId }, data: { updatedAt: new Date() } });
    return { version: (await versionById(tx, latest.id))!, created: false, changed: true };
  }
  const created = await tx.questionnaireVersion.create({
    data: { questionnaireId: input.questionnaireId, version: (latest?.version ?? 0) + 1, definition: json, createdById: input.actorId },
  });
  await tx.questionnaire.update({ where: { id: input.questionnaireId }, data: { updatedAt: new Date() } });
  return { version: (await versionById(tx, created.id))!, created: true, changed: true };
}
