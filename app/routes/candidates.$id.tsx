import { parseWithZod } from "@conform-to/zod/v4";
import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { canAccess } from "~/auth/access";
import { requireAccess } from "~/auth/session.server";
import { getCandidateProfile } from "~/sourcing/candidates.server";
import { PersonalDataSchema } from "~/sourcing/personal-data";
import { candidateAuditTrail, eraseCandidate, setDoNotContact } from "~/sourcing/personal-data.server";
import { PersonalDataPanel } from "~/ui/personal-data-panel";
import { Badge, Money, StageBadge } from "~/ui/badges";
import { DateText } from "~/ui/dates";
import { dataTitle } from "~/ui/i18n-instance";
import { EmptyState, PageHeader, Section } from "~/ui/page";
import { formatPersonName } from "~/ui/person";
import { useLocale } from "~/ui/use-locale";
import { invariantResponse } from "~/utils/http";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  dataTitle(
    matches,
    data && !data.candidate.erased ? `${data.candidate.lastName} ${data.candidate.firstName}` : undefined,
    "candidates.title",
  );

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireAccess(request, "candidates");
  const candidate = await getCandidateProfile(params.id ?? "");
  invariantResponse(candidate, "Candidate not found");
  return json({
    candidate,
    auditTrail: await candidateAuditTrail(candidate.id),
    canManagePersonalData: canAccess(user.roles, "personalData"),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireAccess(request, "personalData");
  const submission = parseWithZod(await request.formData(), { schema: PersonalDataSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const change = submission.value;
  const candidateId = params.id ?? "";
  const done =
    change.intent === "erase"
      ? await eraseCandidate({ actorId: user.id, candidateId, reason: change.reason })
      : await setDoNotContact({
          actorId: user.id,
          candidateId,
          doNotContact: change.intent === "do-not-contact",
          reason: change.reason,
        });
  invariantResponse(done, "Candidate not found");
  return redirect(`/candidates/${candidateId}`);
}

type Profile = ReturnType<typeof useLoaderData<typeof loader>>["candidate"];

export default function CandidatePage() {
  const { candidate, auditTrail, canManagePersonalData } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/candidates">← {t("candidates.title")}</Link>
      </p>
      {candidate.erased ? (
        <>
          <PageHeader title={t("candidates.erasedName")} />
          <div className="notice" role="status">
            <p>
              <strong>{t("candidates.erasedNotice")}</strong>
            </p>
            <p>
              {t("candidates.erasedOn")} <DateText value={candidate.erasedAt} />
            </p>
          </div>
        </>
      ) : (
        <>
          <PageHeader
            title={formatPersonName(candidate, locale)}
            description={[candidate.currentTitle, candidate.city].filter(Boolean).join(" · ")}
            actions={
              <span className="stage-strip">
                {candidate.doNotContact ? <Badge tone="danger">{t("candidates.doNotContact")}</Badge> : null}
                {candidate.consentAt ? (
                  <Badge tone="good">{t("candidates.consentGiven")}</Badge>
                ) : (
                  <Badge tone="late">{t("candidates.noConsent")}</Badge>
                )}
              </span>
            }
          />
          {candidate.doNotContact ? (
            <div className="notice notice-danger" role="status">
              {t("candidates.doNotContactNotice")}{" "}
              {candidate.doNotContactAt ? <DateText value={candidate.doNotContactAt} /> : null}
            </div>
          ) : null}
          <div className="grid-2">
            <Section id="contacts" title={t("candidates.contacts")}>
              <dl className="details">
                <dt>{t("candidates.email")}</dt>
                <dd>{candidate.email ? <a href={`mailto:${candidate.email}`}>{candidate.email}</a> : "—"}</dd>
                <dt>{t("candidates.phone")}</dt>
                <dd>{candidate.phone ? <a href={`tel:${candidate.phone}`}>{candidate.phone}</a> : "—"}</dd>
                <dt>{t("candidates.columns.city")}</dt>
                <dd>{candidate.city ?? "—"}</dd>
                <dt>{t("candidates.salaryExpectation")}</dt>
                <dd>
                  <Money amount={candidate.salaryExpectationRub} />
                </dd>
                <dt>{t("candidates.columns.source")}</dt>
                <dd>
                  {t(`sources.${candidate.source}`)}
                  {candidate.externalId ? <span className="muted"> · {candidate.externalId}</span> : null}
                </dd>
                <dt>{t("candidates.added")}</dt>
                <dd>
                  <DateText value={candidate.createdAt} />
                </dd>
              </dl>
            </Section>
            <Section id="consent" title={t("candidates.consent")}>
              <dl className="details">
                <dt>{t("candidates.consentStatus")}</dt>
                <dd>
                  {candidate.consentAt ? (
                    <>
                      {t("candidates.consentGivenOn")} <DateText value={candidate.consentAt} withTime />
                    </>
                  ) : (
                    t("candidates.noConsent")
                  )}
                </dd>
                <dt>{t("candidates.contactStatus")}</dt>
                <dd>{candidate.doNotContact ? t("candidates.doNotContact") : t("candidates.mayContact")}</dd>
              </dl>
              {candidate.consentText ? (
                <details>
                  <summary>{t("candidates.consentText")}</summary>
                  <p className="muted">{candidate.consentText}</p>
                </details>
              ) : null}
            </Section>
          </div>
          <Section id="work" title={t("candidates.workHistory")}>
            {candidate.workHistory.length ? (
              <div className="table-wrap">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t("candidates.company")}</th>
                      <th scope="col">{t("candidates.position")}</th>
                      <th scope="col">{t("candidates.industry")}</th>
                      <th scope="col">{t("candidates.period")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {candidate.workHistory.map((w) => (
                      <tr key={w.id}>
                        <th scope="row">{w.companyName}</th>
                        <td>{w.title}</td>
                        <td>{w.industry ?? "—"}</td>
                        <td className="nowrap">
                          <DateText value={w.startedOn} /> –{" "}
                          {w.endedOn ? <DateText value={w.endedOn} /> : t("candidates.present")}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p className="muted">{t("candidates.noWorkHistory")}</p>
            )}
          </Section>
        </>
      )}
      <Applications applications={candidate.applications} />
      <PersonalDataPanel
        erased={candidate.erased}
        doNotContact={candidate.erased || candidate.doNotContact}
        canManage={canManagePersonalData}
        auditTrail={auditTrail}
      />
    </>
  );
}

function Applications({ applications }: { applications: Profile["applications"] }) {
  const { t } = useTranslation();
  return (
    <Section id="applications" title={t("candidates.applications")}>
      {applications.length === 0 ? (
        <EmptyState title={t("candidates.noApplications")} />
      ) : (
        applications.map((a) => (
          <article key={a.id} className="application">
            <h3>
              <Link to={`/vacancies/${a.vacancy.id}`}>{a.vacancy.title}</Link>{" "}
              <span className="muted">· {a.vacancy.city}</span>
            </h3>
            <p className="stage-strip">
              <StageBadge stage={a.stage} />
              {a.tier ? <Badge>{t(`tiers.${a.tier}`)}</Badge> : null}
              <span className="muted">
                {t("candidates.since")} <DateText value={a.stageChangedAt} />
              </span>
            </p>
            {a.history.length ? (
              <ol className="timeline" aria-label={t("candidates.stageHistory")}>
                {a.history.map((h) => (
                  <li key={h.id}>
                    <DateText value={h.createdAt} withTime />:{" "}
                    {h.fromStage ? `${t(`stages.${h.fromStage}`)} → ` : ""}
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
