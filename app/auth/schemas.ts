import { z } from "zod";
import { ROLES } from "./access";
import { LOCALES } from "~/i18n/i18n";

/**
 * Form schemas shared by Conform in the browser and the actions on the server.
 * Messages are i18n keys ("key|param=value"), translated where they are shown.
 */
const required = { error: "validation.required" };

export const emailField = z
  .string(required)
  .trim()
  .max(254, "validation.tooLong|max=254")
  .pipe(z.email("validation.email"))
  .transform((email) => email.toLowerCase());

export const SignInSchema = z.object({
  email: emailField,
  password: z.string(required).max(200, "validation.tooLong|max=200"),
  redirectTo: z.string().max(2000).optional(),
});

export const nameField = z.string(required).trim().min(1, "validation.required").max(120, "validation.tooLong|max=120");

export const rolesField = z
  .array(z.enum(ROLES, { error: "validation.invalidRole" }), required)
  .min(1, "validation.roleRequired")
  .transform((roles) => [...new Set(roles)]);

export const NewUserSchema = z.object({
  name: nameField,
  email: emailField,
  password: z.string(required).min(10, "validation.passwordTooShort").max(200, "validation.tooLong|max=200"),
  roles: rolesField,
  locale: z.enum(LOCALES, { error: "validation.invalidChoice" }).default("ru"),
});

export const EditUserSchema = z.object({
  name: nameField,
  roles: rolesField,
  active: z.boolean().default(false),
});
