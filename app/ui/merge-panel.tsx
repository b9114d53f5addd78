import { Form } from "@remix-run/react";
import { useTranslation } from "~/ui/use-translation";
import { DateText } from "./dates";
import { Button, Field, FormError } from "./form";
import { Section } from "./page";
import { CandidateLink, type PersonName } from "./person";

type Found = PersonName & { id: string; email: string | null; phone: string | null; city: string | null; currentTitle: string | null };
type Merge = {
  id: string;
  mergedId: string;
  /** Null once the merged person's data was erased: such a merge is never undone. */
  mergedName: PersonName | null;
  createdAt: string;
  reason: string | null;
  moved: { sources: number; applications: number; jobs: number };
};

/**
 * Merging duplicates into this profile: a search (GET ?find=), a merge button per
 * person found, and the merges that can still be undone (not one whose merged person
 * was erased: undoing it would bring them back). A refused merge, un-merge or split
 * says why above the search.
 */
export function MergePanel({
  find,
  found,
  merges,
  errors,
}: {
  find: string;
  found: readonly Found[] | null;
  merges: readonly Merge[];
  errors?: string[];
}) {
  const { t } = useTranslation();
  return (
    <Section id="merge" title={t("profile.merge.title")}>
      <p className="muted">{t("profile.merge.intro")}</p>
      <FormError errors={errors} />
      <Form method="get" className="filters" role="search" key={find}>
        <Field className="field-grow" label={t("profile.merge.find")} inputProps={{ name: "find", type: "search", defaultValue: find, maxLength: 200 }} />
        <Button variant="secondary">{t("profile.merge.search")}</Button>
      </Form>
      {found ? (
        found.length ? (
          <ul className="stack-tight">
            {found.map((person) => (
              <li key={person.id} className="card">
                <CandidateLink id={person.id} name={person} />
                <span className="muted">
                  {" · "}
                  {[person.currentTitle, person.city, person.email, person.phone].filter(Boolean).join(" · ")}
                </span>
                <Form method="post" className="filters">
                  <input type="hidden" name="intent" value="merge" />
                  <input type="hidden" name="otherId" value={person.id} />
                  <Field className="field-grow" label={t("profile.merge.reason")} inputProps={{ name: "reason", maxLength: 500 }} />
                  <Button variant="secondary">{t("profile.merge.submit")}</Button>
                </Form>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("profile.merge.noResults")}</p>
        )
      ) : null}
      {merges.length ? (
        <>
          <h3>{t("profile.merge.active")}</h3>
          <ul className="stack-tight">
            {merges.map((m) => (
              <li key={m.id}>
                <CandidateLink id={m.mergedId} name={m.mergedName} />{" "}
                <span className="muted">
                  · {t("profile.merge.mergedOn")}{" "}
                  <DateText value={m.createdAt} withTime /> · {t("profile.merge.moved", m.moved)}
                  {m.reason ? ` · ${m.reason}` : ""}
                </span>
                {m.mergedName ? (
                  <Form method="post" className="filters">
                    <input type="hidden" name="intent" value="unmerge" />
                    <input type="hidden" name="mergeId" value={m.id} />
                    <Button variant="ghost" size="small">
                      {t("profile.merge.undo")}
                    </Button>
                  </Form>
                ) : (
                  <span className="muted"> · {t("profile.merge.erasedNoUndo")}</span>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Section>
  );
}
