import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import { requireAccess } from "~/auth/session.server";
import { vacancyEditorAction } from "~/sourcing/vacancy-editor-action.server";
import { editorOptions, getVacancyForEdit, savedReport } from "~/sourcing/vacancy-editor.server";
import { vacancyFormValues } from "~/sourcing/vacancy-form";
import { dataTitle } from "~/ui/i18n-instance";
import { PageHeader } from "~/ui/page";
import { ListReportPanel, VacancyEditorForm } from "~/ui/vacancy-editor-form";
import { invariantResponse } from "~/utils/http";

// "$id_" keeps this page out of the vacancy page's layout: it replaces it, not nests in it.
export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  dataTitle(matches, data?.title, "vacancyEditor.editTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAccess(request, "vacancyEdit");
  const id = params.id ?? "";
  const vacancy = await getVacancyForEdit(id);
  invariantResponse(vacancy, "Vacancy not found");
  const saved = new URL(request.url).searchParams.get("saved");
  const [options, report] = await Promise.all([editorOptions(vacancy), savedReport(id, saved)]);
  return json({ id, title: vacancy.title, values: vacancyFormValues(vacancy), options, report, saved });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireAccess(request, "vacancyEdit");
  return vacancyEditorAction({ formData: await request.formData(), actorId: user.id, vacancyId: params.id ?? "" });
}

export default function EditVacancy() {
  const { id, title, values, options, report, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/vacancies/${id}`}>← {title}</Link>
      </p>
      <PageHeader title={t("vacancyEditor.editTitle")} description={title} />
      {report ? <ListReportPanel report={report} /> : null}
      {/* A new key after each save starts the form from the saved values. */}
      <VacancyEditorForm key={saved ?? "edit"} options={options} defaultValue={values} actionData={actionData} cancelTo={`/vacancies/${id}`} />
    </>
  );
}
