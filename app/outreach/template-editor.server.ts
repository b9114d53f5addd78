import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect } from "@remix-run/node";
import { invariantResponse } from "~/utils/http";
import { TemplateFormSchema, type TemplateActionResult } from "./template-form";
import { previewCandidates } from "./template-preview.server";
import { saveTemplate, setTemplateArchived, templateVacancies, TemplateRefused } from "./templates.server";

/**
 * What the template editor pages (new and edit) share: their options and the one
 * action behind both. Save answers 400 with the form as typed and every problem
 * under its field; nothing is written then.
 */

export async function templateEditorAction(input: { formData: FormData; actorId: string; templateId?: string }) {
  const { formData, actorId, templateId } = input;
  const intent = formData.get("intent");
  if (templateId && (intent === "archive" || intent === "restore")) {
    const found = await setTemplateArchived({ id: templateId, actorId, archived: intent === "archive" });
    invariantResponse(found, "Template not found");
    return redirect(`/outreach/templates/${templateId}`);
  }
  const submission = parseWithZod(formData, { schema: TemplateFormSchema });
  if (submission.status !== "success") {
    return json<TemplateActionResult>({ result: submission.reply() }, { status: 400 });
  }
  try {
    const saved = await saveTemplate({ id: templateId, actorId, form: submission.value });
    invariantResponse(saved, "Template not found");
    return redirect(`/outreach/templates/${saved.id}?saved=1`);
  } catch (error) {
    if (!(error instanceof TemplateRefused)) throw error;
    return json<TemplateActionResult>({ result: submission.reply({ fieldErrors: error.fieldErrors }) }, { status: 400 });
  }
}

/**
 * The vacancies to choose from and the preview's first candidates: of the template's
 * vacancy, else of the first open vacancy.
 */
export async function templateEditorOptions(preferredVacancyId: string | null) {
  const vacancies = await templateVacancies(preferredVacancyId);
  const previewVacancy =
    vacancies.find((v) => v.id === preferredVacancyId) ?? vacancies.find((v) => v.status === "OPEN") ?? vacancies[0] ?? null;
  const candidates = previewVacancy ? await previewCandidates({ vacancyId: previewVacancy.id }) : [];
  return {
    vacancies: vacancies.map(({ id, title, city }) => ({ id, title, city })),
    preview: { vacancyId: previewVacancy?.id ?? null, candidates },
  };
}
