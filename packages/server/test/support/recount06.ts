import { classify, type DossierSnapshot, FORM06_COLUMNS } from '@motcua/core';

/**
 * Biểu số 06 recounted from the dossiers themselves, deliberately plain: for each dossier,
 * `classify` at the period's last instant and the dates of its snapshot. Tests compare the report
 * from counters with it.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The report's columns, in core's order (only their names are shared; the counting here is the test's own). */
export const NUMBERS = FORM06_COLUMNS;
export type Numbers = Record<(typeof NUMBERS)[number], number>;

export function recount(
  dossiers: { field: string; channel: string; snapshot: DossierSnapshot }[],
  from: string,
  to: string,
): Record<string, Numbers> {
  const start = Date.parse(`${from}T00:00:00+07:00`);
  const end = Date.parse(`${to}T00:00:00+07:00`) + DAY - 1;
  const out: Record<string, Numbers> = {};
  for (const { field, channel, snapshot: d } of dossiers) {
    if (!d.receivedAt) continue;
    out[field] ??= Object.fromEntries(NUMBERS.map((n) => [n, 0])) as Numbers;
    const row = out[field];
    const received = Date.parse(d.receivedAt);
    const ended = d.endedAt ? Date.parse(d.endedAt) : Number.POSITIVE_INFINITY;
    if (received < start && ended >= start) row.carriedOver++;
    if (received >= start && received <= end) {
      if (channel === 'online') row.receivedOnline++;
      else row.receivedDirect++;
    }
    if (ended >= start && ended <= end) {
      if (d.outcome === 'refused' || d.endKind === 'refused') row.refused++;
      else if (d.endKind === 'withdrawn') row.withdrawn++;
      else if (d.endKind === 'stopped') row.stopped++;
      else {
        const t = classify(d, new Date(ended));
        if (t === 'early') row.resolvedEarly++;
        else if (t === 'late') row.resolvedLate++;
        else row.resolvedOnTime++;
      }
    }
    if (received <= end && ended > end) {
      if (classify(d, new Date(end)) === 'overdue') row.pendingOverdue++;
      else row.pendingInTime++;
    }
  }
  for (const row of Object.values(out)) {
    row.receivedTotal = row.receivedOnline + row.receivedDirect + row.carriedOver;
    row.resolvedTotal = row.resolvedEarly + row.resolvedOnTime + row.resolvedLate;
    row.pendingTotal = row.pendingInTime + row.pendingOverdue;
  }
  for (const [field, row] of Object.entries(out)) if (NUMBERS.every((n) => row[n] === 0)) delete out[field];
  return out;
}
