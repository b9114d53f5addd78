import crypto from "node:crypto";
import { LOCALES, type AppLocale } from "~/i18n/i18n";
import { i18nFor } from "~/ui/i18n-instance";

/**
 * What a candidate agrees to when they send a questionnaire, and the privacy policy
 * it refers to (/privacy). Both are versioned by what they say: the policy's version
 * is the sha256 of its text in every language, and it is quoted in the consent text,
 * whose own version is the sha256 of the exact text shown (as the apply page's is,
 * app/sourcing/intake.server.ts). Rewording the policy therefore changes the consent
 * too, and a form shown before the change is asked to agree again.
 */

const sha256 = (text: string) => crypto.createHash("sha256").update(text, "utf8").digest("hex");

export const PRIVACY_SECTIONS = ["controller", "data", "purpose", "basis", "storage", "rights"] as const;

function policyTexts(locale: AppLocale) {
  const { t } = i18nFor(locale);
  return {
    title: t("questionnaireForm.privacy.title"),
    intro: t("questionnaireForm.privacy.intro"),
    sections: PRIVACY_SECTIONS.map((key) => ({
      key,
      title: t(`questionnaireForm.privacy.sections.${key}Title`),
      body: t(`questionnaireForm.privacy.sections.${key}`),
    })),
  };
}

let cachedPolicyVersion: string | null = null;

/** The policy's version: 12 hex digits of the sha256 of its text in every language. */
export function privacyPolicyVersion(): string {
  cachedPolicyVersion ??= sha256(JSON.stringify(LOCALES.map(policyTexts))).slice(0, 12);
  return cachedPolicyVersion;
}

/** The privacy policy in one language, with its version. */
export function privacyPolicy(locale: AppLocale) {
  return { ...policyTexts(locale), version: privacyPolicyVersion() };
}

export type QuestionnaireConsent = { text: string; textSha256: string; locale: AppLocale; policyVersion: string };

/** The consent text the questionnaire form shows in a language, and its version (sha256 of the exact text). */
export function questionnaireConsent(locale: AppLocale): QuestionnaireConsent {
  const policyVersion = privacyPolicyVersion();
  const text = i18nFor(locale).t("questionnaireForm.consentText", { version: policyVersion });
  return { text, textSha256: sha256(text), locale, policyVersion };
}

/** The consent a version names, in whichever language the form showed it; null when no form shows it (any more). */
export function questionnaireConsentByVersion(version: string | null | undefined): QuestionnaireConsent | null {
  if (!version) return null;
  return LOCALES.map(questionnaireConsent).find((c) => c.textSha256 === version) ?? null;
}
