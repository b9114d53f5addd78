import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  json,
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  type UploadHandler,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import { requireAccess } from "~/auth/session.server";
import { ApiSearchSchema, MAX_UPLOAD_BYTES, MAX_UPLOAD_MB, UploadSchema } from "~/sourcing/import-forms";
import { API_SEARCH_MAX_RESULTS } from "~/sourcing/api-search";
import { apiBoards, startApiSearch } from "~/sourcing/api-search.server";
import { ImportInputRefused, uploadFile } from "~/sourcing/import-upload.server";
import { importVacancyOptions, listImportBatches } from "~/sourcing/imports.server";
import { ImportRefused } from "~/sourcing/record";
import { Badge } from "~/ui/badges";
import { DateText } from "~/ui/dates";
import { Button, ErrorList, FormError, SelectField } from "~/ui/form";
import { dataTitle } from "~/ui/i18n-instance";
import { ApiSearchForms } from "~/ui/import-api-search";
import { EmptyState, PageHeader } from "~/ui/page";

/** Recent import batches, the upload form and the job-board API searches. */

export const meta: MetaFunction = ({ matches }) => dataTitle(matches, undefined, "imports.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAccess(request, "imports");
  const [batches, vacancies] = await Promise.all([listImportBatches(), importVacancyOptions()]);
  return json({ batches, vacancies, boards: apiBoards(), apiLimit: API_SEARCH_MAX_RESULTS });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAccess(request, "imports");
  if (!request.headers.get("Content-Type")?.startsWith("multipart/form-data")) {
    const submission = parseWithZod(await request.formData(), { schema: ApiSearchSchema });
    if (submission.status !== "success") return json(submission.reply(), { status: 400 });
    try {
      const batch = await startApiSearch({ ...submission.value, actorId: user.id });
      return redirect(`/imports/${batch.id}`);
    } catch (error) {
      if (!(error instanceof ImportInputRefused)) throw error;
      return json(submission.reply({ fieldErrors: { [error.field]: [error.messageKey] } }), { status: 400 });
    }
  }

  // Text fields are remembered as they arrive, so a too-big file keeps the vacancy chosen.
  const text = new FormData();
  const memory = unstable_createMemoryUploadHandler({ maxPartSize: MAX_UPLOAD_BYTES });
  const remembering: UploadHandler = async (part) => {
    const value = await memory(part);
    if (typeof value === "string") text.append(part.name, value);
    return value;
  };
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(request, remembering);
  } catch (error) {
    if (!(error instanceof MaxPartSizeExceededError)) throw error;
    const submission = parseWithZod(text, { schema: UploadSchema });
    return json(submission.reply({ fieldErrors: { file: [`imports.fileTooBig|max=${MAX_UPLOAD_MB}`] } }), { status: 400 });
  }
  const submission = parseWithZod(formData, { schema: UploadSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  try {
    const batch = await uploadFile({ file: submission.value.file, vacancyId: submission.value.vacancyId ?? null, actorId: user.id });
    return redirect(`/imports/${batch.id}`);
  } catch (error) {
    if (error instanceof ImportRefused) return json(submission.reply({ fieldErrors: { file: [error.messageKey] } }), { status: 400 });
    if (error instanceof ImportInputRefused) return json(submission.reply({ fieldErrors: { [error.field]: [error.messageKey] } }), { status: 400 });
    throw error;
  }
}

function UploadForm() {
  const { t } = useTranslation();
  const { vacancies } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "upload",
    lastResult: lastResult && "initialValue" in lastResult && lastResult.fields?.includes("file") ? lastResult : undefined,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: UploadSchema }),
  });
  return (
    <section className="card" aria-labelledby="upload-title">
      <h2 id="upload-title">{t("imports.uploadTitle")}</h2>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="form-grid">
        <FormError id={form.errorId} errors={form.errors} />
        <SelectField
          label={t("imports.vacancy")}
          hint={t("imports.vacancyHint")}
          placeholder={t("imports.noVacancy")}
          options={vacancies.map((v) => ({ value: v.id, label: `${v.title} — ${v.city}` }))}
          errors={fields.vacancyId.errors}
          selectProps={getSelectProps(fields.vacancyId)}
        />
        <div className="field">
          <label htmlFor={fields.file.id}>{t("imports.file")}</label>
          <input
            {...getInputProps(fields.file, { type: "file" })}
            accept=".json,.csv,.xlsx,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={`${fields.file.id}-hint ${fields.file.errorId}`}
          />
          <p id={`${fields.file.id}-hint`} className="field-hint">
            {t("imports.fileHint", { max: MAX_UPLOAD_MB })}
          </p>
          <ErrorList id={fields.file.errorId} errors={fields.file.errors} />
        </div>
        <div>
          <Button type="submit" disabled={navigation.state === "submitting"}>
            {t("imports.upload")}
          </Button>
        </div>
      </Form>
    </section>
  );
}

export default function Imports() {
  const { t } = useTranslation();
  const { batches } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t("imports.title")} description={t("imports.description")} />
      <div className="grid-2">
        <UploadForm />
        <ApiSearchForms />
      </div>
      <section className="section" aria-labelledby="recent-title">
        <h2 id="recent-title">{t("imports.recent")}</h2>
        {batches.length ? (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("imports.label")}</th>
                  <th scope="col">{t("imports.source")}</th>
                  <th scope="col">{t("imports.vacancy")}</th>
                  <th scope="col">{t("imports.status")}</th>
                  <th scope="col" className="num">{t("imports.records")}</th>
                  <th scope="col">{t("imports.createdBy")}</th>
                  <th scope="col">{t("imports.createdAt")}</th>
                </tr>
              </thead>
              <tbody>
                {batches.map((b) => (
                  <tr key={b.id}>
                    <td>
                      <Link to={`/imports/${b.id}`}>{b.label}</Link>
                    </td>
                    <td>{t(`sources.${b.source}`)}</td>
                    <td>{b.vacancy?.title ?? "—"}</td>
                    <td>
                      <Badge tone={b.status === "COMMITTED" ? "good" : b.status === "FAILED" ? "danger" : "neutral"}>
                        {b.fetching ? t("imports.statuses.FETCHING") : t(`imports.statuses.${b.status}`)}
                      </Badge>
                      {b.status === "RUNNING" || b.status === "QUEUED" ? (
                        <progress aria-label={t("imports.progress")} value={b.processed} max={Math.max(b.total, 1)} />
                      ) : null}
                    </td>
                    <td className="num">{b.total}</td>
                    <td>{b.createdBy?.name ?? "—"}</td>
                    <td>
                      <DateText value={b.createdAt} withTime />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <EmptyState title={t("imports.none")} />
        )}
      </section>
    </>
  );
}
