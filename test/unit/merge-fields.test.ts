import { describe, expect, test } from "vitest";
import { en } from "~/i18n/sections/templates";
import { ru } from "~/i18n/sections/templates";
import { fieldsForKind, isCandidateFacing, isMergeField, LINK_FIELDS, MERGE_FIELDS, TEMPLATE_KINDS } from "~/outreach/merge-fields";

describe("merge fields by kind of message", () => {
  test("every kind offers only known fields, each once", () => {
    for (const kind of TEMPLATE_KINDS) {
      const fields = fieldsForKind(kind);
      expect(fields.every((f) => MERGE_FIELDS.includes(f))).toBe(true);
      expect(new Set(fields).size).toBe(fields.length);
    }
  });

  test("interview time and place only in interview invitations and reminders", () => {
    const withTime = TEMPLATE_KINDS.filter((k) => fieldsForKind(k).includes("interviewTime"));
    expect(withTime).toEqual(["INTERVIEW_INVITATION", "REMINDER"]);
    expect(TEMPLATE_KINDS.filter((k) => fieldsForKind(k).includes("interviewPlace"))).toEqual(withTime);
    expect(TEMPLATE_KINDS.filter((k) => fieldsForKind(k).includes("rsvpLink"))).toEqual(withTime);
  });

  test("the questionnaire link in the selling letter, the questionnaire invitation and reminders", () => {
    expect(TEMPLATE_KINDS.filter((k) => fieldsForKind(k).includes("questionnaireLink"))).toEqual([
      "SELLING_LETTER",
      "QUESTIONNAIRE_INVITATION",
      "REMINDER",
    ]);
  });

  test("a client notice has the client, the new manager and our company, and nothing about candidates", () => {
    expect([...fieldsForKind("CLIENT_NOTICE")].sort()).toEqual(["clientName", "companyName", "newManagerName"]);
    expect(TEMPLATE_KINDS.filter((k) => fieldsForKind(k).includes("clientName"))).toEqual(["CLIENT_NOTICE"]);
    expect(TEMPLATE_KINDS.filter((k) => fieldsForKind(k).includes("newManagerName"))).toEqual(["CLIENT_NOTICE"]);
    expect(isCandidateFacing("CLIENT_NOTICE")).toBe(false);
  });

  test("every letter to a candidate may name the candidate and place the unsubscribe link", () => {
    for (const kind of TEMPLATE_KINDS.filter(isCandidateFacing)) {
      expect(fieldsForKind(kind)).toEqual(expect.arrayContaining(["firstName", "lastName", "fullName", "vacancyTitle", "unsubscribeLink"]));
    }
    expect(fieldsForKind("CLIENT_NOTICE")).not.toContain("unsubscribeLink");
  });

  test("link fields are fields; names are recognised exactly", () => {
    expect(LINK_FIELDS.every(isMergeField)).toBe(true);
    expect(isMergeField("firstName")).toBe(true);
    expect(isMergeField("firstname")).toBe(false);
    expect(isMergeField("toString")).toBe(false);
  });

  test("every field and kind has a label in both languages", () => {
    for (const dictionary of [ru, en]) {
      for (const field of MERGE_FIELDS) expect(dictionary.mergeFields.names[field]).toBeTruthy();
      for (const kind of TEMPLATE_KINDS) expect(dictionary.kinds[kind]).toBeTruthy();
    }
  });
});
