import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import { canAccess } from "~/auth/access";
import { requireAccess } from "~/auth/session.server";
import { createCompany, listCompanies } from "~/sourcing/company-catalog.server";
import { CompanySchema, MAX_COMPANY_NAME } from "~/sourcing/company-forms";
import { formatCount } from "~/ui/dates";
import { Button, Field, FormError } from "~/ui/form";
import { pageTitle } from "~/ui/i18n-instance";
import { EmptyState, PageHeader } from "~/ui/page";
import { Pagination } from "~/ui/pagination";
import { useLocale } from "~/ui/use-locale";
import { pageParam } from "~/utils/http";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "companies.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireAccess(request, "vacancies");
  const url = new URL(request.url);
  const list = await listCompanies({ q: url.searchParams.get("q"), page: pageParam(url) });
  return json({ ...list, canEdit: canAccess(user.roles, "companies") });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAccess(request, "companies");
  const submission = parseWithZod(await request.formData(), { schema: CompanySchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = await createCompany(user.id, submission.value);
  if (!result.ok) return json(submission.reply({ fieldErrors: { [result.field]: [result.message] } }), { status: 400 });
  return redirect(`/companies/${result.company.id}?created=1`);
}

function NewCompanyForm() {
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "new-company",
    lastResult,
    constraint: getZodConstraint(CompanySchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CompanySchema }),
  });
  return (
    <section className="card" aria-labelledby="new-company-title">
      <h2 id="new-company-title">{t("companies.newCompany")}</h2>
      <Form method="post" {...getFormProps(form)} className="form-grid">
        <FormError id={form.errorId} errors={form.errors} />
        <Field
          label={t("companies.fields.name")}
          errors={fields.name.errors}
          inputProps={{ ...getInputProps(fields.name, { type: "text" }), maxLength: MAX_COMPANY_NAME }}
        />
        <Field label={t("companies.fields.industry")} errors={fields.industry.errors} inputProps={getInputProps(fields.industry, { type: "text" })} />
        <Field label={t("companies.fields.city")} errors={fields.city.errors} inputProps={getInputProps(fields.city, { type: "text" })} />
        <div>
          <Button type="submit" disabled={navigation.state === "submitting"}>
            {t("companies.create")}
          </Button>
        </div>
      </Form>
    </section>
  );
}

export default function Companies() {
  const { companies, q, total, page, pageCount, canEdit } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <PageHeader title={t("companies.title")} description={t("companies.intro")} />
      <Form method="get" className="filters" role="search" key={q}>
        <Field
          className="field-grow"
          label={t("companies.search")}
          inputProps={{ name: "q", type: "search", defaultValue: q, maxLength: 200, placeholder: t("companies.searchPlaceholder") }}
        />
        <Button variant="secondary">{t("ui.show")}</Button>
      </Form>
      <p className="muted" aria-live="polite">
        {t("companies.total", { total: formatCount(total, locale) })}
      </p>
      {companies.length === 0 ? (
        <EmptyState title={q ? t("companies.emptyFiltered") : t("companies.empty")} />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t("companies.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("companies.columns.name")}</th>
                <th scope="col">{t("companies.columns.industry")}</th>
                <th scope="col">{t("companies.columns.city")}</th>
                <th scope="col" className="num">{t("companies.columns.aliases")}</th>
                <th scope="col" className="num">{t("companies.columns.vacancies")}</th>
                <th scope="col" className="num">{t("companies.columns.jobs")}</th>
              </tr>
            </thead>
            <tbody>
              {companies.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/companies/${c.id}`}>{c.name}</Link>
                  </td>
                  <td>{c.industry ?? "—"}</td>
                  <td>{c.city ?? "—"}</td>
                  <td className="num">{c.aliases}</td>
                  <td className="num">{c.vacancies}</td>
                  <td className="num">{c.jobs}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageCount={pageCount} />
      {canEdit ? <NewCompanyForm /> : null}
    </>
  );
}
