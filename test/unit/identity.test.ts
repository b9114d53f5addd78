import { describe, expect, it } from "vitest";
import { isPhoneLike, normalizeEmail, normalizePhone, phoneProblem } from "~/sourcing/identity";

describe("normalizePhone", () => {
  it.each([
    // the three formats Russian boards and spreadsheets use
    ["8 (916) 123-45-67", "+79161234567"],
    ["+7 916 1234567", "+79161234567"],
    ["79161234567", "+79161234567"],
    ["9161234567", "+79161234567"],
    ["89161234567", "+79161234567"],
    ["+7 (916) 123-45-67", "+79161234567"],
    ["+7-916-123-45-67", "+79161234567"],
    ["8-916-123-45-67", "+79161234567"],
    ["8.916.123.45.67", "+79161234567"],
    ["  +7 916 123 45 67  ", "+79161234567"],
    ["(916) 123 45 67", "+79161234567"],
    ["+7(495)123-45-67", "+74951234567"],
    ["8 495 123 45 67", "+74951234567"],
    ["8 (343) 123-45-67", "+73431234567"],
    // foreign numbers keep their country
    ["+375 29 123-45-67", "+375291234567"],
    ["375291234567", "+375291234567"],
    ["+44 20 7946 0958", "+442079460958"],
    ["0044 20 7946 0958", "+442079460958"],
    ["+49 30 12345678", "+493012345678"],
    ["+7 701 123 45 67", "+77011234567"],
  ])("%j → %s", (raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
    expect(phoneProblem(raw)).toBeNull();
    expect(isPhoneLike(raw)).toBe(true);
  });

  it.each([
    ["нет", "notAPhone"],
    ["Нет", "notAPhone"],
    ["-", "notAPhone"],
    ["—", "notAPhone"],
    ["не указан", "notAPhone"],
    ["n/a", "notAPhone"],
    ["звоните в офис", "notAPhone"],
    ["8 916 ABC-45-67", "letters"],
    ["+7 916 123-45-67 Анна", "letters"],
    ["8 495 123-45-67 доб. 123", "extension"],
    ["+7 495 123 45 67 ext 12", "extension"],
    ["8 916 123-45-67, 8 926 765-43-21", "several"],
    ["8 916 123-45-67; 8 926 765-43-21", "several"],
    ["123", "tooShort"],
    ["123-45-67", "tooShort"],
    ["8 916 123 45", "tooShort"],
    ["+7 916 123 45 67 8 926 765 43 21", "tooLong"],
    ["+7 123 456 78 90", "invalid"],
    ["0000000000", "invalid"],
    ["+999 1234567890", "invalid"],
  ])("%j is refused as %s", (raw, problem) => {
    expect(normalizePhone(raw)).toBeNull();
    expect(isPhoneLike(raw)).toBe(false);
    expect(phoneProblem(raw)).toBe(`companies.phone.${problem}|value=${raw.trim()}`);
  });

  it("treats no value as no problem", () => {
    for (const empty of ["", "   ", null, undefined]) {
      expect(normalizePhone(empty)).toBeNull();
      expect(phoneProblem(empty)).toBeNull();
    }
  });

  it("keeps the key's parameter separators out of the value", () => {
    expect(phoneProblem("нет|x=1")).toBe("companies.phone.letters|value=нет x 1");
  });
});

describe("normalizeEmail", () => {
  it.each([
    [" Anna.K@Mail.RU ", "anna.k@mail.ru"],
    ["IVANOV@YANDEX.RU", "ivanov@yandex.ru"],
    ["mailto:petrov@gmail.com", "petrov@gmail.com"],
    ["ivan+hh@example.co.uk", "ivan+hh@example.co.uk"],
  ])("%j → %s", (raw, expected) => {
    expect(normalizeEmail(raw)).toBe(expected);
  });

  it.each(["нет", "-", "", "   ", "ivanov", "ivanov@", "@mail.ru", "ivanov@mail", "ivanov@mail.r", "two words@mail.ru", "a@b@mail.ru", "ivanov@mail..ru", "Иванов <ivanov@mail.ru>"])(
    "%j is not an address",
    (raw) => {
      expect(normalizeEmail(raw)).toBeNull();
    },
  );

  it("accepts no value", () => {
    expect(normalizeEmail(null)).toBeNull();
    expect(normalizeEmail(undefined)).toBeNull();
  });
});
