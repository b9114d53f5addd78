import { parseWithZod } from "@conform-to/zod/v4";
import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import { canAccess } from "~/auth/access";
import { requireAccess } from "~/auth/session.server";
import { isContactLogIntent } from "~/outreach/contact-log";
import { contactLogAction } from "~/outreach/contact-log-action.server";
import { findMergeCandidates, mergeCandidates, MergeRefused, unmergeCandidates } from "~/sourcing/merge.server";
import { isMergeIntent, MergeFormSchema } from "~/sourcing/merge-forms";
import { PersonalDataSchema } from "~/sourcing/personal-data";
import { candidateAuditTrail, changePersonalData, PersonalDataRefused } from "~/sourcing/personal-data.server";
import { getCandidateProfile, survivorOf } from "~/sourcing/profile.server";
import { splitSourceRecord, SplitRefused } from "~/sourcing/split.server";
import { candidateTimeline } from "~/sourcing/timeline.server";
import { Badge } from "~/ui/badges";
import { ContactLogForm } from "~/ui/contact-log-form";
import { DateText } from "~/ui/dates";
import { dataTitle } from "~/ui/i18n-instance";
import { MergePanel } from "~/ui/merge-panel";
import { PageHeader } from "~/ui/page";
import { PersonalDataPanel } from "~/ui/personal-data-panel";
import { formatPersonName } from "~/ui/person";
import { ApplicationsSection } from "~/ui/profile-applications";
import { PersonSections, WorkSection } from "~/ui/profile-person";
import { SourcesSection } from "~/ui/profile-sources";
import { TimelineSection } from "~/ui/profile-timeline";
import { useLocale } from "~/ui/use-locale";
import { invariantResponse } from "~/utils/http";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  dataTitle(
    matches,
    data && !data.candidate.erased ? `${data.candidate.lastName} ${data.candidate.firstName}` : undefined,
    "candidates.title",
  );

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireAccess(request, "candidates");
  const id = params.id ?? "";
  const survivor = await survivorOf(id);
  if (survivor) return redirect(`/candidates/${survivor}?merged=1`);
  const candidate = await getCandidateProfile(id);
  invariantResponse(candidate, "Candidate not found");
  const url = new URL(request.url);
  const canEdit = canAccess(user.roles, "candidateEdit");
  const find = (url.searchParams.get("find") ?? "").trim().slice(0, 200);
  const [timeline, auditTrail, found] = await Promise.all([
    candidateTimeline(id),
    candidateAuditTrail(id),
    canEdit && find && !candidate.erased ? findMergeCandidates(id, find) : Promise.resolve(null),
  ]);
  return json({
    candidate,
    timeline,
    auditTrail,
    canManagePersonalData: canAccess(user.roles, "personalData"),
    canEdit,
    canOverride: canAccess(user.roles, "contactOverride"),
    canOpenOutbox: canAccess(user.roles, "outbox"),
    find,
    found,
    notice: { merged: url.searchParams.has("merged"), splitId: url.searchParams.get("split"), loggedId: url.searchParams.get("logged") },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireAccess(request, "candidates");
  const formData = await request.formData();
  const candidateId = params.id ?? "";
  if (isMergeIntent(formData.get("intent"))) return mergeAction(request, candidateId, formData);
  if (isContactLogIntent(formData.get("intent"))) {
    const editor = await requireAccess(request, "candidateEdit");
    return contactLogAction({ formData, actorId: editor.id, candidateId });
  }
  const user = await requireAccess(request, "personalData");
  const submission = parseWithZod(formData, { schema: PersonalDataSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  let done: boolean;
  try {
    done = await changePersonalData({ actorId: user.id, candidateId, change: submission.value });
  } catch (error) {
    if (!(error instanceof PersonalDataRefused)) throw error;
    return json(submission.reply({ formErrors: [`personalData.problems.${error.problem}`] }), { status: 409 });
  }
  invariantResponse(done, "Candidate not found");
  return redirect(`/candidates/${candidateId}`);
}

/** Merge, un-merge and split: candidate editing, refused with a reason the panel shows. */
async function mergeAction(request: Request, candidateId: string, formData: FormData) {
  const user = await requireAccess(request, "candidateEdit");
  const submission = parseWithZod(formData, { schema: MergeFormSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const change = submission.value;
  try {
    if (change.intent === "merge") {
      await mergeCandidates({ survivorId: candidateId, mergedId: change.otherId, actorId: user.id, reason: change.reason });
    } else if (change.intent === "unmerge") {
      await unmergeCandidates({ mergeId: change.mergeId, survivorId: candidateId, actorId: user.id, reason: change.reason });
    } else {
      const created = await splitSourceRecord({ candidateId, sourceRecordId: change.sourceRecordId, actorId: user.id, reason: change.reason });
      return redirect(`/candidates/${candidateId}?split=${created.id}`);
    }
  } catch (error) {
    if (!(error instanceof MergeRefused || error instanceof SplitRefused)) throw error;
    return json(submission.reply({ formErrors: [`profile.merge.problems.${error.problem}`] }), { status: 409 });
  }
  return redirect(`/candidates/${candidateId}`);
}

export default function CandidatePage() {
  const data = useLoaderData<typeof loader>();
  const { candidate, notice } = data;
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const mergeErrors =
    actionData && isMergeIntent((actionData.initialValue as { intent?: string } | undefined)?.intent)
      ? Object.values(actionData.error ?? {})
          .flat()
          .filter((e): e is string => typeof e === "string")
      : undefined;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/candidates">← {t("candidates.title")}</Link>
      </p>
      {notice.merged ? (
        <div className="notice" role="status">
          {t("profile.mergedNotice")}
        </div>
      ) : null}
      {notice.splitId ? (
        <div className="notice" role="status">
          {t("profile.splitNotice")} <Link to={`/candidates/${notice.splitId}`}>{t("profile.openNew")}</Link>
        </div>
      ) : null}
      {candidate.erased ? (
        <>
          <PageHeader title={t("candidates.erasedName")} />
          <div className="notice" role="status">
            <p>
              <strong>{t("candidates.erasedNotice")}</strong>
            </p>
            <p>
              {t("candidates.erasedOn")} <DateText value={candidate.erasedAt} />
            </p>
          </div>
        </>
      ) : (
        <>
          <PageHeader
            title={formatPersonName(candidate, locale)}
            description={[candidate.currentTitle, candidate.city].filter(Boolean).join(" · ")}
            actions={
              <span className="stage-strip">
                {candidate.doNotContact ? <Badge tone="danger">{t("candidates.doNotContact")}</Badge> : null}
                {candidate.consentAt ? (
                  <Badge tone="good">{t("candidates.consentGiven")}</Badge>
                ) : (
                  <Badge tone="late">{t("candidates.noConsent")}</Badge>
                )}
              </span>
            }
          />
          {candidate.doNotContact ? (
            <div className="notice notice-danger" role="status">
              {t("candidates.doNotContactNotice")}{" "}
              {candidate.doNotContactAt ? <DateText value={candidate.doNotContactAt} /> : null}
            </div>
          ) : null}
          <PersonSections person={candidate} />
          <WorkSection jobs={candidate.workHistory} />
        </>
      )}
      <ApplicationsSection applications={candidate.applications} canOverride={data.canOverride && !candidate.erased} />
      <SourcesSection
        sources={candidate.sources}
        disagreements={candidate.erased ? [] : candidate.disagreements}
        canSplit={data.canEdit && !candidate.erased && candidate.sources.length > 1}
      />
      {data.canEdit && !candidate.erased ? (
        <MergePanel find={data.find} found={data.found} merges={candidate.merges} errors={mergeErrors} />
      ) : null}
      {data.canEdit && !candidate.erased ? <ContactLogForm applications={candidate.applications} savedId={notice.loggedId} /> : null}
      <TimelineSection events={data.timeline} canOpenOutbox={data.canOpenOutbox} />
      <PersonalDataPanel
        erased={candidate.erased}
        doNotContact={candidate.erased || candidate.doNotContact}
        canManage={data.canManagePersonalData}
        auditTrail={data.auditTrail}
      />
    </>
  );
}
