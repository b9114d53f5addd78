import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import { STAGES } from "~/pipeline/stages";
import { MAX_QUERY, SORTS, type CandidateFilters, type FilterErrors } from "~/sourcing/candidate-filters";
import { SOURCES } from "~/sourcing/record";
import { TIERS } from "~/sourcing/tiers";
import { Button, Field, SelectField } from "./form";

type VacancyOption = { id: string; title: string; city: string };

/** The candidate list's filters: a GET form, so every filtered list is a link to share. */
export function CandidateFiltersForm({
  filters,
  errors,
  vacancies,
}: {
  filters: CandidateFilters;
  errors: FilterErrors;
  vacancies: readonly VacancyOption[];
}) {
  const { t } = useTranslation();
  const err = (field: keyof FilterErrors) => (errors[field] ? [errors[field]!] : undefined);
  const sorts = SORTS.filter((s) => filters.vacancyId || (s !== "tier" && s !== "stage-changed"));
  return (
    <Form method="get" className="card" role="search" aria-label={t("candidateList.filters.title")} key={JSON.stringify(filters)}>
      <div className="filters filters-hinted">
        <Field
          className="field-grow"
          label={t("candidateList.filters.q")}
          hint={t("candidateList.filters.qHint")}
          inputProps={{ name: "q", type: "search", defaultValue: filters.q, maxLength: MAX_QUERY }}
        />
        <SelectField
          label={t("candidateList.filters.vacancy")}
          placeholder={t("candidateList.filters.anyVacancy")}
          options={vacancies.map((v) => ({ value: v.id, label: `${v.title} · ${v.city}` }))}
          errors={err("vacancy")}
          selectProps={{ name: "vacancy", defaultValue: filters.vacancyId ?? "" }}
        />
      </div>
      <div className="filters">
        <SelectField
          label={t("candidateList.filters.stage")}
          placeholder={t("candidateList.filters.anyStage")}
          options={STAGES.map((s) => ({ value: s, label: t(`stages.${s}`) }))}
          errors={err("stage")}
          selectProps={{ name: "stage", defaultValue: filters.stage ?? "" }}
        />
        <SelectField
          label={t("candidateList.filters.tier")}
          placeholder={t("candidateList.filters.anyTier")}
          options={TIERS.map((tier) => ({ value: tier, label: t(`tiers.${tier}`) }))}
          errors={err("tier")}
          selectProps={{ name: "tier", defaultValue: filters.tier ?? "" }}
        />
        <SelectField
          label={t("candidateList.filters.source")}
          placeholder={t("candidateList.filters.anySource")}
          options={SOURCES.map((s) => ({ value: s, label: t(`sources.${s}`) }))}
          errors={err("source")}
          selectProps={{ name: "source", defaultValue: filters.source ?? "" }}
        />
        <Field
          label={t("candidateList.filters.city")}
          inputProps={{ name: "city", defaultValue: filters.city ?? "", maxLength: 120, size: 14 }}
        />
        <Field
          label={t("candidateList.filters.salaryMin")}
          errors={err("salaryMin")}
          inputProps={{ name: "salaryMin", inputMode: "numeric", defaultValue: filters.salaryMin ?? "", size: 9 }}
        />
        <Field
          label={t("candidateList.filters.salaryMax")}
          errors={err("salaryMax")}
          inputProps={{ name: "salaryMax", inputMode: "numeric", defaultValue: filters.salaryMax ?? "", size: 9 }}
        />
        <Field
          label={t("candidateList.filters.tag")}
          inputProps={{ name: "tag", defaultValue: filters.tag ?? "", maxLength: 60, size: 12 }}
        />
        <SelectField
          label={t("candidateList.filters.sort")}
          options={sorts.map((s) => ({ value: s, label: t(`candidateList.sorts.${s}`) }))}
          errors={err("sort")}
          selectProps={{ name: "sort", defaultValue: filters.sort }}
        />
        <Button>{t("candidateList.filters.apply")}</Button>
        <Link to="/candidates" className="button button-ghost">
          {t("candidateList.filters.reset")}
        </Link>
      </div>
    </Form>
  );
}
