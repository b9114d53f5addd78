import { type Widen } from "../widen";

/**
 * Why a candidate is in their tier: the job that decided it, how long ago an excluded
 * job ended, and what else matched (helper: matching).
 */
export const ru = {
  company: {
    TARGET: "Целевая компания: {{company}} — {{title}}, {{period}}",
    EXCLUDED: "Исключённая компания: {{company}} — {{title}}, {{period}}",
    ADJACENT: "Смежная компания: {{company}} — {{title}}, {{period}}",
  },
  niche: "Смежная ниша «{{niche}}»: {{company}} — {{title}}, {{period}}",
  period: "{{from}} — {{to}}",
  present: "по наст. время",
  none: "Ни одного места работы из списков вакансии или смежных ниш.",
  current: "(работает там сейчас)",
  ended: "(работа там закончилась {{ago}})",
  also: "Также: {{matches}}",
  alsoCompany: {
    TARGET: "целевая компания {{company}} — {{title}}, {{period}}",
    EXCLUDED: "исключённая компания {{company}} — {{title}}, {{period}}",
    ADJACENT: "смежная компания {{company}} — {{title}}, {{period}}",
  },
  alsoNiche: "смежная ниша «{{niche}}»: {{company}} — {{title}}, {{period}}",
  /** An erased person's reason keeps only the list and how it matched. */
  listOnly: {
    TARGET: "Целевая компания",
    EXCLUDED: "Исключённая компания",
    ADJACENT: "Смежная компания",
    niche: "Смежная ниша",
  },
};

export const en: Widen<typeof ru> = {
  company: {
    TARGET: "Target company: {{company}} — {{title}}, {{period}}",
    EXCLUDED: "Excluded company: {{company}} — {{title}}, {{period}}",
    ADJACENT: "Adjacent company: {{company}} — {{title}}, {{period}}",
  },
  niche: "Adjacent niche “{{niche}}”: {{company}} — {{title}}, {{period}}",
  period: "{{from}} – {{to}}",
  present: "present",
  none: "No job at a company on the vacancy's lists or in an adjacent niche.",
  current: "(works there now)",
  ended: "(left {{ago}})",
  also: "Also: {{matches}}",
  alsoCompany: {
    TARGET: "target company {{company}} — {{title}}, {{period}}",
    EXCLUDED: "excluded company {{company}} — {{title}}, {{period}}",
    ADJACENT: "adjacent company {{company}} — {{title}}, {{period}}",
  },
  alsoNiche: "adjacent niche “{{niche}}”: {{company}} — {{title}}, {{period}}",
  listOnly: {
    TARGET: "Target company",
    EXCLUDED: "Excluded company",
    ADJACENT: "Adjacent company",
    niche: "Adjacent niche",
  },
};
