import { type Stage } from "@prisma/client";
import { useFetcher } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import type { PreviewResult } from "~/outreach/template-preview.server";
import { useTranslation } from "~/ui/use-translation";
import { translateError } from "./error-key";
import { Field, SelectField } from "./form";

/**
 * The editor's live preview: the language being written, filled with a real
 * candidate of a chosen vacancy, re-rendered on the server ~300 ms after typing
 * stops. The server only renders (app/routes/outreach.templates.preview.tsx).
 */

export type PreviewCandidate = { applicationId: string; name: string; city: string | null; stage: Stage };

export const PREVIEW_ROUTE = "/outreach/templates/preview";
const DEBOUNCE_MS = 300;

function useDebounced(run: () => void) {
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const latest = useRef(run);
  latest.current = run;
  useEffect(() => () => clearTimeout(timer.current), []);
  return useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => latest.current(), DEBOUNCE_MS);
  }, []);
}

function Result({ result }: { result: PreviewResult | undefined }) {
  const { t } = useTranslation();
  if (!result) return null;
  if (result.status === "empty") return <p className="muted">{t("templates.preview.emptyLanguage")}</p>;
  if (result.status === "no-application") return <p className="muted">{t("templates.errors.noApplication")}</p>;
  if (result.status === "problems") {
    return (
      <div className="notice notice-danger" role="status">
        <p>{t("templates.preview.problems")}</p>
        <ul>
          {result.problems.map((problem) => (
            <li key={problem}>{translateError(t, problem)}</li>
          ))}
        </ul>
      </div>
    );
  }
  const { message, samples } = result;
  return (
    <div className="stack-tight">
      {samples.length ? <p className="field-hint">{t("templates.preview.samples", { fields: samples.join(", ") })}</p> : null}
      <dl className="details">
        <dt>{t("templates.preview.subject")}</dt>
        <dd data-preview-subject>
          <strong>{message.subject}</strong>
        </dd>
      </dl>
      <h3>{t("templates.preview.html")}</h3>
      {/* An empty sandbox: no scripts, no forms, no navigation out of the frame. */}
      <iframe
        title={t("templates.preview.frameTitle")}
        sandbox=""
        srcDoc={message.html}
        style={{ width: "100%", height: "32rem", border: "1px solid #d0d7de", borderRadius: 6, background: "#fff" }}
      />
      <h3>{t("templates.preview.text")}</h3>
      <pre data-preview-text style={{ whiteSpace: "pre-wrap", background: "#f6f8fa", padding: "0.75rem", borderRadius: 6, margin: 0 }}>
        {message.text}
      </pre>
    </div>
  );
}

export function TemplatePreview({
  formRef,
  kind,
  templateVacancyId,
  vacancies,
  initial,
}: {
  formRef: RefObject<HTMLFormElement>;
  kind: string | undefined;
  /** The vacancy the template is for, if any: choosing one there previews with its candidates. */
  templateVacancyId?: string;
  vacancies: ReadonlyArray<{ id: string; title: string; city: string }>;
  initial: { vacancyId: string | null; candidates: PreviewCandidate[] };
}) {
  const { t } = useTranslation();
  const list = useFetcher<{ candidates: PreviewCandidate[] }>();
  const preview = useFetcher<PreviewResult>();
  const [vacancyId, setVacancyId] = useState(initial.vacancyId ?? "");
  const [search, setSearch] = useState("");
  const [locale, setLocale] = useState<"ru" | "en">("ru");
  const candidates = list.data?.candidates ?? initial.candidates;
  const [applicationId, setApplicationId] = useState(initial.candidates[0]?.applicationId ?? "");

  // A new list (another vacancy or search) keeps the chosen candidate if still on it.
  useEffect(() => {
    if (!candidates.some((c) => c.applicationId === applicationId)) setApplicationId(candidates[0]?.applicationId ?? "");
  }, [candidates, applicationId]);

  const loadCandidates = (vacancy: string, q: string) => {
    if (!vacancy) return;
    list.load(`${PREVIEW_ROUTE}?${new URLSearchParams({ vacancy, q })}`);
  };
  const searchLater = useDebounced(() => loadCandidates(vacancyId, search));

  // A template made for one vacancy is previewed with that vacancy's candidates.
  const followed = useRef(templateVacancyId ?? "");
  useEffect(() => {
    const next = templateVacancyId ?? "";
    if (next === followed.current) return;
    followed.current = next;
    if (!next || next === vacancyId) return;
    setVacancyId(next);
    loadCandidates(next, search);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a change of the template's vacancy moves the preview
  }, [templateVacancyId]);

  const render = () => {
    const form = formRef.current;
    if (!form) return;
    const data = new FormData(form);
    const suffix = locale === "ru" ? "Ru" : "En";
    preview.submit(
      {
        kind: String(data.get("kind") ?? ""),
        locale,
        subject: String(data.get(`subject${suffix}`) ?? ""),
        body: String(data.get(`body${suffix}`) ?? ""),
        applicationId,
      },
      { method: "post", action: PREVIEW_ROUTE },
    );
  };
  const renderLater = useDebounced(render);

  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    form.addEventListener("input", renderLater);
    form.addEventListener("change", renderLater);
    return () => {
      form.removeEventListener("input", renderLater);
      form.removeEventListener("change", renderLater);
    };
  }, [formRef, renderLater]);
  useEffect(renderLater, [renderLater, locale, applicationId, kind]);

  const busy = preview.state !== "idle" || list.state !== "idle";
  return (
    <section className="section" aria-labelledby="template-preview">
      <div className="section-header">
        <h2 id="template-preview">{t("templates.preview.title")}</h2>
        <span className="muted" aria-live="polite">
          {busy ? t("templates.preview.loading") : ""}
        </span>
      </div>
      <p className="field-hint">{t("templates.preview.intro")}</p>
      <div className="filters">
        <SelectField
          label={t("templates.preview.vacancy")}
          placeholder={t("templates.preview.chooseVacancy")}
          options={vacancies.map((v) => ({ value: v.id, label: `${v.title} · ${v.city}` }))}
          selectProps={{
            value: vacancyId,
            onChange: (event) => {
              setVacancyId(event.target.value);
              loadCandidates(event.target.value, search);
            },
          }}
        />
        <Field
          label={t("templates.preview.search")}
          inputProps={{
            type: "search",
            value: search,
            placeholder: t("templates.preview.searchPlaceholder"),
            onChange: (event) => {
              setSearch(event.target.value);
              searchLater();
            },
          }}
        />
        <SelectField
          className="field-grow"
          label={t("templates.preview.candidate")}
          options={candidates.map((c) => ({ value: c.applicationId, label: [c.name, c.city, t(`stages.${c.stage}`)].filter(Boolean).join(" · ") }))}
          hint={candidates.length ? undefined : t("templates.preview.noCandidates")}
          selectProps={{ value: applicationId, onChange: (event) => setApplicationId(event.target.value), disabled: !candidates.length }}
        />
        <div className="field">
          <span id="preview-language">{t("templates.preview.language")}</span>
          <div className="segmented" role="group" aria-labelledby="preview-language">
            {(["ru", "en"] as const).map((l) => (
              <button key={l} type="button" aria-pressed={locale === l} onClick={() => setLocale(l)}>
                {l.toUpperCase()}
              </button>
            ))}
          </div>
        </div>
      </div>
      <Result result={preview.data} />
    </section>
  );
}
