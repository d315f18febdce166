/**
 * Global setup of the `server` test project: one PostgreSQL cluster for the whole run, shared by
 * every test file (each file creates its own database in it, see databases.ts). Set
 * MOTCUA_TEST_POSTGRES_URL (a superuser URL) to use an existing server instead.
 */
import type { TestProject } from 'vitest/node';
import { startPostgres, waitForPostgres } from './postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the PostgreSQL server the server tests create their databases in. */
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const external = process.env.MOTCUA_TEST_POSTGRES_URL;
  if (external) {
    await waitForPostgres(external, 10_000);
    project.provide('postgresUrl', external);
    return undefined;
  }
  const postgres = await startPostgres();
  project.provide('postgresUrl', postgres.url);
  return async () => {
    await postgres.stop();
  };
}
