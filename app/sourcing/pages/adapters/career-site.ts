import { type PageAdapter, type PageReader, type ProfileFields } from "../adapter";
import { pageExternalId, parseMonth, parseRelocation, parseSalaryRub } from "../fields";

/**
 * The company's own career site: the list of applications to a vacancy and one page
 * per applicant. Its markup is ours to define, so fields carry data attributes:
 *
 *   <tr class="application"><a class="application__applicant" href="/careers/applicants/A-1001">
 *   <nav class="pagination"><a rel="next" href="…?page=2">
 *   <article class="applicant" data-applicant-id="A-1001">
 *     <span data-field="last-name|first-name|middle-name|position|email|phone|city">
 *     <dd data-field="salary" data-amount="180000" data-currency="RUB">180 000 ₽</dd>
 *     <dd data-field="relocation" data-value="yes|no">
 *     <li class="job" data-start="2019-03" data-end=""> (empty end: works there now)
 *       <span data-field="company|industry|title">
 */
const PROFILE = "article.applicant[data-applicant-id]";

export const careerSite: PageAdapter = {
  name: "career-site",
  label: "The company's career site: applications list and applicant pages",
  reads: "web",
  liveFetching: { allowed: true },
  defaultDelayMs: 1000,
  resultPage: {
    profileLinks: ".application a.application__applicant",
    nextPage: "nav.pagination a[rel~='next']",
  },
  isProfile: (page) => page.has(PROFILE),
  readProfile: readApplicant,
};

async function readApplicant(page: PageReader): Promise<ProfileFields | null> {
  const [applicant] = await page.all(PROFILE);
  if (!applicant) return null;
  const field = (name: string) => applicant.text(`[data-field='${name}']`);
  const salary = {
    text: await field("salary"),
    amount: await applicant.attr("data-amount", "[data-field='salary']"),
    currency: await applicant.attr("data-currency", "[data-field='salary']"),
  };
  const relocation = {
    text: await field("relocation"),
    value: await applicant.attr("data-value", "[data-field='relocation']"),
  };
  const jobs = [];
  for (const job of await applicant.all("li.job")) {
    jobs.push({
      company: await job.text("[data-field='company']"),
      industry: await job.text("[data-field='industry']"),
      title: await job.text("[data-field='title']"),
      start: await job.attr("data-start"),
      end: await job.attr("data-end"),
    });
  }
  const raw = {
    applicantId: await applicant.attr("data-applicant-id"),
    lastName: await field("last-name"),
    firstName: await field("first-name"),
    middleName: await field("middle-name"),
    position: await field("position"),
    email: await field("email"),
    phone: await field("phone"),
    city: await field("city"),
    salary,
    relocation,
    jobs,
  };
  return {
    externalId: pageExternalId("career-site", raw.applicantId),
    firstName: raw.firstName ?? "",
    lastName: raw.lastName ?? "",
    middleName: raw.middleName,
    email: raw.email,
    phone: raw.phone,
    city: raw.city,
    currentTitle: raw.position,
    salaryExpectationRub: salaryRub(salary),
    relocation: relocation.value === "yes" ? true : relocation.value === "no" ? false : parseRelocation(relocation.text),
    workHistory: jobs.map((job) => ({
      companyName: job.company ?? "",
      industry: job.industry,
      title: job.title ?? "",
      startedOn: parseMonth(job.start) ?? "",
      // An empty data-end means the applicant still works there; anything unreadable stays invalid.
      endedOn: job.end === null ? null : (parseMonth(job.end) ?? ""),
    })),
    raw,
  };
}

function salaryRub(salary: { text: string | null; amount: string | null; currency: string | null }): number | null {
  if (salary.amount !== null && /^\d+$/.test(salary.amount)) {
    return salary.currency === null || salary.currency === "RUB" ? Number(salary.amount) : null;
  }
  return parseSalaryRub(salary.text);
}
