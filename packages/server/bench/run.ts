import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import type { AppContext } from '../src/context.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { FileStore } from '../src/files/store.ts';
import { seedDemo } from '../src/seed/seed.ts';
import { startPostgres } from '../test/support/postgres.ts';
import { benchAgency, generateHistories } from './generate.ts';
import {
  measureLookup,
  measureMemory,
  measureProgress,
  measureQueue,
  measureReceipts,
  measureReport,
} from './measures.ts';
import { progressBar } from './progress.ts';
import { closingNote, type EngineFigures, renderTable, targets } from './table.ts';

/**
 * `npm run bench [-- --size N --pg-size N --only pglite|postgres --batch N --mode bulk|per-dossier --pg-url URL]`:
 * synthetic histories written through the history import on PGlite and on a throwaway
 * PostgreSQL cluster (or `--pg-url`, an empty database), then the same figures measured on both.
 * The table goes to stdout, the figures to packages/server/bench/results.json. README "Benchmark".
 */

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    size: { type: 'string', default: '100000' },
    'pg-size': { type: 'string', default: '1000000' },
    only: { type: 'string' },
    batch: { type: 'string', default: '2000' },
    mode: { type: 'string', default: 'bulk' },
    'pg-url': { type: 'string' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string', default: join(import.meta.dirname, 'results.json') },
  },
});
const count = (v: string | undefined, name: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number of dossiers`);
  return n;
};
if (args.only && args.only !== 'pglite' && args.only !== 'postgres')
  throw new Error('--only is pglite or postgres');
const plan: { engine: 'pglite' | 'postgres'; size: number }[] = [];
if (args.only !== 'postgres') plan.push({ engine: 'pglite', size: count(args.size, 'size') });
if (args.only !== 'pglite') plan.push({ engine: 'postgres', size: count(args['pg-size'], 'pg-size') });
const batchSize = count(args.batch, 'batch');
if (args.mode !== 'bulk' && args.mode !== 'per-dossier') throw new Error('--mode is bulk or per-dossier');
const mode = args.mode;

/**
 * The throwaway cluster is sized as a production server would be for a database of millions of
 * dossiers, not with PostgreSQL's 128 MB defaults: a quarter of the memory for shared buffers, and
 * checkpoints spaced out so that a bulk import does not rewrite the same index pages every few
 * minutes. An outside server (`--pg-url`) keeps its own settings.
 */
const megabytes = Math.floor(totalmem() / 2 ** 20);
const postgresSettings = {
  shared_buffers: `${Math.floor(megabytes / 4)}MB`,
  effective_cache_size: `${Math.floor(megabytes / 2)}MB`,
  maintenance_work_mem: '512MB',
  max_wal_size: '8GB',
  checkpoint_timeout: '30min',
};

async function benchOn(engine: 'pglite' | 'postgres', size: number): Promise<EngineFigures> {
  const log = (m: string) => process.stderr.write(`[${engine}] ${m}\n`);
  const cluster =
    engine === 'postgres' && !args['pg-url']
      ? await startPostgres({ serverSettings: postgresSettings })
      : null;
  const url = engine === 'postgres' ? (args['pg-url'] ?? cluster!.url) : undefined;
  const files = await mkdtemp(join(tmpdir(), 'motcua-bench-'));
  const db = await openDatabase({ url });
  try {
    await migrate(db);
    const ctx: AppContext = {
      db,
      config: loadConfig({ LOG_LEVEL: 'silent', LOGIN_RATE_PER_MINUTE: '1000', DATA_DIR: files }),
      now: () => new Date(),
      files: new FileStore(files),
    };
    log('seeding the demo agency');
    await seedDemo(db, ctx.now());
    const agency = await benchAgency(ctx);
    const bar = progressBar(`[${engine}] generating`);
    const generation = await generateHistories(ctx, agency, {
      count: size,
      batchSize,
      seed: Number(args.seed),
      mode,
      onProgress: (done, total) => bar.update(done, total),
    });
    bar.done(
      `${generation.imported} dossiers, ${generation.events} events in ${(generation.ms / 1000).toFixed(0)} s`,
    );
    await db.exec('ANALYZE');
    const app = await buildApp(ctx, { logger: false });
    await app.ready();
    measureProgress.prefix = `[${engine}] `;
    try {
      log('Biểu 06');
      const report06 = await measureReport(ctx, app, agency, 30);
      log('queue');
      const queue = await measureQueue(ctx, agency, 50);
      log('lookup');
      const lookup = await measureLookup(ctx, app, 300);
      const memory = await measureMemory(ctx);
      log('receipts');
      const receipts = await measureReceipts(ctx, agency, 200);
      return {
        engine,
        dossiers: size,
        generation: { ...generation, dossiersPerSecond: (generation.imported / generation.ms) * 1000 },
        report06,
        queue,
        lookup,
        receipts,
        memory,
      };
    } finally {
      await app.close();
    }
  } finally {
    await db.close();
    await cluster?.stop();
    await rm(files, { recursive: true, force: true });
  }
}

const figures: EngineFigures[] = [];
for (const { engine, size } of plan) figures.push(await benchOn(engine, size));
const judged = figures.find((f) => f.engine === 'postgres') ?? figures.at(-1)!;
const results = {
  at: new Date().toISOString(),
  machine: {
    cpus: availableParallelism(),
    cpu: cpus()[0]?.model ?? null,
    node: process.version,
    // 1, 5 and 15 minutes at the end: above the core count, other work shared the machine.
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
  },
  batchSize,
  mode,
  postgresSettings: args['pg-url'] ? 'the server at --pg-url, with its own settings' : postgresSettings,
  targetsJudgedOn: {
    engine: judged.engine,
    dossiers: judged.dossiers,
    setFor: 'postgres, 10000000 dossiers',
  },
  targets: targets(judged),
  figures: Object.fromEntries(figures.map((f) => [f.engine, f])),
};
await writeFile(args.out, `${JSON.stringify(results, null, 2)}\n`);
console.log(renderTable(figures));
console.log(`\n${closingNote(judged)}\nFigures written to ${args.out}`);
