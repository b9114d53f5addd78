import { z } from "zod";
import { DEFAULT_TIME_ZONE } from "~/i18n/format";
import { LOCALES } from "~/i18n/i18n";
import { formatLocalDateTime, parseLocalDateTime } from "~/i18n/local-time";
import { STAGES } from "~/pipeline/stages";
import { SOURCES } from "~/sourcing/record";
import { ID_PATTERN, requiredText } from "~/sourcing/form-fields";
import { TIERS } from "~/sourcing/tiers";
import { type Audience, MAX_AUDIENCE_TAGS } from "./audience";

/**
 * The campaign form (new and draft edit are one form). Client-safe: Conform checks it
 * in the browser and the action checks it again; the server then checks what needs
 * the database (the name free on the vacancy, the template's language).
 *
 * Times are typed in the campaign's time zone (Moscow unless set otherwise): the send
 * window as "09:00"–"19:00", the start as a datetime-local value "2025-03-03T10:00".
 */

export const CAMPAIGN_TIME_ZONE = DEFAULT_TIME_ZONE;
export const MAX_CAMPAIGN_NAME = 120;
export const RATE_PER_MINUTE = { min: 1, max: 10_000, default: 20 } as const;
export const RATE_PER_HOUR = { min: 1, max: 100_000, default: 600 } as const;
export const DEFAULT_WINDOW = { start: 9 * 60, end: 19 * 60, days: [1, 2, 3, 4, 5] } as const;
/** ISO weekdays, Monday first. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
/** A campaign is planned for the coming months, not years. */
export const MAX_SCHEDULE_DAYS = 365;

const choice = "validation.invalidChoice";
const id = (error: string) => z.string({ error }).regex(ID_PATTERN, error);

const rate = (limits: { min: number; max: number }, key: string) => {
  const message = `campaigns.errors.${key}|min=${limits.min}|max=${limits.max}`;
  return z.number({ error: message }).int(message).min(limits.min, message).max(limits.max, message);
};

/** "9:00", "09:00" → 540; "24:00" (the end of the day) → 1440; anything else → null. */
export function parseClock(text: string | undefined): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec((text ?? "").trim());
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return null;
  return hours * 60 + minutes;
}

/** 540 → "09:00". */
export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** Tags typed comma- or line-separated; the same tag twice is kept once. */
export function splitTags(text: string | undefined): string[] {
  const tags = (text ?? "")
    .split(/[,\n;]/)
    .map((tag) => tag.trim().replace(/\s+/g, " "))
    .filter(Boolean);
  return [...new Set(tags)];
}

/** The form's fields as typed, before the checks across fields (what the browser's constraints come from). */
export const CampaignFormFields = z.object({
  name: requiredText(MAX_CAMPAIGN_NAME),
  /** Only the new form sends it; a draft's vacancy is fixed. */
  vacancyId: id("campaigns.errors.vacancyRequired").optional(),
  templateId: id("campaigns.errors.templateRequired"),
  locale: z.enum(LOCALES, { error: choice }).default("ru"),
  audienceMode: z.enum(["filter", "list"], { error: choice }).default("filter"),
  stages: z.array(z.enum(STAGES, { error: choice })).default([]),
  tiers: z.array(z.enum(TIERS, { error: choice })).default([]),
  sources: z.array(z.enum(SOURCES, { error: choice })).default([]),
  tags: z.string().max(2000, "validation.tooLong|max=2000").optional(),
  ratePerMinute: rate(RATE_PER_MINUTE, "ratePerMinute"),
  ratePerHour: rate(RATE_PER_HOUR, "ratePerHour"),
  windowEnabled: z.boolean().optional().transform((v) => v ?? false),
  windowStart: z.string().optional(),
  windowEnd: z.string().optional(),
  windowDays: z.array(z.enum(["1", "2", "3", "4", "5", "6", "7"], { error: choice })).default([]),
  scheduledAt: z.string().optional(),
});

export function campaignFormSchema({ now = () => new Date() }: { now?: () => Date } = {}) {
  return CampaignFormFields
    .superRefine(
      (form, ctx) => {
        // Runs even when a field failed, so every problem shows at once: check the types.
        const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
        const list = (value: unknown) => (Array.isArray(value) ? value : []);
        const text = (value: unknown) => (typeof value === "string" ? value : undefined);
        if (form.audienceMode !== "list" && list(form.stages).length === 0) issue("stages", "campaigns.errors.stageRequired");
        const tags = splitTags(text(form.tags));
        if (tags.length > MAX_AUDIENCE_TAGS) issue("tags", `campaigns.errors.tooManyTags|max=${MAX_AUDIENCE_TAGS}`);
        if (tags.some((tag) => tag.length > 60)) issue("tags", "validation.tooLong|max=60");
        const { ratePerMinute: perMinute, ratePerHour: perHour } = form;
        if (typeof perMinute === "number" && typeof perHour === "number" && perMinute >= 1 && perHour >= 1 && perHour < perMinute) {
          issue("ratePerHour", "campaigns.errors.hourBelowMinute");
        }
        if (form.windowEnabled === true) {
          const start = parseClock(text(form.windowStart));
          const end = parseClock(text(form.windowEnd));
          if (start === null) issue("windowStart", "campaigns.errors.clock");
          if (end === null) issue("windowEnd", "campaigns.errors.clock");
          if (start !== null && end !== null && end <= start) issue("windowEnd", "campaigns.errors.windowOrder");
          if (list(form.windowDays).length === 0) issue("windowDays", "campaigns.errors.dayRequired");
        }
        const scheduled = text(form.scheduledAt)?.trim();
        if (scheduled) {
          const at = parseLocalDateTime(scheduled);
          const current = now().getTime();
          if (!at) issue("scheduledAt", "campaigns.errors.dateTime");
          else if (at.getTime() <= current) issue("scheduledAt", "campaigns.errors.scheduleInPast");
          else if (at.getTime() > current + MAX_SCHEDULE_DAYS * 86_400_000) {
            issue("scheduledAt", `campaigns.errors.scheduleTooFar|max=${MAX_SCHEDULE_DAYS}`);
          }
        }
      },
      { when: () => true },
    )
    .transform((form) => {
      const audience: Audience =
        form.audienceMode === "list"
          ? { mode: "list" }
          : { mode: "filter", stages: [...new Set(form.stages)], tiers: [...new Set(form.tiers)], sources: [...new Set(form.sources)], tags: splitTags(form.tags) };
      // A window that is off keeps its hours for when it is turned back on.
      const start = parseClock(form.windowStart) ?? DEFAULT_WINDOW.start;
      const end = parseClock(form.windowEnd) ?? DEFAULT_WINDOW.end;
      const days = form.windowDays.length ? [...new Set(form.windowDays.map(Number))].sort() : [...DEFAULT_WINDOW.days];
      return {
        name: form.name,
        vacancyId: form.vacancyId ?? null,
        templateId: form.templateId,
        locale: form.locale,
        audience,
        ratePerMinute: form.ratePerMinute,
        ratePerHour: form.ratePerHour,
        windowEnabled: form.windowEnabled,
        windowStart: end > start ? start : DEFAULT_WINDOW.start,
        windowEnd: end > start ? end : DEFAULT_WINDOW.end,
        windowDays: days,
        scheduledAt: form.scheduledAt?.trim() ? parseLocalDateTime(form.scheduledAt) : null,
      };
    });
}

export const CampaignFormSchema = campaignFormSchema();
export type CampaignForm = z.output<typeof CampaignFormSchema>;
export type CampaignFormInput = z.input<typeof CampaignFormSchema>;

/** A campaign's form values as strings (what the inputs show), from a saved draft or the defaults. */
export function campaignFormValues(campaign?: {
  name: string;
  vacancyId: string;
  templateId: string | null;
  locale: string;
  audience: Audience;
  ratePerMinute: number;
  ratePerHour: number;
  windowEnabled: boolean;
  windowStart: number;
  windowEnd: number;
  windowDays: readonly number[];
  scheduledAt: Date | string | null;
  timeZone?: string;
}) {
  if (!campaign) {
    return {
      name: "",
      vacancyId: "",
      templateId: "",
      locale: "ru",
      audienceMode: "filter",
      stages: ["SOURCED"],
      tiers: [] as string[],
      sources: [] as string[],
      tags: "",
      ratePerMinute: String(RATE_PER_MINUTE.default),
      ratePerHour: String(RATE_PER_HOUR.default),
      windowEnabled: "on",
      windowStart: formatClock(DEFAULT_WINDOW.start),
      windowEnd: formatClock(DEFAULT_WINDOW.end),
      windowDays: DEFAULT_WINDOW.days.map(String),
      scheduledAt: "",
    };
  }
  const filter = campaign.audience.mode === "filter" ? campaign.audience : null;
  return {
    name: campaign.name,
    vacancyId: campaign.vacancyId,
    templateId: campaign.templateId ?? "",
    locale: campaign.locale,
    audienceMode: campaign.audience.mode,
    stages: filter ? [...filter.stages] : ["SOURCED"],
    tiers: filter ? [...filter.tiers] : [],
    sources: filter ? [...filter.sources] : [],
    tags: filter ? filter.tags.join(", ") : "",
    ratePerMinute: String(campaign.ratePerMinute),
    ratePerHour: String(campaign.ratePerHour),
    windowEnabled: campaign.windowEnabled ? "on" : "",
    windowStart: formatClock(campaign.windowStart),
    windowEnd: formatClock(campaign.windowEnd),
    windowDays: campaign.windowDays.map(String),
    scheduledAt: campaign.scheduledAt ? formatLocalDateTime(campaign.scheduledAt, campaign.timeZone) : "",
  };
}
