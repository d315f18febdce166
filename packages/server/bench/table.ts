import type { GenerateResult } from './generate.ts';
import type {
  measureLookup,
  measureMemory,
  measureQueue,
  measureReceipts,
  measureReport,
} from './measures.ts';

/** The bench's figures for one database, named as in bench/results.json. */
export interface EngineFigures {
  engine: 'pglite' | 'postgres';
  dossiers: number;
  generation: GenerateResult & { dossiersPerSecond: number };
  report06: Awaited<ReturnType<typeof measureReport>>;
  queue: Awaited<ReturnType<typeof measureQueue>>;
  lookup: Awaited<ReturnType<typeof measureLookup>>;
  receipts: Awaited<ReturnType<typeof measureReceipts>>;
  memory: Awaited<ReturnType<typeof measureMemory>>;
}

export interface Target {
  name: string;
  /** What the figure must be, in words. */
  wanted: string;
  value: number;
  met: boolean;
}

/** Generation through the history import: dossiers a second wanted on each database (issue 9, item 6). */
export const GENERATION_TARGET = { postgres: 1000, pglite: 300 } as const;

/** The targets, set for 10 million dossiers on PostgreSQL on a 2-core machine. */
export function targets(f: EngineFigures): Target[] {
  const generation = GENERATION_TARGET[f.engine];
  return [
    {
      name: 'generation.dossiersPerSecond',
      wanted: `≥ ${generation} dossiers/s`,
      value: f.generation.dossiersPerSecond,
      met: f.generation.dossiersPerSecond >= generation,
    },
    {
      name: 'report06.countersMs.p50',
      wanted: '< 200 ms',
      value: f.report06.countersMs.p50,
      met: f.report06.countersMs.p50 < 200,
    },
    {
      name: 'report06.ratio',
      wanted: '≥ 20× the plain query',
      value: f.report06.ratio,
      met: f.report06.ratio >= 20,
    },
    {
      name: 'queue.firstPageMs.p95',
      wanted: '< 30 ms',
      value: f.queue.firstPageMs.p95,
      met: f.queue.firstPageMs.p95 < 30,
    },
    {
      name: 'queue.page50Ms.p95',
      wanted: '< 30 ms',
      value: f.queue.page50Ms.p95,
      met: f.queue.page50Ms.p95 < 30,
    },
    {
      name: 'lookup.ratio',
      wanted: '≥ 0.5 of the bare route',
      value: f.lookup.ratio,
      met: f.lookup.ratio >= 0.5,
    },
    {
      name: 'receipts.ratio',
      wanted: '≥ 0.5 of raw inserts',
      value: f.receipts.ratio,
      met: f.receipts.ratio >= 0.5,
    },
  ];
}

const n = (v: number, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : '-');

/** The side-by-side table: one line per figure, one column per database, then the target. */
export function renderTable(all: EngineFigures[]): string {
  const lines: [string, (f: EngineFigures) => string, string?][] = [
    ['dossiers generated (through the history import)', (f) => String(f.generation.imported)],
    ['  refused by the rules and left out', (f) => String(f.generation.refused)],
    [
      '  generation, dossiers per second',
      (f) => n(f.generation.dossiersPerSecond),
      'generation.dossiersPerSecond',
    ],
    [
      'Biểu 06, a year, from counters p50 ms (HTTP)',
      (f) => n(f.report06.countersMs.p50),
      'report06.countersMs.p50',
    ],
    ['Biểu 06, a year, from counters p95 ms', (f) => n(f.report06.countersMs.p95)],
    ['Biểu 06, a year, plain GROUP BY p50 ms', (f) => n(f.report06.plainMs.p50)],
    ['  plain / counters', (f) => `${n(f.report06.ratio)}×`, 'report06.ratio'],
    ['queue, first page p50 ms', (f) => n(f.queue.firstPageMs.p50, 2)],
    ['queue, first page p95 ms', (f) => n(f.queue.firstPageMs.p95, 2), 'queue.firstPageMs.p95'],
    ['queue, 50th page p50 ms', (f) => n(f.queue.page50Ms.p50, 2)],
    ['queue, 50th page p95 ms', (f) => n(f.queue.page50Ms.p95, 2), 'queue.page50Ms.p95'],
    ['  dossiers in that unit and state', (f) => String(f.queue.dossiersInState)],
    ['lookup by code, HTTP, per second', (f) => n(f.lookup.lookupPerSecond, 0)],
    ['lookup, bare route same query, per second', (f) => n(f.lookup.bareRoutePerSecond, 0)],
    ['  lookup / bare', (f) => n(f.lookup.ratio, 2), 'lookup.ratio'],
    ['receipts per second, service layer', (f) => n(f.receipts.servicePerSecond)],
    ['receipts per second, raw inserts', (f) => n(f.receipts.rawPerSecond)],
    ['  service / raw', (f) => n(f.receipts.ratio, 2), 'receipts.ratio'],
    ['process memory (RSS) MiB', (f) => n(f.memory.rssMiB, 0)],
    ['database size MiB', (f) => n(f.memory.databaseMiB, 0)],
  ];
  const judged = all.find((f) => f.engine === 'postgres') ?? all.at(-1)!;
  const verdicts = new Map(targets(judged).map((t) => [t.name, t]));
  const head = [
    'figure'.padEnd(50),
    ...all.map((f) => `${f.engine === 'pglite' ? 'PGlite' : 'PostgreSQL'} (${f.dossiers})`.padStart(20)),
    '  target',
  ].join('');
  const out = [head, '-'.repeat(head.length + 30)];
  for (const [label, value, target] of lines) {
    const t = target ? verdicts.get(target) : undefined;
    out.push(
      [
        label.padEnd(50),
        ...all.map((f) => value(f).padStart(20)),
        t ? `  ${t.wanted}: ${t.met ? 'met' : 'MISSED'} (${judged.engine})` : '',
      ].join(''),
    );
  }
  return out.join('\n');
}

/** Why a target is missed, for the closing note: what the measured path does that the other does not. */
const WHY_MISSED: Record<string, string> = {
  'generation.dossiersPerSecond':
    'the bulk import replays each history in memory through the rules on one core (decide copies the snapshot at each command, the chain hashes every event, counters and time facts are computed per dossier), so generation is bound by that single Node.js process on one core while the database writes on the other (results.json records the load average at the end, which tells whether other work shared the machine)',
  'report06.countersMs.p50':
    'the report reads every (unit, field, channel, day, metric) group up to the period end; many units or a long history of days make more groups',
  'report06.ratio':
    'at small sizes both are a few milliseconds of SQL and the report is dominated by the HTTP request, session and role checks; the plain query grows with the dossiers, the counters with the groups',
  'queue.firstPageMs.p95':
    "the queue reads the unit's dossiers as three disjoint branches from covering indexes (dossiers/list.ts), but its total still counts every dossier of the unit and state in those indexes, and the page is cut after a sort of each branch's first rows, so both grow with the dossiers waiting in that state",
  'queue.page50Ms.p95':
    'a deep page is an OFFSET: each branch reads and sorts the (offset + size) first entries of its index before the page is cut, and the total is counted too',
  'lookup.ratio':
    "the lookup makes the same two round trips as the bare route (the directory, then the dossier), but its second statement also gathers the names, events, control sheet and shipments as JSON, and the app words a timeline in the visitor's language and checks the answer against its schema, after the rate limit and security headers",
  'receipts.ratio':
    "a receipt through createDossier sends 17 statements: it reads the procedure, the receiving unit and the units above it, the calendar's revision and the applicant's portal account, then writes the day's sequence number, the dossier and its directory entry, the event and its hash, the chain head, the control sheet, the counters and the counted state; the raw copy sends about 8 inserts of the resulting rows, with no rule, hash or check between them",
};

/** The closing note: the targets missed on the judged database, each with why. */
export function closingNote(judged: EngineFigures): string {
  const missed = targets(judged).filter((t) => !t.met);
  const head = `Targets are set for 10 million dossiers on PostgreSQL; judged here on ${judged.engine} with ${judged.dossiers}.`;
  if (missed.length === 0) return `${head}\nEvery target met.`;
  return [
    head,
    'Missed:',
    ...missed.map((t) => `- ${t.name} = ${n(t.value, 2)} (wanted ${t.wanted}): ${WHY_MISSED[t.name]}`),
  ].join('\n');
}
