import { createHash } from 'node:crypto';
import type {
  HistoryImportProblem,
  HistoryImportResult,
  ImportedDossier,
  SkippedDossier,
} from '@motcua/core';
import {
  type ActorRole,
  classify,
  dossierProcedureOf,
  endOfWorkingDay,
  foldVietnamese,
  IMPORTED_EVENT_ACTION,
  type Localised,
  localiseIssues,
} from '@motcua/core';
import type { z } from 'zod';
import { type AgencyCalendar, loadCalendar } from '../calendar/store.ts';
import type { AppContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { withinTransaction } from '../db/within.ts';
import { appendEvent, canonicalJson } from '../dossiers/audit-chain.ts';
import { type Actor, createDossier, performAction, procedureForDossier } from '../dossiers/service.ts';
import type { ProblemCode } from '../http/messages.ts';
import { Problem, problemMessage } from '../http/problem.ts';
import { BulkPlanner, type PlannedDossier, PlanRefused, writePlanned } from './bulk.ts';
import { historyImportHeaderSchema, type ImportDossier, importDossierSchema } from './format.ts';
import { mapEvent, needsStep } from './mapping.ts';
import {
  addSearchText,
  agencyProcedures,
  findAgency,
  type ImportedMarker,
  importedMarkers,
  lockAgencyImports,
  unitIdsByCode,
} from './store.ts';

/**
 * The history import (chuyển đổi dữ liệu): each dossier of the file is received and its events
 * replayed through the engine's rules, each at its own instant, so deadlines and timeliness are
 * computed on the agency's calendar as they would have been. By default through the bulk path
 * (bulk.ts: in memory on core's rules, rows written per chunk with multi-row statements); with
 * `mode: 'per-dossier'` through the live use cases (`createDossier`, `performAction`) one dossier
 * at a time, the reference the bulk path is tested against. All in one transaction: anything
 * refused and nothing is kept; a dry run rolls back always.
 */

// The result's shape is core's answer schema (api/history-import.ts).
type ImportProblem = HistoryImportProblem;

export type { HistoryImportResult, ImportedDossier, ImportProblem, SkippedDossier };

export interface HistoryImportOptions {
  dryRun: boolean;
  /** The administrator running it (null from the command line), recorded in each marker. */
  importedBy: { id: string; name: string } | null;
  /** May this agency's history be imported by whoever asks? Throws when not. */
  authorise?: (agencyId: string) => Promise<void>;
  onProgress?: (done: number, total: number) => void;
  /**
   * 'bulk' (the default): each dossier replayed in memory through core's rules, rows written per
   * batch (bulk.ts). 'per-dossier': each dossier through the live use cases, one at a time (the
   * reference the bulk path is tested against).
   */
  mode?: 'bulk' | 'per-dossier';
  /** Dossiers per written chunk in bulk mode (default 500). */
  batchSize?: number;
}

/** Every capacity a replayed event may need: the previous system's officers, the applicant, the system. */
const REPLAY_ROLES: readonly ActorRole[] = [
  'counter_officer',
  'specialist',
  'head_of_unit',
  'leader',
  'citizen',
  'system',
];
const PREVIOUS_SYSTEM = 'Hệ thống một cửa trước đây';
const COMMAND_LINE = 'Dòng lệnh (npx motcua import-dossiers)';

class DryRunRollback extends Error {
  constructor(readonly result: HistoryImportResult) {
    super('dry run');
  }
}

/** A dossier the rules (or the import) refused: its savepoint is rolled back, the import goes on checking. */
class DossierRefused extends Error {
  constructor(readonly problem: ImportProblem) {
    super(problem.code);
  }
}

const both = (code: ProblemCode, params: Problem['params'] = {}): Localised => ({
  vi: problemMessage(code, 'vi', params),
  en: problemMessage(code, 'en', params),
});

/** The code and sentence of a refused receipt or action, as the live API would have answered. */
export function describeRefusal(err: Problem): { code: string; message: Localised } {
  if (err.code === 'dossier_action_refused') {
    return { code: String(err.extra.rule), message: err.params.reason as Localised };
  }
  return { code: err.code, message: both(err.code, err.params) };
}

/** Reads the file's header: its format, version and agency. */
export function readHeader(body: unknown) {
  const parsed = historyImportHeaderSchema.safeParse(body);
  if (!parsed.success) throw new Problem(422, 'history_import_invalid', {}, undefined, parsed.error.issues);
  return parsed.data;
}

/** Imports an agency's history from a parsed JSON file; see the module comment. */
export async function importHistory(
  ctx: AppContext,
  body: unknown,
  options: HistoryImportOptions,
): Promise<HistoryImportResult> {
  const header = readHeader(body);
  const agency = await findAgency(ctx.db, header.agencyCode);
  if (!agency) throw new Problem(422, 'history_import_agency_unknown', { code: header.agencyCode });
  await options.authorise?.(agency.id);
  const startedAt = ctx.now();
  try {
    return await ctx.db.transaction(async (tx) => {
      const result = await replayFile(ctx, tx, header, agency.id, startedAt, options);
      if (options.dryRun) throw new DryRunRollback(result);
      if (result.problems.length > 0) {
        throw new Problem(
          422,
          'history_import_refused',
          { count: result.problems.length },
          undefined,
          undefined,
          { problems: result.problems, total: result.total },
        );
      }
      return result;
    });
  } catch (err) {
    if (err instanceof DryRunRollback) return err.result;
    throw err;
  }
}

async function replayFile(
  ctx: AppContext,
  tx: Queryable,
  header: ReturnType<typeof readHeader>,
  agencyId: string,
  startedAt: Date,
  options: HistoryImportOptions,
): Promise<HistoryImportResult> {
  // Each dossier in a savepoint: a refused one leaves nothing behind while the rest are checked.
  const db = withinTransaction(ctx.db, tx);
  const result: HistoryImportResult = {
    dryRun: options.dryRun,
    agencyCode: header.agencyCode,
    total: header.dossiers.length,
    imported: 0,
    dossiers: [],
    skipped: [],
    problems: [],
  };
  await lockAgencyImports(tx, agencyId);
  const procedures = await agencyProcedures(tx, agencyId);
  const calendar = await loadCalendar(tx, agencyId);
  // Each dossier's fingerprint, and the markers of those an earlier import already made.
  const digests = header.dossiers.map((raw) => createHash('sha256').update(canonicalJson(raw)).digest('hex'));
  const previousCodes = header.dossiers.flatMap((raw) => {
    const code = (raw as { previousCode?: unknown } | null)?.previousCode;
    return typeof code === 'string' ? [code.trim()] : [];
  });
  const markers = await importedMarkers(tx, agencyId, previousCodes, digests);
  const byPrevious = new Map(markers.filter((m) => m.previousCode).map((m) => [m.previousCode!, m]));
  const byDigest = new Map(markers.map((m) => [m.sourceDigest, m]));
  const seen = new Map<string, number>();
  const unitCodes = new Set<string>();
  for (const raw of header.dossiers) {
    const code = (raw as { receivingUnitCode?: unknown } | null)?.receivingUnitCode;
    if (typeof code === 'string') unitCodes.add(code.trim());
  }
  const units = await unitIdsByCode(tx, [...unitCodes]);
  const bulk = options.mode !== 'per-dossier';
  const planner = bulk ? await BulkPlanner.open(ctx, tx, agencyId, calendar, REPLAY_ROLES) : null;
  const batchSize = options.batchSize ?? 500;
  const pending: { planned: PlannedDossier; result: ImportedDossier }[] = [];
  // Written as the file is read while nothing is refused (one transaction: a later refusal undoes
  // them); a dry run only numbers the codes it reports. A chunk is written while the next one is
  // replayed (on PostgreSQL the server writes while this process replays).
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    await writing;
    const chunk = pending.splice(0);
    writing = writePlanned(
      tx,
      agencyId,
      chunk.map((p) => p.planned),
      options.dryRun || result.problems.length > 0,
    ).then((codes) => {
      for (const [i, p] of chunk.entries()) p.result.code = codes[i]!;
    });
    // Awaited at the next chunk or at the end; meanwhile a failure is not "unhandled".
    writing.catch(() => {});
  };

  for (const [index, raw] of header.dossiers.entries()) {
    if (index % 25 === 0) {
      options.onProgress?.(index, result.total);
      // PGlite answers without yielding: let progress reach the client.
      await new Promise((r) => setImmediate(r));
    }
    const parsed = importDossierSchema.safeParse(raw);
    if (!parsed.success) {
      result.problems.push(...formatProblems(index, raw, parsed.error.issues));
      continue;
    }
    const dossier = parsed.data;
    const previousCode = dossier.previousCode ?? null;
    const refuse = (code: ProblemCode, params: Problem['params'] = {}, eventIndex: number | null = null) =>
      result.problems.push({
        dossierIndex: index,
        eventIndex,
        previousCode,
        code,
        message: both(code, params),
      });
    const digest = digests[index]!;
    const key = previousCode ?? `sha256:${digest}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      refuse('history_import_repeated', { first: earlier });
      continue;
    }
    seen.set(key, index);
    const done: ImportedMarker | undefined = previousCode
      ? byPrevious.get(previousCode)
      : byDigest.get(digest);
    if (done) {
      result.skipped.push({ dossierIndex: index, previousCode, code: done.code });
      continue;
    }
    const procedure = procedures.get(dossier.procedureCode);
    if (!procedure) {
      refuse('history_import_procedure_unknown', { code: dossier.procedureCode });
      continue;
    }
    if (procedure.fieldCode !== dossier.fieldCode) {
      refuse('history_import_field_mismatch', { field: dossier.fieldCode, expected: procedure.fieldCode });
      continue;
    }
    const receivingUnitId = dossier.receivingUnitCode ? units.get(dossier.receivingUnitCode) : undefined;
    if (dossier.receivingUnitCode && !receivingUnitId) {
      refuse('history_import_unit_unknown', { code: dossier.receivingUnitCode });
      continue;
    }
    const late = [dossier.submittedAt, dossier.receivedAt, ...dossier.events.map((e) => e.at)].findIndex(
      (at) => at !== undefined && Date.parse(at) > startedAt.getTime(),
    );
    if (late >= 0) {
      refuse('history_import_in_future', {}, late >= 2 ? late - 2 : null);
      continue;
    }
    const marker = {
      previousCode,
      sourceDigest: digest,
      sourceSystem: header.sourceSystem ?? null,
      importedBy: options.importedBy,
    };
    if (planner) {
      try {
        const planned = await planner.plan(tx, {
          dossier,
          procedureId: procedure.id,
          receivingUnitId,
          startedAt,
          marker,
        });
        const imported: ImportedDossier = {
          dossierIndex: index,
          previousCode,
          id: planned.dossier.id,
          code: null,
          state: planned.state,
          timeliness: planned.timeliness,
        };
        result.dossiers.push(imported);
        result.imported++;
        pending.push({ planned, result: imported });
        if (pending.length >= batchSize) await flush();
      } catch (err) {
        if (!(err instanceof PlanRefused)) throw err;
        result.problems.push({
          dossierIndex: index,
          eventIndex: err.eventIndex,
          previousCode,
          ...describeRefusal(err.problem),
        });
      }
      continue;
    }
    try {
      const imported = await db.transaction((stx) =>
        replayDossier(ctx, stx, {
          index,
          dossier,
          procedureId: procedure.id,
          agencyId,
          receivingUnitId,
          calendar,
          startedAt,
          marker,
        }),
      );
      result.dossiers.push(imported);
      result.imported++;
    } catch (err) {
      if (!(err instanceof DossierRefused)) throw err;
      result.problems.push(err.problem);
    }
  }
  if (pending.length > 0) await flush();
  await writing;
  options.onProgress?.(result.total, result.total);
  return result;
}

function formatProblems(index: number, raw: unknown, issues: readonly z.core.$ZodIssue[]): ImportProblem[] {
  const vi = localiseIssues(issues, 'vi');
  const en = localiseIssues(issues, 'en');
  const previous = (raw as { previousCode?: unknown } | null)?.previousCode;
  return issues.map((issue, i) => {
    const eventIndex = issue.path[0] === 'events' && typeof issue.path[1] === 'number' ? issue.path[1] : null;
    return {
      dossierIndex: index,
      eventIndex,
      previousCode: typeof previous === 'string' ? previous : null,
      code: 'invalid_input',
      message: { vi: vi[i]!.message, en: en[i]!.message },
      path: issue.path.join('.'),
    };
  });
}

interface ReplayInput {
  index: number;
  dossier: ImportDossier;
  procedureId: string;
  agencyId: string;
  receivingUnitId: string | undefined;
  calendar: AgencyCalendar;
  startedAt: Date;
  marker: {
    previousCode: string | null;
    sourceDigest: string;
    sourceSystem: string | null;
    importedBy: HistoryImportOptions['importedBy'];
  };
}

/** Receives one dossier and replays its events, each at its own instant; then marks it imported. */
async function replayDossier(ctx: AppContext, tx: Queryable, r: ReplayInput): Promise<ImportedDossier> {
  const { dossier } = r;
  const clock = { now: new Date(dossier.submittedAt ?? dossier.receivedAt) };
  const sim: AppContext = { ...ctx, now: () => clock.now };
  const actor = (officer: string | undefined): Actor => ({
    userId: null,
    name: officer ?? PREVIOUS_SYSTEM,
    // Where the receipt checks the receiving unit: a counter at it, or the applicant online.
    grants: [
      ...(r.receivingUnitId ? [{ role: 'counter_officer' as const, unitId: r.receivingUnitId }] : []),
      { role: 'citizen', unitId: r.agencyId },
    ],
    replay: { roles: REPLAY_ROLES },
  });
  const step = async <T>(eventIndex: number | null, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (err) {
      if (!(err instanceof Problem)) throw err;
      throw new DossierRefused({
        dossierIndex: r.index,
        eventIndex,
        previousCode: r.marker.previousCode,
        ...describeRefusal(err),
      });
    }
  };

  // The previous system received it complete: every required document is ticked.
  const procedure = await step(null, () => procedureForDossier(tx, r.procedureId));
  const checklist = (dossierProcedureOf(procedure.content)?.requiredDocuments ?? []).map((document) => ({
    document,
    received: true,
  }));
  const created = await step(null, () =>
    createDossier(
      sim,
      tx,
      {
        procedureId: r.procedureId,
        channel: dossier.channel,
        receivingUnitId: r.receivingUnitId,
        applicant: dossier.applicant,
        applicantUserId: null,
        decision: 'receive',
        checklist,
      },
      actor(undefined),
    ),
  );
  const id = created.record.id;
  // Each use case answers the dossier as it left it: the next action starts from that version.
  let current = created.record;
  const act = async (action: Parameters<typeof performAction>[2]['action'], input: unknown, who: Actor) =>
    (await performAction(sim, tx, { dossierId: id, action, expectedVersion: current.version, input }, who))
      .record;
  if (dossier.channel === 'online') {
    clock.now = new Date(dossier.receivedAt);
    current = await step(null, () => act('receive', { checklist }, actor(undefined)));
  }

  for (const [eventIndex, event] of dossier.events.entries()) {
    clock.now = new Date(event.at);
    const who = actor(event.officer);
    const mapped = mapEvent(event, (date) => endOfWorkingDay(date, r.calendar.config));
    // The steps the previous system did not date are taken at this event's instant.
    for (let guard = 0; guard < 60 && needsStep(mapped.advance, current.state); guard++) {
      current = await step(eventIndex, () =>
        act('forward_step', { note: 'Chuyển bước (dữ liệu chuyển đổi)' }, who),
      );
    }
    current = await step(eventIndex, () => act(mapped.command.action, mapped.command.input, who));
  }

  await appendEvent(tx, {
    agencyId: r.agencyId,
    dossierId: id,
    at: r.startedAt,
    actorId: r.marker.importedBy?.id ?? null,
    actorName: r.marker.importedBy?.name ?? COMMAND_LINE,
    action: IMPORTED_EVENT_ACTION,
    fromState: current.state,
    toState: current.state,
    payload: {
      previousCode: r.marker.previousCode,
      sourceSystem: r.marker.sourceSystem,
      sourceDigest: r.marker.sourceDigest,
      events: dossier.events.length,
    },
  });
  if (r.marker.previousCode) await addSearchText(tx, r.agencyId, id, foldVietnamese(r.marker.previousCode));
  const s = current.snapshot;
  return {
    dossierIndex: r.index,
    previousCode: r.marker.previousCode,
    id,
    code: current.code,
    state: current.state,
    timeliness: classify(s, s.endedAt ? new Date(s.endedAt) : r.startedAt, r.calendar.policy),
  };
}
