/// <reference types="vite/client" />
import { expect, test } from "vitest";
import { createUser, formRequest, getRequest, respond, sessionCookie } from "../factories";

/**
 * Every loader and action is guarded on the server, including routes added later:
 * this walks all route modules instead of a hand-kept list.
 */
type Handler = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;
type RouteModule = { loader?: Handler; action?: Handler };

const modules = import.meta.glob<RouteModule>("../../app/routes/*.tsx");
// Sign-in, sign-out, the language switch, the candidates' apply page, the unsubscribe link, the questionnaire
// links (personal and open) and the privacy policy work without an account by design.
const PUBLIC = new Set([
  "login.tsx",
  "logout.tsx",
  "settings.language.tsx",
  "apply.$id.tsx",
  "u.$token.tsx",
  "q.$token.tsx",
  "q.open.$vacancyId.tsx",
  "rsvp.$token.tsx", "rsvp.$token.calendar.tsx",
  "privacy.tsx",
]);
const params = { id: "no-such-id" };
const context = { clientIp: "127.0.0.1" };

const guarded = Object.entries(modules).filter(([file]) => !PUBLIC.has(file.split("/").pop()!));

test("there are guarded routes to check", () => {
  expect(guarded.length).toBeGreaterThan(10);
});

for (const [file, load] of guarded) {
  const name = file.split("/").pop()!;
  test(`${name}: without a session, every loader and action sends to sign-in`, async () => {
    const mod = await load();
    const handlers = [
      ["loader", mod.loader, getRequest("/some/page")],
      ["action", mod.action, formRequest("/some/page", { intent: "anything" })],
    ] as const;
    let checked = 0;
    for (const [, handler, request] of handlers) {
      if (!handler) continue;
      const response = await respond(() => handler({ request, params, context }));
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toMatch(/^\/login/);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(0);
  });
}

test("a hiring manager is refused the admin and outbox routes, loaders and actions alike", async () => {
  const manager = await createUser({ roles: ["HIRING_MANAGER"] });
  const cookie = await sessionCookie(manager.id);
  const restricted = guarded.filter(([file]) => /\/(admin|outbox)\./.test(file));
  expect(restricted.length).toBeGreaterThanOrEqual(4);
  for (const [, load] of restricted) {
    const mod = await load();
    if (mod.loader) expect((await respond(() => mod.loader!({ request: getRequest("/x", cookie), params, context }))).status).toBe(403);
    if (mod.action) expect((await respond(() => mod.action!({ request: formRequest("/x", {}, cookie), params, context }))).status).toBe(403);
  }
});
