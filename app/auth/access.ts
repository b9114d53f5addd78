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
  outreach: ["ADMIN", "RECRUITER"],
  questionnaires: ["ADMIN", "RECRUITER", "HIRING_MANAGER"],
  interviews: STAFF,
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
