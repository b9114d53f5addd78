import { type FieldMetadata, getTextareaProps } from "@conform-to/react";
import {
  useId,
  type ButtonHTMLAttributes,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
} from "react";
import { useTranslation } from "~/ui/use-translation";
import { translateError } from "./error-key";

type Errors = readonly string[] | null | undefined;

/** Translated error messages (i18n keys, see error-key.ts) shown next to a field. */
export function ErrorList({ id, errors }: { id?: string; errors: Errors }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="field-errors">
      {errors.map((error) => (
        <li key={error}>{translateError(t, error)}</li>
      ))}
    </ul>
  );
}

function describedBy(...ids: Array<string | false | undefined>) {
  const joined = ids.filter(Boolean).join(" ");
  return joined || undefined;
}

export function Field({
  label,
  hint,
  errors,
  inputProps,
  className,
}: {
  label: ReactNode;
  hint?: ReactNode;
  errors?: Errors;
  inputProps: InputHTMLAttributes<HTMLInputElement>;
  className?: string;
}) {
  const fallbackId = useId();
  const id = inputProps.id ?? fallbackId;
  const invalid = Boolean(errors?.length);
  return (
    <div className={["field", className].filter(Boolean).join(" ")}>
      <label htmlFor={id}>{label}</label>
      <input
        {...inputProps}
        id={id}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(hint ? `${id}-hint` : undefined, invalid && `${id}-error`)}
      />
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <ErrorList id={`${id}-error`} errors={errors} />
    </div>
  );
}

export type Option = { value: string; label: string };

/** A Conform textarea with its label, hint and errors; `monospace` for text with markup (templates). */
export function TextareaField({
  label,
  hint,
  errors,
  meta,
  rows,
  monospace = false,
}: {
  label: ReactNode;
  hint?: ReactNode;
  /** Defaults to the field's own errors. */
  errors?: Errors;
  meta: FieldMetadata<string | undefined>;
  rows: number;
  monospace?: boolean;
}) {
  const shown = errors ?? meta.errors;
  const invalid = Boolean(shown?.length);
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <textarea
        {...getTextareaProps(meta)}
        rows={rows}
        style={monospace ? { width: "100%", fontFamily: "ui-monospace, Consolas, monospace", fontSize: "0.9rem" } : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(hint ? meta.descriptionId : undefined, invalid && meta.errorId)}
      />
      {hint ? (
        <p id={meta.descriptionId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <ErrorList id={meta.errorId} errors={shown} />
    </div>
  );
}

export function SelectField({
  label,
  options,
  placeholder,
  hint,
  errors,
  selectProps,
  className,
}: {
  label: ReactNode;
  options: readonly Option[];
  /** A first empty option, e.g. "All statuses". */
  placeholder?: string;
  hint?: ReactNode;
  errors?: Errors;
  selectProps: SelectHTMLAttributes<HTMLSelectElement>;
  className?: string;
}) {
  const fallbackId = useId();
  const id = selectProps.id ?? fallbackId;
  const invalid = Boolean(errors?.length);
  return (
    <div className={["field", className].filter(Boolean).join(" ")}>
      <label htmlFor={id}>{label}</label>
      <select
        {...selectProps}
        id={id}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(hint ? `${id}-hint` : undefined, invalid && `${id}-error`)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <ErrorList id={`${id}-error`} errors={errors} />
    </div>
  );
}

export function CheckboxGroup({
  legend,
  name,
  options,
  defaultValue = [],
  errors,
}: {
  legend: ReactNode;
  name: string;
  options: readonly Option[];
  defaultValue?: readonly string[];
  errors?: Errors;
}) {
  const id = useId();
  const invalid = Boolean(errors?.length);
  return (
    <fieldset
      className="field checkbox-group"
      aria-invalid={invalid || undefined}
      aria-describedby={invalid ? `${id}-error` : undefined}
    >
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="checkbox">
          <input
            type="checkbox"
            name={name}
            value={option.value}
            defaultChecked={defaultValue.includes(option.value)}
          />
          {option.label}
        </label>
      ))}
      <ErrorList id={`${id}-error`} errors={errors} />
    </fieldset>
  );
}

/** Errors about the whole form (e.g. "wrong email or password"), announced to screen readers. */
export function FormError({ id, errors }: { id?: string; errors: Errors }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <div id={id} className="form-error" role="alert">
      {errors.map((error) => (
        <p key={error}>{translateError(t, error)}</p>
      ))}
    </div>
  );
}

export function Button({
  variant = "primary",
  size,
  className,
  type = "submit",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: "primary" | "secondary" | "danger" | "ghost";
  size?: "small";
}) {
  const classes = ["button", `button-${variant}`, size && `button-${size}`, className];
  return <button type={type} className={classes.filter(Boolean).join(" ")} {...props} />;
}
