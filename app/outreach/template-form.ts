import { type SubmissionResult } from "@conform-to/react";
import { type TemplateKind } from "@prisma/client";
import { z } from "zod";
import { optionalId, requiredText } from "~/sourcing/form-fields";
import { TEMPLATE_KINDS } from "./merge-fields";
import { checkTemplate, type TemplateProblem } from "./template-render";

/**
 * The template editor's form (new and edit are one form). Client-safe: Conform runs
 * it in the browser and the action runs it again. Each language is a subject and a
 * body, both or neither; at least one language is needed; whatever checkTemplate
 * finds shows under the subject or body it is about.
 */

export const MAX_SUBJECT = 998;
export const MAX_BODY = 50_000;
export const LANGUAGES = ["Ru", "En"] as const;
export type Language = (typeof LANGUAGES)[number];

/** An error key with its parameters (app/ui/error-key.ts); "|" and "=" are kept out of values. */
export function problemKey(problem: Pick<TemplateProblem, "code" | "params">): string {
  const params = Object.entries(problem.params ?? {}).map(([k, v]) => `|${k}=${String(v).replace(/[|=]/g, " ")}`);
  return problem.code + params.join("");
}

const subjectField = z
  .string()
  .trim()
  .max(MAX_SUBJECT, `validation.tooLong|max=${MAX_SUBJECT}`)
  .optional()
  .transform((value) => value ?? "");

// Leading spaces mean something in Markdown (an indented code block); trailing ones do not.
const bodyField = z
  .string()
  .max(MAX_BODY, `validation.tooLong|max=${MAX_BODY}`)
  .optional()
  .transform((value) => (value ?? "").replace(/\r\n?/g, "\n").replace(/\s+$/, ""));

export const TemplateFormSchema = z
  .object({
    kind: z.enum(TEMPLATE_KINDS, { error: "validation.invalidChoice" }),
    name: requiredText(200),
    vacancyId: optionalId,
    subjectRu: subjectField,
    bodyRu: bodyField,
    subjectEn: subjectField,
    bodyEn: bodyField,
  })
  .superRefine(
    (form, ctx) => {
      // Runs even when a field failed, so every problem shows at once: check the types.
      const kind = (TEMPLATE_KINDS as readonly unknown[]).includes(form.kind) ? (form.kind as TemplateKind) : null;
      let filled = 0;
      for (const language of LANGUAGES) {
        const subject = form[`subject${language}`];
        const body = form[`body${language}`];
        if (typeof subject !== "string" || typeof body !== "string") continue;
        if (!subject && !body) continue;
        if (subject && body) filled += 1;
        if (!body) ctx.addIssue({ code: "custom", path: [`body${language}`], message: "templates.errors.bodyRequired" });
        if (!subject) ctx.addIssue({ code: "custom", path: [`subject${language}`], message: "templates.errors.subjectRequired" });
        if (!kind) continue;
        for (const problem of checkTemplate(kind, { subject, body })) {
          const path = problem.part === "subject" ? `subject${language}` : `body${language}`;
          ctx.addIssue({ code: "custom", path: [path], message: problemKey(problem) });
        }
      }
      const typed = LANGUAGES.some((l) => form[`subject${l}`] || form[`body${l}`]);
      if (!filled && !typed) {
        for (const language of LANGUAGES) {
          ctx.addIssue({ code: "custom", path: [`subject${language}`], message: "templates.errors.noLanguage" });
        }
      }
    },
    { when: () => true },
  );

export type TemplateForm = z.output<typeof TemplateFormSchema>;
export type TemplateFormInput = z.input<typeof TemplateFormSchema>;

/** What a template is made of, as the form edits it and the demo writes it. */
export type TemplateFields = {
  kind: TemplateKind;
  name: string;
  vacancyId: string | null;
  subjectRu: string;
  bodyRu: string;
  subjectEn: string;
  bodyEn: string;
};

/** A saved template as the form's starting values. */
export function templateFormValues(template: TemplateFields) {
  return {
    kind: template.kind,
    name: template.name,
    vacancyId: template.vacancyId ?? "",
    subjectRu: template.subjectRu,
    bodyRu: template.bodyRu,
    subjectEn: template.subjectEn,
    bodyEn: template.bodyEn,
  };
}

/** What the editor's action answers when it does not redirect. */
export type TemplateActionResult = { result: SubmissionResult<string[]> };

/** What the live preview posts: the language being written, as typed, and whose data to fill it with. */
export const PreviewRequestSchema = z.object({
  kind: z.enum(TEMPLATE_KINDS),
  locale: z.enum(["ru", "en"]).default("ru"),
  subject: z.string().max(MAX_SUBJECT).optional().transform((value) => value ?? ""),
  body: z.string().max(MAX_BODY).optional().transform((value) => value ?? ""),
  applicationId: z.string().regex(/^[a-z0-9-]{1,60}$/i).optional(),
});
export type PreviewRequest = z.output<typeof PreviewRequestSchema>;
