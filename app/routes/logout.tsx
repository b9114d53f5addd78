import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { destroyUserSession } from "~/auth/session.server";

// Sign-out is a POST (a form in the header), so a link or prefetch cannot sign anyone out.
export async function action({ request }: ActionFunctionArgs) {
  return destroyUserSession(request);
}

export async function loader() {
  return redirect("/");
}
