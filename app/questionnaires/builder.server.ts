import { Prisma } from "@prisma/client";
import { audit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { blankQuestionnaire, type StartChoice } from "./builder";
import { type Settings } from "./builder-form";
import { defaultKamQuestionnaire } from "./default-kam";
import { openQuestionnaireUrl } from "./invites.server";
import { parseQuestionnaire } from "./questions";
import { createQuestionnaire, currentVersion, saveVersion } from "./store.server";

/**
 * The questionnaire builder's reads and writes: the library, the editor's page,
 * creating and saving (with the versioning rule of store.server.ts), archiving and
 * assigning to vacancies. Every write is audited in its own transaction.
 */

/** A change refused for something only the database knows (the name taken, the vacancy gone). */
export class QuestionnaireRefused extends Error {
  constructor(readonly fieldErrors: Record<string, string[]>) {
    super(`Questionnaire refused: ${Object.keys(fieldErrors).join(", ")}`);
    this.name = "QuestionnaireRefused";
  }
}

const questionCount = (definition: unknown) => {
  const questions = (definition as { questions?: unknown } | null)?.questions;
  return Array.isArray(questions) ? questions.length : 0;
};

/** Every questionnaire, the archived ones last, with what the library shows of each. */
export async function listQuestionnaires() {
  const rows = await db().questionnaire.findMany({
    orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      archivedAt: true,
      updatedAt: true,
      versions: { orderBy: { version: "desc" }, take: 1, select: { version: true, definition: true } },
      vacancies: { orderBy: { title: "asc" }, select: { id: true, title: true, city: true } },
      _count: { select: { responses: true } },
    },
  });
  return rows.map(({ versions, _count, ...q }) => ({
    ...q,
    version: versions[0]?.version ?? null,
    questions: questionCount(versions[0]?.definition),
    responses: _count.responses,
  }));
}

const userNames = async (tx: Pick<Tx, "user">, ids: readonly (string | null)[]) => {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const users = wanted.length ? await tx.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } }) : [];
  return new Map(users.map((u) => [u.id, u.name]));
};

/** What the editor shows: settings, the newest questions, the versions, the vacancies using it and those it could be given to. */
export async function questionnaireEditor(id: string) {
  const questionnaire = await db().questionnaire.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      reminderAfterHours: true,
      linkValidDays: true,
      archivedAt: true,
      updatedAt: true,
      versions: {
        orderBy: { version: "desc" },
        select: { id: true, version: true, createdAt: true, createdById: true, _count: { select: { responses: true } } },
      },
      vacancies: { orderBy: { title: "asc" }, select: { id: true, title: true, city: true, status: true } },
    },
  });
  if (!questionnaire) return null;
  const [current, names, candidates] = await Promise.all([
    currentVersion(db(), id),
    userNames(db(), questionnaire.versions.map((v) => v.createdById)),
    db().vacancy.findMany({
      where: { status: { not: "CLOSED" }, OR: [{ questionnaireId: null }, { questionnaireId: { not: id } }] },
      orderBy: [{ status: "asc" }, { title: "asc" }],
      select: { id: true, title: true, city: true, questionnaire: { select: { name: true } } },
    }),
  ]);
  const { versions, vacancies, ...settings } = questionnaire;
  return {
    ...settings,
    current,
    versions: versions.map((v) => ({
      id: v.id,
      version: v.version,
      createdAt: v.createdAt,
      author: v.createdById ? names.get(v.createdById) ?? null : null,
      responses: v._count.responses,
    })),
    assigned: vacancies.map((v) => ({ ...v, openUrl: openQuestionnaireUrl(v.id) })),
    vacancyOptions: candidates.map((v) => ({ id: v.id, title: v.title, city: v.city, current: v.questionnaire?.name ?? null })),
  };
}

/** One version as it was, for reading; null when there is no such questionnaire or version. */
export async function questionnaireVersionPage(id: string, version: number) {
  if (!Number.isInteger(version) || version < 1) return null;
  const row = await db().questionnaireVersion.findUnique({
    where: { questionnaireId_version: { questionnaireId: id, version } },
    select: {
      version: true,
      definition: true,
      createdAt: true,
      createdById: true,
      questionnaire: { select: { id: true, name: true, versions: { orderBy: { version: "desc" }, take: 1, select: { version: true } } } },
      _count: { select: { responses: true } },
    },
  });
  if (!row) return null;
  const names = await userNames(db(), [row.createdById]);
  return {
    questionnaire: { id: row.questionnaire.id, name: row.questionnaire.name },
    version: row.version,
    newest: row.questionnaire.versions[0]?.version ?? row.version,
    createdAt: row.createdAt,
    author: row.createdById ? names.get(row.createdById) ?? null : null,
    responses: row._count.responses,
    definition: parseQuestionnaire(row.definition),
  };
}

/** The vacancy page's line: its questionnaire and the version candidates get; null when it has none. */
export async function vacancyQuestionnaireLine(vacancyId: string) {
  const vacancy = await db().vacancy.findUnique({
    where: { id: vacancyId },
    select: {
      questionnaire: {
        select: { id: true, name: true, archivedAt: true, versions: { orderBy: { version: "desc" }, take: 1, select: { version: true } } },
      },
    },
  });
  const q = vacancy?.questionnaire;
  return q ? { id: q.id, name: q.name, archived: Boolean(q.archivedAt), version: q.versions[0]?.version ?? null } : null;
}

async function ensureNameFree(tx: Tx, name: string, exceptId?: string) {
  const taken = await tx.questionnaire.findFirst({
    where: { name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (taken) throw new QuestionnaireRefused({ name: ["questionnaireBuilder.errors.nameTaken"] });
}

/** Two people taking the same new name at once: the unique index decides. */
async function nameGuarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new QuestionnaireRefused({ name: ["questionnaireBuilder.errors.nameTaken"] });
    }
    throw error;
  }
}

/** A new questionnaire from the default KAM one or blank, at version 1, with its audit entry. */
export async function createFromStart(input: { actorId: string; settings: Settings; start: StartChoice }) {
  const definition = input.start === "default" ? defaultKamQuestionnaire() : blankQuestionnaire();
  return nameGuarded(() =>
    db().$transaction(async (tx) => {
      await ensureNameFree(tx, input.settings.name);
      const { questionnaire, version } = await createQuestionnaire(tx, { ...input.settings, definition, actorId: input.actorId });
      await audit(tx, {
        actorId: input.actorId,
        action: "questionnaire.create",
        entityType: "Questionnaire",
        entityId: questionnaire.id,
        details: { version: version.version, start: input.start, questions: version.definition.questions.length },
      });
      return { id: questionnaire.id, version: version.version };
    }),
  );
}

const SETTINGS = ["name", "reminderAfterHours", "linkValidDays"] as const;

/**
 * Saves the settings and the questions together. The questions follow the versioning
 * rule (in place while nobody has answered, else a new version). Null when there is
 * no such questionnaire; throws QuestionnaireRefused (name) or QuestionnaireInvalid.
 */
export async function saveQuestionnaire(input: { id: string; actorId: string; settings: Settings; definition: unknown }) {
  return nameGuarded(() =>
    db().$transaction(async (tx) => {
      const before = await tx.questionnaire.findUnique({ where: { id: input.id }, select: { id: true, name: true, reminderAfterHours: true, linkValidDays: true } });
      if (!before) return null;
      await ensureNameFree(tx, input.settings.name, before.id);
      const saved = await saveVersion(tx, { questionnaireId: before.id, definition: input.definition, actorId: input.actorId });
      const settingsChanged = SETTINGS.filter((field) => before[field] !== input.settings[field]);
      if (settingsChanged.length) await tx.questionnaire.update({ where: { id: before.id }, data: input.settings });
      if (saved.changed || settingsChanged.length) {
        await audit(tx, {
          actorId: input.actorId,
          action: "questionnaire.update",
          entityType: "Questionnaire",
          entityId: before.id,
          details: { version: saved.version.version, created: saved.created, questionsChanged: saved.changed, settingsChanged },
        });
      }
      return { version: saved.version.version, created: saved.created, changed: saved.changed };
    }),
  );
}

/** Archives a questionnaire or brings it back; false when there is none. Doing what is done records nothing. */
export async function setQuestionnaireArchived(input: { id: string; actorId: string; archived: boolean }): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const questionnaire = await tx.questionnaire.findUnique({ where: { id: input.id }, select: { id: true, archivedAt: true, _count: { select: { vacancies: true } } } });
    if (!questionnaire) return false;
    if (Boolean(questionnaire.archivedAt) === input.archived) return true;
    await tx.questionnaire.update({ where: { id: questionnaire.id }, data: { archivedAt: input.archived ? new Date() : null } });
    await audit(tx, {
      actorId: input.actorId,
      action: input.archived ? "questionnaire.archive" : "questionnaire.restore",
      entityType: "Questionnaire",
      entityId: questionnaire.id,
      details: { vacancies: questionnaire._count.vacancies },
    });
    return true;
  });
}

/**
 * Makes the questionnaire the one a vacancy's candidates fill (instead of any other),
 * audited on the vacancy. Null when the questionnaire does not exist; throws
 * QuestionnaireRefused when it is archived or the vacancy is gone or closed.
 */
export async function assignQuestionnaire(input: { questionnaireId: string; vacancyId: string; actorId: string }) {
  return db().$transaction(async (tx) => {
    const questionnaire = await tx.questionnaire.findUnique({ where: { id: input.questionnaireId }, select: { id: true, archivedAt: true } });
    if (!questionnaire) return null;
    if (questionnaire.archivedAt) throw new QuestionnaireRefused({ vacancyId: ["questionnaireBuilder.errors.archived"] });
    const vacancy = await tx.vacancy.findUnique({ where: { id: input.vacancyId }, select: { id: true, status: true, questionnaireId: true } });
    if (!vacancy || vacancy.status === "CLOSED") throw new QuestionnaireRefused({ vacancyId: ["questionnaireBuilder.errors.chooseVacancy"] });
    if (vacancy.questionnaireId === questionnaire.id) return { changed: false };
    await tx.vacancy.update({ where: { id: vacancy.id }, data: { questionnaireId: questionnaire.id } });
    await audit(tx, {
      actorId: input.actorId,
      action: "questionnaire.assign",
      entityType: "Vacancy",
      entityId: vacancy.id,
      details: { questionnaireId: questionnaire.id, previousQuestionnaireId: vacancy.questionnaireId },
    });
    return { changed: true };
  });
}

/** Takes the questionnaire off a vacancy that has it; false when the vacancy does not have it. */
export async function unassignQuestionnaire(input: { questionnaireId: string; vacancyId: string; actorId: string }): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const { count } = await tx.vacancy.updateMany({ where: { id: input.vacancyId, questionnaireId: input.questionnaireId }, data: { questionnaireId: null } });
    if (!count) return false;
    await audit(tx, {
      actorId: input.actorId,
      action: "questionnaire.unassign",
      entityType: "Vacancy",
      entityId: input.vacancyId,
      details: { questionnaireId: null, previousQuestionnaireId: input.questionnaireId },
    });
    return true;
  });
}
