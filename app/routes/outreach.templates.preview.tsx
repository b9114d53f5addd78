import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { requireAccess } from "~/auth/session.server";
import { PreviewRequestSchema } from "~/outreach/template-form";
import { previewCandidates, previewTemplate } from "~/outreach/template-preview.server";

/**
 * The template editor's live preview (a resource route: no page). GET lists a
 * vacancy's first candidates, optionally matching ?q=; POST renders the template as
 * typed with one candidate's data. It renders only: nothing is queued or sent.
 */

const ID = /^[a-z0-9-]{1,60}$/i;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAccess(request, "outreach");
  const params = new URL(request.url).searchParams;
  const vacancyId = params.get("vacancy") ?? "";
  if (!ID.test(vacancyId)) return json({ candidates: [] });
  return json({ candidates: await previewCandidates({ vacancyId, q: params.get("q")?.slice(0, 100) }) });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAccess(request, "outreach");
  const form = await request.formData();
  const fields = Object.fromEntries([...form].filter(([, value]) => typeof value === "string" && value !== ""));
  const parsed = PreviewRequestSchema.safeParse(fields);
  if (!parsed.success) return json({ status: "invalid" as const }, { status: 400 });
  return json(await previewTemplate(parsed.data));
}
