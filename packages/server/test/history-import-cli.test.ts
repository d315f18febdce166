import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli/main.ts';
import { dossierEntry, historyFile, SCENARIOS } from './support/history-file.ts';

/** The commands run in this process (what bin/motcua.mjs calls), printing to captured output. */

describe('npx motcua import-dossiers', () => {
  let dir: string;
  const motcua = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
    const error = vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
    try {
      const code = await main(args);
      return { code, out: out.join('\n'), err: err.join('\n') };
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'motcua-history-cli-'));
    // This test file runs in its own process (pool: forks): its environment is its own.
    Object.assign(process.env, { DATA_DIR: join(dir, 'data'), SEED_DEMO_DOSSIERS: '0', LOG_LEVEL: 'warn' });
    await writeFile(
      join(dir, 'good.json'),
      JSON.stringify(historyFile([SCENARIOS.early, SCENARIOS.supplement])),
    );
    await writeFile(
      join(dir, 'bad.json'),
      JSON.stringify(
        historyFile([
          SCENARIOS.early,
          dossierEntry('CU-BAD', [
            { type: 'extended', at: '2025-10-21T09:00:00+07:00', newDueAt: '2025-10-31', reason: 'Chậm' },
          ]),
        ]),
      ),
    );
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('checks, refuses row by row, imports, and leaves an audit chain that verifies', async () => {
    expect((await motcua(['seed'])).code).toBe(0);
    const dry = await motcua(['import-dossiers', join(dir, 'good.json'), '--dry-run']);
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toContain('Dry run: would import 2 of 2 dossiers (0 already imported, skipped).');

    const bad = await motcua(['import-dossiers', join(dir, 'bad.json'), '--lang', 'en']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('dossiers[1].events[0] (CU-BAD) extension_too_late:');
    expect(bad.err).toContain('at least one working day before the due date');
    expect(bad.err).toContain('Nothing was imported: 1 refused.');

    const real = await motcua(['import-dossiers', join(dir, 'good.json')]);
    expect(real.code, real.err).toBe(0);
    expect(real.out).toContain('Imported 2 of 2 dossiers');

    const audit = await motcua(['verify-audit']);
    expect(audit.code, audit.err).toBe(0);
    expect(audit.out).toMatch(/Audit chain intact: \d+ events in 1 agencies, 2 dossiers/);
  }, 180_000);
});
