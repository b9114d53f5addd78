import { type SubmissionResult } from "@conform-to/react";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "~/ui/use-translation";
import { requireAccess } from "~/auth/session.server";
import { campaignFormValues } from "~/outreach/campaign-form";
import { campaignPage, campaignPageAction, type CampaignPageResult } from "~/outreach/campaign-page.server";
import { CampaignEditor } from "~/ui/campaign-form";
import { CampaignPreview } from "~/ui/campaign-preview";
import { CampaignMessages, CampaignProgressPanel } from "~/ui/campaign-progress";
import { CampaignStatusBadge } from "~/ui/campaign-status";
import { translateError } from "~/ui/error-key";
import { Button, FormError } from "~/ui/form";
import { dataTitle } from "~/ui/i18n-instance";
import { PageHeader, Section } from "~/ui/page";
import { invariantResponse } from "~/utils/http";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => dataTitle(matches, data?.campaign.name, "campaigns.title");

/** How often a sending campaign's page asks for fresh numbers. */
const POLL_MS = 2_000;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAccess(request, "outreach");
  const page = await campaignPage(params.id ?? "", new URL(request.url));
  invariantResponse(page, "Campaign not found");
  return json(page);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireAccess(request, "outreach");
  return campaignPageAction({ campaignId: params.id ?? "", actorId: user.id, formData: await request.formData() });
}

/** Fresh numbers every POLL_MS while `on` (and the tab is visible); one request at a time. */
function useLiveUpdates(on: boolean) {
  const revalidator = useRevalidator();
  const latest = useRef(revalidator);
  useEffect(() => {
    latest.current = revalidator;
  });
  useEffect(() => {
    if (!on) return;
    const timer = setInterval(() => {
      const current = latest.current;
      if (current.state === "idle" && document.visibilityState === "visible") current.revalidate();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [on]);
}

export default function CampaignPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as CampaignPageResult | undefined;
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { campaign } = data;
  const live = campaign.status === "SCHEDULED" || campaign.status === "SENDING";
  useLiveUpdates(live);
  const notice = actionData && "notice" in actionData ? actionData.notice : data.saved ? "campaigns.saved" : null;
  const formResult = actionData && "result" in actionData ? (actionData.result as SubmissionResult<string[]>) : undefined;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/outreach/campaigns?vacancy=${campaign.vacancy.id}`}>← {t("campaigns.backToList")}</Link>
      </p>
      <PageHeader
        title={campaign.name}
        description={
          <>
            <Link to={`/vacancies/${campaign.vacancy.id}`}>
              {campaign.vacancy.title}, {campaign.vacancy.city}
            </Link>
            {campaign.template ? ` · ${campaign.template.name} (${campaign.locale.toUpperCase()})` : null}
          </>
        }
        actions={<CampaignStatusBadge status={campaign.status} />}
      />
      {notice ? (
        <p className="notice" role="status" id="campaign-notice">
          {translateError(t, notice)}
        </p>
      ) : null}
      <FormError id="campaign-error" errors={actionData && "error" in actionData ? [actionData.error] : null} />

      {data.draft ? (
        <>
          <CampaignPreview preview={data.draft.preview}>
            <Form method="post" className="stack-tight" id="launch-form">
              <p className="muted">{t("campaigns.launch.intro")}</p>
              <Button type="submit" name="intent" value="launch" id="launch-campaign" disabled={navigation.state !== "idle"}>
                {t("campaigns.launch.button")}
              </Button>
            </Form>
          </CampaignPreview>
          <Section id="campaign-settings" title={t("campaigns.sections.basics")}>
            <CampaignEditor
              key={data.saved ? `saved-${campaign.updatedAt}` : "edit"}
              id="campaign-form"
              defaultValue={campaignFormValues({ ...campaign, vacancyId: campaign.vacancy.id })}
              lastResult={formResult}
              templates={data.draft.templates}
              memberCount={campaign.memberCount}
              submitLabel={t("campaigns.save")}
            />
          </Section>
        </>
      ) : null}

      {data.launched ? (
        <>
          <CampaignProgressPanel campaign={campaign} progress={data.launched.progress} live={live} />
          <CampaignMessages {...data.launched.messages} />
        </>
      ) : null}
    </>
  );
}
