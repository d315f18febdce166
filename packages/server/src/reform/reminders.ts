import { dueReminders, REMIND_BEFORE_WORKING_DAYS, vietnamDateOf } from '@motcua/core';
import type { AppContext } from '../context.ts';
import { enqueue } from '../jobs/outbox.ts';
import { calendarOf } from './service.ts';
import { openTasksDueBy, unitHeads } from './store.ts';

/**
 * Writes the reminders that open reform tasks have due now into the notification outbox: one
 * before the deadline and one after it, to the assignee and the heads of the unit. Each has a
 * dedupe key (task, kind, deadline in force, recipient), so running this any number of times, in
 * any number of processes, writes each reminder once. Returns how many were written.
 */
export async function remindTasks(ctx: AppContext): Promise<number> {
  const now = ctx.now();
  // Any task due within the reminder window (counted generously in calendar days) may need one.
  const horizon = vietnamDateOf(new Date(now.getTime() + (REMIND_BEFORE_WORKING_DAYS + 30) * 86_400_000));
  return ctx.db.transaction(async (tx) => {
    let written = 0;
    const calendars = new Map<string, Awaited<ReturnType<typeof calendarOf>>>();
    for (const task of await openTasksDueBy(tx, horizon)) {
      if (!calendars.has(task.agencyId)) calendars.set(task.agencyId, await calendarOf(tx, task.agencyId));
      const cal = calendars.get(task.agencyId)!;
      const due = dueReminders(task, now, cal);
      if (due.length === 0) continue;
      const recipients = new Set([
        ...(task.assigneeId ? [task.assigneeId] : []),
        ...(await unitHeads(tx, task.unitId)),
      ]);
      for (const reminder of due) {
        for (const recipientId of recipients) {
          const wrote = await enqueue(
            tx,
            {
              agencyId: task.agencyId,
              kind: `reform.task.${reminder.kind}`,
              recipientId,
              dossierId: null,
              payload: { taskId: task.id, title: task.title, unitId: task.unitId, dueOn: task.dueOn },
              dedupeKey: `${reminder.dedupeKey}:${recipientId}`,
            },
            now,
          );
          if (wrote) written++;
        }
      }
    }
    return written;
  });
}

/** Runs the reminders every `intervalMs`; the returned function stops it. */
export function startTaskReminders(ctx: AppContext, intervalMs: number, onError: (err: unknown) => void) {
  const timer = setInterval(() => {
    remindTasks(ctx).catch(onError);
  }, intervalMs);
  timer.unref();
  return async () => clearInterval(timer);
}
