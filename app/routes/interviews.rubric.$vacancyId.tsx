import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { canAccess } from "~/auth/access";
import { requireAccess } from "~/auth/session.server";
import { DESCRIBED_LEVELS } from "~/interviews/rubric";
import { RubricFormSchema, rubricToForm } from "~/interviews/rubric-form";
import { rubricEditor, saveVacancyRubric } from "~/interviews/rubric.server";
import styles from "~/styles/scorecards.css";
import { DateText } from "~/ui/dates";
import { pageTitle } from "~/ui/i18n-instance";
import { RubricForm } from "~/ui/interview-rubric-form";
import { PageHeader, Section } from "~/ui/page";
import { useLocale } from "~/ui/use-locale";
import { useTranslation } from "~/ui/use-translation";
import { invariantResponse } from "~/utils/http";

/**
 * A vacancy's rubric: the competencies assessors score, their weights and what 1, 3
 * and 5 look like. All staff read it; heads, hiring managers and admins edit it.
 * Saving refreshes the sessions nobody has submitted a scorecard for yet.
 */

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "interviewScoring.rubric.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireAccess(request, "interviews");
  const editor = await rubricEditor(params.vacancyId ?? "");
  invariantResponse(editor, "Vacancy not found");
  const url = new URL(request.url);
  const saved = /^(\d+)-(\d+)$/.exec(url.searchParams.get("saved") ?? "");
  return json({
    ...editor,
    canEdit: canAccess(user.roles, "interviewRubric"),
    form: rubricToForm(editor.rubric),
    saved: saved ? { refreshed: Number(saved[1]), kept: Number(saved[2]) } : null,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireAccess(request, "interviewRubric");
  const vacancyId = params.vacancyId ?? "";
  const submission = parseWithZod(await request.formData(), { schema: RubricFormSchema });
  // A list intent (add, remove, move) comes back with the list changed and nothing saved.
  if (submission.status !== "success") return json(submission.reply(), { status: submission.status === "error" ? 400 : 200 });
  const saved = await saveVacancyRubric({ vacancyId, rubric: submission.value.competencies, actorId: user.id });
  invariantResponse(saved, "Vacancy not found");
  return redirect(`/interviews/rubric/${vacancyId}?saved=${saved.refreshed}-${saved.kept}`);
}

function ReadOnlyRubric({ rubric }: { rubric: ReturnType<typeof useLoaderData<typeof loader>>["rubric"] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <ol className="rb-list" data-rubric="">
      {rubric.map((c) => (
        <li key={c.id} className="card">
          <h3>
            {c.name[locale]} <span className="muted">{t("interviewScoring.scoring.weight", { weight: c.weight })}</span>
          </h3>
          <dl className="sc-levels">
            {DESCRIBED_LEVELS.map((level) => (
              <div key={level} className="sc-level">
                <dt>{level}</dt>
                <dd>{c.levels[level][locale]}</dd>
              </div>
            ))}
          </dl>
        </li>
      ))}
    </ol>
  );
}

export default function RubricEditor() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation();
  const { vacancy, sessions } = data;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/vacancies/${vacancy.id}`}>← {vacancy.title}</Link>
      </p>
      <PageHeader
        title={t("interviewScoring.rubric.title")}
        description={
          data.isDefault ? (
            t("interviewScoring.rubric.isDefault")
          ) : (
            <>
              {t("interviewScoring.rubric.updated")} <DateText value={data.updatedAt} withTime />
              {data.updatedByName ? ` · ${data.updatedByName}` : null}
            </>
          )
        }
      />
      {data.saved && !lastResult ? (
        <p className="notice notice-good" role="status" data-saved="">
          {t("interviewScoring.rubric.saved", { refreshed: data.saved.refreshed, kept: data.saved.kept })}
        </p>
      ) : null}
      <p className="muted" data-sessions="">
        {t("interviewScoring.rubric.sessionsNote", { refreshable: sessions.refreshable, kept: sessions.kept.length })}
      </p>
      {data.canEdit ? (
        <Section id="competencies" title={t("interviewScoring.rubric.competencies")}>
          <RubricForm key={data.updatedAt ?? "default"} defaultValue={data.form} lastResult={lastResult} />
        </Section>
      ) : (
        <Section id="competencies" title={t("interviewScoring.rubric.competencies")}>
          <p className="muted">{t("interviewScoring.rubric.readOnly")}</p>
          <ReadOnlyRubric rubric={data.rubric} />
        </Section>
      )}
    </>
  );
}
