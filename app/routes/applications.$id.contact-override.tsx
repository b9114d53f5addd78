import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import { requireAccess, safeRedirect } from "~/auth/session.server";
import { ContactOverrideSchema, MIN_OVERRIDE_REASON } from "~/sourcing/contact-policy";
import { getOverrideSubject, overrideExclusion, OverrideRefused, revokeOverride } from "~/sourcing/contact-override.server";
import { Button, Field, FormError } from "~/ui/form";
import { pageTitle } from "~/ui/i18n-instance";
import { PageHeader } from "~/ui/page";
import { CandidateLink } from "~/ui/person";
import { invariantResponse } from "~/utils/http";

/**
 * Allowing contact with a candidate from an excluded company, or taking it back.
 * The candidate profile posts here and is returned to (redirectTo). A refused or
 * invalid submission lands on this page instead, with the message next to the
 * reason and the typed reason kept, so the person can correct it and send again.
 */
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "intake.override.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAccess(request, "contactOverride");
  const subject = await getOverrideSubject(params.id ?? "");
  invariantResponse(subject, "Application not found");
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), `/candidates/${subject.candidate.id}`);
  return json({ subject, redirectTo });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireAccess(request, "contactOverride");
  const submission = parseWithZod(await request.formData(), { schema: ContactOverrideSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const change = submission.value;
  const applicationId = params.id ?? "";
  try {
    const application =
      change.intent === "override"
        ? await overrideExclusion({ applicationId, actorId: user.id, reason: change.reason })
        : await revokeOverride({ applicationId, actorId: user.id, reason: change.reason });
    return redirect(safeRedirect(change.redirectTo, `/candidates/${application.candidateId}`));
  } catch (error) {
    if (!(error instanceof OverrideRefused)) throw error;
    invariantResponse(error.problem !== "not-found", "Application not found");
    return json(submission.reply({ formErrors: [`intake.override.problems.${error.problem}`] }), { status: 409 });
  }
}

export default function ContactOverridePage() {
  const { subject, redirectTo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const overridden = Boolean(subject.contactOverrideAt);
  const [form, fields] = useForm({
    id: `override-${subject.id}`,
    lastResult,
    constraint: getZodConstraint(ContactOverrideSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ContactOverrideSchema }),
  });
  return (
    <>
      <p className="breadcrumb">
        <Link to={redirectTo}>← {t("intake.override.back")}</Link>
      </p>
      <PageHeader title={t("intake.override.title")} description={t("intake.override.explain")} />
      <section className="card">
        <dl className="details">
          <dt>{t("intake.override.candidate")}</dt>
          <dd>
            <CandidateLink id={subject.candidate.id} name={subject.candidate.name} />
          </dd>
          <dt>{t("ui.vacancy")}</dt>
          <dd>
            <Link to={`/vacancies/${subject.vacancy.id}`}>{subject.vacancy.title}</Link>
          </dd>
          <dt>{t("intake.override.tier")}</dt>
          <dd>{subject.tier ? t(`tiers.${subject.tier}`) : "—"}</dd>
          {overridden ? (
            <>
              <dt>{t("intake.override.current")}</dt>
              <dd>{subject.contactOverrideReason}</dd>
            </>
          ) : null}
        </dl>
        <Form method="post" {...getFormProps(form)}>
          <FormError id={form.errorId} errors={form.errors} />
          <input type="hidden" name="intent" value={overridden ? "revoke" : "override"} />
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <Field
            label={t("intake.override.reason")}
            hint={overridden ? undefined : t("intake.override.reasonHint", { min: MIN_OVERRIDE_REASON })}
            errors={fields.reason.errors}
            inputProps={getInputProps(fields.reason, { type: "text" })}
          />
          <Button variant={overridden ? "ghost" : "secondary"} disabled={navigation.state === "submitting"}>
            {overridden ? t("intake.override.revoke") : t("intake.override.allow")}
          </Button>
        </Form>
      </section>
    </>
  );
}
