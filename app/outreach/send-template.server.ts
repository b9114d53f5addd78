import { type TemplateKind } from "@prisma/client";
import { assertMayContact } from "~/sourcing/contact-policy.server";
import { type Tx } from "~/utils/db.server";
import { type MailInput, sendMail } from "~/utils/mail.server";
import { newToken, unsubscribeHeaders, unsubscribeUrl } from "./links.server";
import { type MergeValues } from "./merge-fields";
import { compileTemplate, type TemplateLocale } from "./template-render";
import { mergeValuesFor, templateFor, templateText } from "./templates.server";

export type SendTemplateResult =
  | { status: "queued" | "duplicate"; id: string | null }
  /** No template of that kind for the vacancy (nor a general one) with any language filled. */
  | { status: "no-template" }
  | { status: "no-email" };

/**
 * One templated letter to the candidate of an application (the call list's
 * "interested → send the questionnaire"), queued in the caller's transaction: the
 * contact rule is asked first (ContactRefused is thrown as it is), then the
 * vacancy's template of the kind is filled with the application's values and the
 * extras, and sent with its own unsubscribe link and List-Unsubscribe header.
 * The letter is in `locale` when the template has it, else in its other language.
 * `attachments` go with it as they are (an interview's calendar file).
 */
export async function sendTemplateMail(
  tx: Tx,
  input: {
    applicationId: string;
    kind: TemplateKind;
    locale?: TemplateLocale;
    extras?: MergeValues;
    dedupeKey?: string;
    attachments?: MailInput["attachments"];
  },
): Promise<SendTemplateResult> {
  await assertMayContact(tx, input.applicationId);
  const application = await tx.application.findUniqueOrThrow({
    where: { id: input.applicationId },
    select: { id: true, vacancyId: true, candidate: { select: { id: true, email: true } } },
  });
  const template = await templateFor(tx, input.kind, application.vacancyId);
  const preferred = input.locale ?? "ru";
  const locale = template && !templateText(template, preferred) ? (preferred === "ru" ? "en" : "ru") : preferred;
  const text = template ? templateText(template, locale) : null;
  if (!text) return { status: "no-template" };
  const email = application.candidate.email?.trim();
  if (!email) return { status: "no-email" };

  const values = (await mergeValuesFor(tx, [application.id], { locale })).get(application.id) ?? {};
  const { token, hash } = newToken();
  const unsubscribeLink = unsubscribeUrl(token);
  const message = compileTemplate(input.kind, text, { locale }).render({ ...values, ...input.extras, unsubscribeLink });
  return sendMail(
    {
      to: email,
      subject: message.subject,
      text: message.text,
      html: message.html,
      dedupeKey: input.dedupeKey,
      candidateId: application.candidate.id,
      applicationId: application.id,
      templateKind: input.kind,
      headers: unsubscribeHeaders(unsubscribeLink),
      unsubscribeTokenHash: hash,
      attachments: input.attachments,
    },
    { tx },
  );
}
