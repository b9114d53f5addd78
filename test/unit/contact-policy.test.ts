import { describe, expect, test } from "vitest";
import { contactBlock, mayContact, type ContactSubject } from "~/sourcing/contact-policy";

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
