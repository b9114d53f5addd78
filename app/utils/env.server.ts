import { z } from "zod";

/**
 * Every environment variable the product reads, parsed once. A wrong value stops
 * start-up with a message naming the variable (see README "Environment").
 */
const booleanFlag = z
  .enum(["1", "0", "true", "false", "yes", "no"])
  .transform((v) => v === "1" || v === "true" || v === "yes");

const EnvSchema = z.object({
  NODE_ENV: z.enum(["production", "development", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
    .optional(),
  DATA_DIR: z.string().default(".data"),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  HOST: z.string().default("127.0.0.1"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  APP_URL: z.string().url().optional(),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 7),
  SECURE_COOKIES: booleanFlag.optional(),
  /** Which proxies may set X-Forwarded-For (Express "trust proxy"). */
  TRUST_PROXY: z.string().default("loopback"),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z.string().default("KAM Hiring <hiring@kam-hiring.local>"),
  RUN_WORKER: booleanFlag.default(true),
  SEED_DEMO: booleanFlag.default(true),
  CHROMIUM_PATH: z.string().optional(),
  /** Queries slower than this are logged; 0 turns the log off. */
  SLOW_QUERY_MS: z.coerce.number().int().min(0).default(200),
  /** Job-board APIs (app/sourcing/importers): a board without its token is not offered. */
  HH_API_URL: z.string().url().default("https://api.hh.ru"),
  HH_API_TOKEN: z.string().optional(),
  /** hh.ru asks every client to name itself: "AppName/1.0 (contact@example.com)". */
  HH_USER_AGENT: z.string().optional(),
  SUPERJOB_API_URL: z.string().url().default("https://api.superjob.ru/2.0"),
  SUPERJOB_APP_KEY: z.string().optional(),
  SUPERJOB_TOKEN: z.string().optional(),
});

export type Env = z.infer<typeof EnvSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v !== ""),
  );
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;
/** The environment, read on first use so start-up code can set DATABASE_URL first. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For start-up code that changed process.env (e.g. the embedded database's URL). */
export function reloadEnv(): Env {
  cached = undefined;
  return env();
}
