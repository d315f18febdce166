import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import type { AppContext } from '../src/context.ts';
import { type Database, openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { FileStore } from '../src/files/store.ts';
import { DEMO_PASSWORD } from '../src/seed/demo-users.ts';
import { seedDemo } from '../src/seed/seed.ts';
import { createDatabase, type RunningPostgres, startPostgres } from './support/postgres.ts';
import { type RunningReplica, startReplica } from './support/replica.ts';
import { openOffice, receiveDossier } from './support/report06.ts';

/**
 * With DATABASE_READ_URL, Biểu số 06 is read from a streaming replica while every write goes to
 * the primary: with the replica's replay paused, a dossier received on the primary is not in the
 * report; once the replica has replayed it, it is.
 */
describe('reports from a read replica (DATABASE_READ_URL)', () => {
  let primary: RunningPostgres;
  let replica: RunningReplica;
  let db: Database;
  let readDb: Database;
  let app: FastifyInstance;
  let ctx: AppContext;

  beforeAll(async () => {
    primary = await startPostgres();
    const url = await createDatabase(primary.url, 'motcua');
    db = await openDatabase({ url });
    await migrate(db);
    await seedDemo(db, new Date());
    replica = await startReplica(primary.url);
    const readUrl = replica.url.replace(/\/postgres$/, '/motcua');
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      DATABASE_URL: url,
      DATABASE_READ_URL: readUrl,
      DATA_DIR: '/nonexistent-motcua-test',
    });
    expect(config.databaseReadUrl).toBe(readUrl);
    readDb = await openDatabase({ url: config.databaseReadUrl });
    const files = new FileStore(await mkdtemp(join(tmpdir(), 'motcua-files-')));
    ctx = { db, readDb, config, now: () => new Date(), files };
    app = await buildApp(ctx, { logger: false });
    await app.ready();
  }, 90_000);
  afterAll(async () => {
    await app?.close();
    await readDb?.close();
    await db?.close();
    await replica?.stop();
    await primary?.stop();
  });

  /** Waits until the replica has replayed everything the primary has written so far. */
  async function caughtUp() {
    const [{ lsn }] = (await db.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn')) as [
      { lsn: string },
    ];
    for (let i = 0; i < 200; i++) {
      const [row] = await readDb.query<{ done: boolean }>(
        'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done',
        [lsn],
      );
      if (row?.done) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the replica did not catch up');
  }

  it('counts a dossier received on the primary only once the replica has replayed it', async () => {
    const [standby] = await readDb.query<{ recovery: boolean }>('SELECT pg_is_in_recovery() AS recovery');
    expect(standby?.recovery).toBe(true);
    await expect(readDb.query(`UPDATE field SET name = name`)).rejects.toThrow(/read-only/);

    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'lanhdao', password: DEMO_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const session = login.cookies.find((c) => c.name.endsWith('motcua_session'))!;
    const office = await openOffice(db, ctx);
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const received = async () => {
      const res = await app.inject({
        url: `/api/v1/reports/06?from=${today}&to=${today}&agency=${office.agencyId}`,
        headers: { cookie: `${session.name}=${session.value}` },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().totals.receivedTotal as number;
    };

    await caughtUp();
    expect(await received()).toBe(0);
    await readDb.query('SELECT pg_wal_replay_pause()');
    office.at(new Date());
    await receiveDossier(office, office.procedures[0]!, 'counter');
    // Written on the primary (its counters hold it), not yet on the replica the report reads.
    const [counted] = await db.query<{ n: number }>(
      `SELECT COALESCE(sum(n), 0)::int AS n FROM dossier_counter WHERE agency_id = $1 AND metric = 'received'`,
      [office.agencyId],
    );
    expect(counted?.n).toBe(1);
    expect(await received()).toBe(0);

    await readDb.query('SELECT pg_wal_replay_resume()');
    await caughtUp();
    expect(await received()).toBe(1);
  }, 60_000);
});
