import { getInputProps, type FieldMetadata } from "@conform-to/react";
import { useTranslation } from "~/ui/use-translation";
import { MAX_JOBS } from "~/sourcing/intake";
import { ErrorList, Field } from "./form";

/**
 * The person and work-history fields the apply page and the manual entry form
 * share. Job rows are three fixed rows named jobs[i].*, so an empty row stays on
 * screen after a server error; their messages come from the form's allErrors.
 */
type Meta = FieldMetadata<string | boolean | undefined>;
type PersonFieldName =
  | "lastName"
  | "firstName"
  | "middleName"
  | "email"
  | "phone"
  | "city"
  | "relocation"
  | "currentTitle"
  | "salaryExpectationRub";

export function PersonFields({
  fields,
  contactRequired,
}: {
  fields: Record<PersonFieldName, Meta>;
  /** The apply page needs both contacts; manual entry needs either. */
  contactRequired: boolean;
}) {
  const { t } = useTranslation();
  const field = (name: PersonFieldName, extra: { type?: "text" | "email" | "tel"; hint?: string; autoComplete?: string; required?: boolean; inputMode?: "numeric" } = {}) => {
    const { type = "text", hint, ...input } = extra;
    return (
      <Field
        label={t(`intake.person.${name}`)}
        hint={hint}
        errors={fields[name].errors}
        inputProps={{ ...getInputProps(fields[name] as FieldMetadata<string | undefined>, { type }), ...input }}
      />
    );
  };
  return (
    <>
      {field("lastName", { autoComplete: "family-name" })}
      {field("firstName", { autoComplete: "given-name" })}
      {field("middleName", { autoComplete: "additional-name" })}
      {field("email", { type: "email", autoComplete: "email", required: contactRequired })}
      {field("phone", { type: "tel", autoComplete: "tel", required: contactRequired, hint: t("intake.person.phoneHint") })}
      {field("city", { autoComplete: "address-level2" })}
      {field("currentTitle", { autoComplete: "organization-title" })}
      {field("salaryExpectationRub", { inputMode: "numeric", hint: t("intake.person.salaryHint") })}
      <div className="field">
        <label className="checkbox">
          <input {...getInputProps(fields.relocation as FieldMetadata<boolean | undefined>, { type: "checkbox" })} />
          {t("intake.person.relocation")}
        </label>
        <ErrorList errors={fields.relocation.errors} />
      </div>
    </>
  );
}

type JobValue = { companyName?: string; title?: string; from?: string; to?: string };

export function JobRows({
  formId,
  initialValue,
  allErrors,
}: {
  formId: string;
  initialValue: unknown;
  allErrors: Record<string, string[]>;
}) {
  const { t } = useTranslation();
  const rows = Array.isArray(initialValue) ? (initialValue as Array<JobValue | undefined>) : [];
  const cell = (index: number, name: keyof JobValue, autoComplete?: string) => {
    const key = `jobs[${index}].${name}`;
    const month = name === "from" || name === "to";
    return (
      <Field
        className="field-grow"
        label={t(`intake.jobs.${name}`)}
        errors={allErrors[key]}
        inputProps={{
          id: `${formId}-${key}`,
          name: key,
          type: "text",
          defaultValue: rows[index]?.[name] ?? "",
          autoComplete,
          placeholder: month ? "03.2021" : undefined,
          inputMode: month ? "numeric" : undefined,
          maxLength: month ? 7 : 300,
        }}
      />
    );
  };
  return (
    <fieldset className="field">
      <legend>{t("intake.jobs.legend")}</legend>
      <p className="field-hint">{t("intake.jobs.monthHint")}</p>
      {Array.from({ length: MAX_JOBS }, (_, index) => (
        <fieldset key={index} className="field">
          <legend>{t("intake.jobs.job", { n: index + 1 })}</legend>
          <div className="filters filters-hinted">
            {cell(index, "companyName", index === 0 ? "organization" : "off")}
            {cell(index, "title")}
            {cell(index, "from")}
            {cell(index, "to")}
          </div>
        </fieldset>
      ))}
    </fieldset>
  );
}
