import type { Stage } from "@prisma/client";
import { Form, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import { Button, SelectField } from "./form";

/** A GET form (works without JavaScript) narrowing a step page to one vacancy and stage. */
export function StageFilters({
  vacancies,
  stages,
}: {
  vacancies: ReadonlyArray<{ id: string; title: string; city: string }>;
  stages: readonly Stage[];
}) {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  return (
    <Form method="get" className="filters" key={searchParams.toString()}>
      <SelectField
        label={t("ui.vacancy")}
        placeholder={t("ui.allVacancies")}
        options={vacancies.map((v) => ({ value: v.id, label: `${v.title} (${v.city})` }))}
        selectProps={{ name: "vacancy", defaultValue: searchParams.get("vacancy") ?? "" }}
      />
      {stages.length > 1 ? (
        <SelectField
          label={t("ui.stage")}
          placeholder={t("ui.allStages")}
          options={stages.map((s) => ({ value: s, label: t(`stages.${s}`) }))}
          selectProps={{ name: "stage", defaultValue: searchParams.get("stage") ?? "" }}
        />
      ) : null}
      <Button variant="secondary">{t("ui.show")}</Button>
    </Form>
  );
}
