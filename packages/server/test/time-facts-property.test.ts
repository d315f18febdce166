/**
 * The queue's `overdue` and `atRisk` filters are SQL over the columns the store writes with every
 * change (overdue_from, at_risk_from); core's classify and atRisk are the rule. Over random histories
 * played through the engine (decide) and written by the store, at random instants, the filters
 * return exactly the dossiers core says are overdue / at risk, on both readings of Decision 766.
 */
import { randomUUID } from 'node:crypto';
import {
  atRisk,
  availableActions,
  classify,
  DOSSIER_ACTIONS,
  type DossierAction,
  type DossierActor,
  type DossierProcedure,
  type DossierSnapshot,
  decide,
  nationalStatusOf,
  SYSTEM_ACTOR,
  TRANSITIONS,
} from '@motcua/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AgencyCalendar, loadCalendar, saveSettings } from '../src/calendar/store.ts';
import type { Database } from '../src/db/database.ts';
import { listDossiers } from '../src/dossiers/list.ts';
import { insertDossier, updateDossier } from '../src/dossiers/store.ts';
import { openTestDatabase } from './support/databases.ts';

const PROCEDURE: DossierProcedure = {
  code: '1.001653',
  processingTime: { value: 3, unit: 'working_days' },
  steps: [
    { name: 'Tiếp nhận hồ sơ', role: 'counter_officer', hours: 4 },
    { name: 'Thẩm định hồ sơ', role: 'specialist', hours: 12 },
    { name: 'Xem xét, trình ký', role: 'head_of_unit', hours: 4 },
    { name: 'Ký duyệt', role: 'leader', hours: 2 },
    { name: 'Trả kết quả', role: 'counter_officer', hours: 2 },
  ],
  requiredDocuments: ['Tờ khai đề nghị'],
};
const PROCEDURES: DossierProcedure[] = [
  PROCEDURE,
  { ...PROCEDURE, processingTime: { value: 8, unit: 'working_hours' } },
  { ...PROCEDURE, processingTime: { value: 1, unit: 'working_days' }, steps: [] },
];
const ACTORS: DossierActor[] = [
  { id: 'citizen-1', roles: ['citizen'] },
  { id: 'counter-1', roles: ['counter_officer'] },
  { id: 'specialist-1', roles: ['specialist'] },
  { id: 'head-1', roles: ['head_of_unit'] },
  { id: 'leader-1', roles: ['leader'] },
  SYSTEM_ACTOR,
];
const ROLES = [...new Set(ACTORS.flatMap((a) => a.roles))];
/** Actions that move a dossier on, favoured so that histories get past reception. */
const MOVING_ON: readonly DossierAction[] = [
  'receive',
  'forward_step',
  'approve',
  'receive_supplement',
  'confirm_payment',
  'receive_inter_agency',
];

function inputFor(action: DossierAction, procedure: DossierProcedure, now: Date, days: number): unknown {
  switch (action) {
    case 'submit_online':
      return { procedure };
    case 'receive':
      return {
        procedure,
        channel: 'counter',
        applicantId: null,
        checklist: [{ document: 'Tờ khai đề nghị', received: true }],
      };
    case 'refuse':
      return { procedure, channel: 'counter', reason: 'Sai thẩm quyền' };
    case 'request_supplement':
      return { items: [{ description: 'Giấy tờ', reason: 'Thiếu' }] };
    case 'receive_supplement':
      return { documents: ['Giấy tờ'] };
    case 'request_payment':
      return { items: [{ name: 'Lệ phí', amountVnd: 50000 }] };
    case 'send_inter_agency':
      return { agency: 'Sở Tài chính' };
    case 'approve':
      return { outcome: 'granted' };
    case 'return_result':
      return { channel: 'counter' };
    case 'extend':
      return { reason: 'Chậm', newDueAt: new Date(now.getTime() + days * 86_400_000).toISOString() };
    case 'assign':
      return { assigneeId: 'specialist-1' };
    default:
      return { reason: 'Lý do' };
  }
}

const stepArb = fc.record({
  hours: fc.integer({ min: 0, max: 60 }),
  movingOn: fc.boolean(),
  pick: fc.nat(),
  days: fc.integer({ min: 1, max: 10 }),
});
const historyArb = fc.record({
  start: fc.integer({ min: 0, max: 40 * 24 }),
  procedure: fc.constantFrom(...PROCEDURES),
  online: fc.boolean(),
  steps: fc.array(stepArb, { minLength: 0, maxLength: 14 }),
});
type History = typeof historyArb extends fc.Arbitrary<infer T> ? T : never;

/** The snapshots one history goes through, each accepted command in turn. */
function play(h: History, calendar: AgencyCalendar): DossierSnapshot[] {
  let now = new Date(Date.parse('2026-03-02T01:00:00Z') + h.start * 3_600_000);
  const ctx = () => ({
    now,
    calendar: calendar.config,
    supplementLimitWorkingDays: calendar.supplementLimitDays,
    policy: calendar.policy,
  });
  const first = h.online ? 'submit_online' : 'receive';
  const actor = ACTORS.find((a) =>
    TRANSITIONS.some((t) => t.action === first && t.roles.includes(a.roles[0]!)),
  )!;
  const created = decide(null, { action: first, actor, input: inputFor(first, h.procedure, now, 1) }, ctx());
  if (!created.ok) throw new Error(created.message.en);
  const snapshots = [created.next];
  for (const s of h.steps) {
    const d = snapshots.at(-1)!;
    now = new Date(now.getTime() + s.hours * 3_600_000);
    const available = availableActions(d.state, ROLES);
    const moving = available.filter((a) => MOVING_ON.includes(a));
    const choices =
      s.movingOn && moving.length > 0 ? moving : available.length > 0 ? available : DOSSIER_ACTIONS;
    const action = choices[s.pick % choices.length]!;
    for (const a of ACTORS.filter((x) =>
      TRANSITIONS.some((t) => t.action === action && t.roles.includes(x.roles[0]!)),
    )) {
      const r = decide(d, { action, actor: a, input: inputFor(action, h.procedure, now, s.days) }, ctx());
      if (r.ok) {
        snapshots.push(r.next);
        break;
      }
    }
  }
  return snapshots;
}

describe('the queue filters equal core, over random histories (PGlite)', () => {
  let db: Database;
  const agencies: { id: string; calendar: AgencyCalendar }[] = [];
  let procedureId = '';
  let versionId = '';

  beforeAll(async () => {
    db = await openTestDatabase('pglite');
    await db.query("INSERT INTO field (code, name) VALUES ('viec-lam', 'Việc làm')");
    for (const [code, endComparison] of [
      ['H57.01', 'day'],
      ['H57.02', 'instant'],
    ] as const) {
      const id = randomUUID();
      await db.query(
        `INSERT INTO org_unit (id, kind, code, name, effective_from) VALUES ($1, 'agency', $2, $3, '2020-01-01')`,
        [id, code, `Sở ${code}`],
      );
      await saveSettings(
        db,
        id,
        {
          weeklyDaysOff: ['saturday', 'sunday'],
          workingPeriods: [
            { start: '07:30', end: '11:30' },
            { start: '13:30', end: '17:00' },
          ],
          afternoonCutoff: '15:00',
          supplementLimitDays: 15,
          endComparison,
          extensionNotice: 'date',
        },
        null,
        new Date(),
      );
      agencies.push({ id, calendar: await loadCalendar(db, id) });
    }
    procedureId = randomUUID();
    versionId = randomUUID();
    await db.query(
      `INSERT INTO procedure (id, agency_id, code, status, name, field_code, online_level, search_text)
       VALUES ($1, $2, '1.001653', 'in_force', 'Cấp giấy phép lao động', 'viec-lam', 'none', '')`,
      [procedureId, agencies[0]!.id],
    );
    await db.query(
      `INSERT INTO procedure_version (id, procedure_id, agency_id, version, state, content)
       VALUES ($1, $2, $3, 1, 'published', '{}')`,
      [versionId, procedureId, agencies[0]!.id],
    );
  });
  afterAll(() => db.close());

  it('overdue=true and atRisk return exactly what classify and atRisk say, at random instants', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(historyArb, fc.nat({ max: 1 })), { minLength: 8, maxLength: 14 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 10 * 24 * 60 })), {
          minLength: 6,
          maxLength: 6,
        }),
        async (histories, instants) => {
          const written: { id: string; agency: (typeof agencies)[number]; last: DossierSnapshot }[] = [];
          await db.transaction(async (tx) => {
            for (const [h, which] of histories) {
              const agency = agencies[which]!;
              const snapshots = play(h, agency.calendar);
              const id = randomUUID();
              for (const [i, s] of snapshots.entries()) {
                const w = {
                  state: s.state,
                  nationalStatus: nationalStatusOf(s.state).code,
                  snapshot: s,
                  currentUnitId: agency.id,
                  assigneeId: null,
                  now: new Date(s.updatedAt),
                };
                if (i === 0) {
                  await insertDossier(
                    tx,
                    {
                      id,
                      agencyId: agency.id,
                      code: null,
                      applicantCitizenId: null,
                      procedureId,
                      procedureVersionId: versionId,
                      fieldCode: 'viec-lam',
                      channel: s.channel,
                      receivingUnitId: agency.id,
                      applicant: { name: 'Nguyễn Văn An' },
                      searchText: '',
                    },
                    w,
                  );
                } else expect(await updateDossier(tx, id, i, w)).not.toBeNull();
              }
              written.push({ id, agency, last: snapshots.at(-1)! });
            }
          });
          for (const [pick, minutes] of instants) {
            // A row says what holds from its last change on: ask at an instant after one of them.
            const base = written[pick % written.length]!.last;
            const now = new Date(Date.parse(base.updatedAt) + minutes * 60_000);
            const asked = written.filter((w) => Date.parse(w.last.updatedAt) <= now.getTime());
            const ids = new Set(asked.map((w) => w.id));
            const query = async (filter: { overdue?: boolean; atRisk?: boolean }) =>
              (
                await listDossiers(db, {
                  scope: agencies.map((a) => a.id),
                  sort: 'due',
                  page: 1,
                  pageSize: 1000,
                  now,
                  locale: 'vi',
                  ...filter,
                })
              ).items
                .map((i) => i.id)
                .filter((id) => ids.has(id))
                .sort();
            const expected = (rule: (w: (typeof asked)[number]) => boolean) =>
              asked
                .filter(rule)
                .map((w) => w.id)
                .sort();
            expect(await query({ overdue: true }), `overdue at ${now.toISOString()}`).toEqual(
              expected((w) => classify(w.last, now, w.agency.calendar.policy) === 'overdue'),
            );
            expect(await query({ atRisk: true }), `at risk at ${now.toISOString()}`).toEqual(
              expected((w) => atRisk(w.last, now, w.agency.calendar.config, w.agency.calendar.policy)),
            );
          }
        },
      ),
      { numRuns: 12 },
    );
  }, 60_000);
});
