import { type SubmissionResult } from "@conform-to/react";
import { z } from "zod";
import { requiredText } from "~/sourcing/form-fields";
import { START_CHOICES, type Draft } from "./builder";
import { type DefinitionProblem } from "./questions";

/**
 * The builder's settings forms (a new questionnaire, and the settings on the
 * editor), for Conform in the browser and again in the actions. Client-safe.
 */

export const MAX_NAME = 120;
export const REMINDER_HOURS = { min: 1, max: 720, default: 48 } as const;
export const LINK_DAYS = { min: 1, max: 90, default: 14 } as const;

const wholeNumber = (range: { min: number; max: number }, key: string) => {
  const message = `${key}|min=${range.min}|max=${range.max}`;
  return z.number({ error: message }).int(message).min(range.min, message).max(range.max, message);
};

export const SettingsSchema = z.object({
  name: requiredText(MAX_NAME),
  reminderAfterHours: wholeNumber(REMINDER_HOURS, "questionnaireBuilder.errors.reminderRange"),
  linkValidDays: wholeNumber(LINK_DAYS, "questionnaireBuilder.errors.linkRange"),
});
export type Settings = z.output<typeof SettingsSchema>;

export const NewQuestionnaireSchema = SettingsSchema.extend({
  start: z.enum(START_CHOICES, { error: "validation.invalidChoice" }),
});
export type NewQuestionnaireForm = z.output<typeof NewQuestionnaireSchema>;

export const VacancyChoiceSchema = z.object({
  vacancyId: z.string({ error: "questionnaireBuilder.errors.chooseVacancy" }).regex(/^[a-z0-9-]{1,60}$/i, "questionnaireBuilder.errors.chooseVacancy"),
});

/** What the new page's action answers when it does not redirect. */
export type NewActionData = { result: SubmissionResult<string[]> };

/**
 * What the editor's action answers when it does not redirect: the settings as
 * typed with their errors, the questions as posted with their problems (so nothing
 * typed is lost), or an assignment refused.
 */
export type EditorActionData =
  | { intent: "save"; result: SubmissionResult<string[]>; draft: Draft | null; problems: DefinitionProblem[] }
  | { intent: "assign"; vacancyId: string | null; error: string };

/** How the last save went, from the editor's ?saved= query. */
export type SavedNotice = { version: number; how: "new" | "place" | "same" | "created" };
export const SAVED_HOW = ["new", "place", "same", "created"] as const;

export function savedNotice(params: URLSearchParams): SavedNotice | null {
  const version = Number(params.get("saved"));
  const how = SAVED_HOW.find((h) => h === params.get("how"));
  return Number.isInteger(version) && version > 0 && how ? { version, how } : null;
}
