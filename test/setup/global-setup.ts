import { type TestProject } from "vitest/node";
import { migrate } from "../../app/utils/migrate.server";
import { dropDatabase, recreateDatabase, testServerUrl } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    testServerUrl: string;
    templateDatabase: string;
  }
}

/** Builds one migrated template database; each test file copies it (db-setup.ts). */
export default async function setup(project: TestProject) {
  const server = await testServerUrl();
  const template = `kam_template_${process.pid}`;
  await migrate(await recreateDatabase(server.url, template));
  project.provide("testServerUrl", server.url);
  project.provide("templateDatabase", template);
  return async () => {
    await dropDatabase(server.url, template);
    await server.stop();
  };
}
