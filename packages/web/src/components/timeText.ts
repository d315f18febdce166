import type { DossierTime, WorkingTime } from '@motcua/core';
import type { Messages } from '../i18n/vi.ts';

/**
 * The words for a dossier's time, from what the server sent (core's read model): no calendar
 * arithmetic here, only the choice of sentence. "Còn 2 ngày 3 giờ làm việc", "Quá hạn 4 ngày làm
 * việc", "Tạm dừng: chờ bổ sung".
 */

export type DueTone = 'ok' | 'warning' | 'danger' | 'paused' | 'neutral' | 'done' | 'late';

const amountOf = (w: WorkingTime, t: Messages) => t.timeLeft.amount(w.days, w.hours, w.minutes);

/** The words, the tone (a colour) and an icon: never the colour alone. */
export function describeTime(
  time: DossierTime,
  state: string,
  t: Messages,
  formatDay: (iso: string) => string,
): { text: string; tone: DueTone; icon: string } {
  const overdue = time.timeliness === 'overdue';
  switch (time.clock) {
    case 'ended': {
      const label = time.timeliness ? (t.dossier.timelinessLabel[time.timeliness] ?? '') : '';
      const late = time.timeliness === 'late';
      const finished = state === 'result_ready' || state === 'returned';
      const text = label ? (finished ? t.timeLeft.finished(label) : t.timeLeft.ended(label)) : '';
      return { text, tone: late ? 'late' : 'done', icon: late ? '✕' : '✓' };
    }
    case 'none':
      return { text: t.timeLeft.noDue, tone: 'neutral', icon: '–' };
    case 'awaiting_acceptance': {
      const a = time.acceptance;
      if (!a) return { text: t.timeLeft.noDue, tone: 'neutral', icon: '–' };
      return a.overdue
        ? { text: t.timeLeft.acceptanceOverdue(formatDay(a.dueAt)), tone: 'danger', icon: '!' }
        : { text: t.timeLeft.acceptBy(formatDay(a.dueAt)), tone: 'ok', icon: '◷' };
    }
    case 'stopped': {
      const p = time.pause;
      const reason =
        p?.kind === 'supplement'
          ? p.limitAt
            ? t.timeLeft.supplementUntil(formatDay(p.limitAt))
            : t.timeLeft.supplement
          : t.timeLeft.payment;
      return overdue
        ? { text: t.timeLeft.overduePaused(reason), tone: 'danger', icon: '!' }
        : { text: t.timeLeft.paused(reason), tone: 'paused', icon: '‖' };
    }
    case 'running': {
      const r = time.remaining;
      let text: string;
      let tone: DueTone;
      let icon: string;
      if (!r) [text, tone, icon] = [t.timeLeft.noDue, 'neutral', '–'];
      else if (overdue) [text, tone, icon] = [t.timeLeft.overdue(amountOf(r, t)), 'danger', '!'];
      else if (r.workingMinutes < 0)
        [text, tone, icon] = [t.timeLeft.dueTodayPast(amountOf(r, t)), 'warning', '⚠'];
      else if (time.atRisk) [text, tone, icon] = [t.timeLeft.left(amountOf(r, t)), 'warning', '⚠'];
      else [text, tone, icon] = [t.timeLeft.left(amountOf(r, t)), 'ok', '◷'];
      const notes = [
        time.pause?.kind === 'inter_agency' ? t.timeLeft.interAgency : '',
        time.withdrawalRequestedAt ? t.timeLeft.withdrawal(formatDay(time.withdrawalRequestedAt)) : '',
      ].filter(Boolean);
      return { text: notes.length ? `${text} (${notes.join('; ')})` : text, tone, icon };
    }
  }
}
