import { type QuestionnaireVerdict } from "@prisma/client";
import { formatRub, numberFormat } from "~/i18n/format";
import { SCALE_MAX } from "~/questionnaires/questions";
import { type AnswerShown, calendarDay, knockoutParams, type ShownKnockout } from "~/questionnaires/response-view";
import { useTranslation } from "~/ui/use-translation";
import { Badge } from "./badges";
import { useLocale } from "./use-locale";

/**
 * Questionnaire answers, knock-out reasons and verdicts as staff see them. Whatever
 * a candidate wrote is rendered as text by React (escaped), never as markup.
 */

export function AnswerText({ answer }: { answer: AnswerShown | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!answer) return <span className="muted">{t("questionnaireResults.response.noAnswer")}</span>;
  switch (answer.kind) {
    case "text":
      return <span className="answer-text" style={{ whiteSpace: "pre-wrap" }}>{answer.text}</span>;
    case "number":
      return <>{numberFormat(locale, { maximumFractionDigits: 2 }).format(answer.value)}</>;
    case "money":
      return <span className="money">{formatRub(answer.amount, locale)}</span>;
    case "choices":
      return <>{answer.labels.map((label) => label[locale]).join(", ")}</>;
    case "yes_no":
      return <>{t(`questionnaireResults.response.${answer.value}`)}</>;
    case "scale":
      return <>{t("questionnaireResults.response.scale", { value: answer.value, max: SCALE_MAX })}</>;
    case "date":
      return <time dateTime={answer.iso}>{calendarDay(answer.iso, locale)}</time>;
  }
}

/** A knock-out reason in the user's language: option keys as their labels, numbers and dates formatted. */
export function KnockoutText({ knockout }: { knockout: ShownKnockout }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return <>{t(knockout.key, knockoutParams(knockout, locale))}</>;
}

export function VerdictBadge({ verdict, overridden = false }: { verdict: QuestionnaireVerdict; overridden?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="stage-strip">
      <Badge tone={verdict === "PASSED" ? "good" : "danger"}>{t(`questionnaireResults.verdicts.${verdict}`)}</Badge>
      {overridden ? (
        <span data-overridden="">
          <Badge tone="late">{t("questionnaireResults.overridden")}</Badge>
        </span>
      ) : null}
    </span>
  );
}

/** "72.5" / "72,5": a score with at most one decimal. */
export function ScoreText({ score }: { score: number }) {
  const locale = useLocale();
  return <span className="num">{numberFormat(locale, { maximumFractionDigits: 1 }).format(score)}</span>;
}
