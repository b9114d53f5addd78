import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import { requireAccess } from "~/auth/session.server";
import { EmailStatusBadge } from "~/ui/badges";
import { DateText } from "~/ui/dates";
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
  return json({ message });
}

// The HTML is someone's letter, not our page: the sandbox (no scripts, forms,
// navigation or same-origin access) keeps it from acting on the app, and this CSP
// stops remote images and fonts, so opening a message never calls a tracker.
const PREVIEW_CSP =
  "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">";

export default function OutboxMessage() {
  const { message } = useLoaderData<typeof loader>();
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
      {message.error ? (
        <div className={message.status === "FAILED" ? "notice notice-danger" : "notice"} role="status">
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
