/**
 * Runs the Prisma CLI offline: it must not try to download native engines, which
 * these machines cannot reach (docs/decisions/002-migrations.md). Usage:
 *   tsx scripts/prisma.ts generate
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

export function prismaCli(args: string[], extraEnv: Record<string, string> = {}) {
  const require = createRequire(import.meta.url);
  const cli = require.resolve("prisma/build/index.js");
  const result = spawnSync(process.execPath, [cli, ...args], {
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
    env: {
      ...process.env,
      // Any existing file stops the CLI from fetching the engines it does not use here.
      PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY ?? process.execPath,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      ...extraEnv,
    },
  });
  if (result.status !== 0) {
    throw new Error(`prisma ${args.join(" ")} failed with exit code ${result.status}`);
  }
  return result.stdout;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(prismaCli(process.argv.slice(2)));
}
