import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { canAccess } from "~/auth/access";
import { requireAccess } from "~/auth/session.server";
import { definitionToDraft } from "~/questionnaires/builder";
import { questionnaireEditorAction } from "~/questionnaires/builder-actions.server";
import { savedNotice, type SavedNotice } from "~/questionnaires/builder-form";
import { questionnaireEditor } from "~/questionnaires/builder.server";
import styles from "~/styles/questionnaire-builder.css";
import { Badge } from "~/ui/badges";
import { Button } from "~/ui/form";
import { dataTitle } from "~/ui/i18n-instance";
import { PageHeader, Section } from "~/ui/page";
import { QuestionnaireBuilderForm } from "~/ui/questionnaire-builder-form";
import { AssignPanel, VersionsTable } from "~/ui/questionnaire-builder-panels";
import { QuestionPreview, QuestionStaffNote } from "~/ui/questionnaire-question-preview";
import { useLocale } from "~/ui/use-locale";
import { useTranslation } from "~/ui/use-translation";
import { invariantResponse } from "~/utils/http";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => dataTitle(matches, data?.name, "questionnaireBuilder.editTitle");

// Reading is open to all staff (the vacancy page links here); changing needs questionnaireBuild.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireAccess(request, "questionnaires");
  const editor = await questionnaireEditor(params.id ?? "");
  invariantResponse(editor?.current, "Questionnaire not found");
  const { current, ...rest } = editor;
  const newest = rest.versions[0]!;
  return json({
    ...rest,
    archived: Boolean(rest.archivedAt),
    canBuild: canAccess(user.roles, "questionnaireBuild"),
    current: { version: current.version, responses: newest.responses, definition: current.definition },
    draft: definitionToDraft(current.definition),
    notice: savedNotice(new URL(request.url).searchParams),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireAccess(request, "questionnaireBuild");
  return questionnaireEditorAction({ formData: await request.formData(), actor: user, questionnaireId: params.id ?? "" });
}

function Notice({ notice }: { notice: SavedNotice }) {
  const { t } = useTranslation();
  const text =
    notice.how === "created"
      ? t("questionnaireBuilder.notices.created", { version: notice.version })
      : notice.how === "new"
        ? t("questionnaireBuilder.notices.newVersion", { version: notice.version, previous: notice.version - 1 })
        : notice.how === "place"
          ? t("questionnaireBuilder.notices.inPlace", { version: notice.version })
          : t("questionnaireBuilder.notices.unchanged", { version: notice.version });
  return (
    <p className="notice" role="status" data-saved={notice.how}>
      {text}
    </p>
  );
}

export default function QuestionnaireEditor() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const { id, name, archived, canBuild, current, notice } = data;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/questionnaires/library">← {t("questionnaireBuilder.back")}</Link>
      </p>
      <PageHeader
        title={
          <>
            {name} {archived ? <Badge tone="out">{t("questionnaireBuilder.archivedBadge")}</Badge> : null}
          </>
        }
        description={`${t("questionnaireBuilder.versions.version")} ${current.version}`}
        actions={
          canBuild ? (
            <Form method="post">
              <Button type="submit" name="intent" value={archived ? "restore" : "archive"} variant={archived ? "secondary" : "danger"}>
                {t(archived ? "questionnaireBuilder.restore" : "questionnaireBuilder.archive")}
              </Button>
            </Form>
          ) : null
        }
      />
      {notice && !actionData ? <Notice notice={notice} /> : null}
      {archived ? <p className="notice">{t("questionnaireBuilder.notices.archived")}</p> : null}
      {canBuild ? (
        <>
          {current.responses > 0 ? (
            <p className="notice" data-next-version>
              {t("questionnaireBuilder.notices.nextVersion", { version: current.version, responses: current.responses, next: current.version + 1 })}
            </p>
          ) : null}
          {/* A new key after each save starts the form from what was saved (archiving or assigning keeps what is being typed). */}
          <QuestionnaireBuilderForm
            key={[current.version, data.versions[0]?.createdAt, name, data.reminderAfterHours, data.linkValidDays].join("|")}
            settings={{ name, reminderAfterHours: String(data.reminderAfterHours), linkValidDays: String(data.linkValidDays) }}
            draft={data.draft}
            actionData={actionData}
            cancelTo="/questionnaires/library"
          />
        </>
      ) : (
        <Section id="questions" title={t("questionnaireBuilder.editor.questions")}>
          <p className="muted">{t("questionnaireBuilder.notices.readOnly")}</p>
          <ol className="qb-version-questions">
            {current.definition.questions.map((q, index) => (
              <li key={q.id}>
                <QuestionPreview question={q} locale={locale} number={index + 1} />
                <QuestionStaffNote question={q} />
              </li>
            ))}
          </ol>
        </Section>
      )}
      <div className="grid-2">
        <AssignPanel assigned={data.assigned} options={data.vacancyOptions} actionData={actionData} canBuild={canBuild} />
        <VersionsTable questionnaireId={id} versions={data.versions} />
      </div>
    </>
  );
}
