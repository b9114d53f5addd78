import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// Prisma's native engines cannot be downloaded on our machines, so the CLI runs on
// its JavaScript engine through the pg adapter (docs/decisions/002-migrations.md).
export default defineConfig({
  schema: "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  adapter: async () =>
    new PrismaPg({
      connectionString:
        process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
    }),
});
