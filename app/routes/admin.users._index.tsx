import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import { ROLES } from "~/auth/access";
import { NewUserSchema } from "~/auth/schemas";
import { requireAccess } from "~/auth/session.server";
import { createUser, EmailTakenError, listUsers } from "~/auth/users.server";
import { LOCALES } from "~/i18n/i18n";
import { Button, CheckboxGroup, Field, FormError, SelectField } from "~/ui/form";
import { PageHeader } from "~/ui/page";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAccess(request, "admin");
  return json({ users: await listUsers() });
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAccess(request, "admin");
  const submission = parseWithZod(await request.formData(), { schema: NewUserSchema });
  if (submission.status !== "success") {
    return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  try {
    await createUser(admin.id, submission.value);
  } catch (error) {
    if (!(error instanceof EmailTakenError)) throw error;
    return json(submission.reply({ fieldErrors: { email: ["validation.emailTaken"] }, hideFields: ["password"] }), {
      status: 400,
    });
  }
  return redirect("/admin/users?created=1");
}

export default function AdminUsers() {
  const { t } = useTranslation();
  const { users } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "new-user",
    lastResult,
    constraint: getZodConstraint(NewUserSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewUserSchema }),
    defaultValue: { locale: "ru" },
  });
  const roleOptions = ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));

  return (
    <>
      <PageHeader title={t("admin.title")} description={t("admin.description")} />
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t("admin.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("admin.name")}</th>
              <th scope="col">{t("auth.email")}</th>
              <th scope="col">{t("admin.roles")}</th>
              <th scope="col">{t("admin.status")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <td>
                  <Link to={`/admin/users/${user.id}`}>{user.name}</Link>
                </td>
                <td>{user.email}</td>
                <td>{user.roles.map((role) => t(`roles.${role}`)).join(", ")}</td>
                <td>{user.active ? t("admin.active") : t("admin.inactive")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <section className="card" aria-labelledby="new-user-title">
        <h2 id="new-user-title">{t("admin.newUser")}</h2>
        <Form method="post" {...getFormProps(form)} className="form-grid">
          <FormError id={form.errorId} errors={form.errors} />
          <Field label={t("admin.name")} errors={fields.name.errors} inputProps={getInputProps(fields.name, { type: "text" })} />
          <Field
            label={t("auth.email")}
            errors={fields.email.errors}
            inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "off" }}
          />
          <Field
            label={t("auth.password")}
            hint={t("admin.passwordHint")}
            errors={fields.password.errors}
            inputProps={{ ...getInputProps(fields.password, { type: "password" }), autoComplete: "new-password" }}
          />
          <SelectField
            label={t("nav.language")}
            errors={fields.locale.errors}
            options={LOCALES.map((l) => ({ value: l, label: l === "ru" ? "Русский" : "English" }))}
            selectProps={getSelectProps(fields.locale)}
          />
          <CheckboxGroup
            legend={t("admin.roles")}
            name={fields.roles.name}
            options={roleOptions}
            defaultValue={(fields.roles.initialValue as string[] | undefined) ?? []}
            errors={[...new Set(Object.values(fields.roles.allErrors).flat())]}
          />
          <div>
            <Button type="submit" disabled={navigation.state === "submitting"}>
              {t("admin.create")}
            </Button>
          </div>
        </Form>
      </section>
    </>
  );
}
