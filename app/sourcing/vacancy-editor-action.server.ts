import { type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect } from "@remix-run/node";
import { invariantResponse } from "~/utils/http";
import { saveVacancy, vacancyLists, VacancyFormRefused } from "./vacancy-editor.server";
import { CopyListsSchema, listValues, VacancyFormSchema, type EditorResult } from "./vacancy-form";

/**
 * The action behind both editor routes (new and edit): Save, or "copy lists from
 * another vacancy", which only fills the form for review and saves nothing.
 */
export async function vacancyEditorAction(input: { formData: FormData; actorId: string; vacancyId?: string }) {
  const { formData } = input;
  if (formData.get("intent") === "copy") return copyLists(formData);
  const submission = parseWithZod(formData, { schema: VacancyFormSchema });
  if (submission.status !== "success") {
    return json<EditorResult>({ result: submission.reply(), copiedFrom: null }, { status: 400 });
  }
  try {
    const saved = await saveVacancy({ vacancyId: input.vacancyId, actorId: input.actorId, form: submission.value });
    invariantResponse(saved, "Vacancy not found");
    return redirect(`/vacancies/${saved.id}/edit?saved=${saved.auditId}`);
  } catch (error) {
    if (!(error instanceof VacancyFormRefused)) throw error;
    return json<EditorResult>({ result: submission.reply({ fieldErrors: error.fieldErrors }), copiedFrom: null }, { status: 400 });
  }
}

/**
 * Puts the other vacancy's lists and niches into the form, keeping every other
 * field as typed. The reply carries an "update" intent so Conform re-renders the
 * textareas with the copied values; without JavaScript the page renders them anyway.
 */
async function copyLists(formData: FormData) {
  const submission = parseWithZod(formData, { schema: CopyListsSchema });
  if (submission.status !== "success") {
    return json<EditorResult>({ result: submission.reply(), copiedFrom: null }, { status: 400 });
  }
  const source = await vacancyLists(submission.value.copyFrom);
  if (!source) {
    return json<EditorResult>(
      { result: submission.reply({ fieldErrors: { copyFrom: ["vacancyEditor.errors.chooseVacancy"] } }), copiedFrom: null },
      { status: 400 },
    );
  }
  const reply = submission.reply();
  const value = { ...reply.initialValue, ...listValues(source.lists, source.niches) };
  const result: SubmissionResult<string[]> = {
    ...reply,
    status: undefined,
    initialValue: value,
    intent: { type: "update", payload: { value } },
  };
  return json<EditorResult>({ result, copiedFrom: source.title });
}
