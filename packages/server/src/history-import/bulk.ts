import {
  type ActorRole,
  actionCounters,
  classify,
  counterDeltas,
  type DossierAction,
  type DossierSnapshot,
  type DossierState,
  decide,
  dossierProcedureOf,
  dossierTimeFacts,
  endOfWorkingDay,
  foldVietnamese,
  formatDossierCode,
  type Holder,
  handoverStepOf,
  holderUnitOf,
  IMPORTED_EVENT_ACTION,
  keepsHolder,
  nationalStatusOf,
  needsDossierCode,
  needsHandover,
  receivingRefusal,
  stepUnitCodeOf,
  vietnamDateOf,
} from '@motcua/core';
import type { AgencyCalendar } from '../calendar/store.ts';
import { applicantIdHmacFor } from '../citizen-dossiers/identity-match.ts';
import type { AppContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { timeOrderedId } from '../db/time-ordered-id.ts';
import { HASH_VERSION, rowHash } from '../dossiers/audit-chain.ts';
import { procedureInForce } from '../dossiers/read-store.ts';
import { refusalProblem } from '../dossiers/service.ts';
import { onlineReceivingUnit } from '../dossiers/store.ts';
import { Problem } from '../http/problem.ts';
import type { ImportDossier } from './format.ts';
import { mapEvent, needsStep } from './mapping.ts';
import {
  allocateSequenceNumbers,
  type BulkCounter,
  type BulkDossier,
  type BulkEvent,
  type BulkHandover,
  type BulkUnit,
  bulkUnits,
  lockChainHead,
  setChainHead,
  writeBulk,
} from './store.ts';

/**
 * The bulk write path of the history import. Each dossier's dated events are replayed IN MEMORY
 * through core's rules, the same ones the live use cases run (`decide`, the transition table, the
 * deadline and timeliness rules on the agency's calendar, `counterDeltas`, and the record-keeping
 * rules of core/dossier/record-keeping.ts: holder, code, control sheet); what each command would
 * have written is gathered, then written per batch with one multi-row statement per table. The
 * hash chain is continued in memory from the agency's head with the chain's own row hash, the
 * counters are summed per group and day and upserted once per batch.
 */

export interface BulkMarker {
  previousCode: string | null;
  sourceDigest: string;
  sourceSystem: string | null;
  importedBy: { id: string; name: string } | null;
}

/** One dossier as replayed in memory: its rows, less the code (numbered when the batch is written). */
export interface PlannedDossier {
  dossier: Omit<BulkDossier, 'code' | 'searchText'> & { applicantName: string; procedureName: string };
  /** The day's sequence the code comes from, and whether the dossier had it from its first row. */
  code: { unitCode: string; day: string; at: Date; atCreation: boolean } | null;
  previousCode: string | null;
  events: Omit<BulkEvent, 'dossierId' | 'chainSeq' | 'prevHash' | 'hash'>[];
  handovers: BulkHandover[];
  counters: Map<string, BulkCounter>;
  counted: { open: string | null; overdue: string | null };
  state: DossierState;
  timeliness: ReturnType<typeof classify>;
}

/** A command the rules refused, as the per-dossier path reports it (`eventIndex` null: the receipt). */
export class PlanRefused extends Error {
  constructor(
    readonly problem: Problem,
    readonly eventIndex: number | null,
  ) {
    super(problem.code);
  }
}

const PREVIOUS_SYSTEM = 'Hệ thống một cửa trước đây';
const COMMAND_LINE = 'Dòng lệnh (npx motcua import-dossiers)';

type InForce = NonNullable<Awaited<ReturnType<typeof procedureInForce>>>;

/** What the replay reads once per import: procedures in force, units, the online receiving unit. */
export class BulkPlanner {
  private readonly procedures = new Map<string, InForce | null>();
  private constructor(
    private readonly ctx: AppContext,
    private readonly agencyId: string,
    private readonly calendar: AgencyCalendar,
    private readonly roles: readonly ActorRole[],
    private readonly units: Map<string, BulkUnit>,
    private readonly unitByCode: Map<string, string>,
    private readonly onlineUnitId: string,
  ) {}

  static async open(
    ctx: AppContext,
    tx: Queryable,
    agencyId: string,
    calendar: AgencyCalendar,
    roles: readonly ActorRole[],
  ): Promise<BulkPlanner> {
    const units = new Map((await bulkUnits(tx)).map((u) => [u.id, u]));
    const byCode = new Map([...units.values()].map((u) => [u.code, u.id]));
    const online = await onlineReceivingUnit(tx, agencyId);
    units.set(online.id, { ...units.get(online.id)!, ...online });
    return new BulkPlanner(ctx, agencyId, calendar, roles, units, byCode, online.id);
  }

  private async procedure(tx: Queryable, id: string): Promise<InForce> {
    if (!this.procedures.has(id)) this.procedures.set(id, await procedureInForce(tx, id));
    const p = this.procedures.get(id);
    if (!p) throw new Problem(422, 'procedure_not_in_force');
    return p;
  }

  /** Replays one dossier in memory; throws PlanRefused where the use cases would have refused. */
  async plan(
    tx: Queryable,
    input: {
      dossier: ImportDossier;
      procedureId: string;
      receivingUnitId: string | undefined;
      startedAt: Date;
      marker: BulkMarker;
    },
  ): Promise<PlannedDossier> {
    const { dossier, marker } = input;
    const { config, policy, supplementLimitDays } = this.calendar;
    const step = <T>(eventIndex: number | null, work: () => T): T => {
      try {
        return work();
      } catch (err) {
        if (err instanceof Problem) throw new PlanRefused(err, eventIndex);
        throw err;
      }
    };
    let procedure: InForce;
    try {
      procedure = await this.procedure(tx, input.procedureId);
    } catch (err) {
      throw err instanceof Problem ? new PlanRefused(err, null) : err;
    }
    const dossierProcedure = dossierProcedureOf(procedure.content);
    if (!dossierProcedure) throw new PlanRefused(new Problem(422, 'procedure_without_time'), null);
    let now = new Date(dossier.submittedAt ?? dossier.receivedAt);
    // Where it is received (service.ts receivingUnitFor, for an actor holding the counter role at
    // the file's unit and the applicant's online capacity).
    const receivingUnitId = step(null, () => {
      const today = vietnamDateOf(now);
      if (dossier.channel === 'online') {
        if (input.receivingUnitId && input.receivingUnitId !== this.onlineUnitId)
          throw new Problem(422, 'online_receiving_unit_only');
        const refusal = receivingRefusal(this.units.get(this.onlineUnitId)!, today);
        if (refusal) throw new Problem(422, refusal);
        return this.onlineUnitId;
      }
      if (!input.receivingUnitId) throw new Problem(403, 'forbidden');
      const unit = this.units.get(input.receivingUnitId);
      if (!unit) throw new Problem(422, 'unit_not_found');
      const refusal = receivingRefusal(unit, today);
      if (refusal) throw new Problem(422, refusal);
      return input.receivingUnitId;
    });
    const id = timeOrderedId();
    const applicantIdHmac = await applicantIdHmacFor(this.ctx, dossier.applicant);
    const receivingCode = this.units.get(receivingUnitId)!.code;
    const group = { unitId: receivingUnitId, fieldCode: procedure.fieldCode, channel: dossier.channel };
    const planned: PlannedDossier = {
      dossier: {
        id,
        agencyId: this.agencyId,
        procedureId: procedure.id,
        procedureVersionId: procedure.versionId,
        fieldCode: procedure.fieldCode,
        channel: dossier.channel,
        receivingUnitId,
        applicant: dossier.applicant,
        applicantIdHmac,
        applicantName: dossier.applicant.name,
        procedureName: procedure.content.name,
        createdAt: now,
      } as PlannedDossier['dossier'],
      code: null,
      previousCode: marker.previousCode,
      events: [],
      handovers: [],
      counters: new Map(),
      counted: { open: null, overdue: null },
      state: 'submitted',
      timeliness: 'in_time' as ReturnType<typeof classify>,
    };

    let snapshot: DossierSnapshot | null = null;
    let holder: Holder = { unitId: null, userId: null };
    let held: { open: string | null; overdue: string | null } | undefined;
    let hasCode = false;
    let version = 0;
    const roles = [...this.roles];
    // One command, as service.ts `commit` does it, without the database.
    const command = (eventIndex: number | null, action: DossierAction, commandInput: unknown, who?: string) =>
      step(eventIndex, () => {
        const decision = decide(
          snapshot,
          { action, actor: { id: 'system', roles, idHmac: undefined }, input: commandInput },
          {
            now,
            applicantIdHmac: snapshot ? applicantIdHmac : null,
            calendar: config,
            supplementLimitWorkingDays: supplementLimitDays,
            policy,
          },
        );
        if (!decision.ok) throw refusalProblem(decision);
        const next = decision.next;
        const code = stepUnitCodeOf(next);
        const currentUnitId = keepsHolder(snapshot, next)
          ? holder.unitId
          : holderUnitOf(next, {
              agencyId: this.agencyId,
              receivingUnitId,
              stepUnitId: code ? (this.unitByCode.get(code) ?? null) : null,
            });
        const assigneeId = next.step?.assigneeId ?? null;
        if (needsDossierCode(snapshot ? { code: hasCode ? 'x' : null } : null, next)) {
          planned.code = {
            unitCode: receivingCode,
            day: vietnamDateOf(now),
            at: now,
            atCreation: snapshot === null,
          };
          hasCode = true;
        }
        planned.events.push({
          id: timeOrderedId(),
          dossierSeq: planned.events.length + 1,
          at: now,
          actorId: null,
          actorName: who ?? PREVIOUS_SYSTEM,
          action: decision.event.action,
          fromState: decision.event.fromState,
          toState: decision.event.toState,
          payload: decision.event.payload,
        });
        const from = snapshot
          ? { unitId: holder.unitId, userId: holder.userId }
          : { unitId: receivingUnitId, userId: null };
        const to = { unitId: currentUnitId, userId: assigneeId };
        if (needsHandover(decision.event, snapshot === null, from, to)) {
          planned.handovers.push({
            id: timeOrderedId(),
            dossierId: id,
            seq: planned.handovers.length + 1,
            at: now,
            from,
            to,
            ...handoverStepOf(decision.event),
            note: decision.event.action,
          });
        }
        const counted = counterDeltas(
          snapshot,
          next,
          now,
          config,
          policy,
          held ?? (snapshot ? { open: null, overdue: null } : undefined),
        );
        const bump = (day: string, metric: string, delta: number) => {
          const key = `${day}\u0000${metric}`;
          const c = planned.counters.get(key);
          if (c) c.n += delta;
          else planned.counters.set(key, { ...group, day, metric, n: delta });
        };
        for (const d of counted.deltas) bump(d.day, d.metric, d.delta);
        for (const d of actionCounters(snapshot, next, now)) bump(d.day, d.metric, 1);
        held = counted.holds;
        snapshot = next;
        holder = to;
        version++;
      });

    // The previous system received it complete: every required document is ticked.
    const checklist = dossierProcedure.requiredDocuments.map((document) => ({ document, received: true }));
    if (dossier.channel === 'online') {
      command(null, 'submit_online', { procedure: dossierProcedure });
      now = new Date(dossier.receivedAt);
      command(null, 'receive', { checklist });
    } else {
      command(null, 'receive', {
        procedure: dossierProcedure,
        channel: dossier.channel,
        applicantId: null,
        checklist,
      });
    }
    for (const [eventIndex, event] of dossier.events.entries()) {
      now = new Date(event.at);
      const mapped = mapEvent(event, (date) => endOfWorkingDay(date, config));
      for (
        let guard = 0;
        guard < 60 && needsStep(mapped.advance, (snapshot as DossierSnapshot | null)!.state);
        guard++
      )
        command(eventIndex, 'forward_step', { note: 'Chuyển bước (dữ liệu chuyển đổi)' }, event.officer);
      command(eventIndex, mapped.command.action, mapped.command.input, event.officer);
    }

    const s = snapshot as unknown as DossierSnapshot;
    planned.events.push({
      id: timeOrderedId(),
      dossierSeq: planned.events.length + 1,
      at: input.startedAt,
      actorId: marker.importedBy?.id ?? null,
      actorName: marker.importedBy?.name ?? COMMAND_LINE,
      action: IMPORTED_EVENT_ACTION,
      fromState: s.state,
      toState: s.state,
      payload: {
        previousCode: marker.previousCode,
        sourceSystem: marker.sourceSystem,
        sourceDigest: marker.sourceDigest,
        events: dossier.events.length,
      },
    });
    const facts = dossierTimeFacts(s, config, policy);
    Object.assign(planned.dossier, {
      state: s.state,
      nationalStatus: nationalStatusOf(s.state).code,
      snapshot: s,
      currentUnitId: holder.unitId,
      assigneeId: holder.userId,
      version,
      updatedAt: now,
      overdueFrom: facts.overdueFrom,
      atRiskFrom: facts.atRiskFrom,
    });
    planned.counted = held ?? { open: null, overdue: null };
    planned.state = s.state;
    planned.timeliness = classify(s, s.endedAt ? new Date(s.endedAt) : input.startedAt, policy);
    return planned;
  }
}

/** Every code the batch's dossiers take, in file order, from their units' daily sequences. */
async function numberCodes(tx: Queryable, batch: readonly PlannedDossier[]): Promise<(string | null)[]> {
  const wanted = new Map<string, { unitCode: string; day: string; n: number }>();
  for (const p of batch) {
    if (!p.code) continue;
    const key = `${p.code.unitCode}\u0000${p.code.day}`;
    const w = wanted.get(key);
    if (w) w.n++;
    else wanted.set(key, { unitCode: p.code.unitCode, day: p.code.day, n: 1 });
  }
  const last = await allocateSequenceNumbers(tx, [...wanted.values()]);
  const next = new Map([...wanted].map(([key, w]) => [key, last.get(key)! - w.n]));
  return batch.map((p) => {
    if (!p.code) return null;
    const key = `${p.code.unitCode}\u0000${p.code.day}`;
    const n = next.get(key)! + 1;
    next.set(key, n);
    return formatDossierCode(p.code.unitCode, p.code.at, n);
  });
}

/**
 * Numbers the batch's codes and, unless `codesOnly` (a dry run), writes its rows: one statement
 * per table, the events chained from the agency's head. Returns the codes, in the batch's order.
 */
export async function writePlanned(
  tx: Queryable,
  agencyId: string,
  batch: readonly PlannedDossier[],
  codesOnly = false,
): Promise<(string | null)[]> {
  const codes = await numberCodes(tx, batch);
  if (codesOnly) return codes;
  const dossiers: BulkDossier[] = batch.map((p, i) => {
    const code = codes[i]!;
    const first = p.code?.atCreation ? code : null;
    const search = foldVietnamese(`${first ?? ''} ${p.dossier.applicantName} ${p.dossier.procedureName}`);
    return {
      ...p.dossier,
      code,
      searchText: p.previousCode ? `${search} ${foldVietnamese(p.previousCode)}` : search,
    };
  });
  const counters = new Map<string, BulkCounter>();
  for (const p of batch) {
    for (const c of p.counters.values()) {
      const key = `${c.unitId}\u0000${c.fieldCode}\u0000${c.channel}\u0000${c.day}\u0000${c.metric}`;
      const sum = counters.get(key);
      if (sum) sum.n += c.n;
      else counters.set(key, { ...c });
    }
  }
  // The agency's chain goes on from its head, each row hashed as audit-chain.ts `appendEvent` hashes it.
  const head = await lockChainHead(tx, agencyId);
  let prevHash = head.lastHash;
  let chainSeq = head.lastSeq;
  const events: BulkEvent[] = [];
  for (const p of batch) {
    for (const e of p.events) {
      chainSeq++;
      const payload = JSON.parse(JSON.stringify(e.payload ?? {}));
      const hash = rowHash(prevHash, {
        id: e.id,
        agency_id: agencyId,
        chain_seq: chainSeq,
        dossier_id: p.dossier.id,
        dossier_seq: e.dossierSeq,
        at: e.at,
        actor_id: e.actorId,
        actor_name: e.actorName,
        action: e.action,
        from_state: e.fromState,
        to_state: e.toState,
        payload,
        prev_hash: prevHash,
        hash_version: HASH_VERSION,
      });
      events.push({ ...e, dossierId: p.dossier.id, payload, chainSeq, prevHash, hash });
      prevHash = hash;
    }
  }
  await setChainHead(tx, agencyId, chainSeq, prevHash);
  await writeBulk(tx, agencyId, {
    dossiers,
    events,
    handovers: batch.flatMap((p) => p.handovers),
    counters: [...counters.values()],
    counted: batch.map((p) => ({ dossierId: p.dossier.id, ...p.counted })),
  });
  return codes;
}
