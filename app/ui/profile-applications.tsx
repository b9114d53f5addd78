import type { SourcingTier, Stage } from "@prisma/client";
import { Form, Link, useLocation } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import { numberFormat } from "~/i18n/format";
import { isExit } from "~/pipeline/stages";
import { type StoredTierReason } from "~/sourcing/tiers";
import { StageBadge } from "./badges";
import { DateText } from "./dates";
import { Button } from "./form";
import { EmptyState, Section } from "./page";
import { TierBadge, TierReasonText } from "./tier-reason";
import { useLocale } from "./use-locale";

type Application = {
  id: string;
  stage: Stage;
  tier: SourcingTier | null;
  tierReason: StoredTierReason | null;
  stageChangedAt: string;
  vacancy: { id: string; title: string; city: string };
  override: { at: string; reason: string | null; byName: string | null } | null;
  questionnaire?: { id: string; score: number; verdict: "PASSED" | "KNOCKED_OUT"; overridden: boolean } | null;
  history: Array<{ id: string; fromStage: Stage | null; toStage: Stage; reason: string | null; createdAt: string; actorName: string | null }>;
};

/** The candidate's vacancies: stage, tier and why, the stage history, and for an excluded tier the contact override. */
export function ApplicationsSection({ applications, canOverride }: { applications: readonly Application[]; canOverride: boolean }) {
  const { t } = useTranslation();
  return (
    <Section id="applications" title={t("candidates.applications")}>
      {applications.length === 0 ? (
        <EmptyState title={t("candidates.noApplications")} />
      ) : (
        applications.map((a) => (
          <article key={a.id} className="application">
            <h3>
              <Link to={`/vacancies/${a.vacancy.id}`}>{a.vacancy.title}</Link> <span className="muted">· {a.vacancy.city}</span>
            </h3>
            <p className="stage-strip">
              <StageBadge stage={a.stage} />
              {a.tier ? <TierBadge tier={a.tier} /> : null}
              {a.tierReason || a.tier === "OPEN_MARKET" ? (
                <span className="muted" data-tier-reason="">
                  <TierReasonText reason={a.tierReason} />
                </span>
              ) : null}
              <span className="muted">
                {t("candidates.since")} <DateText value={a.stageChangedAt} />
              </span>
            </p>
            {a.questionnaire ? <QuestionnaireLine result={a.questionnaire} /> : null}
            {a.tier === "EXCLUDED" && !(isExit(a.stage) && !a.override) ? (
              // Nobody contacts a rejected or withdrawn application: no form to allow it there.
              <ContactOverride application={a} canOverride={canOverride && !isExit(a.stage)} />
            ) : null}
            {a.history.length ? (
              <ol className="timeline" aria-label={t("candidates.stageHistory")}>
                {a.history.map((h) => (
                  <li key={h.id}>
                    <DateText value={h.createdAt} withTime />: {h.fromStage ? `${t(`stages.${h.fromStage}`)} → ` : ""}
                    <strong>{t(`stages.${h.toStage}`)}</strong>
                    {h.actorName ? <span className="muted"> · {h.actorName}</span> : null}
                    {h.reason ? <span className="muted"> · {h.reason}</span> : null}
                  </li>
                ))}
              </ol>
            ) : null}
          </article>
        ))
      )}
    </Section>
  );
}

/** "Questionnaire: score 72.5, passed", linking to the response. */
function QuestionnaireLine({ result }: { result: NonNullable<Application["questionnaire"]> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const score = numberFormat(locale, { maximumFractionDigits: 1 }).format(result.score);
  const verdict = t(`questionnaireResults.profile.verdicts.${result.verdict}`);
  return (
    <p data-questionnaire-result="">
      <Link to={`/questionnaires/responses/${result.id}`}>{t("questionnaireResults.profile.line", { score, verdict })}</Link>
      {result.overridden ? <span className="muted"> ({t("questionnaireResults.overridden")})</span> : null}
    </p>
  );
}

/** Posts to the contact override route, which returns here (redirectTo). */
function ContactOverride({ application, canOverride }: { application: Application; canOverride: boolean }) {
  const { t } = useTranslation();
  const location = useLocation();
  const override = application.override;
  const reasonId = `override-reason-${application.id}`;
  return (
    <div className="notice notice-danger">
      <p>
        <strong>{t("profile.override.title")}</strong>
      </p>
      {override ? (
        <p>
          {t("profile.override.allowedBy", { name: override.byName ?? "—", reason: override.reason ?? "—" })}{" "}
          <DateText value={override.at} withTime />
        </p>
      ) : (
        <p>{t("profile.override.explain")}</p>
      )}
      {canOverride ? (
        <Form method="post" action={`/applications/${application.id}/contact-override`} className="filters">
          <input type="hidden" name="intent" value={override ? "revoke" : "override"} />
          <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
          <div className="field field-grow">
            <label htmlFor={reasonId}>{t("profile.override.reason")}</label>
            <input id={reasonId} name="reason" required maxLength={500} />
          </div>
          <Button variant={override ? "ghost" : "secondary"}>{override ? t("profile.override.revoke") : t("profile.override.allow")}</Button>
        </Form>
      ) : null}
    </div>
  );
}
