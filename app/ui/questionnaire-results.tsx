import { Form, Link, useSearchParams } from "@remix-run/react";
import { type Rate, type SourceRate } from "~/questionnaires/completion";
import { type ShortlistFilterErrors, type ShortlistFilters, VERDICT_FILTERS } from "~/questionnaires/shortlist-filters";
import { type RejectReport } from "~/questionnaires/shortlist-form";
import { SOURCES } from "~/sourcing/record";
import { TIERS } from "~/sourcing/tiers";
import { useTranslation } from "~/ui/use-translation";
import { DateText, NumberText, Percent } from "./dates";
import { Button, Field, SelectField } from "./form";
import { EmptyState, Section } from "./page";
import { CandidateLink, type PersonName } from "./person";

/** The questionnaire results page's parts: completion, who has not answered, the shortlist's filters, the result notice. */

const RATE_KEYS = ["invited", "answered", "passed", "knockedOut"] as const;

export function CompletionSection({ total, bySource }: { total: Rate; bySource: readonly SourceRate[] }) {
  const { t } = useTranslation();
  return (
    <Section id="completion" title={t("questionnaireResults.completion.title")}>
      <ul className="stats" aria-label={t("questionnaireResults.completion.title")} data-completion="">
        {RATE_KEYS.map((key) => (
          <li key={key} className="stat">
            <span className="stat-value">
              <NumberText value={total[key]} />
            </span>
            <span className="stat-label">{t(`questionnaireResults.completion.${key}`)}</span>
          </li>
        ))}
        <li className="stat">
          <span className="stat-value" data-rate="">
            <Percent value={total.rate} />
          </span>
          <span className="stat-label">{t("questionnaireResults.completion.rate")}</span>
        </li>
      </ul>
      <p className="muted">
        {t("questionnaireResults.completion.explain")}{" "}
        {total.viaOpenLink ? t("questionnaireResults.completion.viaOpenLink", { count: total.viaOpenLink }) : null}
      </p>
      {bySource.length ? (
        <div className="table-wrap">
          <table className="table">
            <caption>{t("questionnaireResults.completion.bySource")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("questionnaireResults.columns.source")}</th>
                {RATE_KEYS.map((key) => (
                  <th key={key} scope="col" className="num">
                    {t(`questionnaireResults.completion.${key}`)}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t("questionnaireResults.completion.rate")}
                </th>
              </tr>
            </thead>
            <tbody>
              {bySource.map((row) => (
                <tr key={row.source} data-source={row.source}>
                  <th scope="row">{t(`sources.${row.source}`)}</th>
                  {RATE_KEYS.map((key) => (
                    <td key={key} className="num">
                      <NumberText value={row[key]} />
                    </td>
                  ))}
                  <td className="num">
                    <Percent value={row.rate} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Section>
  );
}

type Waiting = {
  total: number;
  rows: ReadonlyArray<{ applicationId: string; candidateId: string; name: PersonName | null; invitedAt: string | null; remindedAt: string | null }>;
};

/** Applications at "questionnaire sent" without a response: the count, the longest waiting first. */
export function WaitingSection({ waiting }: { waiting: Waiting }) {
  const { t } = useTranslation();
  return (
    <Section id="waiting" title={t("questionnaireResults.waiting.title", { count: waiting.total })}>
      {waiting.total === 0 ? (
        <p className="muted">{t("questionnaireResults.waiting.none")}</p>
      ) : (
        <>
          <ul className="timeline" data-waiting="">
            {waiting.rows.map((w) => (
              <li key={w.applicationId}>
                <CandidateLink id={w.candidateId} name={w.name} />
                <span className="muted">
                  {" · "}
                  {t("questionnaireResults.waiting.invitedAt")} <DateText value={w.invitedAt} />
                  {" · "}
                  {w.remindedAt ? (
                    <>
                      {t("questionnaireResults.waiting.remindedAt")} <DateText value={w.remindedAt} />
                    </>
                  ) : (
                    t("questionnaireResults.waiting.notReminded")
                  )}
                </span>
              </li>
            ))}
          </ul>
          {waiting.total > waiting.rows.length ? (
            <p className="muted">{t("questionnaireResults.waiting.more", { count: waiting.total - waiting.rows.length })}</p>
          ) : null}
        </>
      )}
    </Section>
  );
}

/** The shortlist's filters: a GET form, so every filtered list is a link to share. */
export function ShortlistFiltersForm({ filters, errors, vacancyId }: { filters: ShortlistFilters; errors: ShortlistFilterErrors; vacancyId: string }) {
  const { t } = useTranslation();
  const err = (field: keyof ShortlistFilterErrors) => (errors[field] ? [errors[field]!] : undefined);
  return (
    <Form method="get" className="filters" role="search" aria-label={t("questionnaireResults.filters.title")} key={JSON.stringify(filters)}>
      <input type="hidden" name="vacancy" value={vacancyId} />
      <SelectField
        label={t("questionnaireResults.filters.verdict")}
        options={VERDICT_FILTERS.map((v) => ({ value: v, label: t(`questionnaireResults.filters.verdicts.${v}`) }))}
        errors={err("verdict")}
        selectProps={{ name: "verdict", defaultValue: filters.verdict }}
      />
      <Field
        label={t("questionnaireResults.filters.minScore")}
        errors={err("minScore")}
        inputProps={{ name: "minScore", inputMode: "decimal", defaultValue: filters.minScore ?? "", size: 6 }}
      />
      <SelectField
        label={t("questionnaireResults.columns.source")}
        placeholder={t("questionnaireResults.filters.anySource")}
        options={SOURCES.map((s) => ({ value: s, label: t(`sources.${s}`) }))}
        errors={err("source")}
        selectProps={{ name: "source", defaultValue: filters.source ?? "" }}
      />
      <SelectField
        label={t("questionnaireResults.columns.tier")}
        placeholder={t("questionnaireResults.filters.anyTier")}
        options={TIERS.map((tier) => ({ value: tier, label: t(`tiers.${tier}`) }))}
        errors={err("tier")}
        selectProps={{ name: "tier", defaultValue: filters.tier ?? "" }}
      />
      <label className="checkbox">
        <input type="checkbox" name="open" value="1" defaultChecked={filters.openOnly} />
        {t("questionnaireResults.filters.openOnly")}
      </label>
      <Button variant="secondary">{t("ui.show")}</Button>
    </Form>
  );
}

/** The vacancy picker: a GET form that keeps nothing else (another vacancy's filters start afresh). */
export function VacancyPicker({
  vacancies,
  vacancyId,
  error,
}: {
  vacancies: ReadonlyArray<{ id: string; title: string; city: string }>;
  vacancyId: string | undefined;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  return (
    <Form method="get" className="filters" key={searchParams.get("vacancy") ?? ""}>
      <SelectField
        label={t("ui.vacancy")}
        options={vacancies.map((v) => ({ value: v.id, label: `${v.title} (${v.city})` }))}
        errors={error ? [error] : undefined}
        selectProps={{ name: "vacancy", defaultValue: vacancyId ?? "" }}
      />
      <Button variant="secondary">{t("ui.show")}</Button>
    </Form>
  );
}

/** "Rejected: 12, letters queued: 10, without e-mail: 2." — the parts that are not zero. */
export function RejectNotice({ report }: { report: RejectReport }) {
  const { t } = useTranslation();
  const parts: string[] = [t("questionnaireResults.result.rejected", { count: report.rejected })];
  const add = (count: number, key: string) => {
    if (count) parts.push(t(`questionnaireResults.result.${key}`, { count }));
  };
  add(report.alreadyRejected, "alreadyRejected");
  parts.push(t("questionnaireResults.result.queued", { count: report.letters.queued }));
  add(report.letters.alreadySent, "alreadySent");
  add(report.letters.noEmail, "noEmail");
  add(report.letters.noTemplate, "noTemplate");
  add(report.letters.contactRefused, "contactRefused");
  add(report.notAllowed, "notAllowed");
  add(report.notFound, "notFound");
  const clean = !report.notAllowed && !report.notFound && !report.letters.noEmail && !report.letters.noTemplate;
  return (
    <div className={clean ? "notice notice-good" : "notice"} role="status" data-reject-report="">
      <p>{parts.join(", ")}.</p>
    </div>
  );
}

export function NoResponses({ filtered }: { filtered: boolean }) {
  const { t } = useTranslation();
  return <EmptyState title={filtered ? t("questionnaireResults.shortlist.noMatches") : t("questionnaireResults.shortlist.empty")} />;
}

export function ResponseLink({ id }: { id: string }) {
  const { t } = useTranslation();
  return <Link to={`/questionnaires/responses/${id}`}>{t("questionnaireResults.shortlist.answers")}</Link>;
}
