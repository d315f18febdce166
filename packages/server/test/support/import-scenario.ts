import { expect } from 'vitest';
import { getUnitByCode } from '../../src/org/units.ts';
import { DEMO_AGENCY_CODE } from '../../src/seed/organisation-data.ts';
import { startTestApp, type TestApp, type TestClient } from './app.ts';
import type { Engine } from './databases.ts';
import { dossierEntry, historyFile } from './history-file.ts';

/**
 * The statistics tests that read a history written by hand (report06-import, report06-edge,
 * index766-edge): dossiers of the work-permit procedure (1.014199, ten working days) in 2026, imported
 * through the real history import, then read as the agency's leader.
 */

/** An instant of 2026 in Vietnam time: `at('03-31', '23:30')`. */
export const at = (date: string, time = '09:00') => `2026-${date}T${time}:00+07:00`;

/** A dossier received at the service centre's counter at `received`, then `events`. */
export const counter = (
  code: string,
  received: string,
  events: unknown[],
  extra: Record<string, unknown> = {},
) => dossierEntry(code, events, { receivedAt: received, ...extra });

/** The decision on `date` (10:00 unless told): granted, or refused with a reason. */
export const processed = (date: string, time = '10:00', outcome = 'granted') => ({
  type: 'processed',
  at: at(date, time),
  outcome,
  ...(outcome === 'refused' ? { reason: 'Không đáp ứng điều kiện về trình độ' } : {}),
});

export interface ImportedScenario {
  t: TestApp;
  /** The demo agency's id. */
  agencyId: string;
  /** Signed in as the administrator who imported the history. */
  admin: TestClient;
  /** Signed in as the agency's leader, who reads the reports. */
  leader: TestClient;
  /** Motcua code → the previous system's code, of every dossier imported. */
  previous: Map<string, string>;
}

/**
 * Starts the app on `engine`, imports `dossiers` as the administrator (all of them, without a
 * problem) and signs the leader in. The caller closes `t`.
 */
export async function importScenario(engine: Engine, dossiers: unknown[]): Promise<ImportedScenario> {
  const t = await startTestApp(engine, { env: { LOGIN_RATE_PER_MINUTE: '1000' } });
  const agencyId = (await getUnitByCode(t.db, DEMO_AGENCY_CODE))!.id;
  const admin = t.client();
  expect((await admin.login('admin')).statusCode).toBe(200);
  const res = await admin.request({
    method: 'POST',
    url: '/api/v1/admin/import/dossiers',
    payload: historyFile(dossiers),
  });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json()).toMatchObject({ imported: dossiers.length, problems: [] });
  const previous = new Map<string, string>();
  for (const d of res.json().dossiers) previous.set(d.code, d.previousCode);
  const leader = t.client();
  expect((await leader.login('lanhdao')).statusCode).toBe(200);
  return { t, agencyId, admin, leader, previous };
}
