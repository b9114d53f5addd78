import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import { requireAccess } from "~/auth/session.server";
import { BounceFormSchema, MAX_BOUNCE_REASON, mayBounce } from "~/outreach/bounce";
import { markBounced } from "~/outreach/bounce.server";
import { EmailStatusBadge } from "~/ui/badges";
import { DateText } from "~/ui/dates";
import { Button, ErrorList, FormError } from "~/ui/form";
import { dataTitle } from "~/ui/i18n-instance";
import { PageHeader, Section } from "~/ui/page";
import { invariantResponse } from "~/utils/http";
import { getOutboxMessage } from "~/utils/mail.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  dataTitle(matches, data?.message.subject, "outbox.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAccess(request, "outbox");
  const message = await getOutboxMessage(params.id ?? "");
  invariantResponse(message, "Message not found");
  return json({ message, bounced: new URL(request.url).searchParams.has("bounced") });
}

/** "Mark as bounced" with a short reason: only for a message that went out. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireAccess(request, "outbox");
  const id = params.id ?? "";
  const submission = parseWithZod(await request.formData(), { schema: BounceFormSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = await markBounced({ actorId: user.id, emailId: id, reason: submission.value.reason });
  invariantResponse(result !== "not-found", "Message not found");
  if (result === "refused") return json(submission.reply({ formErrors: ["contactLog.bounce.problems.status"] }), { status: 409 });
  return redirect(`/outbox/${id}?bounced=1`);
}

// The HTML is someone's letter, not our page: the sandbox (no scripts, forms,
// navigation or same-origin access) keeps it from acting on the app, and this CSP
// stops remote images and fonts, so opening a message never calls a tracker.
const PREVIEW_CSP =
  "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">";

/** The files a message carries, by name (their content stays in the row). */
function attachmentNames(value: unknown): string[] {
  return Array.isArray(value) ? value.map((a: { filename?: unknown }) => String(a?.filename ?? "")).filter(Boolean) : [];
}

export default function OutboxMessage() {
  const { message, bounced } = useLoaderData<typeof loader>();
  const refused = Boolean(useActionData<typeof action>());
  const { t } = useTranslation();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/outbox">← {t("outbox.title")}</Link>
      </p>
      <PageHeader
        title={message.subject}
        actions={<EmailStatusBadge status={message.status} />}
      />
      {bounced ? (
        <div className="notice" role="status">
          {t("contactLog.bounce.done")}
        </div>
      ) : null}
      {message.error ? (
        <div className={message.status === "FAILED" || message.status === "BOUNCED" ? "notice notice-danger" : "notice"} role="status">
          <p>
            <strong>{t("outbox.detail.error")}:</strong> {message.error}
          </p>
          {message.status === "QUEUED" ? <p>{t("outbox.detail.retrying")}</p> : null}
        </div>
      ) : null}
      <dl className="details">
        <dt>{t("outbox.detail.from")}</dt>
        <dd>{message.fromAddress}</dd>
        <dt>{t("outbox.columns.to")}</dt>
        <dd>{message.toAddress}</dd>
        <dt>{t("outbox.columns.created")}</dt>
        <dd>
          <DateText value={message.createdAt} withTime />
        </dd>
        <dt>{t("outbox.columns.sent")}</dt>
        <dd>
          <DateText value={message.sentAt} withTime />
        </dd>
        {message.messageId ? (
          <>
            <dt>{t("outbox.detail.messageId")}</dt>
            <dd>
              <code>{message.messageId}</code>
            </dd>
          </>
        ) : null}
        {attachmentNames(message.attachments).length ? (
          <>
            <dt>{t("outbox.detail.attachments")}</dt>
            <dd>{attachmentNames(message.attachments).join(", ")}</dd>
          </>
        ) : null}
        {message.candidateId ? (
          <>
            <dt>{t("outbox.detail.candidate")}</dt>
            <dd>
              <Link to={`/candidates/${message.candidateId}`}>{t("outbox.detail.openCandidate")}</Link>
            </dd>
          </>
        ) : null}
      </dl>
      <Section id="message-text" title={t("outbox.detail.text")}>
        <pre style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere", font: "inherit", margin: 0 }}>
          {message.text}
        </pre>
      </Section>
      {mayBounce(message.status) || refused ? <BounceForm /> : null}
      {message.html ? (
        <Section id="message-html" title={t("outbox.detail.html")}>
          <iframe
            sandbox=""
            srcDoc={PREVIEW_CSP + message.html}
            title={t("outbox.detail.htmlFrame")}
            referrerPolicy="no-referrer"
            style={{ width: "100%", minHeight: "28rem", border: "1px solid currentColor", borderRadius: 4 }}
          />
        </Section>
      ) : null}
    </>
  );
}

function BounceForm() {
  const { t } = useTranslation();
  const lastResult = useActionData<SubmissionResult<string[]>>();
  const [form, fields] = useForm({
    id: "bounce",
    lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: BounceFormSchema }),
  });
  return (
    <Section id="bounce" title={t("contactLog.bounce.title")}>
      <p className="muted">{t("contactLog.bounce.explain")}</p>
      <Form method="post" {...getFormProps(form)} className="stack-tight">
        <FormError id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="bounce" />
        <div className="field">
          <label htmlFor={fields.reason.id}>{t("contactLog.bounce.reason")}</label>
          <textarea
            {...getTextareaProps(fields.reason)}
            rows={2}
            maxLength={MAX_BOUNCE_REASON}
            aria-describedby={fields.reason.errors ? fields.reason.errorId : undefined}
          />
          <ErrorList id={fields.reason.errorId} errors={fields.reason.errors} />
        </div>
        <div>
          <Button type="submit" variant="danger">
            {t("contactLog.bounce.submit")}
          </Button>
        </div>
      </Form>
    </Section>
  );
}
