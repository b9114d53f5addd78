import { type FieldMetadata, getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, isRouteErrorResponse, Link, useNavigation, useRouteError } from "@remix-run/react";
import { type ReactNode, useMemo, useRef } from "react";
import { type AppLocale } from "~/i18n/i18n";
import { MAX_LONG_TEXT, MAX_SHORT_TEXT, type Question, type Questionnaire, SCALE_MAX, SCALE_MIN, YES_NO } from "~/questionnaires/questions";
import { FORM_FIELDS, MAX_QUESTIONNAIRE_BODY_KB, openFormSchema, questionnaireFormSchema } from "~/questionnaires/submission";
import { useTranslation } from "~/ui/use-translation";
import { Button, ErrorList, Field, FormError } from "./form";
import { ErrorPage } from "./page";
import { useClearDraft, useQuestionnaireDraft } from "./questionnaire-draft";
import { useLocale } from "./use-locale";

/**
 * The public questionnaire form (app/routes/q.$token.tsx, q.open.$vacancyId.tsx):
 * one input per question, fitting its type, in the order the questionnaire gives,
 * then the consent. Mobile first (app/styles/questionnaire-form.css): one column,
 * large tap targets. Works as a plain HTML post; with JavaScript it validates as the
 * server does, keeps a draft in the browser and cannot be sent twice by a double tap.
 * Everything a candidate or a recruiter wrote is shown as text, never as markup.
 */

type Meta = FieldMetadata<unknown>;
type Reply = SubmissionResult<string[]>;

export type FormVersionProps = { id: string; stamp: string; definition: Questionnaire };

const text = (value: unknown) => (typeof value === "string" ? value : "");
const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : typeof value === "string" ? [value] : []);
const describedBy = (...ids: Array<string | false | undefined>) => ids.filter(Boolean).join(" ") || undefined;

function Label({ question, locale }: { question: Question; locale: AppLocale }) {
  const { t } = useTranslation();
  return (
    <>
      {question.label[locale]}
      {question.required ? (
        <>
          <span className="qf-required" aria-hidden="true">
            *
          </span>
          <span className="visually-hidden"> ({t("questionnaireForm.required")})</span>
        </>
      ) : null}
    </>
  );
}

function Choices({ meta, type, options, required }: { meta: Meta; type: "radio" | "checkbox"; options: ReadonlyArray<{ value: string; label: string }>; required: boolean }) {
  const chosen = list(meta.initialValue);
  return (
    <div className="qf-options">
      {options.map((option) => (
        <label key={option.value} className="qf-option">
          <input
            type={type}
            name={meta.name}
            value={option.value}
            defaultChecked={chosen.includes(option.value)}
            required={type === "radio" && required}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </div>
  );
}

/** One question: its label, help, the input its type needs, and its errors. */
export function QuestionField({ question, meta, locale }: { question: Question; meta: Meta; locale: AppLocale }) {
  const { t } = useTranslation();
  const help = question.help?.[locale];
  const invalid = Boolean(meta.errors?.length);
  const aria = {
    "aria-invalid": invalid || undefined,
    "aria-describedby": describedBy(help && meta.descriptionId, invalid && meta.errorId),
  };
  const helpText = help ? (
    <p id={meta.descriptionId} className="field-hint qf-help">
      {help}
    </p>
  ) : null;
  const errors = <ErrorList id={meta.errorId} errors={meta.errors} />;

  if (question.type === "single_choice" || question.type === "multi_choice" || question.type === "yes_no" || question.type === "scale") {
    const options =
      question.type === "yes_no"
        ? YES_NO.map((value) => ({ value, label: t(`questionnaireForm.${value}`) }))
        : question.type === "scale"
          ? Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, i) => ({ value: String(SCALE_MIN + i), label: String(SCALE_MIN + i) }))
          : (question.options ?? []).map((o) => ({ value: o.value, label: o.label[locale] }));
    return (
      <fieldset className={`field qf-question qf-${question.type}`} id={meta.id} {...aria}>
        <legend>
          <Label question={question} locale={locale} />
        </legend>
        {helpText}
        <Choices meta={meta} type={question.type === "multi_choice" ? "checkbox" : "radio"} options={options} required={question.required} />
        {question.type === "scale" ? (
          <p className="qf-scale-ends field-hint" aria-hidden="true">
            <span>{t("questionnaireForm.scaleLow")}</span>
            <span>{t("questionnaireForm.scaleHigh")}</span>
          </p>
        ) : null}
        {errors}
      </fieldset>
    );
  }

  const common = { id: meta.id, name: meta.name, required: question.required, defaultValue: text(meta.initialValue), ...aria };
  const input =
    question.type === "long_text" ? (
      <textarea {...common} rows={5} maxLength={MAX_LONG_TEXT} />
    ) : question.type === "date" ? (
      <input {...common} type="date" min="1900-01-01" max="2100-12-31" />
    ) : question.type === "number" ? (
      <input {...common} type="text" inputMode="decimal" autoComplete="off" />
    ) : question.type === "money" ? (
      <span className="qf-affix">
        <input {...common} type="text" inputMode="numeric" autoComplete="off" />
        <span aria-hidden="true">₽</span>
      </span>
    ) : (
      <input {...common} type="text" maxLength={MAX_SHORT_TEXT} />
    );
  return (
    <div className="field qf-question">
      <label htmlFor={meta.id}>
        <Label question={question} locale={locale} />
      </label>
      {helpText}
      {input}
      {errors}
    </div>
  );
}

function PersonBlock({ fields }: { fields: Record<string, Meta> }) {
  const { t } = useTranslation();
  const field = (name: string, label: string, extra: { type: "text" | "email" | "tel"; autoComplete: string; required?: boolean; hint?: string }) => {
    const meta = fields[name]!;
    return (
      <Field
        label={label}
        hint={extra.hint}
        errors={meta.errors}
        inputProps={{ id: meta.id, name: meta.name, type: extra.type, autoComplete: extra.autoComplete, required: extra.required, defaultValue: text(meta.initialValue), maxLength: 254 }}
      />
    );
  };
  return (
    <fieldset className="qf-person">
      <legend>{t("questionnaireForm.open.personLegend")}</legend>
      {field(FORM_FIELDS.lastName, t("intake.person.lastName"), { type: "text", autoComplete: "family-name", required: true })}
      {field(FORM_FIELDS.firstName, t("intake.person.firstName"), { type: "text", autoComplete: "given-name", required: true })}
      {field(FORM_FIELDS.email, t("intake.person.email"), { type: "email", autoComplete: "email", hint: t("questionnaireForm.open.contactHint") })}
      {field(FORM_FIELDS.phone, t("intake.person.phone"), { type: "tel", autoComplete: "tel", hint: t("intake.person.phoneHint") })}
      <div className="visually-hidden" aria-hidden="true">
        <label htmlFor="qf-home-page">{t("questionnaireForm.open.honeypot")}</label>
        <input id="qf-home-page" name={FORM_FIELDS.honeypot} type="text" tabIndex={-1} autoComplete="off" />
      </div>
    </fieldset>
  );
}

const NOT_IN_DRAFT = [FORM_FIELDS.versionId, FORM_FIELDS.versionStamp, FORM_FIELDS.consentVersion, FORM_FIELDS.consentGiven, FORM_FIELDS.honeypot];

/**
 * The form itself. `mode="open"` puts the person's name and contacts first (the
 * vacancy's open link); a personal link knows who it is for.
 */
export function QuestionnaireForm({
  mode,
  version,
  consent,
  lastResult,
  draftKey,
}: {
  mode: "invite" | "open";
  version: FormVersionProps;
  consent: { text: string; version: string };
  lastResult: Reply | undefined;
  draftKey: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigation = useNavigation();
  const formRef = useRef<HTMLFormElement>(null);
  const schema = useMemo(
    () => (mode === "open" ? openFormSchema(version.definition, locale) : questionnaireFormSchema(version.definition, locale)),
    [mode, version.definition, locale],
  );
  const [form, fields] = useForm<Record<string, unknown>>({
    id: "questionnaire",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const metas = fields as unknown as Record<string, Meta>;
  const restored = useQuestionnaireDraft(formRef, draftKey, { restore: !lastResult, skip: NOT_IN_DRAFT });
  const sending = navigation.state === "submitting";
  const consentMeta = metas[FORM_FIELDS.consentGiven]!;

  return (
    <Form method="post" {...getFormProps(form)} ref={formRef} className="qf-form">
      {restored ? (
        <p className="notice" role="status">
          {t("questionnaireForm.draftRestored")}
        </p>
      ) : null}
      <FormError id={form.errorId} errors={form.errors} />
      {mode === "open" ? <PersonBlock fields={metas} /> : null}
      <p className="field-hint">{t("questionnaireForm.requiredNote")}</p>
      {version.definition.questions.map((question) => (
        <QuestionField key={question.id} question={question} meta={metas[question.id]!} locale={locale} />
      ))}
      <input type="hidden" name={FORM_FIELDS.versionId} value={version.id} />
      <input type="hidden" name={FORM_FIELDS.versionStamp} value={version.stamp} />
      <fieldset className="field qf-consent">
        <legend>{t("questionnaireForm.consentTitle")}</legend>
        <p className="field-hint">{consent.text}</p>
        <p className="field-hint">
          <Link to="/privacy" target="_blank" rel="noreferrer">
            {t("questionnaireForm.privacyLink")}
          </Link>
        </p>
        <input type="hidden" name={FORM_FIELDS.consentVersion} value={consent.version} />
        <label className="qf-option">
          <input
            type="checkbox"
            id={consentMeta.id}
            name={consentMeta.name}
            defaultChecked={Boolean(consentMeta.initialValue)}
            required
            aria-invalid={consentMeta.errors?.length ? true : undefined}
            aria-describedby={consentMeta.errors?.length ? consentMeta.errorId : undefined}
          />
          <span>{t("questionnaireForm.consentLabel")}</span>
        </label>
        <ErrorList id={consentMeta.errorId} errors={consentMeta.errors} />
      </fieldset>
      <Button type="submit" className="qf-submit" disabled={sending} aria-busy={sending || undefined}>
        {sending ? t("questionnaireForm.submitting") : t("questionnaireForm.submit")}
      </Button>
    </Form>
  );
}

/** A page that is not the form: thanks, already answered, expired. Clears the draft when the answers are in. */
export function QuestionnaireNotice({ title, message, clearDraft, children }: { title: string; message: string; clearDraft?: string; children?: ReactNode }) {
  return (
    <section className="card qf-notice" aria-live="polite">
      {clearDraft ? <ClearDraft draftKey={clearDraft} /> : null}
      <h1>{title}</h1>
      <p>{message}</p>
      {children}
    </section>
  );
}

function ClearDraft({ draftKey }: { draftKey: string }) {
  useClearDraft(draftKey);
  return null;
}

/**
 * The public form's error page: a body over the limit (413) says so and leads back to
 * the form (the draft is still in the browser); not found and anything else say what
 * the app says everywhere, in the candidate's words.
 */
export function QuestionnaireErrorPage({ formPath, notFound }: { formPath: string; notFound: { title: string; message: string } }) {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, message] =
    status === 413
      ? [t("questionnaireForm.tooLargeTitle"), t("questionnaireForm.tooLarge", { max: MAX_QUESTIONNAIRE_BODY_KB })]
      : status === 404
        ? [notFound.title, notFound.message]
        : [t("errors.unexpectedTitle"), t("errors.unexpected")];
  return (
    <ErrorPage status={status} title={title} message={message}>
      {status === 413 ? (
        <Link to={formPath} className="button button-primary">
          {t("questionnaireForm.backToForm")}
        </Link>
      ) : null}
    </ErrorPage>
  );
}
