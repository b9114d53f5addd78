import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import { ROLES } from "~/auth/access";
import { EditUserSchema } from "~/auth/schemas";
import { requireAccess } from "~/auth/session.server";
import { getUser, updateUser } from "~/auth/users.server";
import { Button, CheckboxGroup, Field, FormError } from "~/ui/form";
import { PageHeader } from "~/ui/page";
import { invariantResponse } from "~/utils/http";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAccess(request, "admin");
  const user = await getUser(params.id ?? "");
  invariantResponse(user, "Not found");
  return json({ user });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireAccess(request, "admin");
  const id = params.id ?? "";
  const submission = parseWithZod(await request.formData(), {
    schema: EditUserSchema.superRefine((value, ctx) => {
      // An admin cannot lock themselves out; another admin must do it.
      if (id === admin.id && (!value.active || !value.roles.includes("ADMIN"))) {
        ctx.addIssue({ code: "custom", path: ["roles"], message: "admin.ownAdmin" });
      }
    }),
  });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const updated = await updateUser(admin.id, id, submission.value);
  invariantResponse(updated, "Not found");
  return redirect("/admin/users");
}

export default function EditUser() {
  const { t } = useTranslation();
  const { user } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "edit-user",
    lastResult,
    constraint: getZodConstraint(EditUserSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EditUserSchema }),
    defaultValue: { name: user.name, roles: user.roles, active: user.active ? "on" : undefined },
  });
  return (
    <>
      <PageHeader title={user.name} description={user.email} actions={<Link to="/admin/users">{t("admin.back")}</Link>} />
      <section className="card">
        <Form method="post" {...getFormProps(form)} className="form-grid">
          <FormError id={form.errorId} errors={form.errors} />
          <Field label={t("admin.name")} errors={fields.name.errors} inputProps={getInputProps(fields.name, { type: "text" })} />
          <CheckboxGroup
            legend={t("admin.roles")}
            name={fields.roles.name}
            options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            defaultValue={user.roles}
            errors={[...new Set(Object.values(fields.roles.allErrors).flat())]}
          />
          <label className="checkbox">
            <input {...getInputProps(fields.active, { type: "checkbox" })} />
            {t("admin.active")}
          </label>
          <div>
            <Button type="submit">{t("common.save")}</Button>
          </div>
        </Form>
      </section>
    </>
  );
}
