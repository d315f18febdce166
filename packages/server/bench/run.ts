import { performance } from 'node:perf_hooks';
import { searchCatalogue } from '../src/catalogue/search.ts';
import { loadConfig } from '../src/config.ts';
import type { AppContext } from '../src/context.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { verifyAuditChain } from '../src/dossiers/audit-chain.ts';
import { FileStore } from '../src/files/store.ts';
import { seedDemoOffice } from '../src/seed/demo-office.ts';
import { seedDemo } from '../src/seed/seed.ts';

/** Median time of `runs` calls of `fn`, in milliseconds. */
async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const db = await openDatabase({});
await migrate(db);
const ctx: AppContext = {
  db,
  config: loadConfig({ LOG_LEVEL: 'silent' }),
  now: () => new Date(),
  files: new FileStore('/tmp/motcua-bench-files'),
};
await seedDemo(db, ctx.now());

const baseline = await median(300, () => db.query('SELECT 1'));
const rows: [string, number][] = [];
rows.push([
  'catalogue search, accent-free query',
  await median(100, () =>
    searchCatalogue(db, {
      q: 'giay phep lao dong',
      statuses: ['in_force', 'amended'],
      page: 1,
      pageSize: 20,
    }),
  ),
]);
rows.push([
  'catalogue page, no query',
  await median(100, () => searchCatalogue(db, { statuses: ['in_force', 'amended'], page: 1, pageSize: 20 })),
]);

const heapBefore = process.memoryUsage().heapUsed;
const start = performance.now();
const office = await seedDemoOffice(ctx, { count: 100 });
const perDossier = (performance.now() - start) / office.dossiers;
rows.push(['one dossier through its whole lifecycle (demo office)', perDossier]);
const heapPerDossier = (process.memoryUsage().heapUsed - heapBefore) / office.dossiers;
rows.push(['verify-audit, whole chain', await median(3, () => verifyAuditChain(db))]);

console.log(`baseline: one database round trip (SELECT 1) = ${baseline.toFixed(3)} ms\n`);
console.log('operation'.padEnd(58), 'median ms'.padStart(10), 'x baseline'.padStart(12));
for (const [name, ms] of rows)
  console.log(name.padEnd(58), ms.toFixed(2).padStart(10), (ms / baseline).toFixed(1).padStart(12));
console.log(`\nheap growth per dossier created: ${(heapPerDossier / 1024).toFixed(1)} KiB`);
await db.close();
