import { campaignDispatch, campaignSweep } from "./campaign-dispatch.server";
import { companyRekey } from "./company-rekey.server";
import { mailDeliver } from "./mail-deliver.server";
import { questionnaireRemind } from "./questionnaire-remind.server";
import { interviewRemind } from "./interview-remind.server";
import { maintenanceCleanup } from "./maintenance-cleanup.server";
import { sourcingApiSearch } from "./sourcing-api-search.server";
import { sourcingImport } from "./sourcing-import.server";

/**
 * Every job the product runs. startJobs creates a queue for each and, in a worker,
 * works them; enqueue accepts only these names and payloads.
 */
export const jobDefinitions = [mailDeliver, maintenanceCleanup, sourcingImport, sourcingApiSearch, companyRekey, campaignDispatch, campaignSweep, questionnaireRemind, interviewRemind] as const;
