import { loadCalendar } from '../src/calendar/store.ts';
import type { AppContext } from '../src/context.ts';
import { procedureForDossier } from '../src/dossiers/service.ts';
import { HISTORY_IMPORT_FORMAT, HISTORY_IMPORT_VERSION } from '../src/history-import/format.ts';
import { importHistory } from '../src/history-import/replay.ts';
import { agencyProcedures, findAgency } from '../src/history-import/store.ts';
import { Problem } from '../src/http/problem.ts';
import { DEMO_AGENCY_CODE, DEMO_SERVICE_CENTRE_CODE } from '../src/seed/organisation-data.ts';
import { type SyntheticProcedure, syntheticHistories } from './synthetic.ts';

/**
 * Fills a bench database with synthetic histories THROUGH THE HISTORY IMPORT (`importHistory`, the
 * same replay as `npx motcua import-dossiers`): every dossier is received and its events performed
 * by the engine's use cases, so rows, hash chain and counters are what live work would have
 * written. Dossiers go in batches, one import (one transaction) per batch, each written by the
 * import's bulk path (history-import/bulk.ts: replayed in memory, one multi-row INSERT per table).
 */

export const BENCH_SOURCE_SYSTEM = 'Dữ liệu giả lập (bench)';

export interface BenchAgency {
  id: string;
  code: string;
  procedures: SyntheticProcedure[];
  receivingUnits: string[];
}

/** The demo agency, its procedures that have a processing time, and the units that receive its dossiers. */
export async function benchAgency(ctx: AppContext): Promise<BenchAgency> {
  const agency = await findAgency(ctx.db, DEMO_AGENCY_CODE);
  if (!agency) throw new Error('the demo agency is missing: seed the database first');
  const procedures: SyntheticProcedure[] = [];
  for (const [code, p] of await agencyProcedures(ctx.db, agency.id)) {
    if (p.status !== 'in_force' && p.status !== 'amended') continue;
    const { content } = await procedureForDossier(ctx.db, p.id);
    const { value, unit } = content.processingTime;
    if (value === null) continue;
    // Roughly, for the generator's mix only: the engine computes the real appointment.
    const workingDays =
      unit === 'working_days'
        ? value
        : unit === 'calendar_days'
          ? Math.ceil((value * 5) / 7)
          : Math.ceil(value / 8);
    procedures.push({ code, fieldCode: p.fieldCode, workingDays: Math.max(1, workingDays) });
  }
  // The city's public service centre and the department's own one-stop counter.
  return {
    id: agency.id,
    code: DEMO_AGENCY_CODE,
    procedures,
    receivingUnits: [DEMO_SERVICE_CENTRE_CODE, DEMO_AGENCY_CODE],
  };
}

export interface GenerateOptions {
  count: number;
  /** Dossiers per import (one transaction each). */
  batchSize: number;
  seed: number;
  /** The history import's write path: 'bulk' (default) or the use cases one dossier at a time. */
  mode?: 'bulk' | 'per-dossier';
  onProgress?: (done: number, total: number) => void;
}

export interface GenerateResult {
  imported: number;
  /** Generated histories the engine's rules refused; they are left out and counted here. */
  refused: number;
  /** Why, by the engine's refusal code. */
  refusals: Record<string, number>;
  events: number;
  ms: number;
}

export async function generateHistories(
  ctx: AppContext,
  agency: BenchAgency,
  o: GenerateOptions,
): Promise<GenerateResult> {
  const started = performance.now();
  const next = syntheticHistories({
    procedures: agency.procedures,
    receivingUnits: agency.receivingUnits,
    calendar: (await loadCalendar(ctx.db, agency.id)).config,
    now: ctx.now(),
    seed: o.seed,
  });
  const result: GenerateResult = { imported: 0, refused: 0, refusals: {}, events: 0, ms: 0 };
  for (let from = 0; from < o.count; from += o.batchSize) {
    let batch = Array.from({ length: Math.min(o.batchSize, o.count - from) }, (_, k) => next(from + k));
    // All or nothing per import: a history the rules refuse is dropped and the batch imported again.
    for (;;) {
      try {
        const done = await importHistory(
          ctx,
          {
            format: HISTORY_IMPORT_FORMAT,
            version: HISTORY_IMPORT_VERSION,
            agencyCode: agency.code,
            sourceSystem: BENCH_SOURCE_SYSTEM,
            dossiers: batch,
          },
          {
            dryRun: false,
            importedBy: null,
            mode: o.mode ?? 'bulk',
            batchSize: 500,
            onProgress: (n) => o.onProgress?.(from + n, o.count),
          },
        );
        result.imported += done.imported;
        result.events += batch.reduce((n, d) => n + d.events.length, 0);
        break;
      } catch (err) {
        if (!(err instanceof Problem) || err.code !== 'history_import_refused') throw err;
        const problems = err.extra.problems as { dossierIndex: number; code: string }[];
        const bad = new Set(problems.map((p) => p.dossierIndex));
        for (const p of problems) result.refusals[p.code] = (result.refusals[p.code] ?? 0) + 1;
        result.refused += bad.size;
        batch = batch.filter((_, k) => !bad.has(k));
        if (batch.length === 0) break;
      }
    }
  }
  o.onProgress?.(o.count, o.count);
  result.ms = performance.now() - started;
  return result;
}
