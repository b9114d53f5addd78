import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import { canAccess } from "~/auth/access";
import { requireAccess } from "~/auth/session.server";
import { BulkActionSchema } from "~/sourcing/bulk-actions";
import { listCampaigns, runBulkActionReport } from "~/sourcing/bulk-actions.server";
import { isFiltered, parseCandidateFilters } from "~/sourcing/candidate-filters";
import { searchCandidates } from "~/sourcing/candidates.server";
import { listVacancyOptions } from "~/sourcing/vacancies.server";
import { CandidateFlags } from "~/ui/applications-table";
import { Badge, Money, StageBadge } from "~/ui/badges";
import { BulkActionsBar, BulkResultNotice, SelectAllBox } from "~/ui/bulk-actions-bar";
import { CandidateFiltersForm } from "~/ui/candidate-filters-form";
import { formatCount } from "~/ui/dates";
import { pageTitle } from "~/ui/i18n-instance";
import { EmptyState, PageHeader } from "~/ui/page";
import { Pagination } from "~/ui/pagination";
import { CandidateLink, formatPersonName } from "~/ui/person";
import { TierBadge, TierReasonText } from "~/ui/tier-reason";
import { useLocale } from "~/ui/use-locale";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "candidates.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireAccess(request, "candidates");
  const { filters, errors } = parseCandidateFilters(new URL(request.url).searchParams);
  const [result, vacancies, campaigns] = await Promise.all([
    searchCandidates(filters),
    listVacancyOptions(),
    filters.vacancyId ? listCampaigns(filters.vacancyId) : Promise.resolve([]),
  ]);
  return json({
    filters,
    errors,
    ...result,
    vacancies,
    campaigns: campaigns.map((c) => ({ id: c.id, name: c.name, members: c._count.members })),
    canEdit: canAccess(user.roles, "candidateEdit"),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAccess(request, "candidateEdit");
  const submission = parseWithZod(await request.formData(), { schema: BulkActionSchema });
  if (submission.status !== "success") return json({ lastResult: submission.reply(), report: null }, { status: 400 });
  const report = await runBulkActionReport(user.id, submission.value);
  return json({ lastResult: submission.reply({ resetForm: true }), report });
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["candidates"][number];

export default function Candidates() {
  const data = useLoaderData<typeof loader>();
  const { filters, errors, total, capped, candidates, canEdit } = data;
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = useForm({
    id: "bulk",
    lastResult: navigation.state === "idle" ? actionData?.lastResult : undefined,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: BulkActionSchema }),
  });
  const withVacancy = Boolean(filters.vacancyId);
  const count = formatCount(total, locale);

  const table = (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            {canEdit ? <SelectAllBox formId={form.id} label={t("candidateList.selectAll")} /> : null}
            <th scope="col">{t("candidateList.columns.name")}</th>
            <th scope="col">{t("candidateList.columns.titleCity")}</th>
            <th scope="col" className="num">
              {t("candidateList.columns.salary")}
            </th>
            {withVacancy ? (
              <>
                <th scope="col">{t("candidateList.columns.tier")}</th>
                <th scope="col">{t("candidateList.columns.stage")}</th>
              </>
            ) : (
              <th scope="col" className="num">
                {t("candidateList.columns.applications")}
              </th>
            )}
            <th scope="col">{t("candidateList.columns.source")}</th>
            <th scope="col">{t("candidateList.columns.flags")}</th>
          </tr>
        </thead>
        <tbody>
          {candidates.map((c) => (
            <tr key={c.id}>
              {canEdit ? (
                <td>
                  <input
                    type="checkbox"
                    name="ids"
                    value={c.id}
                    aria-label={t("candidateList.selectRow", {
                      name: c.name ? formatPersonName(c.name, locale) : t("candidates.erasedName"),
                    })}
                  />
                </td>
              ) : null}
              <th scope="row">
                <CandidateLink id={c.id} name={c.name} />
                {c.tags.length ? (
                  <span className="stage-strip">
                    {c.tags.map((tag) => (
                      <Badge key={tag}>{tag}</Badge>
                    ))}
                  </span>
                ) : null}
              </th>
              <td>{[c.currentTitle, c.city].filter(Boolean).join(", ") || "—"}</td>
              <td className="num">
                <Money amount={c.salaryExpectationRub} />
              </td>
              {withVacancy ? <ApplicationCells application={c.application} /> : <td className="num">{c.applications}</td>}
              <td>{t(`sources.${c.source}`)}</td>
              <td>
                <CandidateFlags candidate={c} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <>
      <PageHeader title={t("candidates.title")} description={t("candidateList.intro")} />
      <CandidateFiltersForm filters={filters} errors={errors} vacancies={data.vacancies} />
      {actionData?.report && navigation.state === "idle" ? <BulkResultNotice report={actionData.report} /> : null}
      <p className="muted" aria-live="polite">
        {capped ? t("candidateList.foundCapped", { total: count }) : t("candidateList.found", { total: count })}
      </p>
      {candidates.length === 0 ? (
        <EmptyState title={isFiltered(filters) ? t("candidateList.noMatches") : t("candidateList.empty")} />
      ) : canEdit ? (
        <Form method="post" {...getFormProps(form)}>
          <BulkActionsBar
            vacancyId={filters.vacancyId}
            campaigns={data.campaigns}
            errors={form.allErrors}
            formErrors={[...(form.errors ?? []), ...(form.allErrors.intent ?? [])]}
          />
          {table}
        </Form>
      ) : (
        table
      )}
      <Pagination page={data.page} pageCount={data.pageCount} capped={capped} />
    </>
  );
}

function ApplicationCells({ application }: { application: Row["application"] }) {
  const { t } = useTranslation();
  if (!application) return <td colSpan={2}>—</td>;
  const reason = application.tierReason;
  return (
    <>
      <td>
        {application.tier ? <TierBadge tier={application.tier} /> : "—"}
        {reason ? (
          <div className="muted" data-tier-reason="">
            <TierReasonText reason={reason} />
          </div>
        ) : null}
        {application.tier === "EXCLUDED" && application.contactOverrideAt ? (
          <div className="muted">{t("candidateList.overridden")}</div>
        ) : null}
      </td>
      <td>
        <StageBadge stage={application.stage} />
      </td>
    </>
  );
}

