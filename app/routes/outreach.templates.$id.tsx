import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { requireAccess } from "~/auth/session.server";
import { templateEditorAction, templateEditorOptions } from "~/outreach/template-editor.server";
import { templateFormValues } from "~/outreach/template-form";
import { getTemplate } from "~/outreach/templates.server";
import { Badge } from "~/ui/badges";
import { Button } from "~/ui/form";
import { dataTitle } from "~/ui/i18n-instance";
import { PageHeader } from "~/ui/page";
import { TemplateEditorForm } from "~/ui/template-editor-form";
import { PREVIEW_ROUTE } from "~/ui/template-preview";
import { useTranslation } from "~/ui/use-translation";
import { invariantResponse } from "~/utils/http";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => dataTitle(matches, data?.name, "templates.editTitle");

// The live preview posts on every pause in typing: that is no reason to reload the page's data.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formAction, defaultShouldRevalidate }) =>
  formAction === PREVIEW_ROUTE ? false : defaultShouldRevalidate;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAccess(request, "outreach");
  const template = await getTemplate(params.id ?? "");
  invariantResponse(template, "Template not found");
  const options = await templateEditorOptions(template.vacancyId);
  return json({
    id: template.id,
    name: template.name,
    kind: template.kind,
    archived: Boolean(template.archivedAt),
    version: template.updatedAt,
    values: templateFormValues(template),
    options,
    saved: new URL(request.url).searchParams.has("saved"),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireAccess(request, "outreach");
  return templateEditorAction({ formData: await request.formData(), actorId: user.id, templateId: params.id ?? "" });
}

export default function EditTemplate() {
  const { id, name, kind, archived, version, values, options, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/outreach/templates">← {t("templates.back")}</Link>
      </p>
      <PageHeader
        title={
          <>
            {name} {archived ? <Badge tone="out">{t("templates.archivedBadge")}</Badge> : null}
          </>
        }
        description={t(`templates.kinds.${kind}`)}
        actions={
          <Form method="post">
            <Button type="submit" name="intent" value={archived ? "restore" : "archive"} variant={archived ? "secondary" : "danger"}>
              {t(archived ? "templates.restore" : "templates.archive")}
            </Button>
          </Form>
        }
      />
      {saved && !actionData ? (
        <p className="notice" role="status">
          {t("templates.saved")}
        </p>
      ) : null}
      {archived ? <p className="notice">{t("templates.archivedNotice")}</p> : null}
      {/* A new key after each save starts the form from the saved values. */}
      <TemplateEditorForm key={`${id}-${version}`} options={options} defaultValue={values} actionData={actionData} cancelTo="/outreach/templates" />
    </>
  );
}
