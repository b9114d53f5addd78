import { type SubmissionResult } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { CALL_OUTCOMES, isTypingTarget, MAX_NOTE, NOT_INTERESTED_REASONS, OUTCOME_KEYS, shortcut, type CallPanel } from "~/outreach/calls";
import { useTranslation } from "~/ui/use-translation";
import { Button, ErrorList } from "./form";

/**
 * The outcome buttons of the call page, each with its key (1–5), the callback time
 * (2), the reason choice (4, then 1–6) and the note (N); Esc closes what is open.
 * Keys do nothing while the focus is in a text field, except Esc, and Enter in the
 * callback field. Buttons 1, 3 and 5 submit at once; the page then shows the next
 * candidate (the loader claims them after the action). A held key's repeats do nothing.
 */

type Reply = SubmissionResult<string[]>;

function firstValue(reply: Reply | undefined, name: string): string | undefined {
  const value = reply?.initialValue?.[name];
  return typeof value === "string" ? value : undefined;
}

/** A reply with a field error opens that field's panel again. */
function panelFor(reply: Reply | undefined): CallPanel {
  if (reply?.error?.callbackAt?.length) return "callback";
  if (reply?.error?.reason?.length) return "reason";
  if (reply?.error?.note?.length) return "note";
  return "none";
}

export function CallOutcomeForm({
  action,
  applicationId,
  callbackDefault,
  lastResult,
}: {
  action: string;
  applicationId: string;
  /** The callback field's starting value, Moscow time ("2026-03-02T16:30"). */
  callbackDefault: string;
  /** The action's reply for this candidate, if it refused the last submission. */
  lastResult?: Reply;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  // Submitting, or loading the next candidate after it: a second key press would hit the old card.
  const busy = navigation.state !== "idle";
  const [panel, setPanel] = useState<CallPanel>(panelFor(lastResult));
  const [noteLength, setNoteLength] = useState(firstValue(lastResult, "note")?.length ?? 0);
  const form = useRef<HTMLFormElement>(null);
  const callbackInput = useRef<HTMLInputElement>(null);
  const noteInput = useRef<HTMLTextAreaElement>(null);

  // A refused submission opens the field it was refused for.
  useEffect(() => setPanel(panelFor(lastResult)), [lastResult]);

  useEffect(() => {
    if (panel === "callback") callbackInput.current?.focus();
    if (panel === "note") noteInput.current?.focus();
    if (panel === "reason") form.current?.querySelector<HTMLInputElement>('input[name="reason"]')?.focus();
  }, [panel]);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      // A key held down repeats: that must not record the same outcome for the next candidate too.
      if (busy || event.repeat) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      const action = shortcut(event, panel, isTypingTarget(target));
      if (!action) return;
      event.preventDefault();
      // The submit buttons carry the outcome: clicking one submits it, as a mouse would.
      const submit = (outcome: string) =>
        form.current?.querySelector<HTMLButtonElement>(`button[name="outcome"][value="${outcome}"]`)?.click();
      switch (action.type) {
        case "outcome":
          submit(action.outcome);
          break;
        case "open":
          setPanel(action.panel);
          break;
        case "reason": {
          const input = form.current?.querySelector<HTMLInputElement>(`input[name="reason"][value="${action.reason}"]`);
          if (input) input.checked = true;
          submit("NOT_INTERESTED");
          break;
        }
        case "submit-callback":
          submit("CALL_BACK");
          break;
        case "close":
          setPanel("none");
          if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
          break;
      }
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [panel, busy]);

  const toggle = (next: CallPanel) => setPanel((open) => (open === next ? "none" : next));
  const label = (outcome: (typeof CALL_OUTCOMES)[number]) => `${OUTCOME_KEYS[outcome]} · ${t(`calls.outcomes.${outcome}`)}`;
  const errors = lastResult?.error ?? {};

  return (
    <Form ref={form} method="post" action={action} className="section" aria-labelledby="call-outcome" data-testid="call-outcome-form">
      <h2 id="call-outcome">{t("calls.outcomesTitle")}</h2>
      <ErrorList errors={[...(errors.applicationId ?? []), ...(errors.outcome ?? [])]} />
      <input type="hidden" name="intent" value="outcome" />
      <input type="hidden" name="applicationId" value={applicationId} />
      <div className="page-actions">
        {CALL_OUTCOMES.map((outcome) =>
          outcome === "CALL_BACK" || outcome === "NOT_INTERESTED" ? (
            <Button
              key={outcome}
              type="button"
              variant="secondary"
              aria-expanded={panel === (outcome === "CALL_BACK" ? "callback" : "reason")}
              aria-controls={outcome === "CALL_BACK" ? "call-callback" : "call-reason"}
              aria-keyshortcuts={OUTCOME_KEYS[outcome]}
              disabled={busy}
              onClick={() => toggle(outcome === "CALL_BACK" ? "callback" : "reason")}
            >
              {label(outcome)}
            </Button>
          ) : (
            <Button
              key={outcome}
              name="outcome"
              value={outcome}
              variant={outcome === "INTERESTED" ? "primary" : "secondary"}
              aria-keyshortcuts={OUTCOME_KEYS[outcome]}
              disabled={busy}
            >
              {label(outcome)}
            </Button>
          ),
        )}
        <Button
          type="button"
          variant="ghost"
          aria-expanded={panel === "note"}
          aria-controls="call-note"
          aria-keyshortcuts="N"
          onClick={() => toggle("note")}
        >
          N · {t("calls.note.open")}
          {noteLength ? " ✓" : ""}
        </Button>
      </div>

      {/* The panels' own classes set display: a plain wrapper carries `hidden`. */}
      <div id="call-callback" hidden={panel !== "callback"}>
        <div className="filters filters-hinted">
          <div className="field">
            <label htmlFor="call-callback-at">{t("calls.callback.label")}</label>
            <input
              ref={callbackInput}
              id="call-callback-at"
              type="datetime-local"
              name="callbackAt"
              defaultValue={firstValue(lastResult, "callbackAt") ?? callbackDefault}
              aria-invalid={errors.callbackAt?.length ? true : undefined}
              aria-describedby="call-callback-hint call-callback-error"
            />
            <p id="call-callback-hint" className="field-hint">
              {t("calls.callback.hint")}
            </p>
            <ErrorList id="call-callback-error" errors={errors.callbackAt} />
          </div>
          <Button name="outcome" value="CALL_BACK" disabled={busy}>
            {t("calls.callback.save")}
          </Button>
        </div>
      </div>

      <div id="call-reason" hidden={panel !== "reason"}>
        <fieldset className="field" aria-describedby="call-reason-hint call-reason-error">
          <legend>{t("calls.reason.legend")}</legend>
          {NOT_INTERESTED_REASONS.map((reason, i) => (
            <label key={reason} className="checkbox">
              <input type="radio" name="reason" value={reason} defaultChecked={firstValue(lastResult, "reason") === reason} />
              {i + 1} · {t(`calls.reasons.${reason}`)}
            </label>
          ))}
          <p id="call-reason-hint" className="field-hint">
            {t("calls.reason.hint")}
          </p>
          <ErrorList id="call-reason-error" errors={errors.reason} />
          <Button name="outcome" value="NOT_INTERESTED" variant="secondary" disabled={busy}>
            {t("calls.reason.save")}
          </Button>
        </fieldset>
      </div>

      <div id="call-note" hidden={panel !== "note"}>
        <div className="field">
          <label htmlFor="call-note-text">{t("calls.note.label")}</label>
          <textarea
            ref={noteInput}
            id="call-note-text"
            name="note"
            rows={3}
            maxLength={MAX_NOTE}
            defaultValue={firstValue(lastResult, "note")}
            onChange={(event) => setNoteLength(event.currentTarget.value.trim().length)}
            aria-invalid={errors.note?.length ? true : undefined}
            aria-describedby="call-note-hint call-note-error"
          />
          <p id="call-note-hint" className="field-hint">
            {t("calls.note.hint", { max: MAX_NOTE })}
          </p>
          <ErrorList id="call-note-error" errors={errors.note} />
        </div>
      </div>
      <p className="field-hint">{t("calls.keys")}</p>
    </Form>
  );
}
