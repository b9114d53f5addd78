import { type Widen } from "../widen";

/** interviewInvitations (Russian first; English is typed by it). */
export const ru = {
  title: "",
};

export const en: Widen<typeof ru> = {
  title: "",
};
