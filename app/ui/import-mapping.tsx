import { getFormProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import { type PendingMapping } from "~/sourcing/import-forms";
import { Button, FormError, SelectField } from "./form";

/**
 * The column mapping step for a CSV/XLSX whose headers were not all recognised: one
 * select per field, preset to the guess, with the file's first rows to look at.
 */
export function MappingStep({ mapping, lastResult }: { mapping: PendingMapping; lastResult: unknown }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const result = lastResult as SubmissionResult<string[]> | undefined;
  const [form, fields] = useForm<Record<string, string>>({
    id: "mapping",
    lastResult: result?.initialValue && "intent" in result.initialValue ? result : undefined,
    defaultValue: Object.fromEntries(Object.entries(mapping.guessed).map(([field, header]) => [field, header ?? ""])),
  });
  const options = mapping.headers.map((header) => ({ value: header, label: header }));
  return (
    <section className="card" aria-labelledby="mapping-title">
      <h2 id="mapping-title">{t("imports.mapping.title")}</h2>
      <p className="muted">{t("imports.mapping.intro")}</p>
      <p className="muted">{t("imports.mapping.required")}</p>
      <Form method="post" {...getFormProps(form)} className="form-grid">
        <FormError id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="map" />
        {mapping.fields.map((field) => (
          <SelectField
            key={field}
            label={t(`imports.fields.${field}`)}
            placeholder={t("imports.mapping.notUsed")}
            hint={field === "experience" ? t("imports.mapping.experienceHint") : undefined}
            options={options}
            errors={fields[field]?.errors}
            selectProps={getSelectProps(fields[field]!)}
          />
        ))}
        <div>
          <Button type="submit" disabled={navigation.state === "submitting"}>
            {t("imports.mapping.apply")}
          </Button>
        </div>
      </Form>
      <div className="table-wrap">
        <table>
          <caption>{t("imports.mapping.sample")}</caption>
          <thead>
            <tr>
              {mapping.headers.map((header) => (
                <th key={header} scope="col">
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {mapping.sample.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (
                  <td key={j}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
