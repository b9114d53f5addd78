import { type PageAdapter } from "../adapter";
import { careerSite } from "./career-site";
import { partnerBoard } from "./partner-board";

/**
 * HTML pages a recruiter saved to disk (a folder, or file:// URLs). Nothing is
 * fetched, so robots.txt and the rate limit do not apply. Each file is read with
 * the markup it was saved from; its external id stays that site's id, so a saved
 * copy and a crawled page of the same person are recognised as one record.
 */
const sites = [careerSite, partnerBoard];

async function siteOf(page: Parameters<PageAdapter["isProfile"]>[0]) {
  for (const site of sites) if (await site.isProfile(page)) return site;
  return null;
}

export const savedPages: PageAdapter = {
  name: "saved-pages",
  label: `Saved HTML pages on disk (${sites.map((s) => s.name).join(", ")} markup)`,
  reads: "files",
  liveFetching: { allowed: true },
  defaultDelayMs: 0,
  resultPage: null,
  isProfile: async (page) => (await siteOf(page)) !== null,
  readProfile: async (page) => (await siteOf(page))?.readProfile(page) ?? null,
};
