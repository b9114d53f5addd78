import { useTranslation } from "~/ui/use-translation";
import { Badge, Money } from "./badges";
import { DateText } from "./dates";
import { Section } from "./page";

type Person = {
  email: string | null;
  phone: string | null;
  city: string | null;
  salaryExpectationRub: number | null;
  source: string;
  externalId: string | null;
  createdAt: string;
  consentAt: string | null;
  consentText: string | null;
  doNotContact: boolean;
  tags: string[];
};

type Job = {
  id: string;
  companyName: string;
  title: string;
  industry: string | null;
  startedOn: string;
  endedOn: string | null;
  highlights: Array<{ vacancyId: string; vacancyTitle: string; list: string; tier: string | null }>;
};

const LIST_TONE: Record<string, string> = { TARGET: "good", EXCLUDED: "danger", ADJACENT: "middle", OPEN_MARKET: "neutral" };

/** Contacts, tags, consent: what a recruiter checks before calling. */
export function PersonSections({ person }: { person: Person }) {
  const { t } = useTranslation();
  return (
    <div className="grid-2">
      <Section id="contacts" title={t("candidates.contacts")}>
        <dl className="details">
          <dt>{t("candidates.email")}</dt>
          <dd>{person.email ? <a href={`mailto:${person.email}`}>{person.email}</a> : "—"}</dd>
          <dt>{t("candidates.phone")}</dt>
          <dd>{person.phone ? <a href={`tel:${person.phone}`}>{person.phone}</a> : "—"}</dd>
          <dt>{t("candidates.columns.city")}</dt>
          <dd>{person.city ?? "—"}</dd>
          <dt>{t("candidates.salaryExpectation")}</dt>
          <dd>
            <Money amount={person.salaryExpectationRub} />
          </dd>
          <dt>{t("candidates.columns.source")}</dt>
          <dd>
            {t(`sources.${person.source}`)}
            {person.externalId ? <span className="muted"> · {person.externalId}</span> : null}
          </dd>
          <dt>{t("candidates.added")}</dt>
          <dd>
            <DateText value={person.createdAt} />
          </dd>
          <dt>{t("profile.tags")}</dt>
          <dd>
            {person.tags.length ? (
              <span className="stage-strip">
                {person.tags.map((tag) => (
                  <Badge key={tag}>{tag}</Badge>
                ))}
              </span>
            ) : (
              <span className="muted">{t("profile.noTags")}</span>
            )}
          </dd>
        </dl>
      </Section>
      <Section id="consent" title={t("candidates.consent")}>
        <dl className="details">
          <dt>{t("candidates.consentStatus")}</dt>
          <dd>
            {person.consentAt ? (
              <>
                {t("candidates.consentGivenOn")} <DateText value={person.consentAt} withTime />
              </>
            ) : (
              t("candidates.noConsent")
            )}
          </dd>
          <dt>{t("candidates.contactStatus")}</dt>
          <dd>{person.doNotContact ? t("candidates.doNotContact") : t("candidates.mayContact")}</dd>
        </dl>
        {person.consentText ? (
          <details>
            <summary>{t("candidates.consentText")}</summary>
            <p className="muted">{person.consentText}</p>
          </details>
        ) : null}
      </Section>
    </div>
  );
}

/** Work history; a job that decided a vacancy's tier is marked with the list it matched. */
export function WorkSection({ jobs }: { jobs: readonly Job[] }) {
  const { t } = useTranslation();
  return (
    <Section id="work" title={t("candidates.workHistory")}>
      {jobs.length ? (
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
              {jobs.map((w) => (
                <tr key={w.id}>
                  <th scope="row">
                    {w.companyName}
                    {w.highlights.map((h) => (
                      <div key={h.vacancyId}>
                        <Badge tone={LIST_TONE[h.list] ?? "neutral"}>
                          {t("profile.work.decided", {
                            list: t(`profile.work.lists.${h.list}`, h.list),
                            vacancy: h.vacancyTitle,
                          })}
                        </Badge>
                      </div>
                    ))}
                  </th>
                  <td>{w.title}</td>
                  <td>{w.industry ?? "—"}</td>
                  <td className="nowrap">
                    <DateText value={w.startedOn} /> – {w.endedOn ? <DateText value={w.endedOn} /> : t("candidates.present")}
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
  );
}
