import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { requireAccess } from "~/auth/session.server";
import { TEMPLATE_KINDS } from "~/outreach/merge-fields";
import { templateEditorAction, templateEditorOptions } from "~/outreach/template-editor.server";
import { pageTitle } from "~/ui/i18n-instance";
import { PageHeader } from "~/ui/page";
import { TemplateEditorForm } from "~/ui/template-editor-form";
import { PREVIEW_ROUTE } from "~/ui/template-preview";
import { useTranslation } from "~/ui/use-translation";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "templates.newTitle");

// The live preview posts on every pause in typing: that is no reason to reload the page's data.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formAction, defaultShouldRevalidate }) =>
  formAction === PREVIEW_ROUTE ? false : defaultShouldRevalidate;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAccess(request, "outreach");
  const params = new URL(request.url).searchParams;
  const kind = TEMPLATE_KINDS.find((k) => k === params.get("kind")) ?? "SELLING_LETTER";
  const vacancyId = params.get("vacancy");
  const options = await templateEditorOptions(vacancyId);
  const known = options.vacancies.some((v) => v.id === vacancyId);
  return json({ options, defaultValue: { kind, vacancyId: known ? vacancyId ?? "" : "" } });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAccess(request, "outreach");
  return templateEditorAction({ formData: await request.formData(), actorId: user.id });
}

export default function NewTemplate() {
  const { options, defaultValue } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/outreach/templates">← {t("templates.back")}</Link>
      </p>
      <PageHeader title={t("templates.newTitle")} description={t("templates.intro")} />
      <TemplateEditorForm options={options} defaultValue={defaultValue} actionData={actionData} cancelTo="/outreach/templates" />
    </>
  );
}
