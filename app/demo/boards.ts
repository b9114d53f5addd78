import { type CandidateRecord, type JobRecord } from "~/sourcing/record";

/**
 * What the two job boards hand over for one resume, in the shapes of their APIs
 * (hh.ru's /resumes/{id}, SuperJob's /resumes/{id}), and the CandidateRecord an
 * importer reads from each. The demo feeds these records to the real ingest step.
 */

/** One person as a resume describes them; the phone is E.164, each board formats it its own way. */
export type ResumePerson = {
  firstName: string;
  lastName: string;
  middleName: string | null;
  email: string;
  phone: string;
  city: string;
  currentTitle: string;
  salaryExpectationRub: number;
  relocation: boolean | null;
  jobs: JobRecord[];
};

/** "+79161234567" → "+7 (916) 123-45-67", as hh.ru shows it. */
export function hhPhone(e164: string): string {
  const d = e164.slice(2);
  return `+7 (${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8)}`;
}

/** "+79161234567" → "8 916 123 45 67", as people type it into SuperJob. */
export function superjobPhone(e164: string): string {
  const d = e164.slice(2);
  return `8 ${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6, 8)} ${d.slice(8)}`;
}

const record = (
  source: "HH" | "SUPERJOB",
  externalId: string,
  url: string,
  person: ResumePerson,
  contacts: { email: string; phone: string },
  raw: unknown,
): CandidateRecord => ({
  source,
  channel: "API",
  adapter: source === "HH" ? "hh-api" : "superjob-api",
  externalId,
  url,
  firstName: person.firstName,
  lastName: person.lastName,
  middleName: person.middleName,
  email: contacts.email,
  phone: contacts.phone,
  city: person.city,
  currentTitle: person.currentTitle,
  salaryExpectationRub: person.salaryExpectationRub,
  relocation: person.relocation,
  workHistory: person.jobs,
  consentAt: null,
  consentText: null,
  note: null,
  raw,
});

export function hhRecord(id: string, person: ResumePerson, email = person.email): CandidateRecord {
  const phone = hhPhone(person.phone);
  const url = `https://hh.ru/resume/${id}`;
  const raw = {
    id,
    first_name: person.firstName,
    last_name: person.lastName,
    middle_name: person.middleName,
    area: { name: person.city },
    title: person.currentTitle,
    salary: { amount: person.salaryExpectationRub, currency: "RUR" },
    relocation: { type: { id: person.relocation ? "relocation_possible" : "no_relocation" } },
    contact: [
      { type: { id: "email" }, value: email },
      { type: { id: "cell" }, value: { formatted: phone } },
    ],
    experience: person.jobs.map((j) => ({
      company: j.companyName,
      industries: j.industry ? [{ name: j.industry }] : [],
      position: j.title,
      start: j.startedOn,
      end: j.endedOn,
    })),
    alternate_url: url,
  };
  return record("HH", id, url, person, { email, phone }, raw);
}

const month = (iso: string | null) => (iso ? { month: Number(iso.slice(5, 7)), year: Number(iso.slice(0, 4)) } : { month: 0, year: 0 });

export function superjobRecord(id: string, person: ResumePerson, email = person.email): CandidateRecord {
  const phone = superjobPhone(person.phone);
  const url = `https://www.superjob.ru/resume/${id}.html`;
  const raw = {
    id: Number(id),
    firstname: person.firstName,
    lastname: person.lastName,
    middlename: person.middleName,
    town: { title: person.city },
    profession: person.currentTitle,
    payment: person.salaryExpectationRub,
    currency: "rub",
    email,
    phone1: phone,
    work_history: person.jobs.map((j) => {
      const [begin, end] = [month(j.startedOn), month(j.endedOn)];
      return { name: j.companyName, profession: j.title, monthbeg: begin.month, yearbeg: begin.year, monthend: end.month, yearend: end.year, is_last: !j.endedOn };
    }),
    link: url,
  };
  // SuperJob's work history has no industry.
  const jobs = person.jobs.map((j) => ({ ...j, industry: null }));
  return record("SUPERJOB", id, url, { ...person, jobs }, { email, phone }, raw);
}
