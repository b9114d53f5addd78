import { type LoaderFunctionArgs } from "@remix-run/node";
import { getOptionalUser, requestLocale } from "~/auth/session.server";
import { ICS_CONTENT_TYPE, ICS_FILENAME } from "~/interviews/ics";
import { rsvpCalendar } from "~/interviews/rsvp.server";

/**
 * The calendar file of a candidate's interview place (/rsvp/<token>/calendar), the
 * same event as the letter's attachment: public, the token is the key. 404 when the
 * token opens no place in a session, 410 once the session is over.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  // Public by design: what the token opens is all there is.
  const file = await rsvpCalendar(params.token ?? "", requestLocale(request, await getOptionalUser(request)));
  if (file.status === "not-found") throw new Response("Not found", { status: 404, statusText: "Not found" });
  if (file.status === "gone") throw new Response("Gone", { status: 410, statusText: "Gone" });
  return new Response(file.content, {
    headers: {
      "Content-Type": ICS_CONTENT_TYPE,
      "Content-Disposition": `attachment; filename="${ICS_FILENAME}"`,
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}
