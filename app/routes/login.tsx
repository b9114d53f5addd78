import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import { SignInSchema } from "~/auth/schemas";
import { createUserSession, getOptionalUser, safeRedirect } from "~/auth/session.server";
import { clientIp, signIn } from "~/auth/sign-in.server";
import { Button, Field, FormError } from "~/ui/form";

export const meta: MetaFunction = () => [{ title: "KAM Hiring" }];

export async function loader({ request }: LoaderFunctionArgs) {
  // The sign-in page is the one public page: no guard, but signed-in users go on.
  const user = await getOptionalUser(request);
  if (user) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  return json({});
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: SignInSchema });
  if (submission.status !== "success") {
    return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  const result = await signIn({ email, password, ip: clientIp(context) });
  if (result.ok) return createUserSession(result.userId, safeRedirect(redirectTo));
  if (result.reason === "locked") {
    const minutes = Math.ceil(result.retryAfterSeconds / 60);
    return json(submission.reply({ formErrors: [`auth.tooMany|minutes=${minutes}`], hideFields: ["password"] }), {
      status: 429,
      headers: { "Retry-After": String(result.retryAfterSeconds) },
    });
  }
  return json(submission.reply({ formErrors: ["auth.invalid"], hideFields: ["password"] }), { status: 401 });
}

export default function Login() {
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "sign-in",
    lastResult,
    constraint: getZodConstraint(SignInSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignInSchema }),
  });

  return (
    <div className="auth-page">
      <section className="auth-card" aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{t("auth.title")}</h1>
        <Form method="post" {...getFormProps(form)}>
          <FormError id={form.errorId} errors={form.errors} />
          <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
          <Field
            label={t("auth.email")}
            errors={fields.email.errors}
            inputProps={{
              ...getInputProps(fields.email, { type: "email" }),
              autoComplete: "username",
              autoFocus: true,
            }}
          />
          <Field
            label={t("auth.password")}
            errors={fields.password.errors}
            inputProps={{ ...getInputProps(fields.password, { type: "password" }), autoComplete: "current-password" }}
          />
          <Button type="submit" disabled={navigation.state === "submitting"}>
            {t("auth.submit")}
          </Button>
        </Form>
      </section>
    </div>
  );
}
