import { getFormProps, getInputProps, getSelectProps, useForm, type FieldMetadata, type FormMetadata, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, useNavigation } from "@remix-run/react";
import { recommendInvites } from "~/interviews/overbooking";
import {
  CAPACITY,
  CONFIDENCE_PERCENT,
  DURATION,
  MAX_SESSIONS_PER_SERIES,
  previewSlots,
  SEATS,
  SeriesFormFields,
  seriesFormSchema,
  SessionEditFields,
  SessionEditSchema,
  TIME_ZONES,
  type SeriesFormInput,
  type SeriesInput,
  type SessionEdit,
  type SessionEditInput,
} from "~/interviews/schedule";
import { type ShowRateEstimate } from "~/interviews/show-rate";
import { useTranslation } from "~/ui/use-translation";
import { Button, CheckboxGroup, ErrorList, Field, FormError, SelectField } from "./form";
import { EstimateText, usePercent } from "./interview-show-rate";

/**
 * The series creator (vacancy, days × start times, the room, assessors, with a live
 * preview of the slots and the invitations each needs) and a session's editor. Both
 * work without JavaScript: adding a day or time, and the preview, go to the server and
 * come back with everything typed.
 */

export type VacancyChoice = { id: string; title: string; city: string; estimate: ShowRateEstimate };
export type AssessorChoice = { id: string; name: string; roles: readonly string[] };
type Values = Record<string, string | string[]>;

const allErrors = (meta: { allErrors: Record<string, string[]> }) => [...new Set(Object.values(meta.allErrors).flat())];

function useAssessorOptions(assessors: readonly AssessorChoice[]) {
  const { t } = useTranslation();
  return assessors.map((a) => ({ value: a.id, label: `${a.name} (${a.roles.filter((r) => r === "HIRING_MANAGER" || r === "DEPARTMENT_HEAD").map((r) => t(`roles.${r}`)).join(", ")})` }));
}

/** A list of date or time inputs with add and remove buttons (Conform list intents, server-side without JavaScript). */
function EntryList({
  legend,
  hint,
  meta,
  type,
  addLabel,
  removeLabel,
  form,
}: {
  legend: string;
  hint: string;
  meta: FieldMetadata<Array<string | undefined> | undefined, SeriesFormInput, string[]>;
  type: "date" | "time";
  addLabel: string;
  removeLabel: (value: string) => string;
  form: FormMetadata<SeriesFormInput, string[]>;
}) {
  const items = meta.getFieldList();
  const errors = allErrors(meta);
  return (
    <fieldset className="field iv-entries" aria-invalid={errors.length ? true : undefined} aria-describedby={errors.length ? meta.errorId : `${meta.id}-hint`}>
      <legend>{legend}</legend>
      <p id={`${meta.id}-hint`} className="field-hint">
        {hint}
      </p>
      <ul>
        {items.map((item, index) => (
          <li key={item.key ?? index}>
            <input {...getInputProps(item, { type })} aria-label={`${legend} ${index + 1}`} />
            {items.length > 1 ? (
              <button {...form.remove.getButtonProps({ name: meta.name, index })} className="button button-ghost button-small" aria-label={removeLabel(item.value ?? String(index + 1))}>
                ×
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <button {...form.insert.getButtonProps({ name: meta.name })} className="button button-secondary button-small">
        {addLabel}
      </button>
      <ErrorList id={meta.errorId} errors={errors} />
    </fieldset>
  );
}

function RoomFields<Form extends Record<string, unknown>>({ fields, assessors, assessorIds }: { fields: RoomMeta<Form>; assessors: readonly AssessorChoice[]; assessorIds: readonly string[] }) {
  const { t } = useTranslation();
  const options = useAssessorOptions(assessors);
  return (
    <>
      <Field label={t("interviewSessions.fields.place")} hint={t("interviewSessions.fields.placeHint")} errors={fields.place.errors} inputProps={getInputProps(fields.place, { type: "text" })} />
      <Field label={t("interviewSessions.fields.videoUrl")} hint={t("interviewSessions.fields.videoUrlHint")} errors={fields.videoUrl.errors} inputProps={{ ...getInputProps(fields.videoUrl, { type: "url" }), placeholder: "https://" }} />
      <Field
        label={t("interviewSessions.fields.seats")}
        hint={t("interviewSessions.fields.seatsHint")}
        errors={fields.seats.errors}
        inputProps={{ ...getInputProps(fields.seats, { type: "number" }), min: SEATS.min, max: SEATS.max, step: 1, inputMode: "numeric" }}
      />
      <Field
        label={t("interviewSessions.fields.capacity")}
        hint={t("interviewSessions.fields.capacityHint")}
        errors={fields.capacity.errors}
        inputProps={{ ...getInputProps(fields.capacity, { type: "number" }), min: CAPACITY.min, max: CAPACITY.max, step: 1, inputMode: "numeric" }}
      />
      <CheckboxGroup legend={t("interviewSessions.fields.assessors")} name={fields.assessorIds.name} options={options} defaultValue={assessorIds} errors={allErrors(fields.assessorIds)} />
      {!assessors.length ? <p className="field-hint">{t("interviewSessions.fields.noAssessors")}</p> : null}
    </>
  );
}

type Meta<T, Form extends Record<string, unknown>> = FieldMetadata<T, Form, string[]>;
type RoomMeta<Form extends Record<string, unknown>> = {
  place: Meta<string | undefined, Form>;
  videoUrl: Meta<string | undefined, Form>;
  seats: Meta<number, Form>;
  capacity: Meta<number, Form>;
  assessorIds: Meta<string[] | undefined, Form>;
};

const list = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : typeof value === "string" ? [value] : []);

/** The slots as the form stands, with the invitations each needs at the chosen vacancy's show rate. */
function SeriesPreview({ values, estimate }: { values: Record<string, unknown>; estimate: ShowRateEstimate | null }) {
  const { t } = useTranslation();
  const percent = usePercent();
  const slots = previewSlots(values, new Date());
  const seats = Number(values.seats);
  const capacity = Number(values.capacity);
  const confidence = Number(values.confidencePercent) / 100;
  const plannable =
    estimate && Number.isInteger(seats) && Number.isInteger(capacity) && seats >= 1 && capacity >= 1 && confidence >= CONFIDENCE_PERCENT.min / 100 && confidence <= CONFIDENCE_PERCENT.max / 100;
  const rec = plannable ? recommendInvites({ seats, capacity, estimate, confidence }) : null;
  return (
    <section className="card iv-preview" aria-labelledby="series-preview" aria-live="polite" data-preview="">
      <h2 id="series-preview">{t("interviewSessions.preview.title", { count: slots.length })}</h2>
      {estimate ? (
        <p>
          {t("interviewSessions.preview.showRate")} <EstimateText estimate={estimate} />
        </p>
      ) : (
        <p className="muted">{t("interviewSessions.preview.chooseVacancy")}</p>
      )}
      {slots.length ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("interviewSessions.preview.slot")}</th>
                <th scope="col" className="num">{t("interviewSessions.preview.invite")}</th>
                <th scope="col" className="num">{t("interviewSessions.preview.fill")}</th>
                <th scope="col" className="num">{t("interviewSessions.preview.overCapacity")}</th>
              </tr>
            </thead>
            <tbody>
              {slots.map((slot) => (
                <tr key={slot.startsAt.toISOString()} data-slot={`${slot.day} ${slot.time}`}>
                  <th scope="row">
                    {slot.day} {slot.time}
                    {slot.past ? <span className="cell-sub iv-warning">{t("interviewSessions.preview.past")}</span> : null}
                  </th>
                  <td className="num">{rec ? rec.invite : "—"}</td>
                  <td className="num">{rec ? percent(rec.fillChance) : "—"}</td>
                  <td className={rec && rec.overCapacityChance > 0.1 ? "num iv-warning" : "num"}>{rec ? percent(rec.overCapacityChance) : "—"}</td>
                </tr>
              ))}
            </tbody>
            {rec ? (
              <tfoot>
                <tr>
                  <th scope="row">{t("interviewSessions.preview.total")}</th>
                  <td className="num">{rec.invite * slots.length}</td>
                  <td colSpan={2} />
                </tr>
              </tfoot>
            ) : null}
          </table>
        </div>
      ) : (
        <p className="muted">{t("interviewSessions.preview.noSlots")}</p>
      )}
    </section>
  );
}

export function SeriesForm({
  defaultValue,
  lastResult,
  vacancies,
  assessors,
}: {
  defaultValue: Values;
  lastResult: SubmissionResult<string[]> | undefined;
  vacancies: readonly VacancyChoice[];
  assessors: readonly AssessorChoice[];
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const [form, fields] = useForm<SeriesFormInput, SeriesInput>({
    id: "interview-series",
    lastResult,
    defaultValue,
    constraint: getZodConstraint(SeriesFormFields),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: seriesFormSchema() }),
  });
  const values = (form.value ?? defaultValue) as Record<string, unknown>;
  const zone = typeof values.timeZone === "string" && values.timeZone ? values.timeZone : String(defaultValue.timeZone);
  const zones = (TIME_ZONES as readonly string[]).includes(zone) ? TIME_ZONES : [zone, ...TIME_ZONES];
  const vacancy = vacancies.find((v) => v.id === values.vacancyId) ?? null;
  const busy = navigation.state === "submitting";
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormError id={form.errorId} errors={form.errors} />
      <fieldset className="card form-grid">
        <legend>{t("interviewSessions.sections.what")}</legend>
        <SelectField
          label={t("ui.vacancy")}
          placeholder={t("interviewSessions.fields.chooseVacancy")}
          hint={vacancies.length ? undefined : t("interviewSessions.fields.noVacancies")}
          options={vacancies.map((v) => ({ value: v.id, label: `${v.title} (${v.city})` }))}
          errors={fields.vacancyId.errors}
          selectProps={getSelectProps(fields.vacancyId)}
        />
        <Field label={t("interviewSessions.fields.name")} hint={t("interviewSessions.fields.nameHint")} errors={fields.name.errors} inputProps={getInputProps(fields.name, { type: "text" })} />
      </fieldset>
      <fieldset className="card form-grid">
        <legend>{t("interviewSessions.sections.when")}</legend>
        <EntryList
          legend={t("interviewSessions.fields.days")}
          hint={t("interviewSessions.fields.daysHint")}
          meta={fields.days}
          type="date"
          addLabel={t("interviewSessions.fields.addDay")}
          removeLabel={(value) => t("interviewSessions.fields.remove", { value })}
          form={form}
        />
        <EntryList
          legend={t("interviewSessions.fields.times")}
          hint={t("interviewSessions.fields.timesHint", { max: MAX_SESSIONS_PER_SERIES })}
          meta={fields.times}
          type="time"
          addLabel={t("interviewSessions.fields.addTime")}
          removeLabel={(value) => t("interviewSessions.fields.remove", { value })}
          form={form}
        />
        <Field
          label={t("interviewSessions.fields.durationMinutes")}
          errors={fields.durationMinutes.errors}
          inputProps={{ ...getInputProps(fields.durationMinutes, { type: "number" }), min: DURATION.min, max: DURATION.max, step: 5, inputMode: "numeric" }}
        />
        <SelectField
          label={t("interviewSessions.fields.timeZone")}
          hint={t("interviewSessions.fields.timeZoneHint")}
          options={zones.map((z) => ({ value: z, label: z }))}
          errors={fields.timeZone.errors}
          selectProps={getSelectProps(fields.timeZone)}
        />
      </fieldset>
      <fieldset className="card form-grid">
        <legend>{t("interviewSessions.sections.room")}</legend>
        <RoomFields fields={fields} assessors={assessors} assessorIds={list(fields.assessorIds.initialValue)} />
        <Field
          label={t("interviewSessions.fields.confidencePercent")}
          hint={t("interviewSessions.fields.confidenceHint")}
          errors={fields.confidencePercent.errors}
          inputProps={{ ...getInputProps(fields.confidencePercent, { type: "number" }), min: CONFIDENCE_PERCENT.min, max: CONFIDENCE_PERCENT.max, step: 5, inputMode: "numeric" }}
        />
      </fieldset>
      <SeriesPreview values={values} estimate={vacancy?.estimate ?? null} />
      <div className="page-actions">
        <Button type="submit" disabled={busy}>
          {t("interviewSessions.create")}
        </Button>
        <Button type="submit" variant="secondary" name="preview" value="1" formNoValidate disabled={busy}>
          {t("interviewSessions.preview.refresh")}
        </Button>
        <Link to="/interviews" className="button button-ghost">
          {t("interviewSessions.cancel")}
        </Link>
      </div>
    </Form>
  );
}

/** A session's place, link, seats, capacity and assessors. */
export function SessionEditForm({
  defaultValue,
  lastResult,
  assessors,
}: {
  defaultValue: Values;
  lastResult: SubmissionResult<string[]> | undefined;
  assessors: readonly AssessorChoice[];
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const [form, fields] = useForm<SessionEditInput, SessionEdit>({
    id: "session-edit",
    lastResult,
    defaultValue,
    constraint: getZodConstraint(SessionEditFields),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SessionEditSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="form-grid">
      <input type="hidden" name="intent" value="update" />
      <FormError id={form.errorId} errors={form.errors} />
      <RoomFields fields={fields} assessors={assessors} assessorIds={list(fields.assessorIds.initialValue)} />
      <div className="page-actions">
        <Button type="submit" disabled={navigation.state === "submitting"}>
          {t("interviewSessions.edit.save")}
        </Button>
      </div>
    </Form>
  );
}
