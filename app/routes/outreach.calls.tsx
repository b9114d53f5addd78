import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requestLocale, requireAccess } from "~/auth/session.server";
import { formatDateTime } from "~/i18n/format";
import { CallRefused, recordOutcome } from "~/outreach/call-list.server";
import { callListPage, callVacancies } from "~/outreach/call-page.server";
import { DEFAULT_CALLBACK_MS, MAX_UNREACHED_ATTEMPTS, outcomeSchema } from "~/outreach/calls";
import { formatLocalDateTime } from "~/i18n/local-time";
import { CallCandidate, PriorContacts } from "~/ui/call-card";
import { CallOutcomeForm } from "~/ui/call-outcome-form";
import { CallScriptPanel } from "~/ui/call-script-panel";
import { CallQueueCounts, CallTodayStats } from "~/ui/call-stats";
import { Button, FormError, SelectField } from "~/ui/form";
import { pageTitle } from "~/ui/i18n-instance";
import { EmptyState, PageHeader } from "~/ui/page";
import { useLocale } from "~/ui/use-locale";
import { useTranslation } from "~/ui/use-translation";
import { invariantResponse } from "~/utils/http";

/**
 * The call list (обзвон) of one vacancy: /outreach/calls?vacancy=<id>. The loader
 * claims the candidate to call now (or gives back the one this recruiter holds); the
 * action records the outcome, and the loader's run after it brings the next one.
 */
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "calls.title");

const pagePath = (vacancyId: string) => `/outreach/calls?vacancy=${encodeURIComponent(vacancyId)}`;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireAccess(request, "outreach");
  const vacancyId = new URL(request.url).searchParams.get("vacancy")?.trim() || null;
  const vacancies = await callVacancies();
  if (!vacancyId) return json({ vacancies, vacancyId, page: null, callbackDefault: "" });
  const now = new Date();
  const page = await callListPage({ vacancyId, recruiter: user, locale: requestLocale(request, user), now });
  invariantResponse(page, "Vacancy not found");
  return json({ vacancies, vacancyId, page, callbackDefault: formatLocalDateTime(new Date(now.getTime() + DEFAULT_CALLBACK_MS)) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAccess(request, "outreach");
  const now = new Date();
  const submission = parseWithZod(await request.formData(), { schema: outcomeSchema(now) });
  if (submission.status !== "success") return json({ reply: submission.reply(), saved: null }, { status: 400 });
  try {
    const saved = await recordOutcome({ ...submission.value, recruiterId: user.id, locale: requestLocale(request, user), now });
    return json({ reply: null, saved: { ...saved, callbackAt: submission.value.callbackAt } });
  } catch (error) {
    if (!(error instanceof CallRefused)) throw error;
    return json({ reply: submission.reply({ formErrors: [`calls.problems.${error.problem}`] }), saved: null }, { status: 409 });
  }
}

type Saved = NonNullable<NonNullable<ReturnType<typeof useActionData<typeof action>>>["saved"]>;

function SavedNotice({ saved }: { saved: Saved }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const text =
    saved.done === "unreachable"
      ? t("calls.saved.unreachable", { count: MAX_UNREACHED_ATTEMPTS })
      : t(`calls.saved.${saved.outcome}`, { at: saved.callbackAt ? formatDateTime(saved.callbackAt, locale) : "" });
  return (
    <div className={saved.questionnaire === "no-email" || saved.questionnaire === "no-template" ? "notice notice-danger" : "notice"} role="status" data-testid="call-saved">
      <p>{text}</p>
      {saved.questionnaire ? <p>{t(`calls.questionnaire.${saved.questionnaire}`)}</p> : null}
    </div>
  );
}

export default function CallList() {
  const { vacancies, vacancyId, page, callbackDefault } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const reply = actionData?.reply ?? undefined;
  const card = page?.card ?? null;
  // Field errors belong to the card they were typed on; a refusal is shown whatever card comes next.
  const sameCard = card && reply?.initialValue?.applicationId === card.applicationId;
  return (
    <>
      <PageHeader title={t("calls.title")} description={t("calls.intro")} />
      <Form method="get" className="filters">
        <SelectField
          label={t("calls.vacancy")}
          placeholder={t("calls.chooseVacancy")}
          options={vacancies.map((v) => ({ value: v.id, label: `${v.title} · ${v.city}` }))}
          selectProps={{ name: "vacancy", defaultValue: vacancyId ?? "" }}
        />
        <Button type="submit" variant="secondary">
          {t("calls.open")}
        </Button>
      </Form>
      <FormError errors={reply?.error?.[""]} />
      {actionData?.saved ? <SavedNotice saved={actionData.saved} /> : null}
      {!page ? (
        <EmptyState title={t("calls.pick")} />
      ) : (
        <>
          <CallQueueCounts counts={page.counts} />
          {page.vacancy.status === "CLOSED" ? <p className="notice">{t("calls.closed")}</p> : null}
          <div className="grid-2">
            <div>
              {card ? (
                <>
                  <CallCandidate card={card} />
                  <CallOutcomeForm
                    key={card.applicationId}
                    action={pagePath(page.vacancy.id)}
                    applicationId={card.applicationId}
                    callbackDefault={callbackDefault}
                    lastResult={sameCard ? reply : undefined}
                  />
                  <PriorContacts prior={card.prior} />
                </>
              ) : (
                <EmptyState title={t("calls.empty")}>{t("calls.emptyHint")}</EmptyState>
              )}
            </div>
            <div>
              <CallScriptPanel text={page.script.text} isDefault={page.script.isDefault} vacancyId={page.vacancy.id} />
              <CallTodayStats day={page.today.day} rows={page.today.stats} />
            </div>
          </div>
        </>
      )}
    </>
  );
}
