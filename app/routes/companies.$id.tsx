import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import { canAccess } from "~/auth/access";
import { requireAccess } from "~/auth/session.server";
import { addAlias, type CatalogRefusal, getCompany, mergeCompanies, removeAlias, updateCompany } from "~/sourcing/company-catalog.server";
import { AliasSchema, CompanySchema, companyIntent, MAX_COMPANY_NAME, MergeSchema, RemoveAliasSchema, type CompanyIntent } from "~/sourcing/company-forms";
import { Button, Field, FormError } from "~/ui/form";
import { dataTitle } from "~/ui/i18n-instance";
import { PageHeader, Section } from "~/ui/page";
import { invariantResponse } from "~/utils/http";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => dataTitle(matches, data?.company.name, "companies.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireAccess(request, "vacancies");
  const company = await getCompany(params.id ?? "");
  invariantResponse(company, "Not found");
  return json({ company, canEdit: canAccess(user.roles, "companies") });
}

type ActionResult = { intent: CompanyIntent; result: SubmissionResult<string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireAccess(request, "companies");
  const id = params.id ?? "";
  const formData = await request.formData();
  const intent = companyIntent(formData.get("intent"));
  invariantResponse(intent, "Unknown form", { status: 400 });
  const refused = (submission: { reply: (o?: { fieldErrors?: Record<string, string[]> }) => SubmissionResult<string[]> }, refusal?: CatalogRefusal) =>
    json<ActionResult>({ intent, result: submission.reply(refusal ? { fieldErrors: { [refusal.field]: [refusal.message] } } : undefined) }, { status: 400 });

  if (intent === "update") {
    const submission = parseWithZod(formData, { schema: CompanySchema });
    if (submission.status !== "success") return refused(submission);
    const result = await updateCompany(user.id, id, submission.value);
    invariantResponse(result, "Not found");
    return result.ok ? redirect(`/companies/${id}?updated=1`) : refused(submission, result);
  }
  if (intent === "addAlias") {
    const submission = parseWithZod(formData, { schema: AliasSchema });
    if (submission.status !== "success") return refused(submission);
    const result = await addAlias(user.id, id, submission.value.alias);
    invariantResponse(result, "Not found");
    return result.ok ? redirect(`/companies/${id}?aliasAdded=1`) : refused(submission, result);
  }
  if (intent === "merge") {
    const submission = parseWithZod(formData, { schema: MergeSchema });
    if (submission.status !== "success") return refused(submission);
    const result = await mergeCompanies(user.id, id, submission.value.into);
    invariantResponse(result, "Not found");
    return result.ok ? redirect(`/companies/${result.into.id}?merged=${encodeURIComponent(result.from)}`) : refused(submission, result);
  }
  const submission = parseWithZod(formData, { schema: RemoveAliasSchema });
  invariantResponse(submission.status === "success", "Unknown alias", { status: 400 });
  invariantResponse(await removeAlias(user.id, id, submission.value.aliasId), "Not found");
  return redirect(`/companies/${id}?aliasRemoved=1`);
}

/** Conform's lastResult for the form that was sent, nothing for the others. */
function useResultFor(intent: CompanyIntent) {
  const data = useActionData<typeof action>() as ActionResult | undefined;
  return data?.intent === intent ? data.result : undefined;
}

function CompanyForm({ company }: { company: { name: string; industry: string | null; city: string | null } }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "company",
    lastResult: useResultFor("update"),
    constraint: getZodConstraint(CompanySchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CompanySchema }),
    defaultValue: { name: company.name, industry: company.industry ?? "", city: company.city ?? "" },
  });
  return (
    <Form method="post" {...getFormProps(form)} className="form-grid">
      <input type="hidden" name="intent" value="update" />
      <FormError id={form.errorId} errors={form.errors} />
      <Field
        label={t("companies.fields.name")}
        hint={t("companies.nameHint")}
        errors={fields.name.errors}
        inputProps={{ ...getInputProps(fields.name, { type: "text" }), maxLength: MAX_COMPANY_NAME }}
      />
      <Field label={t("companies.fields.industry")} errors={fields.industry.errors} inputProps={getInputProps(fields.industry, { type: "text" })} />
      <Field label={t("companies.fields.city")} errors={fields.city.errors} inputProps={getInputProps(fields.city, { type: "text" })} />
      <div>
        <Button type="submit">{t("common.save")}</Button>
      </div>
    </Form>
  );
}

function OneFieldForm({ intent, name, label, hint, submit, schema }: {
  intent: "addAlias" | "merge";
  name: "alias" | "into";
  label: string;
  hint?: string;
  submit: string;
  schema: typeof AliasSchema | typeof MergeSchema;
}) {
  const [form, fields] = useForm<Record<string, string>>({
    id: intent,
    lastResult: useResultFor(intent),
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const field = fields[name]!;
  return (
    <Form method="post" {...getFormProps(form)} className="filters filters-hinted">
      <input type="hidden" name="intent" value={intent} />
      <FormError id={form.errorId} errors={form.errors} />
      <Field className="field-grow" label={label} hint={hint} errors={field.errors} inputProps={{ ...getInputProps(field, { type: "text" }), maxLength: MAX_COMPANY_NAME }} />
      <Button variant={intent === "merge" ? "danger" : "secondary"}>{submit}</Button>
    </Form>
  );
}

export default function CompanyPage() {
  const { company, canEdit } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const notice = ["created", "updated", "aliasAdded", "aliasRemoved"].find((key) => params.get(key));
  const merged = params.get("merged");
  return (
    <>
      <p className="breadcrumb">
        <Link to="/companies">{t("companies.back")}</Link>
      </p>
      <PageHeader title={company.name} description={[company.industry, company.city].filter(Boolean).join(" · ") || undefined} />
      {notice ? (
        <div className="notice" role="status">
          {t(`companies.${notice}`)}
        </div>
      ) : null}
      {merged ? (
        <div className="notice" role="status">
          {t("companies.merged", { name: merged })}
        </div>
      ) : null}
      <p>{t("companies.jobs", { count: company.jobs })}</p>

      {canEdit ? (
        <Section id="details" title={t("companies.details")}>
          <CompanyForm key={`${company.name}|${company.industry}|${company.city}`} company={company} />
        </Section>
      ) : null}

      <Section id="aliases" title={t("companies.aliases.title")}>
        <p className="muted">{t("companies.aliases.intro")}</p>
        {company.aliases.length ? (
          <ul className="stack-tight">
            {company.aliases.map((a) => (
              <li key={a.id}>
                {a.alias}{" "}
                {canEdit ? (
                  <Form method="post" style={{ display: "inline" }}>
                    <input type="hidden" name="intent" value="removeAlias" />
                    <input type="hidden" name="aliasId" value={a.id} />
                    <Button variant="ghost" size="small" aria-label={t("companies.aliases.removeLabel", { alias: a.alias })}>
                      {t("companies.aliases.remove")}
                    </Button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("companies.aliases.none")}</p>
        )}
        {canEdit ? (
          <OneFieldForm key={company.aliases.length} intent="addAlias" name="alias" label={t("companies.fields.alias")} submit={t("companies.aliases.add")} schema={AliasSchema} />
        ) : null}
      </Section>

      <Section id="lists" title={t("companies.lists.title")}>
        {company.vacancyLists.length ? (
          <ul className="stack-tight">
            {company.vacancyLists.map((l) => (
              <li key={l.vacancy.id}>
                <Link to={`/vacancies/${l.vacancy.id}`}>{l.vacancy.title}</Link>{" "}
                <span className={l.kind === "EXCLUDED" ? "badge badge-danger" : "badge badge-neutral"}>{t(`companies.lists.${l.kind}`)}</span>{" "}
                <span className="muted">{t(`vacancyStatus.${l.vacancy.status}`)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("companies.lists.none")}</p>
        )}
      </Section>

      {canEdit ? (
        <Section id="merge" title={t("companies.merge.title")}>
          <p className="muted">{t("companies.merge.intro")}</p>
          <OneFieldForm key={company.id} intent="merge" name="into" label={t("companies.fields.into")} hint={t("companies.merge.hint")} submit={t("companies.merge.submit")} schema={MergeSchema} />
        </Section>
      ) : null}
    </>
  );
}
