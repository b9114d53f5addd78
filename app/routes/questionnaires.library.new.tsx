import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { requireAccess } from "~/auth/session.server";
import { START_CHOICES } from "~/questionnaires/builder";
import { newQuestionnaireAction } from "~/questionnaires/builder-actions.server";
import { LINK_DAYS, NewQuestionnaireSchema, REMINDER_HOURS } from "~/questionnaires/builder-form";
import styles from "~/styles/questionnaire-builder.css";
import { Button, ErrorList, FormError } from "~/ui/form";
import { pageTitle } from "~/ui/i18n-instance";
import { PageHeader } from "~/ui/page";
import { SettingsFields } from "~/ui/questionnaire-builder-form";
import { useTranslation } from "~/ui/use-translation";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "questionnaireBuilder.newTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAccess(request, "questionnaireBuild");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAccess(request, "questionnaireBuild");
  return newQuestionnaireAction({ formData: await request.formData(), actorId: user.id });
}

export default function NewQuestionnaire() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "new-questionnaire",
    lastResult: actionData?.result,
    defaultValue: { name: "", reminderAfterHours: String(REMINDER_HOURS.default), linkValidDays: String(LINK_DAYS.default), start: "default" },
    constraint: getZodConstraint(NewQuestionnaireSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewQuestionnaireSchema }),
  });
  const start = fields.start.initialValue ?? "default";
  return (
    <>
      <p className="breadcrumb">
        <Link to="/questionnaires/library">← {t("questionnaireBuilder.back")}</Link>
      </p>
      <PageHeader title={t("questionnaireBuilder.newTitle")} description={t("questionnaireBuilder.intro")} />
      <Form method="post" {...getFormProps(form)} className="card form-grid">
        <FormError id={form.errorId} errors={form.errors} />
        <SettingsFields fields={fields} />
        <fieldset className="field" aria-invalid={fields.start.errors?.length ? true : undefined} aria-describedby={fields.start.errors?.length ? fields.start.errorId : undefined}>
          <legend>{t("questionnaireBuilder.fields.start")}</legend>
          {START_CHOICES.map((choice) => (
            <label key={choice} className="checkbox">
              <input type="radio" name={fields.start.name} value={choice} defaultChecked={start === choice} />
              {t(`questionnaireBuilder.start.${choice}`)}
            </label>
          ))}
          <ErrorList id={fields.start.errorId} errors={fields.start.errors} />
        </fieldset>
        <div className="page-actions">
          <Button type="submit" disabled={navigation.state === "submitting"}>
            {t("questionnaireBuilder.create")}
          </Button>
          <Link to="/questionnaires/library" className="button button-ghost">
            {t("questionnaireBuilder.cancel")}
          </Link>
        </div>
      </Form>
    </>
  );
}
