import { useTranslation } from "~/ui/use-translation";
import { FUNNEL } from "~/pipeline/stages";
import { groupSkips, type BulkReport } from "~/sourcing/bulk-actions";
import { Button, ErrorList, Field, SelectField } from "./form";
import { formatPersonName } from "./person";
import { useLocale } from "./use-locale";

type Errors = Record<string, string[] | undefined>;

/**
 * The controls of the candidate list's bulk form (the form itself wraps the table,
 * so the row checkboxes belong to it). Each action is its own submit button; its
 * fields sit beside it with their errors.
 */
export function BulkActionsBar({
  vacancyId,
  campaigns,
  errors,
  formErrors,
}: {
  vacancyId: string | undefined;
  campaigns: ReadonlyArray<{ id: string; name: string; members: number }>;
  errors: Errors;
  formErrors: string[] | undefined;
}) {
  const { t } = useTranslation();
  return (
    <section className="card stack-tight" aria-labelledby="bulk-title">
      <h2 id="bulk-title">{t("candidateList.bulk.title")}</h2>
      <p className="muted">{t("candidateList.bulk.hint")}</p>
      <ErrorList errors={[...(formErrors ?? []), ...(errors.ids ?? []), ...(errors.vacancy ?? [])]} />
      {vacancyId ? (
        <>
          <input type="hidden" name="vacancy" value={vacancyId} />
          <fieldset className="filters">
            <legend>{t("candidateList.bulk.move")}</legend>
            <SelectField
              label={t("candidateList.bulk.moveTo")}
              options={FUNNEL.map((s) => ({ value: s, label: t(`stages.${s}`) }))}
              errors={errors.to}
              selectProps={{ name: "to", defaultValue: "CONTACTED" }}
            />
            <Field
              className="field-grow"
              label={t("candidateList.bulk.moveReason")}
              errors={errors.moveReason}
              inputProps={{ name: "moveReason", maxLength: 500 }}
            />
            <Button variant="secondary" name="intent" value="move">
              {t("candidateList.bulk.moveSubmit")}
            </Button>
          </fieldset>
          <fieldset className="filters">
            <legend>{t("candidateList.bulk.reject")}</legend>
            <Field
              className="field-grow"
              label={t("candidateList.bulk.rejectReason")}
              errors={errors.reason}
              inputProps={{ name: "reason", maxLength: 500 }}
            />
            <Button variant="danger" name="intent" value="reject">
              {t("candidateList.bulk.rejectSubmit")}
            </Button>
          </fieldset>
          <fieldset className="filters">
            <legend>{t("candidateList.bulk.campaign")}</legend>
            <SelectField
              label={t("candidateList.bulk.campaignExisting")}
              placeholder={t("candidateList.bulk.chooseCampaign")}
              options={campaigns.map((c) => ({ value: c.id, label: `${c.name} (${c.members})` }))}
              errors={errors.campaignId}
              selectProps={{ name: "campaignId", defaultValue: "" }}
            />
            <Field
              label={t("candidateList.bulk.campaignNew")}
              errors={errors.campaignName}
              inputProps={{ name: "campaignName", maxLength: 120 }}
            />
            <Button variant="secondary" name="intent" value="campaign">
              {t("candidateList.bulk.campaignSubmit")}
            </Button>
          </fieldset>
        </>
      ) : (
        <p className="muted">{t("candidateList.bulk.needVacancy")}</p>
      )}
      <fieldset className="filters">
        <legend>{t("candidateList.bulk.tag")}</legend>
        <Field label={t("candidateList.bulk.tag")} errors={errors.tag} inputProps={{ name: "tag", maxLength: 60 }} />
        <Button variant="secondary" name="intent" value="tag-add">
          {t("candidateList.bulk.tagAdd")}
        </Button>
        <Button variant="secondary" name="intent" value="tag-remove">
          {t("candidateList.bulk.tagRemove")}
        </Button>
      </fieldset>
    </section>
  );
}

/** "Rejection: 5 changed. 2 skipped: not on this vacancy — Иванов И., Петров П." */
export function BulkResultNotice({ report }: { report: BulkReport }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const action =
    report.intent === "campaign"
      ? t("candidateList.intents.campaign", { name: report.campaign?.name ?? "" })
      : t(`candidateList.intents.${report.intent}`);
  const nameOf = (id: string) => {
    const name = report.names[id];
    return name ? formatPersonName(name, locale) : t("candidates.erasedName");
  };
  return (
    <div className={report.skipped.length ? "notice" : "notice notice-good"} role="status">
      <p>
        <strong>{t("candidateList.result.changed", { action, count: report.changed })}</strong>
      </p>
      {report.skipped.length ? (
        <>
          <p>{t("candidateList.result.skipped", { count: report.skipped.length })}</p>
          <ul>
            {groupSkips(report.skipped).map((group) => (
              <li key={group.reason}>
                {t(`candidateList.skip.${group.reason}`)} ({group.candidateIds.length}): {group.candidateIds.map(nameOf).join(", ")}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/** The table header's box that ticks or clears every row's `ids` box of the form `formId`. */
export function SelectAllBox({ formId, label }: { formId: string; label: string }) {
  return (
    <th scope="col">
      <input
        type="checkbox"
        aria-label={label}
        onChange={(e) => {
          const boxes = document.querySelectorAll<HTMLInputElement>(`#${formId} input[name="ids"]`);
          boxes.forEach((box) => (box.checked = e.currentTarget.checked));
        }}
      />
    </th>
  );
}
