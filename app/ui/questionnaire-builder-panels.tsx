import { Form, Link } from "@remix-run/react";
import { useId, useRef, useState } from "react";
import { type EditorActionData } from "~/questionnaires/builder-form";
import { useTranslation } from "~/ui/use-translation";
import { Badge } from "./badges";
import { DateText, NumberText } from "./dates";
import { Button, SelectField } from "./form";
import { Section } from "./page";

/** The editor's side panels: the versions, and the vacancies using the questionnaire. */

export type VersionRow = { id: string; version: number; createdAt: string; author: string | null; responses: number };

export function VersionsTable({ questionnaireId, versions }: { questionnaireId: string; versions: VersionRow[] }) {
  const { t } = useTranslation();
  return (
    <Section id="versions" title={t("questionnaireBuilder.versions.title")}>
      <p className="field-hint">{t("questionnaireBuilder.versions.intro")}</p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("questionnaireBuilder.versions.version")}</th>
              <th scope="col">{t("questionnaireBuilder.versions.created")}</th>
              <th scope="col">{t("questionnaireBuilder.versions.author")}</th>
              <th scope="col" className="num">
                {t("questionnaireBuilder.versions.responses")}
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v, index) => (
              <tr key={v.id} data-version={v.version}>
                <th scope="row">
                  <Link to={`/questionnaires/library/${questionnaireId}/versions/${v.version}`} aria-label={t("questionnaireBuilder.versions.view", { version: v.version })}>
                    {v.version}
                  </Link>{" "}
                  {index === 0 ? <Badge tone="good">{t("questionnaireBuilder.versions.current")}</Badge> : null}
                </th>
                <td>
                  <DateText value={v.createdAt} withTime />
                </td>
                <td>{v.author ?? "—"}</td>
                <td className="num">
                  <NumberText value={v.responses} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

/** A link to copy: selected on focus, and a button that puts it on the clipboard. */
function CopyLink({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  // Without clipboard access (plain http, a refusal) the link is selected for Ctrl+C instead.
  const copy = () => {
    const select = () => input.current?.select();
    if (!navigator.clipboard) return select();
    navigator.clipboard.writeText(value).then(() => setCopied(true), select);
  };
  return (
    <div className="field">
      <label htmlFor={id} className="field-hint">
        {label}
      </label>
      <span style={{ display: "flex", gap: "0.5rem" }}>
        <input ref={input} id={id} type="text" readOnly value={value} onFocus={(e) => e.currentTarget.select()} style={{ flex: 1 }} data-open-link />
        <Button type="button" variant="secondary" size="small" onClick={copy}>
          {copied ? t("questionnaireBuilder.assign.copied") : t("questionnaireBuilder.assign.copy")}
        </Button>
      </span>
    </div>
  );
}

export type AssignedVacancy = { id: string; title: string; city: string; openUrl: string };
export type VacancyOption = { id: string; title: string; city: string; current: string | null };

export function AssignPanel({
  assigned,
  options,
  actionData,
  canBuild,
}: {
  assigned: AssignedVacancy[];
  options: VacancyOption[];
  actionData: EditorActionData | undefined;
  canBuild: boolean;
}) {
  const { t } = useTranslation();
  const refused = actionData?.intent === "assign" ? actionData : undefined;
  return (
    <Section id="vacancies" title={t("questionnaireBuilder.assign.title")}>
      {assigned.length === 0 ? <p className="muted">{t("questionnaireBuilder.assign.none")}</p> : null}
      <ul className="qb-assigned">
        {assigned.map((v) => (
          <li key={v.id} data-assigned={v.id}>
            <div className="section-header">
              <Link to={`/vacancies/${v.id}`}>
                {v.title} · {v.city}
              </Link>
              {canBuild ? (
                <Form method="post">
                  <input type="hidden" name="vacancyId" value={v.id} />
                  <Button type="submit" name="intent" value="unassign" variant="ghost" size="small" aria-label={t("questionnaireBuilder.assign.unassignLabel", { title: v.title })}>
                    {t("questionnaireBuilder.assign.unassign")}
                  </Button>
                </Form>
              ) : null}
            </div>
            <CopyLink value={v.openUrl} label={t("questionnaireBuilder.assign.openLink")} />
          </li>
        ))}
      </ul>
      {assigned.length ? <p className="field-hint">{t("questionnaireBuilder.assign.openLinkHint")}</p> : null}
      {canBuild ? (
        options.length ? (
          <Form method="post" className="filters filters-hinted">
            <SelectField
              className="field-grow"
              label={t("questionnaireBuilder.assign.vacancy")}
              placeholder={t("questionnaireBuilder.assign.choose")}
              hint={t("questionnaireBuilder.assign.hint")}
              options={options.map((v) => ({
                value: v.id,
                label: `${v.title} · ${v.city}${v.current ? ` (${t("questionnaireBuilder.assign.replaces", { name: v.current })})` : ""}`,
              }))}
              errors={refused ? [refused.error] : undefined}
              selectProps={{ name: "vacancyId", defaultValue: refused?.vacancyId ?? "", required: true }}
            />
            <Button type="submit" name="intent" value="assign" variant="secondary">
              {t("questionnaireBuilder.assign.assign")}
            </Button>
          </Form>
        ) : (
          <p className="muted">{t("questionnaireBuilder.assign.noOptions")}</p>
        )
      ) : null}
    </Section>
  );
}
