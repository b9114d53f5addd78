import { type PageAdapter } from "../adapter";
import { careerSite } from "./career-site";
import { hh } from "./hh";
import { partnerBoard } from "./partner-board";
import { savedPages } from "./saved-pages";

/** Every page adapter, by the name the command line and SourceRecord.adapter use. */
export const PAGE_ADAPTERS: readonly PageAdapter[] = [careerSite, partnerBoard, savedPages, hh];

export function pageAdapter(name: string): PageAdapter | null {
  return PAGE_ADAPTERS.find((adapter) => adapter.name === name) ?? null;
}
