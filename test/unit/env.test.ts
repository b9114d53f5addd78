import { describe, expect, test } from "vitest";
import { safeRedirect } from "~/auth/session.server";
import { parseEnv } from "~/utils/env.server";

describe("parseEnv", () => {
  test("everything is optional, with the single-machine defaults", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env).toMatchObject({ PORT: 3000, HOST: "127.0.0.1", RUN_WORKER: true, SEED_DEMO: true });
  });

  test("empty strings count as unset", () => {
    const env = parseEnv({ DATABASE_URL: "", SMTP_URL: "" });
    expect([env.DATABASE_URL, env.SMTP_URL]).toEqual([undefined, undefined]);
  });

  test("a wrong value stops start-up with a message naming the variable", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x", PORT: "http", SESSION_SECRET: "short" })).toThrow(
      /DATABASE_URL: must be a postgresql:\/\/ URL[\s\S]*PORT[\s\S]*SESSION_SECRET: must be at least 32 characters/,
    );
    expect(() => parseEnv({ RUN_WORKER: "maybe" })).toThrow(/RUN_WORKER/);
  });

  test("flags read the usual spellings", () => {
    expect(parseEnv({ RUN_WORKER: "0", SEED_DEMO: "no" })).toMatchObject({ RUN_WORKER: false, SEED_DEMO: false });
    expect(parseEnv({ RUN_WORKER: "yes", SEED_DEMO: "1" })).toMatchObject({ RUN_WORKER: true, SEED_DEMO: true });
  });
});

describe("safeRedirect", () => {
  test.each([
    ["/candidates?page=2", "/candidates?page=2"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["https://evil.example", "/"],
    ["", "/"],
    [undefined, "/"],
  ])("%s → %s", (input, expected) => {
    expect(safeRedirect(input)).toBe(expected);
  });
});
