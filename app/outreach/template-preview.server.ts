import { en as templatesEn, ru as templatesRu } from "~/i18n/sections/templates";
import { db } from "~/utils/db.server";
import { publicUrl } from "./links.server";
import { fieldsForKind, type MergeField, type MergeValues } from "./merge-fields";
import { problemKey, type PreviewRequest } from "./template-form";
import { checkTemplate, compileTemplate, type RenderedMessage, type TemplateLocale } from "./template-render";
import { mergeValuesFor, ourCompanyName } from "./templates.server";

/**
 * The editor's live preview: a template as typed, filled with a real candidate's
 * data. It only reads; nothing is queued, logged or sent.
 */

export const PREVIEW_CANDIDATES = 50;

/** The first candidates of a vacancy (by name), optionally those matching a search, to preview with. */
export async function previewCandidates({ vacancyId, q }: { vacancyId: string; q?: string }) {
  const search = q?.trim().toLowerCase().replace(/\s+/g, " ");
  const rows = await db().application.findMany({
    where: {
      vacancyId,
      candidate: { mergedIntoId: null, erasedAt: null, ...(search ? { searchText: { contains: search } } : {}) },
    },
    orderBy: [{ candidate: { lastName: "asc" } }, { candidate: { firstName: "asc" } }, { id: "asc" }],
    take: PREVIEW_CANDIDATES,
    select: { id: true, stage: true, candidate: { select: { firstName: true, lastName: true, middleName: true, city: true } } },
  });
  return rows.map((r) => ({
    applicationId: r.id,
    stage: r.stage,
    name: [r.candidate.lastName, r.candidate.firstName, r.candidate.middleName].filter(Boolean).join(" "),
    city: r.candidate.city,
  }));
}

/** Values the sender supplies per message (an interview's time, a personal link): shown as examples. */
function sampleValues(locale: TemplateLocale): MergeValues {
  const samples = (locale === "ru" ? templatesRu : templatesEn).preview;
  return {
    interviewTime: samples.sampleTime,
    interviewPlace: samples.samplePlace,
    rsvpLink: publicUrl("/rsvp/preview"),
    clientName: samples.sampleClient,
    newManagerName: samples.sampleManager,
    unsubscribeLink: publicUrl("/u/preview"),
  };
}

export type PreviewResult =
  | { status: "ok"; message: RenderedMessage; samples: MergeField[] }
  /** Error keys of what is wrong with the template (app/ui/error-key.ts). */
  | { status: "problems"; problems: string[] }
  | { status: "empty" }
  | { status: "no-application" };

export async function previewTemplate(request: PreviewRequest): Promise<PreviewResult> {
  const { kind, locale, subject, body } = request;
  if (!subject.trim() && !body.trim()) return { status: "empty" };
  const problems = checkTemplate(kind, { subject, body });
  if (problems.length) return { status: "problems", problems: problems.map(problemKey) };

  const needsCandidate = fieldsForKind(kind).includes("firstName");
  let values: MergeValues = {};
  if (needsCandidate) {
    if (!request.applicationId) return { status: "no-application" };
    const id = request.applicationId;
    const found = await db().$transaction((tx) => mergeValuesFor(tx, [id], { locale }));
    const candidate = found.get(id);
    if (!candidate) return { status: "no-application" };
    values = candidate;
  } else {
    // A client notice is about a client, not a candidate: only our company is real.
    const companyName = await db().$transaction((tx) => ourCompanyName(tx));
    if (companyName) values = { companyName };
  }
  const compiled = compileTemplate(kind, { subject, body }, { locale });
  const samples = sampleValues(locale);
  const used = compiled.fields.filter((field) => !values[field] && samples[field]);
  const message = compiled.render({ ...samples, ...values });
  return { status: "ok", message, samples: used.filter((field) => field !== "unsubscribeLink") };
}
