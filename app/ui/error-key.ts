/**
 * Validation errors travel as i18n keys, optionally with parameters encoded as
 * "validation.tooLong|max=200" (Conform keeps errors as plain strings). Pure and
 * client-safe so forms and tests share it.
 */
export function parseErrorKey(encoded: string): { key: string; params: Record<string, string> } {
  const [key = "", ...pairs] = encoded.split("|");
  const params: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf("=");
    if (at > 0) params[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return { key, params };
}

export function translateError(
  t: (key: string, params?: Record<string, string>) => string,
  encoded: string,
): string {
  const { key, params } = parseErrorKey(encoded);
  return t(key, params);
}
