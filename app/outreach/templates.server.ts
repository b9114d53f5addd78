import { Prisma, type MessageTemplate, type TemplateKind } from "@prisma/client";
import { formatRubRange } from "~/i18n/format";
import { audit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { publicUrl } from "./links.server";
import { type MergeValues } from "./merge-fields";
import { type TemplateForm } from "./template-form";
import { type TemplateLocale } from "./template-render";

/**
 * Message templates: the editor's reads and writes (each write audited in its
 * transaction), which template a message of a kind uses, and the merge values of
 * many applications at once.
 */

/** The language's subject and body, or null when the template has none in it. */
export function templateText(template: Pick<MessageTemplate, "subjectRu" | "bodyRu" | "subjectEn" | "bodyEn">, locale: TemplateLocale) {
  const text = locale === "ru" ? { subject: template.subjectRu, body: template.bodyRu } : { subject: template.subjectEn, body: template.bodyEn };
  return text.subject.trim() && text.body.trim() ? text : null;
}

/** The newest template of a kind that is not archived: the vacancy's own first, then a general one. */
export async function templateFor(tx: Tx, kind: TemplateKind, vacancyId: string | null): Promise<MessageTemplate | null> {
  return tx.messageTemplate.findFirst({
    where: { kind, archivedAt: null, OR: vacancyId ? [{ vacancyId }, { vacancyId: null }] : [{ vacancyId: null }] },
    orderBy: [{ vacancyId: { sort: "asc", nulls: "last" } }, { createdAt: "desc" }, { id: "desc" }],
  });
}

type MergeRow = {
  id: string;
  vacancyId: string;
  firstName: string;
  lastName: string;
  middleName: string | null;
  title: string;
  city: string;
  salaryMinRub: number | null;
  salaryMaxRub: number | null;
  recruiterName: string | null;
  recruiterEmail: string | null;
};

/** Our company's name: the organization's, else the display name of MAIL_FROM. */
export async function ourCompanyName(tx: Tx): Promise<string | undefined> {
  const organization = await tx.organization.findFirst({ orderBy: { createdAt: "asc" }, select: { name: true } });
  if (organization) return organization.name;
  const display = /^\s*"?([^"<]+?)"?\s*</.exec(env().MAIL_FROM)?.[1];
  return display || undefined;
}

const fullName = (r: MergeRow, locale: TemplateLocale) =>
  (locale === "ru" ? [r.lastName, r.firstName, r.middleName] : [r.firstName, r.lastName]).filter(Boolean).join(" ");

/**
 * What the candidate-facing merge fields hold for each application, in two queries
 * whatever the number of applications. Links that need a token (questionnaire of
 * one person, RSVP, unsubscribe) come from the sender as extras (a campaign's launch
 * and the call list put each person's own questionnaire link in, see
 * app/questionnaires/invite-links.server.ts); here questionnaireLink is the vacancy's
 * public apply page, which previews show and a vacancy without a questionnaire keeps.
 * Ids that do not exist are left out.
 */
export async function mergeValuesFor(tx: Tx, applicationIds: readonly string[], options: { locale: TemplateLocale }): Promise<Map<string, MergeValues>> {
  const ids = [...new Set(applicationIds)];
  const values = new Map<string, MergeValues>();
  if (!ids.length) return values;
  const [rows, company] = await Promise.all([
    tx.$queryRaw<MergeRow[]>`
      SELECT a.id, a."vacancyId", c."firstName", c."lastName", c."middleName",
        v.title, v.city, v."salaryMinRub", v."salaryMaxRub", u.name AS "recruiterName", u.email AS "recruiterEmail"
      FROM "Application" a
      JOIN "Candidate" c ON c.id = a."candidateId"
      JOIN "Vacancy" v ON v.id = a."vacancyId"
      LEFT JOIN "User" u ON u.id = v."recruiterId"
      WHERE a.id = ANY(${ids}::text[])`,
    ourCompanyName(tx),
  ]);
  const applyLinks = new Map<string, string>();
  for (const row of rows) {
    let applyLink = applyLinks.get(row.vacancyId);
    if (!applyLink) {
      applyLink = publicUrl(`/apply/${encodeURIComponent(row.vacancyId)}`);
      applyLinks.set(row.vacancyId, applyLink);
    }
    const merged: MergeValues = {
      firstName: row.firstName,
      lastName: row.lastName,
      fullName: fullName(row, options.locale),
      vacancyTitle: row.title,
      city: row.city,
      applyLink,
      questionnaireLink: applyLink,
    };
    if (row.middleName) merged.middleName = row.middleName;
    if (row.salaryMinRub !== null || row.salaryMaxRub !== null) {
      merged.salaryRange = formatRubRange(row.salaryMinRub, row.salaryMaxRub, options.locale);
    }
    if (company) merged.companyName = company;
    if (row.recruiterName) merged.recruiterName = row.recruiterName;
    if (row.recruiterEmail) merged.recruiterEmail = row.recruiterEmail;
    values.set(row.id, merged);
  }
  return values;
}

// ---- the editor ------------------------------------------------------------

const LIST_SELECT = {
  id: true,
  kind: true,
  name: true,
  subjectRu: true,
  bodyRu: true,
  subjectEn: true,
  bodyEn: true,
  archivedAt: true,
  updatedAt: true,
  vacancy: { select: { id: true, title: true, city: true } },
} satisfies Prisma.MessageTemplateSelect;

/** Every template (the archived ones only when asked), by kind then name, with the languages it has. */
export async function listTemplates({ archived = false }: { archived?: boolean } = {}) {
  const rows = await db().messageTemplate.findMany({
    where: archived ? {} : { archivedAt: null },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: LIST_SELECT,
  });
  return rows.map(({ subjectRu, bodyRu, subjectEn, bodyEn, ...t }) => {
    const text = { subjectRu, bodyRu, subjectEn, bodyEn };
    return { ...t, languages: { ru: templateText(text, "ru") !== null, en: templateText(text, "en") !== null } };
  });
}

export async function getTemplate(id: string) {
  return db().messageTemplate.findUnique({ where: { id }, include: { vacancy: { select: { id: true, title: true } } } });
}

/**
 * Vacancies a template may be for: all but closed ones (drafts too: a letter is
 * written before the vacancy opens), and the template's own even when closed.
 */
export async function templateVacancies(currentId: string | null = null) {
  return db().vacancy.findMany({
    where: { OR: [{ status: { not: "CLOSED" } }, ...(currentId ? [{ id: currentId }] : [])] },
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    select: { id: true, title: true, city: true, status: true },
  });
}

/** A save refused for something only the database knows (the name taken, the vacancy gone). */
export class TemplateRefused extends Error {
  constructor(readonly fieldErrors: Record<string, string[]>) {
    super(`Template refused: ${Object.keys(fieldErrors).join(", ")}`);
    this.name = "TemplateRefused";
  }
}

const TEXT_FIELDS = ["kind", "name", "vacancyId", "subjectRu", "bodyRu", "subjectEn", "bodyEn"] as const;

/**
 * Creates a template or changes one, with its audit entry, in one transaction.
 * Returns null when the template to change does not exist; throws TemplateRefused.
 */
export async function saveTemplate(input: { id?: string; actorId: string; form: TemplateForm }): Promise<{ id: string } | null> {
  const { form, actorId } = input;
  try {
    return await db().$transaction(async (tx) => {
      const fieldErrors: Record<string, string[]> = {};
      if (form.vacancyId && !(await tx.vacancy.findUnique({ where: { id: form.vacancyId }, select: { id: true } }))) {
        fieldErrors.vacancyId = ["templates.errors.noVacancy"];
      }
      const sameName = await tx.messageTemplate.findUnique({ where: { name: form.name }, select: { id: true } });
      if (sameName && sameName.id !== input.id) fieldErrors.name = ["templates.errors.nameTaken"];
      if (Object.keys(fieldErrors).length) throw new TemplateRefused(fieldErrors);
      const data = {
        kind: form.kind,
        name: form.name,
        vacancyId: form.vacancyId,
        subjectRu: form.subjectRu,
        bodyRu: form.bodyRu,
        subjectEn: form.subjectEn,
        bodyEn: form.bodyEn,
      };
      const languages = (["ru", "en"] as const).filter((l) => templateText(data, l));
      if (!input.id) {
        const created = await tx.messageTemplate.create({ data: { ...data, createdById: actorId }, select: { id: true } });
        await audit(tx, {
          actorId,
          action: "template.create",
          entityType: "MessageTemplate",
          entityId: created.id,
          details: { kind: data.kind, vacancyId: data.vacancyId, languages },
        });
        return created;
      }
      const before = await tx.messageTemplate.findUnique({ where: { id: input.id } });
      if (!before) return null;
      const changed = TEXT_FIELDS.filter((field) => before[field] !== data[field]);
      if (!changed.length) return { id: before.id };
      await tx.messageTemplate.update({ where: { id: before.id }, data });
      await audit(tx, {
        actorId,
        action: "template.update",
        entityType: "MessageTemplate",
        entityId: before.id,
        details: { kind: data.kind, vacancyId: data.vacancyId, languages, changed },
      });
      return { id: before.id };
    });
  } catch (error) {
    // Two people saving the same new name at once: the unique index decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new TemplateRefused({ name: ["templates.errors.nameTaken"] });
    }
    throw error;
  }
}

/**
 * Archives a template (it stays for the campaigns and letters that used it) or
 * brings it back. False when there is no such template; doing what is already done
 * changes and records nothing.
 */
export async function setTemplateArchived(input: { id: string; actorId: string; archived: boolean }): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const template = await tx.messageTemplate.findUnique({ where: { id: input.id }, select: { id: true, kind: true, archivedAt: true } });
    if (!template) return false;
    if (Boolean(template.archivedAt) === input.archived) return true;
    await tx.messageTemplate.update({ where: { id: template.id }, data: { archivedAt: input.archived ? new Date() : null } });
    await audit(tx, {
      actorId: input.actorId,
      action: input.archived ? "template.archive" : "template.update",
      entityType: "MessageTemplate",
      entityId: template.id,
      details: input.archived ? { kind: template.kind } : { kind: template.kind, restored: true },
    });
    return true;
  });
}
