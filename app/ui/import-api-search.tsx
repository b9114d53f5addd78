import { getFormProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ApiSearchSchema, type Board } from "~/sourcing/import-forms";
import { Button, FormError, SelectField } from "./form";

type LoaderShape = {
  vacancies: Array<{ id: string; title: string; city: string }>;
  boards: Array<{ board: Board; name: string; configured: boolean; variable: string }>;
  apiLimit: number;
};

/** hh.ru and SuperJob searches built from a vacancy's lists; each creates a batch to review. */
export function ApiSearchForms() {
  const { t } = useTranslation();
  const { vacancies, boards, apiLimit: limit } = useLoaderData<LoaderShape>();
  const lastResult = useActionData<{ fields?: string[] }>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "api-search",
    lastResult: lastResult?.fields?.includes("board") ? (lastResult as never) : undefined,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ApiSearchSchema }),
  });
  const usable = boards.filter((b) => b.configured);
  return (
    <section className="card" aria-labelledby="api-title">
      <h2 id="api-title">{t("imports.apiTitle")}</h2>
      <p className="muted">
        {t("imports.apiDescription")} {t("imports.apiLimit", { limit })}
      </p>
      {boards
        .filter((b) => !b.configured)
        .map((b) => (
          <p key={b.board} className="notice" data-board={b.board}>
            {t("imports.apiNotConfigured", { board: b.name, variable: b.variable })}
          </p>
        ))}
      {usable.length ? (
        <Form method="post" {...getFormProps(form)} className="form-grid">
          <FormError id={form.errorId} errors={form.errors} />
          <SelectField
            label={t("imports.vacancy")}
            placeholder="—"
            options={vacancies.map((v) => ({ value: v.id, label: `${v.title} — ${v.city}` }))}
            errors={fields.vacancyId.errors}
            selectProps={getSelectProps(fields.vacancyId)}
          />
          <FormError errors={fields.board.errors} />
          <div className="page-actions">
            {usable.map((b) => (
              <Button key={b.board} type="submit" name="board" value={b.board} disabled={navigation.state === "submitting"}>
                {t(b.board === "hh" ? "imports.hhSearch" : "imports.superjobSearch")}
              </Button>
            ))}
          </div>
        </Form>
      ) : null}
    </section>
  );
}
