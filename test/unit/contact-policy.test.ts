import { describe, expect, test } from "vitest";
import { CONTACT_STAGES, contactBlock, mayContact, moveReachesOut, overrideCovers, type ContactSubject } from "~/sourcing/contact-policy";

const person = { doNotContact: false, erasedAt: null };
const subject = (overrides: Partial<ContactSubject> = {}): ContactSubject => ({
  tier: "OPEN_MARKET",
  contactOverrideAt: null,
  candidate: person,
  ...overrides,
});

describe("mayContact", () => {
  test("every tier but excluded may be contacted, and so may an untiered application", () => {
    for (const tier of ["TARGET", "ADJACENT", "OPEN_MARKET", null] as const) {
      expect(mayContact(subject({ tier }))).toBe(true);
    }
  });

  test("an excluded candidate only after an override", () => {
    expect(contactBlock(subject({ tier: "EXCLUDED" }))).toBe("excluded");
    expect(mayContact(subject({ tier: "EXCLUDED", contactOverrideAt: "2026-01-10T09:00:00.000Z" }))).toBe(true);
  });

  test("an override never outweighs the candidate's own wishes", () => {
    const overridden = { tier: "EXCLUDED" as const, contactOverrideAt: new Date() };
    expect(contactBlock(subject({ ...overridden, candidate: { doNotContact: true, erasedAt: null } }))).toBe("do-not-contact");
    expect(contactBlock(subject({ ...overridden, candidate: { doNotContact: true, erasedAt: new Date() } }))).toBe("erased");
    expect(mayContact(subject({ tier: "TARGET", candidate: { doNotContact: true, erasedAt: null } }))).toBe(false);
  });
});

describe("an override covers the excluded company it was given for", () => {
  const reason = (companyName: string) => ({ list: "EXCLUDED", match: "company", companyName, jobTitle: "KAM", startedOn: "2015-01-01", endedOn: null });
  const overridden = (given: string, now: string) =>
    subject({ tier: "EXCLUDED", contactOverrideAt: new Date(), contactOverrideMatch: reason(given), tierReason: reason(now) });

  test("the same company, however the reason spells it, stays covered; another company does not", () => {
    expect(contactBlock(overridden("ООО «Откат-Трейд»", "Otkat-Trade LLC"))).toBeNull();
    expect(contactBlock(overridden("ООО «Откат-Трейд»", "ООО «Откат-Групп»"))).toBe("excluded");
    expect(overrideCovers(reason("Альфа"), reason("альфа"))).toBe(true);
    expect(overrideCovers(reason("Альфа"), reason("Бета"))).toBe(false);
  });

  test("an override recorded before matches were kept covers what it covers", () => {
    expect(overrideCovers(null, reason("Бета"))).toBe(true);
    expect(mayContact(subject({ tier: "EXCLUDED", contactOverrideAt: new Date(), tierReason: reason("Бета") }))).toBe(true);
  });
});

describe("which stage moves reach the candidate", () => {
  test("forward into any stage after SOURCED, or reopening into one; never a step back or an exit", () => {
    expect(CONTACT_STAGES).toEqual(["CONTACTED", "QUESTIONNAIRE_SENT", "QUESTIONNAIRE_PASSED", "INTERVIEW_INVITED", "INTERVIEWED", "PROBATION", "HIRED"]);
    expect(moveReachesOut("forward", "CONTACTED")).toBe(true);
    expect(moveReachesOut("forward", "INTERVIEW_INVITED")).toBe(true);
    expect(moveReachesOut("reopen", "CONTACTED")).toBe(true);
    expect(moveReachesOut("reopen", "SOURCED")).toBe(false);
    expect(moveReachesOut("back", "CONTACTED")).toBe(false);
    expect(moveReachesOut("exit", "REJECTED")).toBe(false);
  });
});
