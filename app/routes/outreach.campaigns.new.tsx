import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import { requireAccess } from "~/auth/session.server";
import { CampaignFormSchema, campaignFormValues } from "~/outreach/campaign-form";
import { CampaignFormRefused, campaignTemplateOptions, createCampaign } from "~/outreach/campaigns.server";
import { listVacancyOptions } from "~/sourcing/vacancies.server";
import { CampaignEditor } from "~/ui/campaign-form";
import { pageTitle } from "~/ui/i18n-instance";
import { PageHeader } from "~/ui/page";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "campaigns.newTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAccess(request, "outreach");
  const vacancyId = new URL(request.url).searchParams.get("vacancy") || undefined;
  const [vacancies, templates] = await Promise.all([listVacancyOptions(), campaignTemplateOptions(vacancyId)]);
  const chosen = vacancies.find((v) => v.id === vacancyId);
  // The selling letter is what a campaign sends first: it is chosen unless there is none.
  const letter = templates.find((tpl) => tpl.kind === "SELLING_LETTER" && tpl.locales.includes("ru")) ?? templates[0];
  const values = { ...campaignFormValues(), vacancyId: chosen?.id ?? "", templateId: letter?.id ?? "" };
  return json({ vacancies, templates, values });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAccess(request, "outreach");
  const submission = parseWithZod(await request.formData(), { schema: CampaignFormSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  try {
    const { id } = await createCampaign({ actorId: user.id, form: submission.value });
    return redirect(`/outreach/campaigns/${id}`);
  } catch (error) {
    if (!(error instanceof CampaignFormRefused)) throw error;
    return json(submission.reply({ fieldErrors: error.fieldErrors }), { status: 400 });
  }
}

export default function NewCampaign() {
  const { vacancies, templates, values } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/outreach/campaigns">← {t("campaigns.backToList")}</Link>
      </p>
      <PageHeader title={t("campaigns.newTitle")} description={t("campaigns.newIntro")} />
      <CampaignEditor
        id="campaign-form"
        defaultValue={values}
        lastResult={lastResult}
        templates={templates}
        vacancies={vacancies}
        submitLabel={t("campaigns.create")}
        cancelTo="/outreach/campaigns"
      />
    </>
  );
}
