import { db } from "~/utils/db.server";
import { completionRates } from "./completion.server";
import { type ShortlistFilterErrors, type ShortlistFilters } from "./shortlist-filters";
import { questionnaireVacancies, shortlist, vacancyQuestionnaireHeader, waitingForAnswers } from "./shortlist.server";

/**
 * Everything the questionnaire results page (/questionnaires) shows for one vacancy:
 * the vacancy picker, the vacancy's questionnaire, completion rates, who is still
 * waiting to answer and one page of the ranked shortlist. The vacancy is the one
 * asked for (?vacancy=), else the first open vacancy with a questionnaire.
 */
export async function loadResultsPage(filters: ShortlistFilters) {
  const client = db();
  const vacancies = await questionnaireVacancies(client);
  const errors: ShortlistFilterErrors = {};
  let chosen = filters.vacancyId ? vacancies.find((v) => v.id === filters.vacancyId) : undefined;
  if (filters.vacancyId && !chosen) {
    // A vacancy without a questionnaire yet (a link from its page) is shown, saying so.
    const other = await client.vacancy.findUnique({
      where: { id: filters.vacancyId },
      select: { id: true, title: true, city: true, status: true, questionnaireId: true },
    });
    if (other) {
      vacancies.push(other);
      chosen = other;
    } else errors.vacancy = "questionnaireResults.errors.vacancy";
  }
  const vacancy =
    chosen ??
    vacancies.find((v) => v.status === "OPEN" && v.questionnaireId) ??
    vacancies.find((v) => v.questionnaireId) ??
    vacancies[0] ??
    null;
  if (!vacancy) return { vacancies, vacancy: null, errors, questionnaire: null, completion: null, waiting: null, list: null };
  const [questionnaire, completion, waiting, list] = await Promise.all([
    vacancyQuestionnaireHeader(client, vacancy.id),
    completionRates(client, { vacancyId: vacancy.id }),
    waitingForAnswers(client, vacancy.id),
    shortlist(client, vacancy.id, filters),
  ]);
  return { vacancies, vacancy, errors, questionnaire, completion, waiting, list };
}
