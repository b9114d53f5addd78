import type { SourcingTier, Stage } from "@prisma/client";
import { Link } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import { Badge, StageBadge } from "./badges";
import { DateText } from "./dates";
import { CandidateLink, type PersonName } from "./person";

export type ApplicationRow = {
  id: string;
  stage: Stage;
  tier: SourcingTier | null;
  stageChangedAt: string;
  vacancy: { id: string; title: string };
  candidate: {
    id: string;
    name: PersonName | null;
    city: string | null;
    currentTitle: string | null;
    doNotContact: boolean;
    consentAt: string | null;
    erasedAt: string | null;
    hasEmail?: boolean;
    hasPhone?: boolean;
  };
};

/** Flags a recruiter must see before contacting anyone. */
export function CandidateFlags({ candidate }: { candidate: ApplicationRow["candidate"] }) {
  const { t } = useTranslation();
  return (
    <span className="stage-strip">
      {candidate.erasedAt ? <Badge tone="out">{t("candidates.erased")}</Badge> : null}
      {candidate.doNotContact ? <Badge tone="danger">{t("candidates.doNotContact")}</Badge> : null}
      {!candidate.erasedAt && candidate.consentAt ? <Badge tone="good">{t("candidates.consentGiven")}</Badge> : null}
    </span>
  );
}

export function ApplicationsTable({
  applications,
  showVacancy = true,
  caption,
}: {
  applications: readonly ApplicationRow[];
  showVacancy?: boolean;
  caption?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table">
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <tr>
            <th scope="col">{t("candidates.columns.name")}</th>
            <th scope="col">{t("candidates.columns.titleCity")}</th>
            {showVacancy ? <th scope="col">{t("candidates.columns.vacancy")}</th> : null}
            <th scope="col">{t("candidates.columns.tier")}</th>
            <th scope="col">{t("candidates.columns.stage")}</th>
            <th scope="col">{t("candidates.columns.since")}</th>
            <th scope="col">{t("candidates.columns.flags")}</th>
          </tr>
        </thead>
        <tbody>
          {applications.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                <CandidateLink id={a.candidate.id} name={a.candidate.name} />
              </th>
              <td>
                {a.candidate.currentTitle ?? "—"}
                {a.candidate.city ? <span className="cell-sub">{a.candidate.city}</span> : null}
              </td>
              {showVacancy ? (
                <td>
                  <Link to={`/vacancies/${a.vacancy.id}`}>{a.vacancy.title}</Link>
                </td>
              ) : null}
              <td>{a.tier ? t(`tiers.${a.tier}`) : "—"}</td>
              <td>
                <StageBadge stage={a.stage} />
              </td>
              <td>
                <DateText value={a.stageChangedAt} />
              </td>
              <td>
                <CandidateFlags candidate={a.candidate} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
