import { acceptanceOverdue, atRisk, classify, type DossierSnapshot } from '@motcua/core';
import { loadCalendar } from '../calendar/store.ts';
import type { AppContext } from '../context.ts';
import { performAction, SYSTEM } from '../dossiers/service.ts';
import { Problem } from '../http/problem.ts';
import { enqueue } from './outbox.ts';

export interface SweepResult {
  checked: number;
  atRisk: number;
  overdue: number;
  closed: number;
}

/**
 * The deadline sweep (DOMAIN.md §3): marks open dossiers due within one working day as at risk and
 * those past due as overdue, notifies the assignee and the head of the unit through the outbox,
 * and closes dossiers whose supplement never came within the limit.
 *
 * Any number of server processes may run it at once: each batch is claimed with
 * FOR UPDATE SKIP LOCKED, and a notification's dedupe key makes it happen once whoever raises it.
 * It goes one agency at a time: the dossier table is distributed by agency, and a locking statement
 * names one.
 */
export async function sweepDeadlines(
  ctx: AppContext,
  options: { batchSize?: number } = {},
): Promise<SweepResult> {
  const batchSize = options.batchSize ?? 100;
  const passStart = ctx.now();
  const result: SweepResult = { checked: 0, atRisk: 0, overdue: 0, closed: 0 };
  const agencies = await ctx.db.query<{ id: string }>(
    "SELECT id FROM org_unit WHERE kind = 'agency' ORDER BY id",
  );
  for (const { id: agencyId } of agencies) await sweepAgency(ctx, agencyId, passStart, batchSize, result);
  return result;
}

async function sweepAgency(
  ctx: AppContext,
  agencyId: string,
  passStart: Date,
  batchSize: number,
  result: SweepResult,
): Promise<void> {
  for (;;) {
    const done = await ctx.db.transaction(async (tx) => {
      const rows = await tx.query<{
        id: string;
        agency_id: string;
        current_unit_id: string | null;
        assignee_id: string | null;
        snapshot: DossierSnapshot;
        risk: string | null;
        version: number;
        code: string | null;
      }>(
        `SELECT id, agency_id, current_unit_id, assignee_id, snapshot, risk, version, code FROM dossier
          WHERE agency_id = $3 AND ended_at IS NULL AND (received_at IS NOT NULL OR state = 'submitted')
            AND (swept_at IS NULL OR swept_at < $1)
          ORDER BY due_at NULLS LAST, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [passStart, batchSize, agencyId],
      );
      for (const row of rows) {
        const now = ctx.now();
        result.checked++;
        const calendar = await loadCalendar(tx, row.agency_id);
        const s = row.snapshot;
        const supplement = s.pauses.find((p) => p.kind === 'supplement' && p.endedAt === null);
        if (s.state === 'awaiting_supplement' && supplement?.limitAt && new Date(supplement.limitAt) < now) {
          try {
            await performAction(
              ctx,
              tx,
              { dossierId: row.id, action: 'close_unsupplemented', expectedVersion: row.version, input: {} },
              SYSTEM,
            );
            result.closed++;
            continue;
          } catch (err) {
            if (!(err instanceof Problem)) throw err;
          }
        }
        // An online submission must be accepted or sent back within 8 working hours (Decree 45/2020).
        let risk: 'overdue' | 'at_risk' | null = null;
        if (s.state === 'submitted') risk = acceptanceOverdue(s, now) ? 'overdue' : null;
        else if (classify(s, now, calendar.policy) === 'overdue') risk = 'overdue';
        else if (atRisk(s, now, calendar.config, calendar.policy)) risk = 'at_risk';
        await tx.query('UPDATE dossier SET risk = $2, swept_at = $3 WHERE agency_id = $4 AND id = $1', [
          row.id,
          risk,
          now,
          row.agency_id,
        ]);
        if (risk === 'overdue') result.overdue++;
        if (risk === 'at_risk') result.atRisk++;
        if (risk && risk !== row.risk) {
          // The head of the unit holding it; for a submission not yet accepted, the counter officers.
          const role = s.state === 'submitted' ? 'counter_officer' : 'head_of_unit';
          const heads = row.current_unit_id
            ? await tx.query<{ user_id: string }>(
                'SELECT DISTINCT user_id FROM user_role WHERE role = $2 AND unit_id = $1',
                [row.current_unit_id, role],
              )
            : [];
          const recipients = new Set(
            [row.assignee_id, ...heads.map((h) => h.user_id)].filter((x): x is string => !!x),
          );
          for (const recipient of recipients) {
            await enqueue(
              tx,
              {
                agencyId: row.agency_id,
                kind: `dossier.${risk}`,
                recipientId: recipient,
                dossierId: row.id,
                payload: { code: row.code, dueAt: s.dueAt },
                dedupeKey: `${row.id}:${risk}:${s.dueAt}:${recipient}`,
              },
              now,
            );
          }
        }
      }
      return rows.length < batchSize;
    });
    if (done) return;
  }
}

/** Runs the sweep every `intervalMs` until stopped; a failed pass is logged and retried next time. */
export function startDeadlineSweep(
  ctx: AppContext,
  intervalMs: number,
  log: (err: unknown) => void,
): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = sweepDeadlines(ctx).catch(log);
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
