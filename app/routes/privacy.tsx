import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getOptionalUser, requestLocale } from "~/auth/session.server";
import { privacyPolicy } from "~/questionnaires/consent.server";
import styles from "~/styles/questionnaire-form.css";
import { pageTitle } from "~/ui/i18n-instance";
import { useTranslation } from "~/ui/use-translation";

/**
 * The privacy policy candidates consent to (the questionnaire links to it): public,
 * in the visitor's language, with the version of its text, which the consent quotes.
 */
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "questionnaireForm.privacy.title");

export async function loader({ request }: LoaderFunctionArgs) {
  // Public by design: candidates read it before they consent, without an account.
  return json(privacyPolicy(requestLocale(request, await getOptionalUser(request))));
}

export default function PrivacyPage() {
  const policy = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <article className="qf card privacy-policy">
      <h1>{policy.title}</h1>
      <p className="muted">{t("questionnaireForm.privacy.version", { version: policy.version })}</p>
      <p>{policy.intro}</p>
      {policy.sections.map((section) => (
        <section key={section.key} aria-labelledby={`privacy-${section.key}`}>
          <h2 id={`privacy-${section.key}`}>{section.title}</h2>
          <p>{section.body}</p>
        </section>
      ))}
    </article>
  );
}
