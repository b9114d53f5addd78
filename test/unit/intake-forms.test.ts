import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, test } from "vitest";
import { parseMonth, parseRoubles, textLines } from "~/sourcing/form-fields";
import { APPLY_FIELDS, applyRecord, ApplyFormSchema, MANUAL_FIELDS, manualRecord, ManualEntrySchema, submittedFields } from "~/sourcing/intake";
import { CandidateRecordSchema } from "~/sourcing/record";

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

const person = { lastName: "Иванов", firstName: "Пётр", email: "petr@mail.test", phone: "8 (916) 123-45-67" };
const VERSION = "ab".repeat(32);

describe("form fields", () => {
  test("roubles as people type them, whole roubles only", () => {
    expect(parseRoubles("150000")).toBe(150_000);
    expect(parseRoubles("150 000")).toBe(150_000);
    expect(parseRoubles("150\u00a0000 ₽")).toBe(150_000);
    expect(parseRoubles("1\u202f200\u202f000 руб.")).toBe(1_200_000);
    for (const bad of ["150 000,50", "150.5", "-5", "сто тысяч", "1e6", "", "999999999"]) expect(parseRoubles(bad)).toBeNull();
  });

  test("months as an input sends them and as Russians write them", () => {
    expect(parseMonth("2021-03")).toBe("2021-03-01");
    expect(parseMonth("03.2021")).toBe("2021-03-01");
    expect(parseMonth("3/2021")).toBe("2021-03-01");
    for (const bad of ["13.2021", "2021", "март 2021", "00.2021", "03.1900"]) expect(parseMonth(bad)).toBeNull();
  });

  test("textarea lines are trimmed, squeezed and empty ones dropped", () => {
    expect(textLines("  ООО  «Ромашка» \r\n\n  Гидромаш\n   ")).toEqual(["ООО «Ромашка»", "Гидромаш"]);
    expect(textLines(undefined)).toEqual([]);
  });
});

describe("the apply form", () => {
  test("becomes an inbound record with consent to one vacancy and text version, jobs and the declared fields", () => {
    const data = form({
      ...person,
      consent: "on",
      consentVersion: VERSION,
      relocation: "on",
      salaryExpectationRub: "180 000",
      "jobs[0].companyName": "ООО «Гидромаш»",
      "jobs[0].title": "Менеджер по ключевым клиентам",
      "jobs[0].from": "03.2021",
      "jobs[1].companyName": "",
      website: "",
    });
    const submission = parseWithZod(data, { schema: ApplyFormSchema });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    const at = new Date("2026-02-01T10:00:00Z");
    expect(submission.value.consentVersion).toBe(VERSION);
    const consent = { at, text: "Согласие", textSha256: VERSION, locale: "ru", vacancyId: "vacancy-1" };
    const record = CandidateRecordSchema.parse(applyRecord(submission.value, consent, submittedFields(data, APPLY_FIELDS)));
    expect(record).toMatchObject({
      source: "INBOUND",
      channel: "FORM",
      adapter: "apply-page",
      lastName: "Иванов",
      relocation: true,
      salaryExpectationRub: 180_000,
      consentAt: at.toISOString(),
      consentText: "Согласие",
      workHistory: [{ companyName: "ООО «Гидромаш»", title: "Менеджер по ключевым клиентам", startedOn: "2021-03-01", endedOn: null }],
    });
    expect(record.raw).toEqual({
      ...person,
      consent: "on",
      relocation: "on",
      salaryExpectationRub: "180 000",
      "jobs[0].companyName": "ООО «Гидромаш»",
      "jobs[0].title": "Менеджер по ключевым клиентам",
      "jobs[0].from": "03.2021",
      consentShown: { vacancyId: "vacancy-1", textSha256: VERSION, locale: "ru" },
    });
  });

  test("only declared fields are kept, each no longer than a field takes", () => {
    const data = form({ ...person, consent: "on", consentVersion: VERSION, website: "http://spam", junk: "x".repeat(250_000), "jobs[7].title": "KAM", __rvt: "1" });
    expect(Object.keys(submittedFields(data, APPLY_FIELDS)).sort()).toEqual(["consent", "email", "firstName", "lastName", "phone"]);
    data.append("middleName", `Ива${"н".repeat(5_000)}`);
    expect(submittedFields(data, APPLY_FIELDS).middleName).toHaveLength(500);
    // Manual entry declares its own extra fields; the apply page does not take them.
    const manual = form({ ...person, kind: "REFERRAL", referrerName: "Анна", department: "Продажи", "jobs[2].to": "05.2020" });
    expect(Object.keys(submittedFields(manual, MANUAL_FIELDS))).toEqual(expect.arrayContaining(["kind", "referrerName", "department", "jobs[2].to"]));
    expect(Object.keys(submittedFields(manual, APPLY_FIELDS))).not.toEqual(expect.arrayContaining(["kind"]));
  });

  test("consent without the version of the text it was given to is refused on the consent box", () => {
    for (const consentVersion of [undefined, "", "not-a-hash", "AB".repeat(32)]) {
      const submission = parseWithZod(form({ ...person, consent: "on", ...(consentVersion === undefined ? {} : { consentVersion }) }), { schema: ApplyFormSchema });
      expect(submission.reply().error).toEqual({ consent: ["intake.errors.consentChanged"] });
    }
  });

  test("every problem is reported on its own field", () => {
    const submission = parseWithZod(
      form({
        lastName: "Иванов",
        email: "не почта",
        phone: "нет",
        salaryExpectationRub: "много",
        "jobs[0].companyName": "Гидромаш",
        "jobs[0].from": "05.2022",
        "jobs[0].to": "01.2020",
        "jobs[1].from": "12.2099",
        "jobs[1].companyName": "Альфа",
        "jobs[1].title": "KAM",
      }),
      { schema: ApplyFormSchema },
    );
    expect(submission.reply().error).toEqual({
      firstName: ["validation.required"],
      email: ["validation.email"],
      phone: ["companies.phone.notAPhone|value=нет"],
      salaryExpectationRub: ["vacancyEditor.errors.roubles"],
      "jobs[0].title": ["validation.required"],
      "jobs[0].to": ["intake.errors.endBeforeStart"],
      "jobs[1].from": ["intake.errors.future"],
      consent: ["intake.errors.consentRequired"],
    });
  });
});

describe("manual entry", () => {
  test("a referral needs who referred and how to reach them; one contact is enough", () => {
    const missing = parseWithZod(form({ kind: "REFERRAL", lastName: "Иванов", firstName: "Пётр", consent: "on" }), {
      schema: ManualEntrySchema,
    });
    expect(missing.reply().error).toEqual({
      email: ["intake.errors.contactRequired"],
      referrerName: ["validation.required"],
      referrerContact: ["validation.required"],
    });
    const ok = parseWithZod(
      form({ kind: "REFERRAL", lastName: "Иванов", firstName: "Пётр", phone: "+7 916 123 45 67", referrerName: "Анна", referrerContact: "anna@x.ru", consent: "on" }),
      { schema: ManualEntrySchema },
    );
    expect(ok.status).toBe("success");
    if (ok.status !== "success") return;
    const record = CandidateRecordSchema.parse(manualRecord(ok.value, { at: new Date(), text: "Согласие" }, "Рекомендация: Анна", {}));
    expect(record).toMatchObject({ source: "REFERRAL", channel: "FORM", adapter: "manual-form", email: null, note: "Рекомендация: Анна" });
  });

  test("an internal employee needs a department and position but no consent box; others need the box", () => {
    const internal = parseWithZod(form({ kind: "INTERNAL", ...person }), { schema: ManualEntrySchema });
    expect(internal.reply().error).toEqual({ department: ["validation.required"], currentTitle: ["validation.required"] });
    const manual = parseWithZod(form({ kind: "MANUAL", ...person }), { schema: ManualEntrySchema });
    expect(manual.reply().error).toEqual({ consent: ["intake.errors.consentRequired"] });
    const unknown = parseWithZod(form({ kind: "FRIEND", ...person, consent: "on" }), { schema: ManualEntrySchema });
    expect(unknown.reply().error).toMatchObject({ kind: ["validation.invalidChoice"] });
  });
});
