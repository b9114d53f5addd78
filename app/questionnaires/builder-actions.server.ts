import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect } from "@remix-run/node";
import { type AppLocale } from "~/i18n/i18n";
import { invariantResponse } from "~/utils/http";
import { draftToDefinition, parseDraft } from "./builder";
import { NewQuestionnaireSchema, SettingsSchema, VacancyChoiceSchema, type EditorActionData, type NewActionData } from "./builder-form";
import {
  assignQuestionnaire,
  createFromStart,
  QuestionnaireRefused,
  saveQuestionnaire,
  setQuestionnaireArchived,
  unassignQuestionnaire,
} from "./builder.server";
import { QuestionnaireInvalid } from "./store.server";

/**
 * The builder's actions: new (create, then the editor), and the editor's intents
 * (save, archive, restore, assign, unassign). A refused save answers 400 with the
 * settings and questions exactly as posted and every problem at its field.
 */

export const editorUrl = (id: string) => `/questionnaires/library/${id}`;

export async function newQuestionnaireAction(input: { formData: FormData; actorId: string }) {
  const submission = parseWithZod(input.formData, { schema: NewQuestionnaireSchema });
  if (submission.status !== "success") return json<NewActionData>({ result: submission.reply() }, { status: 400 });
  const { start, ...settings } = submission.value;
  try {
    const created = await createFromStart({ actorId: input.actorId, settings, start });
    return redirect(`${editorUrl(created.id)}?saved=${created.version}&how=created`);
  } catch (error) {
    if (!(error instanceof QuestionnaireRefused)) throw error;
    return json<NewActionData>({ result: submission.reply({ fieldErrors: error.fieldErrors }) }, { status: 400 });
  }
}

type Actor = { id: string; locale: AppLocale };

export async function questionnaireEditorAction(input: { formData: FormData; actor: Actor; questionnaireId: string }) {
  const { formData, actor, questionnaireId } = input;
  const intent = formData.get("intent");
  if (intent === "archive" || intent === "restore") {
    const found = await setQuestionnaireArchived({ id: questionnaireId, actorId: actor.id, archived: intent === "archive" });
    invariantResponse(found, "Questionnaire not found");
    return redirect(editorUrl(questionnaireId));
  }
  if (intent === "assign" || intent === "unassign") return assignment(intent, formData, actor, questionnaireId);
  return save(formData, actor, questionnaireId);
}

async function save(formData: FormData, actor: Actor, questionnaireId: string) {
  const submission = parseWithZod(formData, { schema: SettingsSchema });
  const draft = parseDraft(formData.get("draft"));
  const converted = draft ? draftToDefinition(draft, actor.locale) : null;
  const refuse = (fieldErrors: Record<string, string[]> = {}, problems = converted?.problems ?? []) =>
    json<EditorActionData>(
      {
        intent: "save",
        result: submission.reply({ fieldErrors, ...(draft ? {} : { formErrors: ["questionnaireBuilder.errors.draftBroken"] }) }),
        draft,
        problems,
      },
      { status: 400 },
    );
  if (submission.status !== "success" || !converted || converted.problems.length) return refuse();
  try {
    const saved = await saveQuestionnaire({ id: questionnaireId, actorId: actor.id, settings: submission.value, definition: converted.definition });
    invariantResponse(saved, "Questionnaire not found");
    const how = saved.created ? "new" : saved.changed ? "place" : "same";
    return redirect(`${editorUrl(questionnaireId)}?saved=${saved.version}&how=${how}`);
  } catch (error) {
    if (error instanceof QuestionnaireRefused) return refuse(error.fieldErrors);
    if (error instanceof QuestionnaireInvalid) return refuse({}, error.problems);
    throw error;
  }
}

async function assignment(intent: "assign" | "unassign", formData: FormData, actor: Actor, questionnaireId: string) {
  const parsed = VacancyChoiceSchema.safeParse({ vacancyId: formData.get("vacancyId") || undefined });
  const refuse = (error: string) =>
    json<EditorActionData>({ intent: "assign", vacancyId: parsed.success ? parsed.data.vacancyId : null, error }, { status: 400 });
  if (!parsed.success) return refuse(parsed.error.issues[0]?.message ?? "questionnaireBuilder.errors.chooseVacancy");
  const { vacancyId } = parsed.data;
  if (intent === "unassign") {
    await unassignQuestionnaire({ questionnaireId, vacancyId, actorId: actor.id });
    return redirect(`${editorUrl(questionnaireId)}#vacancies`);
  }
  try {
    const assigned = await assignQuestionnaire({ questionnaireId, vacancyId, actorId: actor.id });
    invariantResponse(assigned, "Questionnaire not found");
    return redirect(`${editorUrl(questionnaireId)}#vacancies`);
  } catch (error) {
    if (error instanceof QuestionnaireRefused) return refuse(error.fieldErrors.vacancyId?.[0] ?? "questionnaireBuilder.errors.chooseVacancy");
    throw error;
  }
}
