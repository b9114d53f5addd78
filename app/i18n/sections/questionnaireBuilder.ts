import { type Widen } from "../widen";

/** questionnaireBuilder (Russian first; English is typed by it). */
export const ru = {
  title: "",
};

export const en: Widen<typeof ru> = {
  title: "",
};
