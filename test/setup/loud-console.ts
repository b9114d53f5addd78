import { afterEach, vi } from "vitest";

// A stray console.error or console.warn fails the test that caused it, unless the
// test expects it (by spying on console itself), as in the Epic Stack.
const original = { error: console.error, warn: console.warn };
let complaints: string[] = [];

for (const level of ["error", "warn"] as const) {
  console[level] = (...args: unknown[]) => {
    complaints.push(`console.${level}: ${args.map(String).join(" ")}`);
    original[level](...args);
  };
}

afterEach(() => {
  const found = complaints;
  complaints = [];
  if (found.length && !vi.isMockFunction(console.error) && !vi.isMockFunction(console.warn)) {
    throw new Error(`Unexpected console output:\n${found.join("\n")}`);
  }
});
