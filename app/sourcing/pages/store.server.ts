export async function storeCrawl(_: unknown): Promise<{ ok: boolean; message: string }> {
  return { ok: false, message: "not yet" };
}
