import { describe, expect, test } from "vitest";
import {
  AudienceSchema,
  type AudienceCandidate,
  countReasons,
  exclusionReason,
  hasUsableEmail,
  readAudience,
  readExclusionCounts,
  splitAudience,
} from "~/outreach/audience";

const row = (overrides: Partial<Omit<AudienceCandidate, "candidate">> & { candidate?: Partial<AudienceCandidate["candidate"]>; name?: string } = {}) => {
  const { candidate, name = "anyone", ...rest } = overrides;
  return {
    name,
    tier: "OPEN_MARKET" as const,
    contactOverrideAt: null,
    alreadyReceived: false,
    ...rest,
    candidate: { email: "ivan@example.ru", doNotContact: false, erasedAt: null, mergedIntoId: null, ...candidate },
  };
};

const reason = (companyName: string) => ({ list: "EXCLUDED", match: "company", companyName });

describe("exclusionReason", () => {
  test("a reachable person with an address is in, whatever their tier (but excluded)", () => {
    for (const tier of ["TARGET", "ADJACENT", "OPEN_MARKET", null] as const) expect(exclusionReason(row({ tier }))).toBeNull();
  });

  test("each reason on its own", () => {
    expect(exclusionReason(row({ candidate: { erasedAt: new Date() } }))).toBe("erased");
    expect(exclusionReason(row({ candidate: { doNotContact: true } }))).toBe("do-not-contact");
    expect(exclusionReason(row({ tier: "EXCLUDED" }))).toBe("excluded");
    expect(exclusionReason(row({ candidate: { email: null } }))).toBe("no-email");
    expect(exclusionReason(row({ alreadyReceived: true }))).toBe("already-received");
    expect(exclusionReason(row({ candidate: { mergedIntoId: "survivor" } }))).toBe("merged");
  });

  test("reasons come in the rule's order: erased, do-not-contact, excluded, no e-mail, already received", () => {
    const everything = { erasedAt: new Date(), doNotContact: true, email: null };
    expect(exclusionReason(row({ tier: "EXCLUDED", alreadyReceived: true, candidate: everything }))).toBe("erased");
    expect(exclusionReason(row({ tier: "EXCLUDED", alreadyReceived: true, candidate: { doNotContact: true, email: null } }))).toBe("do-not-contact");
    expect(exclusionReason(row({ tier: "EXCLUDED", alreadyReceived: true, candidate: { email: null } }))).toBe("excluded");
    expect(exclusionReason(row({ alreadyReceived: true, candidate: { email: " " } }))).toBe("no-email");
  });

  test("an override lets an excluded person in, only for the company it was given for, never past do-not-contact", () => {
    const overridden = { tier: "EXCLUDED" as const, contactOverrideAt: new Date() };
    expect(exclusionReason(row(overridden))).toBeNull();
    expect(exclusionReason(row({ ...overridden, contactOverrideMatch: reason("Альфа"), tierReason: reason("АЛЬФА") }))).toBeNull();
    expect(exclusionReason(row({ ...overridden, contactOverrideMatch: reason("Альфа"), tierReason: reason("Бета") }))).toBe("excluded");
    expect(exclusionReason(row({ ...overridden, candidate: { doNotContact: true } }))).toBe("do-not-contact");
  });

  test("a merged row is never a person of the audience, even when it would otherwise qualify", () => {
    expect(exclusionReason(row({ candidate: { mergedIntoId: "x", doNotContact: true } }))).toBe("merged");
  });
});

describe("hasUsableEmail", () => {
  test.each([
    ["ivan@example.ru", true],
    [" ivan@example.ru ", true],
    ["hr@компания.рф", true],
    [null, false],
    ["", false],
    ["ivan", false],
    ["ivan@localhost", false],
    ["ivan @example.ru", false],
  ] as const)("%j → %s", (email, expected) => {
    expect(hasUsableEmail(email)).toBe(expected);
  });
});

describe("splitAudience", () => {
  test("splits into recipients and left-out people with reasons, counts by reason, and drops merged rows", () => {
    const rows = [
      row({ name: "in-1" }),
      row({ name: "quiet", candidate: { doNotContact: true } }),
      row({ name: "merged", candidate: { mergedIntoId: "in-1" } }),
      row({ name: "no-mail", candidate: { email: null } }),
      row({ name: "in-2", tier: "TARGET" }),
      row({ name: "no-mail-2", candidate: { email: "" } }),
      row({ name: "struck", tier: "EXCLUDED" }),
    ];
    const { recipients, leftOut, counts } = splitAudience(rows);
    expect(recipients.map((r) => r.name)).toEqual(["in-1", "in-2"]);
    expect(leftOut.map((l) => [l.row.name, l.reason])).toEqual([
      ["quiet", "do-not-contact"],
      ["no-mail", "no-email"],
      ["no-mail-2", "no-email"],
      ["struck", "excluded"],
    ]);
    expect(counts).toEqual({ "do-not-contact": 1, excluded: 1, "no-email": 2 });
    expect(Object.keys(counts)).toEqual(["do-not-contact", "excluded", "no-email"]);
  });

  test("an empty audience", () => {
    expect(splitAudience([])).toEqual({ recipients: [], leftOut: [], counts: {} });
  });
});

describe("audience schema", () => {
  test("a filter needs a stage; tiers, sources and tags default to no narrowing", () => {
    expect(AudienceSchema.parse({ mode: "filter", stages: ["SOURCED"] })).toEqual({ mode: "filter", stages: ["SOURCED"], tiers: [], sources: [], tags: [] });
    const noStage = AudienceSchema.safeParse({ mode: "filter", stages: [] });
    expect(noStage.success).toBe(false);
    expect(noStage.error?.issues[0]?.message).toBe("campaigns.errors.stageRequired");
    expect(AudienceSchema.safeParse({ mode: "filter", stages: ["NOPE"] }).success).toBe(false);
    expect(AudienceSchema.safeParse({ mode: "filter", stages: ["SOURCED"], tiers: ["GOLD"] }).success).toBe(false);
    expect(AudienceSchema.parse({ mode: "list" })).toEqual({ mode: "list" });
  });

  test("a stored audience the schema cannot read is the campaign's hand-built list (a bulk action's campaign is stored as {})", () => {
    expect(readAudience({})).toEqual({ mode: "list" });
    expect(readAudience(null)).toEqual({ mode: "list" });
    expect(readAudience({ mode: "filter", stages: ["CONTACTED"], tags: ["сильный"] })).toMatchObject({ mode: "filter", stages: ["CONTACTED"], tags: ["сильный"] });
  });
});

describe("exclusion counts", () => {
  test("count in the rule's order and read back only known reasons", () => {
    expect(countReasons(["no-email", "erased", "no-email"])).toEqual({ erased: 1, "no-email": 2 });
    expect(readExclusionCounts({ "no-email": 3, bogus: 2, excluded: -1, erased: "2" })).toEqual({ "no-email": 3 });
    expect(readExclusionCounts(null)).toEqual({});
  });
});
