import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "~/ui/use-translation";
import { z } from "zod";
import { requireAccess } from "~/auth/session.server";
import { candidateFiltersToParams } from "~/sourcing/candidate-filters";
import { commitImportBatch, discardImportBatch, ImportCommitRefused, importBatchPage } from "~/sourcing/imports.server";
import { Badge } from "~/ui/badges";
import { DateText } from "~/ui/dates";
import { FormError } from "~/ui/form";
import { dataTitle } from "~/ui/i18n-instance";
import { SearchProgress } from "~/ui/import-api-search";
import { ImportCounts, ImportProgress, PreviewTable, RowErrorsTable, SearchReportView } from "~/ui/import-preview";
import { translateError } from "~/ui/error-key";
import { MappingStep } from "~/ui/import-mapping";
import { PageHeader } from "~/ui/page";
import { Pagination } from "~/ui/pagination";
import { invariantResponse, pageParam } from "~/utils/http";
import { mappingAction } from "~/sourcing/import-upload.server";

/** One import batch: a board search under way, column mapping when needed, the preview, commit or discard, progress, result. */

/** Why a batch failed: a board's refusal comes as an i18n key, a failed commit as the database's own words. */
const failureText = (t: (key: string, params?: Record<string, string>) => string, error: string) =>
  /^imports\.[\w.]+(\||$)/.test(error) ? translateError(t, error) : error;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => dataTitle(matches, data?.batch.label, "imports.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAccess(request, "imports");
  const view = await importBatchPage(params.id ?? "", pageParam(new URL(request.url)));
  invariantResponse(view, "Import not found");
  return json(view);
}

const ActionSchema = z.object({ intent: z.enum(["commit", "discard"]) });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireAccess(request, "imports");
  const id = params.id ?? "";
  const formData = await request.formData();
  if (formData.get("intent") === "map") return mappingAction(id, formData);
  const submission = parseWithZod(formData, { schema: ActionSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  if (submission.value.intent === "discard") {
    const discarded = await discardImportBatch(id, user.id);
    if (!discarded) return json(submission.reply({ formErrors: ["imports.refused.not-preview"] }), { status: 400 });
    return redirect("/imports");
  }
  try {
    await commitImportBatch(id, user.id);
  } catch (error) {
    if (!(error instanceof ImportCommitRefused)) throw error;
    if (error.problem === "not-found") throw new Response("Import not found", { status: 404 });
    return json(submission.reply({ formErrors: [`imports.refused.${error.problem}`] }), { status: 400 });
  }
  return redirect(`/imports/${id}`);
}

/** While a job writes the batch, the page asks the server again every second. */
function usePolling(active: boolean) {
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, 1_000);
    return () => clearInterval(timer);
  }, [active, revalidator]);
}

export default function ImportBatchPage() {
  const { t } = useTranslation();
  const { batch, counts, rows, page, pageCount, rowErrors, rowErrorCount, mapping } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const running = batch.status === "QUEUED" || batch.status === "RUNNING";
  const fetching = running && counts.fetch ? counts.fetch : null;
  usePolling(running);
  const withVacancy = Boolean(batch.vacancy);
  // Batches written before commits kept a result (the demo's) show their preview counts.
  const result = counts.result ?? { new: counts.new ?? 0, merged: counts.merged ?? 0, unchanged: counts.unchanged ?? 0 };
  const formErrors = lastResult && "error" in lastResult ? (lastResult.error?.[""] ?? null) : null;

  return (
    <>
      <p className="breadcrumb">
        <Link to="/imports">← {t("imports.back")}</Link>
      </p>
      <PageHeader
        title={batch.label}
        description={
          <>
            {t(`sources.${batch.source}`)} · <Badge>{fetching ? t("imports.statuses.FETCHING") : t(`imports.statuses.${batch.status}`)}</Badge> ·{" "}
            <DateText value={batch.createdAt} withTime />
            {batch.createdBy ? ` · ${batch.createdBy.name}` : null}
            {batch.vacancy ? (
              <>
                {" · "}
                <Link to={`/vacancies/${batch.vacancy.id}`}>{t("imports.vacancyLine", { title: batch.vacancy.title })}</Link>
              </>
            ) : null}
          </>
        }
      />
      <FormError errors={formErrors} />

      {mapping ? <MappingStep mapping={mapping} lastResult={lastResult} /> : null}
      {fetching ? <SearchProgress status={batch.status as "QUEUED" | "RUNNING"} fetch={fetching} processed={batch.processed} total={batch.total} /> : null}
      {running && !fetching ? <ImportProgress status={batch.status as "QUEUED" | "RUNNING"} processed={batch.processed} total={batch.total} /> : null}
      {batch.status === "COMMITTED" ? (
        <p className="notice" role="status">
          {t("imports.committed", result)}{" "}
          {batch.vacancy ? <Link to={`/candidates?${candidateFiltersToParams({ vacancyId: batch.vacancy.id })}`}>{t("imports.openCandidates")}</Link> : null}
        </p>
      ) : null}
      {batch.status === "FAILED" ? (
        <p className="notice notice-danger" role="alert">
          {t(counts.fetch ? "imports.searchFailed" : "imports.failed", { error: failureText(t, batch.error ?? "") })}
        </p>
      ) : null}
      {batch.status === "DISCARDED" ? <p className="notice">{t("imports.discarded")}</p> : null}

      {counts.search?.hhVacancyId ? <p className="muted">{t("imports.responsesOf", { id: counts.search.hhVacancyId })}</p> : null}
      {counts.search ? <SearchReportView search={counts.search} loaded={batch.total} /> : null}
      {counts.search && batch.status === "PREVIEW" && batch.total === 0 ? <p className="notice">{t("imports.apiNothing")}</p> : null}
      {!mapping && !fetching ? <ImportCounts counts={counts} withVacancy={withVacancy} /> : null}
      {rowErrorCount ? <RowErrorsTable errors={rowErrors} /> : null}

      {fetching ? (
        <Form method="post" className="page-actions">
          <button type="submit" name="intent" value="discard" className="button button-secondary" disabled={busy}>
            {t("imports.stopSearch")}
          </button>
        </Form>
      ) : null}

      {batch.status === "PREVIEW" ? (
        <div className="page-actions">
          {!mapping ? (
            <Form method="post">
              <button type="submit" name="intent" value="commit" className="button button-primary" disabled={busy || rowErrorCount > 0 || batch.total === 0}>
                {t("imports.commit", { count: batch.total })}
              </button>
            </Form>
          ) : null}
          <Form method="post">
            <button type="submit" name="intent" value="discard" className="button button-secondary" disabled={busy}>
              {t("imports.discard")}
            </button>
          </Form>
        </div>
      ) : null}

      {rows.length ? (
        <section className="section" aria-labelledby="preview-title">
          <h2 id="preview-title">{t("imports.preview")}</h2>
          <PreviewTable rows={rows} withVacancy={withVacancy} />
          <Pagination page={page} pageCount={pageCount} />
        </section>
      ) : null}
    </>
  );
}
