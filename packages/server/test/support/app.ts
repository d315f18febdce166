import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { AppContext } from '../../src/context.ts';
import type { Database } from '../../src/db/database.ts';
import { FileStore } from '../../src/files/store.ts';
import { DEMO_PASSWORD } from '../../src/seed/demo-users.ts';
import { seedDemo } from '../../src/seed/seed.ts';
import { type Engine, openTestDatabase } from './databases.ts';

export interface TestApp {
  app: FastifyInstance;
  db: Database;
  ctx: AppContext;
  /** Moves the app's clock (sessions, lockouts) without waiting. */
  advance(ms: number): void;
  /** A client that keeps its session cookie and CSRF token, like a browser tab. */
  client(): TestClient;
  close(): Promise<void>;
}

export interface TestClient {
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  login(username: string, password?: string): Promise<LightMyRequestResponse>;
  csrfToken: string | null;
}

/** A real app on a fresh, migrated (and by default seeded) database of the given engine. */
export async function startTestApp(
  engine: Engine,
  options: { seed?: boolean; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const db = await openTestDatabase(engine);
  let offset = 0;
  const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: '/nonexistent-motcua-test', ...options.env });
  const files = new FileStore(await mkdtemp(join(tmpdir(), 'motcua-files-')));
  const ctx: AppContext = { db, config, now: () => new Date(Date.now() + offset), files };
  if (options.seed ?? true) await seedDemo(db, ctx.now());
  const app = await buildApp(ctx, { logger: false });
  await app.ready();
  return {
    app,
    db,
    ctx,
    advance: (ms) => {
      offset += ms;
    },
    client: () => makeClient(app),
    async close() {
      await app.close();
      await db.close();
    },
  };
}

function makeClient(app: FastifyInstance): TestClient {
  let cookie: string | null = null;
  const client: TestClient = {
    csrfToken: null,
    async request(options) {
      const headers: Record<string, string> = { ...(options.headers as Record<string, string> | undefined) };
      if (cookie && !('cookie' in headers)) headers.cookie = cookie;
      const method = (options.method ?? 'GET').toUpperCase();
      if (client.csrfToken && method !== 'GET' && !('x-csrf-token' in headers))
        headers['x-csrf-token'] = client.csrfToken;
      const res = await app.inject({ ...options, headers });
      const set = res.cookies.find((c) => c.name.endsWith('motcua_session'));
      if (set) cookie = set.value ? `${set.name}=${set.value}` : null;
      return res;
    },
    async login(username, password = DEMO_PASSWORD) {
      const res = await client.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password },
      });
      if (res.statusCode === 200) client.csrfToken = res.json().csrfToken;
      return res;
    },
  };
  return client;
}
