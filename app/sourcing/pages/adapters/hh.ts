import { type PageAdapter } from "../adapter";

/**
 * hh.ru's rules let outside recruiting systems work with hh.ru only through its API
 * (with the employer's own token), so this adapter exists to refuse clearly and say
 * where to go instead: the hh.ru API importer on the Imports page.
 */
export const hh: PageAdapter = {
  name: "hh",
  label: "hh.ru (pages are not read: use the hh.ru API importer)",
  reads: "web",
  liveFetching: {
    allowed: false,
    messageKey: "imports.errors.hhPagesUseApi",
    message:
      "hh.ru pages are not read: hh.ru allows outside recruiting systems to work with it only through its API. " +
      "Import hh.ru resumes with the hh.ru API importer on the Imports page (set HH_API_TOKEN to the employer's token).",
  },
  defaultDelayMs: 1000,
  resultPage: null,
  isProfile: async () => false,
  readProfile: async () => null,
};
