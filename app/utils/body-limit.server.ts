/**
 * Reading a request body no larger than a limit. The Content-Length a client declares
 * is checked first; the bytes are counted too, since a chunked body declares none
 * (and a declared length may be a lie). Reading stops at the first byte over.
 */

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`Request body larger than ${limit} bytes`);
    this.name = "BodyTooLarge";
  }
}

async function readLimited(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("Content-Length") ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLarge(limit);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLarge(limit);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

/**
 * The request's form fields, read with a size limit (throws BodyTooLarge). A body
 * that is not a form (wrong or missing content type, broken multipart) reads as an
 * empty form, which the page's schema then refuses field by field.
 */
export async function readFormData(request: Request, limit: number): Promise<FormData> {
  const body = await readLimited(request, limit);
  const contentType = request.headers.get("Content-Type") ?? "";
  try {
    return await new Request(request.url, { method: "POST", headers: { "Content-Type": contentType }, body }).formData();
  } catch {
    return new FormData();
  }
}
