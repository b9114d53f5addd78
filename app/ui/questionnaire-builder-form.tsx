import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState, type FormEvent, type RefObject } from "react";
import { draftProblems, moveItem, newQuestion, removeAt, replaceAt, type Draft, type DraftQuestion } from "~/questionnaires/builder";
import { problemSlots, questionProblemCount, type ProblemSlots } from "~/questionnaires/builder-problems";
import { SettingsSchema, type EditorActionData } from "~/questionnaires/builder-form";
import { MAX_QUESTIONS } from "~/questionnaires/questions";
import { type TFunction } from "i18next";
import { useTranslation } from "~/ui/use-translation";
import { translateError } from "./error-key";
import { Button, ErrorList, Field, FormError } from "./form";
import { QuestionCard } from "./questionnaire-builder-question";
import { useLocale } from "./use-locale";

/**
 * The editor's one form: the settings (Conform) and the questions (a draft in React
 * state, posted as the JSON field "draft"). Before it is sent, the draft is checked
 * the way the action checks it; with problems nothing is sent and each shows at its
 * field, with a summary linking to the questions that have them.
 */

export type SettingsValues = { name: string; reminderAfterHours: string; linkValidDays: string };

const OPTION_LABELS: Record<string, string> = { value: "optionValue", labelRu: "optionLabelRu", labelEn: "optionLabelEn", points: "points" };

/** The field a summary line is about ("Вариант 2, Ключ"), from its slot within the question; "" for the question as a whole. */
function slotLabel(t: TFunction, slot: string): string {
  const option = /^options\.(\d+)\.(\w+)$/.exec(slot);
  if (option) {
    const field = OPTION_LABELS[option[2]!];
    const name = t("questionnaireBuilder.editor.option", { number: Number(option[1]) + 1 });
    return field ? `${name}, ${t(`questionnaireBuilder.question.${field}`)}` : name;
  }
  if (slot === "general") return "";
  if (slot === "scoreRange") return t("questionnaireBuilder.editor.scoring");
  if (slot === "knockoutValue") return `${t("questionnaireBuilder.editor.knockout")}, ${t("questionnaireBuilder.question.knockoutValue")}`;
  return t(`questionnaireBuilder.question.${slot}`);
}

function ProblemSummary({ draft, slots, count, summaryRef }: { draft: Draft; slots: ProblemSlots; count: number; summaryRef: RefObject<HTMLDivElement> }) {
  const { t } = useTranslation();
  return (
    <div ref={summaryRef} tabIndex={-1} className="notice notice-danger" role="alert" data-problem-summary>
      <p>
        <strong>{t("questionnaireBuilder.problems.summary", { count })}</strong>
      </p>
      <ErrorList errors={slots.form} />
      <ul>
        {draft.questions.map((q, index) => {
          const n = questionProblemCount(slots, index);
          if (!n) return null;
          const messages = Object.entries(slots)
            .filter(([slot]) => slot.startsWith(`${index}.`))
            .flatMap(([slot, list]) => {
              const where = slotLabel(t, slot.slice(`${index}.`.length));
              return list.map((m) => (where ? `${where}: ${translateError(t, m)}` : translateError(t, m)));
            });
          return (
            <li key={q.key}>
              <a href={`#qb-${q.key}`}>
                {t("questionnaireBuilder.problems.inQuestion", { number: index + 1 })}
                {q.labelRu || q.labelEn ? ` «${q.labelRu || q.labelEn}»` : ""}
              </a>
              : {messages.join("; ")}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function QuestionnaireBuilderForm({
  settings,
  draft: savedDraft,
  actionData,
  cancelTo,
}: {
  settings: SettingsValues;
  draft: Draft;
  actionData: EditorActionData | undefined;
  cancelTo: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigation = useNavigation();
  const reply = actionData?.intent === "save" ? actionData : undefined;
  // What was posted comes back on a refused save: start from it, so nothing typed is lost.
  const [draft, setDraft] = useState<Draft>(reply?.draft ?? savedDraft);
  const [checking, setChecking] = useState(Boolean(reply?.problems.length));
  const [attempt, setAttempt] = useState(0);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const problems = useMemo(() => (checking ? draftProblems(draft, locale) : []), [checking, draft, locale]);
  const slots = useMemo(() => problemSlots(problems), [problems]);
  const [form, fields] = useForm({
    id: "questionnaire-editor",
    lastResult: reply?.result,
    defaultValue: settings,
    constraint: getZodConstraint(SettingsSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SettingsSchema }),
  });
  const formProps = getFormProps(form);

  const summaryRef = useRef<HTMLDivElement>(null);
  // Each refused attempt takes the reader to the summary; typing afterwards does not.
  useEffect(() => {
    if (attempt) summaryRef.current?.focus();
  }, [attempt]);
  useEffect(() => {
    if (!focusKey) return;
    document.getElementById(`qb-${focusKey}-labelRu`)?.focus();
    setFocusKey(null);
  }, [focusKey]);

  const edit = (index: number, question: DraftQuestion) => setDraft((d) => ({ questions: replaceAt(d.questions, index, question) }));
  const move = (index: number, delta: -1 | 1) => setDraft((d) => ({ questions: moveItem(d.questions, index, delta) }));
  const remove = (index: number) => setDraft((d) => ({ questions: removeAt(d.questions, index) }));
  const add = () => {
    const question = newQuestion(draft);
    setDraft((d) => ({ questions: [...d.questions, question] }));
    setFocusKey(question.key);
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    formProps.onSubmit(event);
    if (draftProblems(draft, locale).length) {
      event.preventDefault();
      setChecking(true);
      setAttempt((n) => n + 1);
    }
  };

  return (
    <Form method="post" {...formProps} onSubmit={onSubmit} className="stack" data-questionnaire-builder>
      <FormError id={form.errorId} errors={form.errors} />
      <fieldset className="card form-grid">
        <legend>{t("questionnaireBuilder.editor.settings")}</legend>
        <SettingsFields fields={fields} />
      </fieldset>
      {problems.length ? <ProblemSummary draft={draft} slots={slots} count={problems.length} summaryRef={summaryRef} /> : null}
      <section aria-labelledby="qb-questions-title">
        <h2 id="qb-questions-title">
          {t("questionnaireBuilder.editor.questions")} <span className="muted">({draft.questions.length})</span>
        </h2>
        <noscript>
          <p className="notice">{t("questionnaireBuilder.notices.noscript")}</p>
        </noscript>
        <ol className="qb-questions">
          {draft.questions.map((question, index) => (
            <QuestionCard
              key={question.key}
              question={question}
              index={index}
              count={draft.questions.length}
              slots={slots}
              onChange={(q) => edit(index, q)}
              onMove={(delta) => move(index, delta)}
              onRemove={() => remove(index)}
            />
          ))}
        </ol>
        <p>
          <Button type="button" variant="secondary" onClick={add} disabled={draft.questions.length >= MAX_QUESTIONS}>
            {t("questionnaireBuilder.editor.addQuestion")}
          </Button>
          {draft.questions.length >= MAX_QUESTIONS ? <span className="field-hint"> {t("questionnaireBuilder.editor.limitReached", { max: MAX_QUESTIONS })}</span> : null}
        </p>
      </section>
      <input type="hidden" name="draft" value={JSON.stringify(draft)} />
      <div className="page-actions">
        <Button type="submit" name="intent" value="save" disabled={navigation.state === "submitting"}>
          {t("questionnaireBuilder.save")}
        </Button>
        <Link to={cancelTo} className="button button-ghost">
          {t("questionnaireBuilder.cancel")}
        </Link>
      </div>
    </Form>
  );
}

type SettingsMeta = Parameters<typeof getInputProps>[0];

/** A questionnaire's settings (name, reminder delay, link validity): the same three fields on the new page and in the editor. */
export function SettingsFields({ fields }: { fields: { name: SettingsMeta; reminderAfterHours: SettingsMeta; linkValidDays: SettingsMeta } }) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t("questionnaireBuilder.fields.name")} hint={t("questionnaireBuilder.hints.name")} errors={fields.name.errors} inputProps={getInputProps(fields.name, { type: "text" })} />
      <Field
        label={t("questionnaireBuilder.fields.reminderAfterHours")}
        hint={t("questionnaireBuilder.hints.reminderAfterHours")}
        errors={fields.reminderAfterHours.errors}
        inputProps={{ ...getInputProps(fields.reminderAfterHours, { type: "text" }), inputMode: "numeric" }}
      />
      <Field
        label={t("questionnaireBuilder.fields.linkValidDays")}
        hint={t("questionnaireBuilder.hints.linkValidDays")}
        errors={fields.linkValidDays.errors}
        inputProps={{ ...getInputProps(fields.linkValidDays, { type: "text" }), inputMode: "numeric" }}
      />
    </>
  );
}
