import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import { type FetchState } from "~/sourcing/api-search";
import { ApiSearchSchema, type Board } from "~/sourcing/import-forms";
import { Button, Field, FormError, SelectField } from "./form";

type LoaderShape = {
  vacancies: Array<{ id: string; title: string; city: string }>;
  boards: Array<{ board: Board; name: string; configured: boolean; variable: string }>;
  apiLimit: number;
};

type Reply = SubmissionResult<string[]> & { initialValue?: Record<string, unknown> | null };

/** Which of the two search forms an action's reply belongs to (the upload form has its own). */
function replyFor(reply: Reply | undefined, search: "companies" | "responses"): Reply | undefined {
  if (!reply?.fields?.includes("board")) return undefined;
  return (reply.initialValue?.search === "responses" ? "responses" : "companies") === search ? reply : undefined;
}

/**
 * hh.ru and SuperJob searches built from a vacancy's company lists, and the responses
 * to the employer's own hh.ru vacancy. Each queues a background search that ends in a
 * batch to review.
 */
export function ApiSearchForms() {
  const { t } = useTranslation();
  const { vacancies, boards, apiLimit: limit } = useLoaderData<LoaderShape>();
  const lastResult = useActionData<Reply>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const [form, fields] = useForm({
    id: "api-search",
    lastResult: replyFor(lastResult, "companies"),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ApiSearchSchema }),
  });
  const [responsesForm, responsesFields] = useForm({
    id: "hh-responses",
    lastResult: replyFor(lastResult, "responses"),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ApiSearchSchema }),
  });
  const usable = boards.filter((b) => b.configured);
  const vacancyOptions = vacancies.map((v) => ({ value: v.id, label: `${v.title} — ${v.city}` }));
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
          <input type="hidden" name="search" value="companies" />
          <FormError id={form.errorId} errors={form.errors} />
          <SelectField
            label={t("imports.vacancy")}
            placeholder="—"
            options={vacancyOptions}
            errors={fields.vacancyId.errors}
            selectProps={getSelectProps(fields.vacancyId)}
          />
          <FormError errors={fields.board.errors} />
          <div className="page-actions">
            {usable.map((b) => (
              <Button key={b.board} type="submit" name="board" value={b.board} disabled={busy}>
                {t(b.board === "hh" ? "imports.hhSearch" : "imports.superjobSearch")}
              </Button>
            ))}
          </div>
        </Form>
      ) : null}
      {usable.some((b) => b.board === "hh") ? (
        <Form method="post" {...getFormProps(responsesForm)} className="form-grid" aria-labelledby="hh-responses-title">
          <h3 id="hh-responses-title">{t("imports.responsesTitle")}</h3>
          <p className="muted">{t("imports.responsesDescription")}</p>
          <input type="hidden" name="search" value="responses" />
          <input type="hidden" name="board" value="hh" />
          <FormError id={responsesForm.errorId} errors={responsesForm.errors} />
          <SelectField
            label={t("imports.vacancy")}
            placeholder="—"
            options={vacancyOptions}
            errors={responsesFields.vacancyId.errors}
            selectProps={getSelectProps(responsesFields.vacancyId)}
          />
          <Field
            label={t("imports.hhVacancyId")}
            hint={t("imports.hhVacancyIdHint")}
            errors={responsesFields.hhVacancyId.errors}
            inputProps={{ ...getInputProps(responsesFields.hhVacancyId, { type: "text" }), inputMode: "url", autoComplete: "off" }}
          />
          <FormError errors={responsesFields.board.errors} />
          <div className="page-actions">
            <Button type="submit" disabled={busy}>
              {t("imports.responsesLoad")}
            </Button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}

/** A board search under way: which page, how many resumes of how many. */
export function SearchProgress({ status, fetch, processed, total }: { status: "QUEUED" | "RUNNING"; fetch: FetchState; processed: number; total: number }) {
  const { t } = useTranslation();
  return (
    <div className="card" aria-live="polite">
      <p>
        {status === "QUEUED" || fetch.page === 0
          ? t("imports.searchQueued", { board: fetch.board })
          : t("imports.searching", { board: fetch.board, processed, total, page: fetch.page, pages: fetch.pages })}
      </p>
      <progress aria-label={t("imports.searchProgress")} value={processed} max={Math.max(total, 1)} style={{ width: "100%" }} />
    </div>
  );
}
