import { z } from 'zod';
import { CHANNELS } from '../dossier/snapshot.ts';

/** The answers of the dashboard routes, shared with the web (its types are z.infer of these). */

const count = z.number().int();
const rate = z.number().nullable();

const figures = {
  receivedTotal: count,
  receivedOnline: count,
  receivedDirect: count,
  resolvedTotal: count,
  resolvedEarly: count,
  resolvedOnTime: count,
  resolvedLate: count,
  pendingOverdue: count,
  onTimeRate: rate,
  onlineShare: rate,
};

export const groupFiguresSchema = z.strictObject({ key: z.string(), name: z.string(), ...figures });
export const groupTotalsSchema = z.strictObject(figures);

export const seriesPointSchema = z.strictObject({
  key: z.string(),
  from: z.string(),
  to: z.string(),
  receivedOnline: count,
  receivedDirect: count,
  resolvedEarly: count,
  resolvedOnTime: count,
  resolvedLate: count,
  resolvedTotal: count,
  onTimeRate: rate,
});

/** A dossier of the overdue or at-risk list: what a leader needs to open it, no applicant. */
export const dashboardDossierSchema = z.strictObject({
  id: z.uuid(),
  /** Null for an online submission not yet received (never in these lists). */
  code: z.string().nullable(),
  procedureName: z.string(),
  stateLabel: z.string(),
  currentUnit: z.string().nullable(),
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
});

const dossierList = z.strictObject({ total: count, items: z.array(dashboardDossierSchema) });

export const leaderDashboardResponse = z.strictObject({
  agency: z.strictObject({ id: z.uuid(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  granularity: z.enum(['month', 'week']),
  series: z.array(seriesPointSchema),
  totals: groupTotalsSchema,
  byField: z.array(groupFiguresSchema),
  byUnit: z.array(groupFiguresSchema),
  byChannel: z.array(z.strictObject({ channel: z.enum(CHANNELS), received: count, share: rate })),
  overdue: dossierList,
  atRisk: dossierList,
});
export type LeaderDashboard = z.infer<typeof leaderDashboardResponse>;

/** The public board: aggregates only (no dossier, no person), by agency and by field. */
export const publicBoardResponse = z.strictObject({
  year: count,
  from: z.string(),
  to: z.string(),
  totals: groupTotalsSchema,
  byAgency: z.array(groupFiguresSchema),
  byField: z.array(groupFiguresSchema),
});
export type PublicBoard = z.infer<typeof publicBoardResponse>;
