import { expect } from 'vitest';
import { getUnitByCode } from '../../src/org/units.ts';
import { DEMO_FORMER_LABOUR_AGENCY_CODE } from '../../src/seed/organisation-data.ts';
import { createUser } from '../../src/users/users.ts';
import type { TestApp, TestClient } from './app.ts';

/**
 * Demo accounts (staff or the demo citizen) signed in by username, each with a client of its own,
 * into `into` (a suite's `c`) when given; a sign-in that fails stops the suite there.
 */
export async function signIn(
  t: TestApp,
  users: readonly string[],
  into: Record<string, TestClient> = {},
): Promise<Record<string, TestClient>> {
  for (const who of users) {
    into[who] = t.client();
    const res = await into[who]!.login(who);
    expect(res.statusCode, `${who}: ${res.body}`).toBe(200);
  }
  return into;
}

/** The demo catalogue's work-permit procedure (Cấp giấy phép lao động), as the public API gives it. */
export async function workPermitProcedure(t: TestApp) {
  const list = (await t.app.inject({ url: '/api/v1/procedures?q=cap%20giay%20phep%20lao%20dong' })).json();
  const permit = list.items.find((i: { name: string }) => i.name.startsWith('Cấp giấy phép lao động'));
  return (await t.app.inject({ url: `/api/v1/procedures/${permit.id}` })).json();
}

/**
 * A counter officer receives a dossier of `procedure` (as `workPermitProcedure` gives it) for an
 * applicant (a name, or the applicant's fields), every listed document ticked as received; the
 * answer is the 201 response.
 */
export async function receiveAtCounter(
  officer: TestClient,
  procedure: { id: string; documents: { name: string }[] },
  applicant: string | { name: string; [field: string]: unknown },
) {
  const res = await officer.request({
    method: 'POST',
    url: '/api/v1/dossiers',
    payload: {
      procedureId: procedure.id,
      channel: 'counter',
      applicant: typeof applicant === 'string' ? { name: applicant } : applicant,
      checklist: procedure.documents.map((d) => ({ document: d.name, received: true })),
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res;
}

/**
 * Demo staff signed in by username, for suites whose clock moves: moving it ends the sessions, so
 * `clockTo` signs everyone in again. `t` is read when called, as suites start their app in
 * `beforeAll`.
 */
export function staffClients(t: () => TestApp, users: readonly string[], prefix: string) {
  const c: Record<string, TestClient> = {};
  const signInAll = () => signIn(t(), users, c);
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
