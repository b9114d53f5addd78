import { z } from "zod";
import { companyMatchKey } from "./company-match";
import { optionalText, requiredText } from "./form-fields";

/**
 * The company catalog's forms. Client-safe: Conform validates them in the browser
 * and the actions validate them again; whether a name is already taken is decided
 * on the server (company-catalog.server.ts).
 */

export const MAX_COMPANY_NAME = 300;
const MAX_DETAIL = 200;

/** A company name or alias: something the match key can read ("«»" cannot). */
const companyName = requiredText(MAX_COMPANY_NAME).refine((name) => companyMatchKey(name) !== "", "companies.errors.notAName");

export const CompanySchema = z.object({
  name: companyName,
  industry: optionalText(MAX_DETAIL),
  city: optionalText(MAX_DETAIL),
});
export type CompanyInput = z.infer<typeof CompanySchema>;

export const AliasSchema = z.object({ alias: companyName });

export const RemoveAliasSchema = z.object({ aliasId: z.string({ error: "validation.required" }).min(1).max(60) });

export const MergeSchema = z.object({ into: companyName });

/** The company page has several forms; `intent` says which one was sent. */
export const COMPANY_INTENTS = ["update", "addAlias", "removeAlias", "merge"] as const;
export type CompanyIntent = (typeof COMPANY_INTENTS)[number];

export function companyIntent(value: FormDataEntryValue | null): CompanyIntent | null {
  return COMPANY_INTENTS.find((intent) => intent === value) ?? null;
}

/** Params inside an error key are separated by "|" and "=": keep them out of names. */
export const errorParam = (text: string) => text.replace(/[|=]/g, " ");
