import { type PageAdapter, type PageReader, type ProfileFields } from "../adapter";
import { cleanText, pageExternalId, parsePeriod, parseRelocation, parseSalaryRub, splitFullName } from "../fields";

/**
 * A partner job board's resume search: schema.org microdata for the person, and
 * Russian-labelled blocks for the rest, as Russian boards print them:
 *
 *   <article class="serp-item"><a class="serp-item__title" itemprop="url" href="/resume/7f3a9c21">
 *   <div class="pager"><a class="pager__next" href="…&page=1">
 *   <div class="resume" itemscope itemtype="https://schema.org/Person" data-resume-id="7f3a9c21">
 *     <h1 itemprop="name">Петрова Анна Сергеевна</h1>  <span itemprop="addressLocality">
 *     <a itemprop="email">  <span itemprop="telephone">  <h2 itemprop="jobTitle">
 *     <span class="resume-position__salary">200 000 руб. на руки</span>
 *     <section class="resume-block"><h2 class="resume-block__title">Опыт работы …</h2>
 *       <div class="resume-block__item"> __period "март 2019 — по настоящее время",
 *         __company, __industry, __position
 */
const PROFILE = ".resume[itemtype$='schema.org/Person'][data-resume-id]";
const EXPERIENCE_TITLE = /^опыт работы/i;

export const partnerBoard: PageAdapter = {
  name: "partner-board",
  label: "A partner job board: resume search results and resume pages (microdata, Russian labels)",
  reads: "web",
  liveFetching: { allowed: true },
  defaultDelayMs: 2000,
  resultPage: {
    profileLinks: ".serp-item a.serp-item__title",
    nextPage: ".pager a.pager__next",
  },
  isProfile: (page) => page.has(PROFILE),
  readProfile: readResume,
};

async function readResume(page: PageReader): Promise<ProfileFields | null> {
  const [resume] = await page.all(PROFILE);
  if (!resume) return null;
  const jobs = [];
  for (const block of await resume.all("section.resume-block")) {
    if (!EXPERIENCE_TITLE.test((await block.text(".resume-block__title")) ?? "")) continue;
    for (const item of await block.all(".resume-block__item")) {
      jobs.push({
        period: await item.text(".resume-block__period"),
        company: await item.text(".resume-block__company"),
        industry: await item.text(".resume-block__industry"),
        position: await item.text(".resume-block__position"),
      });
    }
  }
  const raw = {
    resumeId: await resume.attr("data-resume-id"),
    name: await resume.text("h1[itemprop='name']"),
    city: await resume.text("[itemprop='address'] [itemprop='addressLocality']"),
    relocation: await resume.text(".resume-header__relocation"),
    email: await resume.text("[itemprop='email']"),
    phone: await resume.text("[itemprop='telephone']"),
    jobTitle: await resume.text(".resume-position [itemprop='jobTitle']"),
    salary: await resume.text(".resume-position__salary"),
    jobs,
  };
  const name = splitFullName(raw.name);
  return {
    externalId: pageExternalId("partner-board", raw.resumeId),
    firstName: name?.firstName ?? "",
    lastName: name?.lastName ?? "",
    middleName: name?.middleName ?? null,
    email: contact(raw.email),
    phone: contact(raw.phone),
    city: raw.city,
    currentTitle: raw.jobTitle,
    salaryExpectationRub: parseSalaryRub(raw.salary),
    relocation: parseRelocation(raw.relocation),
    workHistory: jobs.map((job) => {
      const period = parsePeriod(job.period);
      return {
        companyName: job.company ?? "",
        industry: job.industry,
        title: job.position ?? "",
        // An unreadable period leaves the record invalid, so the crawl reports the page.
        startedOn: period?.startedOn ?? "",
        endedOn: period ? period.endedOn : "",
      };
    }),
    raw,
  };
}

/** The board hides contacts from employers without access: "контакты скрыты". */
function contact(value: string | null): string | null {
  const text = cleanText(value);
  return text && !/скрыт/i.test(text) ? text : null;
}
