import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { cookiesAreSecure, getOptionalUser, safeRedirect } from "~/auth/session.server";
import { setUserLocale } from "~/auth/users.server";
import { isLocale } from "~/i18n/i18n";
import { localeCookieHeader } from "~/utils/http";

/**
 * The language switch posts here. Signed-in users get it remembered on their
 * account (so it follows them to any device); visitors on the sign-in page, who
 * have no account yet, get a cookie. Nothing here needs a role, which is why it
 * reads the optional user instead of using requireAccess.
 */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const locale = form.get("locale");
  const redirectTo = safeRedirect(form.get("redirectTo"));
  if (!isLocale(locale)) return redirect(redirectTo);
  const user = await getOptionalUser(request);
  if (user) {
    await setUserLocale(user.id, locale);
    return redirect(redirectTo);
  }
  return redirect(redirectTo, { headers: { "Set-Cookie": localeCookieHeader(locale, cookiesAreSecure()) } });
}
