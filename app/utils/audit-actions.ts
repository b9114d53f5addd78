/**
 * Every action the audit trail records. `audit()` accepts only these, and the
 * dictionaries (app/i18n/sections/audit.ts) must name each one in Russian and
 * English, so no screen ever shows a raw key. Add new actions here first.
 */
export const AUDIT_ACTIONS = [
  "user.create",
  "user.update",
  "vacancy.create",
  "vacancy.update",
  "vacancy.apply",
  "vacancy.apply-refused",
  "company.create",
  "company.update",
  "company.merge",
  "company.alias.add",
  "company.alias.remove",
  "company.rekey",
  "candidate.import",
  "candidate.import-merge",
  "candidate.merge",
  "candidate.merged-into",
  "candidate.unmerge",
  "candidate.unmerged-from",
  "candidate.split",
  "candidate.split-from",
  "candidate.stage-move",
  "candidate.reject",
  "candidate.tag-add",
  "candidate.tag-remove",
  "candidate.campaign-add",
  "candidate.contact-override",
  "candidate.contact-override-revoke",
  "candidate.contact-override-clear",
  "candidate.do-not-contact",
  "candidate.allow-contact",
  "candidate.consent-given",
  "candidate.apply-unverified",
  "candidate.consent-withdraw",
  "candidate.erase",
  "import.create",
  "import.discard",
  "import.commit",
  "template.create",
  "template.update",
  "template.archive",
  "campaign.create",
  "campaign.update",
  "campaign.launch",
  "campaign.pause",
  "campaign.resume",
  "campaign.cancel",
  "candidate.unsubscribe",
  "candidate.call",
  "candidate.contact-log",
  "email.bounce",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}
