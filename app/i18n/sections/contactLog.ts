import { type Widen } from "../widen";

/** Outreach: contactLog (Russian first; English is typed by it). */
export const ru = {};

export const en: Widen<typeof ru> = {};
