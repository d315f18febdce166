import {
  addWorkingHours,
  type CalendarConfig,
  type DossierAction,
  isWorkingDay,
  type ProcedureContent,
  startOfWorkingDay,
  vietnamDateOf,
} from '@motcua/core';
import { loadCalendar } from '../calendar/store.ts';
import type { AppContext } from '../context.ts';
import type { Queryable } from '../db/database.ts';
import { type Actor, createDossier, performAction } from '../dossiers/service.ts';
import { loadDossier } from '../dossiers/store.ts';
import { Problem } from '../http/problem.ts';
import { sweepDeadlines } from '../jobs/deadline-sweep.ts';
import { DEMO_SERVICE_CENTRE_CODE } from './organisation-data.ts';

/**
 * A working office for the demo: a few hundred dossiers received over the past months and taken
 * through the engine itself (same rules, same history, same counters), ending in every state a
 * newcomer should see: early, on time, late, waiting for a supplement, refused, withdrawn,
 * in progress, overdue. Randomness is seeded, so every first start looks the same relative to today.
 */

type Fate =
  | 'early'
  | 'on_time'
  | 'late'
  | 'supplement'
  | 'waiting_supplement'
  | 'refused'
  | 'withdrawn'
  | 'open';

const FATES: [Fate, number][] = [
  ['early', 52],
  ['on_time', 9],
  ['late', 8],
  ['supplement', 9],
  ['waiting_supplement', 4],
  ['refused', 4],
  ['withdrawn', 3],
  ['open', 11],
];

/** Mulberry32: a small seeded generator, so the demo is the same on every machine. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thanh', 'Ngọc', 'Quốc', 'Hoàng', 'Thu', 'Đức', 'Hữu'];
const GIVEN = [
  'An',
  'Bình',
  'Châu',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Khoa',
  'Lan',
  'Long',
  'Mai',
  'Nam',
  'Phúc',
  'Quân',
  'Thảo',
  'Trang',
  'Tuấn',
  'Vy',
  'Yến',
];
const COMPANIES = [
  'Công ty TNHH Điện tử Sao Việt',
  'Công ty Cổ phần May mặc Phương Nam',
  'Công ty TNHH Cơ khí Chính xác Tân Phú',
  'Công ty TNHH Phần mềm Bến Thành',
  'Công ty Cổ phần Xây dựng Thủ Đức',
  'Công ty TNHH Thực phẩm Gia Định',
];

interface DemoActors {
  counter: Actor;
  specialist: Actor;
  head: Actor;
  leader: Actor;
}

async function actorFor(db: Queryable, username: string): Promise<Actor> {
  const [user] = await db.query<{ id: string; full_name: string }>(
    'SELECT id, full_name FROM app_user WHERE username = $1',
    [username],
  );
  if (!user) throw new Error(`demo user ${username} missing`);
  const grants = await db.query<{ role: Actor['grants'][number]['role']; unit_id: string }>(
    'SELECT role, unit_id FROM user_role WHERE user_id = $1',
    [user.id],
  );
  return {
    userId: user.id,
    name: user.full_name,
    grants: grants.map((g) => ({ role: g.role, unitId: g.unit_id })),
  };
}

/** A working instant `hours` of working time after `from`. */
const after = (from: Date, hours: number, cal: CalendarConfig) => addWorkingHours(from, hours, cal);

export interface DemoOfficeResult {
  dossiers: number;
  byFate: Record<string, number>;
}

export async function seedDemoOffice(
  ctx: AppContext,
  options: { count?: number; days?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<DemoOfficeResult> {
  const count = options.count ?? 300;
  const days = options.days ?? 120;
  const rand = random(20260305);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const db = ctx.db;
  const actors: DemoActors = {
    counter: await actorFor(db, 'tiepnhan'),
    specialist: await actorFor(db, 'chuyenvien'),
    head: await actorFor(db, 'truongphong'),
    leader: await actorFor(db, 'lanhdao'),
  };
  // Procedures the demo department handles, with a confirmed processing time.
  const procedures = (
    await db.query<{ id: string; content: ProcedureContent; agency_id: string }>(
      `SELECT p.id, v.content, p.agency_id FROM procedure p JOIN procedure_version v ON v.id = p.current_version_id
        WHERE p.status IN ('in_force', 'amended') AND v.content->'steps' @> '[{"unitCode": "SNV.VLATLD"}]'
          AND v.content->'processingTime'->>'value' IS NOT NULL ORDER BY p.code`,
    )
  ).filter((p) => p.content.steps.length > 0);
  if (procedures.length === 0) return { dossiers: 0, byFate: {} };
  const [centre] = await db.query<{ id: string }>('SELECT id FROM org_unit WHERE code = $1', [
    DEMO_SERVICE_CENTRE_CODE,
  ]);
  const cal = (await loadCalendar(db, procedures[0]!.agency_id)).config;
  const realNow = ctx.now();

  // Receipt instants: working days over the period, office hours, in order (codes follow time).
  const receipts: Date[] = [];
  while (receipts.length < count) {
    const day = new Date(realNow.getTime() - Math.floor(rand() * days + 1) * 86_400_000);
    if (!isWorkingDay(day, cal)) continue;
    const start = startOfWorkingDay(vietnamDateOf(day), cal);
    receipts.push(after(start, rand() * 6.5, cal));
  }
  receipts.sort((a, b) => a.getTime() - b.getTime());

  const weights = FATES.reduce((n, [, w]) => n + w, 0);
  const fateOf = (receivedAt: Date): Fate => {
    let roll = rand() * weights;
    for (const [fate, w] of FATES) {
      roll -= w;
      if (roll < 0) {
        // Long-past dossiers are finished; "open" ones older than their deadline become overdue.
        const ageDays = (realNow.getTime() - receivedAt.getTime()) / 86_400_000;
        if ((fate === 'waiting_supplement' || fate === 'open') && ageDays > 15 && rand() < 0.8)
          return 'early';
        return fate;
      }
    }
    return 'early';
  };

  const byFate: Record<string, number> = {};
  let done = 0;
  // Every twentieth dossier received more than 40 days ago is still open, so past its deadline:
  // the demo shows overdue dossiers whatever the day and however few dossiers are seeded.
  let old = 0;
  const keptOverdue = (receivedAt: Date) =>
    realNow.getTime() - receivedAt.getTime() > 40 * 86_400_000 && old++ % 20 === 0;
  for (const receivedAt of receipts) {
    if (done % 50 === 0) {
      options.onProgress?.(done, receipts.length);
      // PGlite answers without giving the event loop a turn: let the log line out now.
      await new Promise((r) => setImmediate(r));
    }
    done++;
    const fate = keptOverdue(receivedAt) ? 'open' : fateOf(receivedAt);
    const procedure = pick(procedures);
    const clock = { now: receivedAt };
    const sim: AppContext = { ...ctx, now: () => clock.now };
    const company = rand() < 0.6;
    const person = `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
    const companyName = pick(COMPANIES);
    const applicant = {
      name: company ? companyName : person,
      ...(company ? { organisation: companyName, proxyName: person } : {}),
      idNumber: company
        ? `03${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`
        : `079${String(Math.floor(rand() * 1e9)).padStart(9, '0')}`,
      phone: `09${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`,
      address: `${Math.floor(rand() * 300) + 1} đường ${pick(['Lê Lợi', 'Nguyễn Huệ', 'Võ Văn Tần', 'Điện Biên Phủ', 'Cách Mạng Tháng Tám'])}, Thành phố Hồ Chí Minh`,
    };
    const checklist = procedure.content.documents.map((d) => ({
      document: d.name,
      received: true,
      copies: d.copies,
    }));
    await db.transaction(async (tx) => {
      const { record } = await createDossier(
        sim,
        tx,
        {
          procedureId: procedure.id,
          channel: rand() < 0.85 ? 'counter' : 'post',
          receivingUnitId: centre?.id ?? procedure.agency_id,
          applicant,
          applicantUserId: null,
          decision: fate === 'refused' ? 'refuse' : 'receive',
          checklist,
          reason: 'Hồ sơ không thuộc thẩm quyền giải quyết hoặc thiếu điều kiện theo quy định',
        },
        actors.counter,
      );
      const id = record.id;
      byFate[fate] = (byFate[fate] ?? 0) + 1;
      if (fate === 'refused') return;
      await runLifecycle(sim, tx, id, fate, clock, actors, cal, realNow, rand);
    });
  }
  await sweepDeadlines(ctx);
  return { dossiers: receipts.length, byFate };
}

/** Takes one dossier through its fate, each action at a later simulated instant, stopping at today. */
async function runLifecycle(
  sim: AppContext,
  tx: Queryable,
  id: string,
  fate: Fate,
  clock: { now: Date },
  actors: DemoActors,
  cal: CalendarConfig,
  realNow: Date,
  rand: () => number,
): Promise<void> {
  const act = async (
    actor: Actor,
    action: DossierAction,
    input: Record<string, unknown>,
    at: Date,
  ): Promise<boolean> => {
    if (at.getTime() >= realNow.getTime()) return false;
    const d = (await loadDossier(tx, id))!;
    clock.now = at;
    try {
      await performAction(sim, tx, { dossierId: id, action, expectedVersion: d.version, input }, actor);
      return true;
    } catch (err) {
      // A demo step that the rules refuse is skipped, not forced: the office only shows what is allowed.
      if (err instanceof Problem) return false;
      throw err;
    }
  };
  const state = async () => (await loadDossier(tx, id))!;
  let t = after(clock.now, 0.5 + rand(), cal);
  if (!(await act(actors.counter, 'forward_step', { note: 'Chuyển phòng chuyên môn' }, t))) return;
  t = after(t, 0.5 + rand(), cal);
  if (
    !(await act(
      actors.head,
      'assign',
      { assigneeId: actors.specialist.userId, note: 'Giao chuyên viên xử lý' },
      t,
    ))
  )
    return;

  if (fate === 'withdrawn') {
    t = after(t, 4 + rand() * 8, cal);
    if (
      !(await act(
        actors.counter,
        'request_withdrawal',
        { reason: 'Người nộp đề nghị rút hồ sơ bằng văn bản' },
        t,
      ))
    )
      return;
    await act(actors.counter, 'accept_withdrawal', {}, after(t, 1, cal));
    return;
  }
  if (fate === 'supplement' || fate === 'waiting_supplement') {
    t = after(t, 3 + rand() * 6, cal);
    const asked = await act(
      actors.specialist,
      'request_supplement',
      {
        items: [
          {
            description: 'Giấy chứng nhận sức khỏe do cơ sở y tế có thẩm quyền cấp',
            reason: 'Giấy đã nộp quá 12 tháng',
          },
          { description: 'Bản sao hộ chiếu còn giá trị', reason: 'Bản sao chưa được chứng thực' },
        ],
        contact: { name: actors.specialist.name, phone: '028 3829 1234' },
      },
      t,
    );
    if (!asked || fate === 'waiting_supplement') return;
    t = after(t, 8 * (2 + Math.floor(rand() * 5)), cal);
    if (
      !(await act(
        actors.counter,
        'receive_supplement',
        { documents: ['Giấy chứng nhận sức khỏe', 'Bản sao hộ chiếu có chứng thực'] },
        t,
      ))
    )
      return;
  }
  const d = await state();
  const due = new Date(d.snapshot.dueAt!);
  const span = Math.max(1, (due.getTime() - t.getTime()) / 3_600_000);
  // When the last step should end, relative to the appointment.
  let end: Date;
  if (fate === 'late') end = new Date(due.getTime() + (1 + rand() * 3) * 86_400_000);
  else if (fate === 'on_time') end = new Date(due.getTime() - (0.2 + rand() * 0.6) * 3_600_000);
  else if (fate === 'open') end = new Date(realNow.getTime() + 30 * 86_400_000);
  else end = new Date(t.getTime() + span * 3_600_000 * (0.25 + rand() * 0.35));
  for (let guard = 0; guard < 20; guard++) {
    const current = await state();
    if (current.state === 'awaiting_approval') {
      // The approval ends processing: it lands on the planned end, which makes the dossier early, on time or late.
      t = new Date(Math.max(end.getTime(), t.getTime() + 600_000));
      if (
        !(await act(
          actors.leader,
          'approve',
          { outcome: 'granted', resultNumber: `${Math.floor(rand() * 900) + 100}/GP-SNV` },
          t,
        ))
      )
        return;
    } else if (current.state === 'result_ready') {
      await act(
        actors.counter,
        'return_result',
        { channel: rand() < 0.8 ? 'counter' : 'post' },
        after(t, 0.5 + rand() * 6, cal),
      );
      return;
    } else if (current.state === 'in_progress' && current.snapshot.step) {
      const index = current.snapshot.step.index;
      const left = Math.max(1, current.snapshot.procedure.steps.length - index - 1);
      t = new Date(t.getTime() + Math.max(600_000, (end.getTime() - t.getTime()) / (left + 1)));
      const role = current.snapshot.procedure.steps[index]?.role;
      const actor =
        role === 'head_of_unit'
          ? actors.head
          : role === 'counter_officer'
            ? actors.counter
            : actors.specialist;
      if (!(await act(actor, 'forward_step', { note: 'Hoàn thành bước xử lý' }, t))) return;
    } else {
      return;
    }
  }
}
