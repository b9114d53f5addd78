import { type z } from "zod";

/**
 * A list page's filters read from its query string, pure and client-safe. Each field
 * stands alone: one that makes no sense is dropped (the list still answers) and
 * reported as its i18n key, so a hand-edited link never ends in an error page.
 * "page" is dropped silently.
 */
export function parseQueryFilters<S extends z.ZodObject>(
  schema: S,
  params: URLSearchParams,
): { value: Partial<z.output<S>>; errors: Partial<Record<keyof z.input<S>, string>> } {
  const input: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = params.get(key);
    if (value?.trim()) input[key] = value;
  }
  const errors: Partial<Record<keyof z.input<S>, string>> = {};
  let parsed = schema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof z.input<S> & string;
      if (field !== "page") errors[field] ??= issue.message;
      delete input[field];
    }
    parsed = schema.safeParse(input);
  }
  return { value: (parsed.success ? parsed.data : {}) as Partial<z.output<S>>, errors };
}
