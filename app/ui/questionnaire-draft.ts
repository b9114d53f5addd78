import { type RefObject, useEffect, useState } from "react";

/**
 * The questionnaire's draft in the browser: every change is written to localStorage,
 * and a fresh page puts it back, so a reload, a closed tab or a dropped connection
 * loses nothing. Hidden fields (the version, the consent's version), the consent box
 * itself and the bots' trap are not kept: consent is given each time, on the text shown.
 * Storage may be full or forbidden (private windows): the form then works without a draft.
 */

const DRAFT_PREFIX = "kam-questionnaire:";

/** The draft's key: one per personal link, one per vacancy for the open link. */
export const draftKey = (scope: { token: string } | { vacancyId: string }) =>
  "token" in scope ? `${DRAFT_PREFIX}${scope.token}` : `${DRAFT_PREFIX}open:${scope.vacancyId}`;

type Draft = { savedAt: number; values: Record<string, string[]> };

function read(key: string): Draft | null {
  try {
    const parsed = JSON.parse(window.localStorage.getItem(key) ?? "null") as Draft | null;
    return parsed && typeof parsed === "object" && parsed.values && typeof parsed.values === "object" ? parsed : null;
  } catch {
    return null;
  }
}

function valuesOf(form: HTMLFormElement, skip: ReadonlySet<string>): Record<string, string[]> {
  const values: Record<string, string[]> = {};
  for (const [name, value] of new FormData(form)) {
    if (skip.has(name) || typeof value !== "string") continue;
    (values[name] ??= []).push(value);
  }
  return values;
}

/** Puts saved values into the form's own inputs (they are uncontrolled): checked boxes and radios, typed text. */
function fill(form: HTMLFormElement, values: Record<string, string[]>, skip: ReadonlySet<string>): boolean {
  let filled = false;
  for (const element of Array.from(form.elements)) {
    if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) continue;
    const saved = values[element.name];
    if (!saved || skip.has(element.name) || element.type === "hidden") continue;
    if (element instanceof HTMLInputElement && (element.type === "checkbox" || element.type === "radio")) {
      element.checked = saved.includes(element.value);
    } else {
      element.value = saved[0] ?? "";
    }
    filled ||= saved.some((v) => v !== "");
  }
  return filled;
}

/**
 * Keeps the form's draft under `key`. `restore` is false when the server has just
 * sent the form back with what was posted (then that is the truth). Returns whether
 * a draft was put back, for a notice.
 */
export function useQuestionnaireDraft(formRef: RefObject<HTMLFormElement | null>, key: string, { restore, skip }: { restore: boolean; skip: readonly string[] }) {
  const [restored, setRestored] = useState(false);
  const skipKey = skip.join("|");
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const skipped = new Set(skipKey.split("|"));
    if (restore) {
      const draft = read(key);
      if (draft && fill(form, draft.values, skipped)) setRestored(true);
    }
    const save = () => {
      try {
        window.localStorage.setItem(key, JSON.stringify({ savedAt: Date.now(), values: valuesOf(form, skipped) } satisfies Draft));
      } catch {
        // Full or forbidden storage: no draft, the form still posts.
      }
    };
    form.addEventListener("input", save);
    form.addEventListener("change", save);
    return () => {
      form.removeEventListener("input", save);
      form.removeEventListener("change", save);
    };
  }, [formRef, key, restore, skipKey]);
  return restored;
}

/** Forgets the draft once the answers are in (the thank-you and "already answered" pages). */
export function useClearDraft(key: string) {
  useEffect(() => {
    try {
      window.localStorage.removeItem(key);
    } catch {
      // Nothing to clear where storage is forbidden.
    }
  }, [key]);
}
