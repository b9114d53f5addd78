import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import { requireAccess } from "~/auth/session.server";
import { listClients, SEGMENTS } from "~/handover/clients.server";
import { Badge, Money } from "~/ui/badges";
import { Percent } from "~/ui/dates";
import { pageTitle } from "~/ui/i18n-instance";
import { SelectFilter } from "~/ui/select-filter";
import { ComingNote, EmptyState, PageHeader, Section } from "~/ui/page";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "clients.title");

const SEGMENT_TONE = { KEY: "middle", REGULAR: "neutral", TRAINING: "late" } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAccess(request, "handover");
  const requested = new URL(request.url).searchParams.get("segment");
  return json(await listClients({ segment: SEGMENTS.find((s) => s === requested) }));
}

export default function Handover() {
  const { clients, totals, grandTotal } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("clients.title")} description={t("clients.intro")} />
      <Section id="segments" title={t("clients.bySegment")}>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("clients.columns.segment")}</th>
                <th scope="col" className="num">
                  {t("clients.columns.clients")}
                </th>
                <th scope="col" className="num">
                  {t("clients.columns.turnover")}
                </th>
                <th scope="col" className="num">
                  {t("clients.columns.share")}
                </th>
              </tr>
            </thead>
            <tbody>
              {totals.map((row) => (
                <tr key={row.segment}>
                  <th scope="row">
                    <Badge tone={SEGMENT_TONE[row.segment]}>{t(`segments.${row.segment}`)}</Badge>
                  </th>
                  <td className="num">{row.clients}</td>
                  <td className="num">
                    <Money amount={row.turnoverRub} />
                  </td>
                  <td className="num">
                    <Percent value={row.share} />
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("clients.total")}</th>
                <td className="num">{grandTotal.clients}</td>
                <td className="num">
                  <Money amount={grandTotal.turnoverRub} />
                </td>
                <td className="num">
                  <Percent value={grandTotal.clients ? 1 : null} />
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      </Section>

      <Section id="clients" title={t("clients.list")}>
        <SelectFilter
          name="segment"
          label={t("clients.columns.segment")}
          placeholder={t("clients.allSegments")}
          options={totals.map(({ segment }) => ({ value: segment, label: t(`segments.${segment}`) }))}
        />
        {clients.length === 0 ? (
          <EmptyState title={t("clients.empty")} />
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("clients.columns.name")}</th>
                  <th scope="col">{t("clients.columns.city")}</th>
                  <th scope="col">{t("clients.columns.segment")}</th>
                  <th scope="col" className="num">
                    {t("clients.columns.turnover")}
                  </th>
                  <th scope="col">{t("clients.columns.owner")}</th>
                </tr>
              </thead>
              <tbody>
                {clients.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      {c.name}
                      {c.inn ? <span className="cell-sub">{t("clients.inn", { inn: c.inn })}</span> : null}
                    </th>
                    <td>{c.city ?? "—"}</td>
                    <td>
                      <Badge tone={SEGMENT_TONE[c.segment]}>{t(`segments.${c.segment}`)}</Badge>
                    </td>
                    <td className="num">
                      <Money amount={c.annualTurnoverRub} />
                    </td>
                    <td>
                      {c.owner ? (
                        <>
                          {c.owner.name}
                          {c.owner.active ? null : <span className="cell-sub">{t("clients.ownerLeft")}</span>}
                        </>
                      ) : (
                        <span className="muted">{t("clients.noOwner")}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
      <ComingNote items={Object.values(t("pages.handover.coming", { returnObjects: true }) as Record<string, string>)} />
    </>
  );
}
