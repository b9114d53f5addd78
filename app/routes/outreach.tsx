import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { requireAccess } from "~/auth/session.server";
import { OutreachNav } from "~/ui/campaign-nav";

/**
 * The outreach area: its pages (the step list at /outreach, campaigns, templates, the
 * call list) share this guard and the section links above them.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireAccess(request, "outreach");
  return json({});
}

export default function OutreachLayout() {
  return (
    <>
      <OutreachNav />
      <Outlet />
    </>
  );
}
