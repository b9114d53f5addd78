import { Form, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import { Button, SelectField, type Option } from "./form";

/** A list page's one-select filter (GET form), keeping the current choice from the URL. */
export function SelectFilter({
  name,
  label,
  placeholder,
  options,
}: {
  name: string;
  label: string;
  placeholder: string;
  options: readonly Option[];
}) {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  return (
    <Form method="get" className="filters" key={searchParams.toString()}>
      <SelectField
        label={label}
        placeholder={placeholder}
        options={options}
        selectProps={{ name, defaultValue: searchParams.get(name) ?? "" }}
      />
      <Button variant="secondary">{t("ui.show")}</Button>
    </Form>
  );
}
