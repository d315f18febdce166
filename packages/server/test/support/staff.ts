import { expect } from 'vitest';
import { getUnitByCode } from '../../src/org/units.ts';
import { DEMO_FORMER_LABOUR_AGENCY_CODE } from '../../src/seed/organisation-data.ts';
import { createUser } from '../../src/users/users.ts';
import type { TestApp, TestClient } from './app.ts';

/**
 * Demo staff signed in by username, for suites whose clock moves: moving it ends the sessions, so
 * `clockTo` signs everyone in again. `t` is read when called, as suites start their app in
 * `beforeAll`.
 */
export function staffClients(t: () => TestApp, users: readonly string[], prefix: string) {
  const c: Record<string, TestClient> = {};
  const signInAll = async () => {
    for (const who of users) {
      c[who] = t().client();
      const res = await c[who]!.login(who);
      expect(res.statusCode, res.body).toBe(200);
    }
  };
  /** Moves the clock to a Vietnamese local time ("2027-03-01T08:00"); sessions are then opened again. */
  const clockTo = async (local: string) => {
    t().advance(Date.parse(`${local}:00+07:00`) - t().ctx.now().getTime());
    await signInAll();
  };
  /** A request by one of the users to a route under `prefix`. */
  const json = (
    who: string,
    method: string,
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    c[who]!.request({
      method: method as 'GET',
      url: `${prefix}${url}`,
      payload: payload as object,
      headers,
    });
  return { c, signInAll, clockTo, json };
}

/** A leader of another agency (the former labour department), signed in: one who may not see the office's figures. */
export async function otherAgencyLeader(t: TestApp): Promise<TestClient> {
  const formerAgency = (await getUnitByCode(t.db, DEMO_FORMER_LABOUR_AGENCY_CODE))!;
  await createUser(t.db, {
    username: 'lanhdao.khac',
    fullName: 'Trần Văn Khác',
    password: 'Motcua@2025!demo',
    mustChangePassword: false,
    roles: [{ role: 'leader', unitId: formerAgency.id }],
  });
  const outsider = t.client();
  expect((await outsider.login('lanhdao.khac', 'Motcua@2025!demo')).statusCode).toBe(200);
  return outsider;
}
