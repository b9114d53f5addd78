import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import { requireAccess } from "~/auth/session.server";
import { vacancyEditorAction } from "~/sourcing/vacancy-editor-action.server";
import { editorOptions } from "~/sourcing/vacancy-editor.server";
import { pageTitle } from "~/ui/i18n-instance";
import { PageHeader } from "~/ui/page";
import { VacancyEditorForm } from "~/ui/vacancy-editor-form";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "vacancyEditor.newTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAccess(request, "vacancyEdit");
  return json({ options: await editorOptions() });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAccess(request, "vacancyEdit");
  return vacancyEditorAction({ formData: await request.formData(), actorId: user.id });
}

export default function NewVacancy() {
  const { options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/vacancies">← {t("vacancies.title")}</Link>
      </p>
      <PageHeader title={t("vacancyEditor.newTitle")} description={t("vacancyEditor.intro")} />
      <VacancyEditorForm
        options={options}
        defaultValue={{ status: "DRAFT", openings: "1" }}
        actionData={actionData}
        cancelTo="/vacancies"
      />
    </>
  );
}
