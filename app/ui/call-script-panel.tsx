import { Link } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";

/** The vacancy's call script (or the general one), filled in for the candidate on the card. */
export function CallScriptPanel({ text, isDefault, vacancyId }: { text: string; isDefault: boolean; vacancyId: string }) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="call-script" data-testid="call-script">
      <div className="section-header">
        <h2 id="call-script">{t("calls.script.title")}</h2>
        <Link to={`/vacancies/${vacancyId}/edit`}>{t("calls.script.edit")}</Link>
      </div>
      {isDefault ? <p className="field-hint">{t("calls.script.default")}</p> : null}
      <div className="vacancy-description">{text}</div>
    </section>
  );
}
