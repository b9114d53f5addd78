import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, useActionData, useLoaderData, useParams, useRouteError } from "@remix-run/react";
import { RsvpSchema } from "~/interviews/rsvp";
import { rsvpConfirm, rsvpDecline, rsvpMove, type RsvpOutcome, rsvpView, rsvpWaitlist } from "~/interviews/rsvp.server";
import styles from "~/styles/rsvp.css";
import { dataTitle } from "~/ui/i18n-instance";
import { RSVP_DONE, RSVP_PROBLEMS, type RsvpDone, RsvpNotice, RsvpPage, type RsvpProblem } from "~/ui/interview-rsvp";
import { ErrorPage } from "~/ui/page";
import { useTranslation } from "~/ui/use-translation";
import { invariantResponse } from "~/utils/http";

/**
 * A candidate's interview invitation (/rsvp/<token>): public, the token is the key
 * (only its hash is stored). It shows the session and takes the answer: confirm, wait
 * for a place, another time, decline. A token that opens nothing is 404; a session that
 * is over is 410. Answers redirect back with ?done=… so a reload sends nothing twice.
 */
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  ...dataTitle(matches, data?.vacancy.title, "interviewInvitations.rsvp.title"),
  { name: "robots", content: "noindex" },
];

const pagePath = (token: string) => `/rsvp/${encodeURIComponent(token)}`;

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Public by design (candidates never sign in): what the token opens is all there is.
  const view = await rsvpView(params.token ?? "");
  invariantResponse(view.status !== "not-found", "Not found");
  if (view.status === "gone") return json({ state: "gone" as const, vacancy: { title: view.vacancyTitle } }, { status: 410 });
  const done = new URL(request.url).searchParams.get("done");
  const { status: _status, ...page } = view;
  return json({ state: "open" as const, ...page, done: (RSVP_DONE as readonly string[]).includes(done ?? "") ? (done as RsvpDone) : null });
}

const DONE: Partial<Record<RsvpOutcome, RsvpDone>> = { confirmed: "confirmed", "already-confirmed": "confirmed", moved: "moved", declined: "declined", waitlisted: "waitlisted" };

export async function action({ request, params }: ActionFunctionArgs) {
  // Public by design: the token is the key, and every answer checks the invitation under its lock.
  const token = params.token ?? "";
  const submission = parseWithZod(await request.formData(), { schema: RsvpSchema });
  if (submission.status !== "success") return json({ lastResult: submission.reply(), problem: null }, { status: 400 });
  const answer = submission.value;
  const outcome =
    answer.intent === "confirm"
      ? await rsvpConfirm(token)
      : answer.intent === "waitlist"
        ? await rsvpWaitlist(token)
        : answer.intent === "move"
          ? await rsvpMove(token, answer.sessionId)
          : await rsvpDecline(token, answer.note);
  if (outcome === "not-found") throw new Response("Not found", { status: 404, statusText: "Not found" });
  if (outcome === "gone") return redirect(pagePath(token));
  const done = DONE[outcome];
  if (done) return redirect(`${pagePath(token)}?done=${done}`);
  const problem = (RSVP_PROBLEMS as readonly string[]).includes(outcome) ? (outcome as RsvpProblem) : "not-allowed";
  return json({ lastResult: submission.reply(), problem }, { status: 409 });
}

export default function RsvpRoute() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { token = "" } = useParams();
  const { t } = useTranslation();
  if (data.state === "gone") {
    return (
      <div className="rsvp">
        <RsvpNotice title={t("interviewInvitations.rsvp.goneTitle")} message={t("interviewInvitations.rsvp.gone", { title: data.vacancy.title })} />
      </div>
    );
  }
  return (
    <RsvpPage
      data={data}
      calendarHref={`${pagePath(token)}/calendar`}
      done={actionData ? null : data.done}
      problem={actionData?.problem ?? null}
      lastResult={actionData?.lastResult}
    />
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, message] = status === 404 ? [t("interviewInvitations.rsvp.notFoundTitle"), t("interviewInvitations.rsvp.notFound")] : [t("errors.unexpectedTitle"), t("errors.unexpected")];
  return <ErrorPage status={status} title={title} message={message} />;
}
