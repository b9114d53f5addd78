import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect } from "@remix-run/node";
import { invariantResponse } from "~/utils/http";
import { ContactLogSchema } from "./contact-log";
import { ContactLogRefused, logContact } from "./contact-log.server";

/**
 * The candidate profile's "log a message" form (the route checks candidateEdit first):
 * saved and back to the timeline, or the form again with its errors next to the
 * fields and what was typed kept.
 */
export async function contactLogAction(input: { formData: FormData; actorId: string; candidateId: string }) {
  const { candidateId } = input;
  const submission = parseWithZod(input.formData, { schema: ContactLogSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  let logged: { id: string } | null;
  try {
    logged = await logContact({ actorId: input.actorId, candidateId, entry: submission.value });
  } catch (error) {
    if (!(error instanceof ContactLogRefused)) throw error;
    if (error.problem === "application") {
      return json(submission.reply({ fieldErrors: { applicationId: ["contactLog.errors.notTheirApplication"] } }), { status: 400 });
    }
    return json(submission.reply({ formErrors: ["contactLog.errors.erased"] }), { status: 409 });
  }
  invariantResponse(logged, "Candidate not found");
  // The saved row's id starts the form afresh (ContactLogForm keys on it).
  return redirect(`/candidates/${candidateId}?logged=${logged.id}#timeline`);
}
