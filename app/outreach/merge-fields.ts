import { type TemplateKind } from "@prisma/client";

/**
 * The {{merge fields}} a message template may use, and which kind of message offers
 * which. Client-safe: the template editor lists them and validates against them in
 * the browser; the server fills them per recipient (templates.server.ts mergeValuesFor,
 * plus extras the sender knows, like an interview's time).
 */

export const TEMPLATE_KINDS = [
  "SELLING_LETTER",
  "QUESTIONNAIRE_INVITATION",
  "INTERVIEW_INVITATION",
  "REMINDER",
  "REJECTION",
  "OFFER",
  "CLIENT_NOTICE",
] as const satisfies readonly TemplateKind[];

export const MERGE_FIELDS = [
  "firstName",
  "lastName",
  "middleName",
  "fullName",
  "vacancyTitle",
  "city",
  "salaryRange",
  "companyName",
  "recruiterName",
  "recruiterEmail",
  "applyLink",
  "questionnaireLink",
  "interviewTime",
  "interviewPlace",
  "rsvpLink",
  "clientName",
  "newManagerName",
  "unsubscribeLink",
] as const;

export type MergeField = (typeof MERGE_FIELDS)[number];
export type MergeValues = Partial<Record<MergeField, string>>;

/** Fields whose value is a URL: the only ones a link may start with (`[анкета]({{questionnaireLink}})`). */
export const LINK_FIELDS: readonly MergeField[] = ["applyLink", "questionnaireLink", "rsvpLink", "unsubscribeLink"];

export function isMergeField(name: string): name is MergeField {
  return (MERGE_FIELDS as readonly string[]).includes(name);
}

const INTERVIEW: readonly MergeField[] = ["interviewTime", "interviewPlace", "rsvpLink"];
const CLIENT: readonly MergeField[] = ["clientName", "newManagerName"];
/** What every letter to a candidate may use: all but the fields only some kinds have. */
const CANDIDATE: readonly MergeField[] = MERGE_FIELDS.filter(
  (field) => field !== "questionnaireLink" && !INTERVIEW.includes(field) && !CLIENT.includes(field),
);

const BY_KIND: Record<TemplateKind, readonly MergeField[]> = {
  SELLING_LETTER: [...CANDIDATE, "questionnaireLink"],
  QUESTIONNAIRE_INVITATION: [...CANDIDATE, "questionnaireLink"],
  INTERVIEW_INVITATION: [...CANDIDATE, ...INTERVIEW],
  // A reminder may be about the questionnaire not filled in or the interview coming up.
  REMINDER: [...CANDIDATE, "questionnaireLink", ...INTERVIEW],
  REJECTION: CANDIDATE,
  OFFER: CANDIDATE,
  // Goes to a client, not a candidate: no candidate data and no unsubscribe link.
  CLIENT_NOTICE: [...CLIENT, "companyName"],
};

export function fieldsForKind(kind: TemplateKind): readonly MergeField[] {
  return BY_KIND[kind];
}

/** Messages to candidates carry an unsubscribe link; a client notice does not. */
export function isCandidateFacing(kind: TemplateKind): boolean {
  return kind !== "CLIENT_NOTICE";
}
