/**
 * Who may open which area of the product. Client-safe (no secrets): the navigation
 * uses it to hide links, but only the server guard (requireAccess) enforces it.
 */
export const ROLES = ["ADMIN", "RECRUITER", "HIRING_MANAGER", "DEPARTMENT_HEAD"] as const;
export type Role = (typeof ROLES)[number];

const STAFF: readonly Role[] = ROLES;

export const AREAS = {
  /** Home, own settings: anyone signed in. */
  workspace: STAFF,
  vacancies: STAFF,
  candidates: STAFF,
  /** Creating and editing vacancies, their selling letter and company lists. */
  vacancyEdit: ["ADMIN", "RECRUITER", "DEPARTMENT_HEAD"],
  /** The company catalog: companies, aliases. */
  companies: ["ADMIN", "RECRUITER"],
  /** Importing candidates: uploads, API searches, previews, commits. */
  imports: ["ADMIN", "RECRUITER"],
  /** Adding candidates by hand, tags, bulk actions, merging and un-merging. */
  candidateEdit: ["ADMIN", "RECRUITER"],
  /** Allowing contact with a candidate from an excluded company (with a reason). */
  contactOverride: ["ADMIN", "RECRUITER", "DEPARTMENT_HEAD"],
  outreach: ["ADMIN", "RECRUITER"],
  /** The shortlist, responses and completion rates. */
  questionnaires: STAFF,
  /** Writing questionnaires (the builder) and assigning them to vacancies. */
  questionnaireBuild: ["ADMIN", "RECRUITER"],
  /** Overriding a questionnaire's verdict, and the shortlist's bulk actions (invite, reject). */
  questionnaireDecide: ["ADMIN", "RECRUITER", "HIRING_MANAGER", "DEPARTMENT_HEAD"],
  /** The interview calendar, sessions, show rates and results. */
  interviews: STAFF,
  /** Creating sessions and series, inviting and booking, check-in. */
  interviewPlan: ["ADMIN", "RECRUITER"],
  /** Scoring attendees: only on sessions the user is an assessor of (checked per session). */
  interviewScore: ["HIRING_MANAGER", "DEPARTMENT_HEAD"],
  /** Editing a vacancy's rubric of competencies and weights. */
  interviewRubric: ["ADMIN", "HIRING_MANAGER", "DEPARTMENT_HEAD"],
  /** Take to probation / reserve / reject: heads, and a hiring manager a head delegated the session to. */
  interviewDecide: ["HIRING_MANAGER", "DEPARTMENT_HEAD"],
  probation: STAFF,
  handover: STAFF,
  analytics: STAFF,
  outbox: ["ADMIN", "RECRUITER"],
  /** Changing a candidate's contact permission or erasing their data. */
  personalData: ["ADMIN", "RECRUITER"],
  admin: ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Area = keyof typeof AREAS;

export function canAccess(roles: readonly Role[], area: Area): boolean {
  const allowed: readonly Role[] = AREAS[area];
  return roles.some((role) => allowed.includes(role));
}
