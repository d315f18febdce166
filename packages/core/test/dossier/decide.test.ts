import { describe, expect, it } from 'vitest';
import {
  type DossierProcedure,
  type DossierSnapshot,
  decide,
  dossierProcedureOf,
  dossierSnapshotSchema,
  nationalStatusOf,
  type ProcedureContent,
} from '../../src/index.ts';
import {
  ACTORS,
  CHECKLIST,
  ctxAt,
  eventOf,
  GRANT,
  local,
  type Play,
  PROCEDURE,
  play,
  receiveAt,
} from './fixtures.ts';

const SUPPLEMENT = {
  items: [
    { description: 'Bản sao giấy khai sinh', reason: 'Thiếu trong hồ sơ' },
    { description: 'Tờ khai (mẫu số 01)', reason: 'Chưa ký tên' },
  ],
};
const MONDAY = receiveAt('2026-03-09T09:00');

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe('refusals say why, in Vietnamese and English', () => {
  const awaitingApproval = play([
    MONDAY,
    ['2026-03-09T10:00', 'forward_step', 'counter'],
    ['2026-03-09T11:00', 'forward_step', 'specialist'],
    ['2026-03-09T14:00', 'forward_step', 'head'],
  ]).dossier;

  it('an action in the wrong state names the state and where it is allowed', () => {
    const result = decide(
      awaitingApproval,
      { action: 'request_supplement', actor: ACTORS.specialist, input: SUPPLEMENT },
      ctxAt('2026-03-10T10:00'),
    );
    expect(result).toMatchObject({ ok: false, code: 'action_not_allowed_in_state' });
    if (result.ok) return;
    expect(result.message.vi).toBe(
      'Không thể yêu cầu bổ sung khi hồ sơ đang ở trạng thái Chờ phê duyệt, ký duyệt. ' +
        'Thao tác này chỉ thực hiện được khi hồ sơ ở trạng thái: Đã tiếp nhận, Đang xử lý.',
    );
    expect(result.message.en).toBe(
      'Cannot request a supplement while the dossier is in the state “Awaiting approval and signature”. ' +
        'It is only possible in: Received, In progress.',
    );
  });

  it('a role that may not act is told who may', () => {
    const result = decide(
      awaitingApproval,
      { action: 'approve', actor: ACTORS.head, input: GRANT },
      ctxAt('2026-03-10T10:00'),
    );
    expect(result.ok ? null : result.message).toEqual({
      vi: 'Vai trò của bạn không được phê duyệt, ký duyệt; việc này do Lãnh đạo cơ quan thực hiện.',
      en: 'Your role may not approve and sign; this is done by: Agency leader.',
    });
  });

  it('an incomplete checklist names the missing documents', () => {
    const result = decide(
      null,
      {
        action: 'receive',
        actor: ACTORS.counter,
        input: {
          procedure: PROCEDURE,
          channel: 'counter',
          checklist: [{ document: 'Tờ khai đề nghị', received: true }],
        },
      },
      ctxAt('2026-03-09T09:00'),
    );
    expect(result).toMatchObject({ ok: false, code: 'checklist_incomplete' });
    expect(result.ok ? '' : result.message.vi).toContain('Bản sao Căn cước công dân');
  });

  it('invalid input lists each field that is wrong, with its path', () => {
    const result = decide(
      awaitingApproval,
      { action: 'approve', actor: ACTORS.leader, input: { outcome: 'refused', reason: '' } },
      ctxAt('2026-03-10T10:00'),
    );
    expect(result).toMatchObject({ ok: false, code: 'invalid_input' });
    if (result.ok) return;
    expect(result.issues?.map((i) => i.path)).toEqual(['reason']);
    expect(result.issues?.[0]?.message.vi).toContain('chưa được nhập');
  });

  it('unknown actions, missing dossiers and time running backwards are refused, not thrown', () => {
    const ctx = ctxAt('2026-03-10T10:00');
    const unknown = decide(null, { action: 'teleport' as never, actor: ACTORS.leader }, ctx);
    expect(unknown).toMatchObject({ ok: false, code: 'unknown_action' });
    const missing = decide(null, { action: 'approve', actor: ACTORS.leader, input: GRANT }, ctx);
    expect(missing).toMatchObject({ ok: false, code: 'dossier_required' });
    const backwards = decide(
      awaitingApproval,
      { action: 'approve', actor: ACTORS.leader, input: GRANT },
      ctxAt('2026-03-09T13:00'),
    );
    expect(backwards).toMatchObject({ ok: false, code: 'clock_before_last_change' });
  });

  it('a bad context is a programming error and throws', () => {
    const ctx = { ...ctxAt('2026-03-10T10:00'), supplementLimitWorkingDays: 0 };
    expect(() => decide(null, { action: 'submit_online', actor: ACTORS.citizen }, ctx)).toThrow(RangeError);
  });
});

describe('reception', () => {
  it('at the counter: the appointment from the counting start, the first step with its own deadline', () => {
    const { dossier, events } = play([MONDAY]);
    expect(dossier).toMatchObject({ state: 'received', channel: 'counter', applicantId: 'citizen-1' });
    expect(local(new Date(dossier.countingStartAt!))).toBe('2026-03-09 09:00');
    expect(local(new Date(dossier.dueAt!))).toBe('2026-03-12 09:00');
    expect(dossier.originalDueAt).toBe(dossier.dueAt);
    expect(dossier.step).toMatchObject({ index: 0, assigneeId: null });
    expect(local(new Date(dossier.step!.dueAt))).toBe('2026-03-09 14:45');
    expect(events[0]).toMatchObject({
      action: 'receive',
      fromState: null,
      toState: 'received',
      actorId: 'counter-1',
    });
    expect(nationalStatusOf(dossier.state)).toEqual({ code: 2, name: 'Được tiếp nhận' });
  });

  it('after the 15:00 cut-off, counting starts the next working day', () => {
    const { dossier } = play([receiveAt('2026-03-13T16:00')]);
    expect(local(new Date(dossier.countingStartAt!))).toBe('2026-03-16 07:30');
    expect(local(new Date(dossier.dueAt!))).toBe('2026-03-18 17:00');
    expect(local(new Date(dossier.step!.startedAt))).toBe('2026-03-16 07:30');
  });

  it('online: submitted, then accepted late (after 8 working hours), which the event records', () => {
    const { dossier, events } = play([
      ['2026-03-09T09:00', 'submit_online', 'citizen', { procedure: PROCEDURE }],
      ['2026-03-10T10:00', 'receive', 'counter', { checklist: CHECKLIST }],
    ]);
    expect(dossier).toMatchObject({ state: 'received', channel: 'online', applicantId: 'citizen-1' });
    expect(local(new Date(dossier.submittedAt!))).toBe('2026-03-09 09:00');
    expect(local(new Date(dossier.receivedAt!))).toBe('2026-03-10 10:00');
    expect(local(new Date(dossier.dueAt!))).toBe('2026-03-13 10:00');
    expect(eventOf(events[1], 'receive').payload.acceptedLate).toBe(true);
  });

  it('refused at the counter: the request is recorded, ended as refused, with its reason in the event', () => {
    const { dossier, events } = play([
      [
        '2026-03-09T09:00',
        'refuse',
        'counter',
        { procedure: PROCEDURE, channel: 'counter', reason: 'Sai thẩm quyền' },
      ],
    ]);
    expect(dossier).toMatchObject({ state: 'refused', endKind: 'refused', receivedAt: null, dueAt: null });
    expect(eventOf(events[0], 'refuse').payload.reason).toBe('Sai thẩm quyền');
  });

  it('a procedure version becomes what the dossier keeps of it', () => {
    const content = {
      code: '1.001653',
      processingTime: { value: 3, unit: 'working_days' },
      documents: [
        { name: 'Tờ khai', copies: 1, form: 'original', required: true },
        { name: 'Ảnh 4x6', copies: 2, form: 'original', required: false },
      ],
      steps: PROCEDURE.steps,
    } as unknown as ProcedureContent;
    expect(dossierProcedureOf(content)).toEqual({
      code: '1.001653',
      processingTime: { value: 3, unit: 'working_days' },
      steps: PROCEDURE.steps,
      requiredDocuments: ['Tờ khai'],
    });
    const unknownTime = {
      ...content,
      processingTime: { value: null, unit: 'working_days' },
    } as ProcedureContent;
    expect(dossierProcedureOf(unknownTime)).toBeNull();
  });
});

describe('internal steps and the control sheet (mẫu 06)', () => {
  it('each hand-over finishes a step with its timeliness and starts the next with its own deadline', () => {
    const { dossier, events } = play([
      MONDAY,
      // Step 0 is due 14:45: 15 minutes past it on the same day is on time, as Decision 766 counts by day.
      ['2026-03-09T15:00', 'forward_step', 'counter'],
      ['2026-03-10T10:00', 'forward_step', 'specialist'], // step 1 due Wed: early
    ]);
    expect(eventOf(events[1], 'forward_step').payload.finishedStep).toMatchObject({
      index: 0,
      name: 'Tiếp nhận hồ sơ',
      timeliness: 'on_time',
    });
    expect(eventOf(events[2], 'forward_step').payload.finishedStep).toMatchObject({
      index: 1,
      name: 'Thẩm định hồ sơ',
      timeliness: 'early',
    });
    expect(eventOf(events[2], 'forward_step').payload.startedStep).toMatchObject({
      index: 2,
      name: 'Xem xét, trình ký',
    });
    expect(dossier.state).toBe('in_progress');
    // The head's step has 4 of 24 h: 3.75 h from Tue 10:00 → 11:30 then 13:30 + 2.25 h.
    expect(local(new Date(dossier.step!.dueAt))).toBe('2026-03-10 15:45');
  });

  it('from the last step before the leader the dossier goes to approval, whose step starts', () => {
    const { dossier } = play([
      MONDAY,
      ['2026-03-09T10:00', 'forward_step', 'counter'],
      ['2026-03-09T11:00', 'forward_step', 'specialist'],
      ['2026-03-09T14:00', 'forward_step', 'head'],
    ]);
    expect(dossier.state).toBe('awaiting_approval');
    expect(dossier.step?.index).toBe(3);
  });

  it('an assigned step can be moved on only by its assignee; the head of unit reassigns it instead', () => {
    const assigned = play([
      MONDAY,
      ['2026-03-09T10:00', 'forward_step', 'counter'],
      ['2026-03-09T10:05', 'assign', 'head', { assigneeId: 'specialist-2' }],
    ]).dossier;
    expect(assigned.step?.assigneeId).toBe('specialist-2');
    const ctx = ctxAt('2026-03-09T11:00');
    const byOther = decide(assigned, { action: 'forward_step', actor: ACTORS.specialist }, ctx);
    expect(byOther).toMatchObject({ ok: false, code: 'not_assignee' });
    expect(decide(assigned, { action: 'forward_step', actor: ACTORS.otherSpecialist }, ctx).ok).toBe(true);
    expect(decide(assigned, { action: 'forward_step', actor: ACTORS.head }, ctx)).toMatchObject({
      ok: false,
      code: 'not_assignee',
    });
    const reassigned = decide(
      assigned,
      { action: 'assign', actor: ACTORS.head, input: { assigneeId: 'specialist-1' } },
      ctx,
    );
    expect(reassigned.ok && reassigned.next.step?.assigneeId).toBe('specialist-1');
  });

  it('the head of unit cannot skip the specialist’s step: no forward, no submission for approval', () => {
    const atSpecialist = play([MONDAY, ['2026-03-09T10:00', 'forward_step', 'counter']]).dossier;
    const ctx = ctxAt('2026-03-09T10:30');
    expect(decide(atSpecialist, { action: 'forward_step', actor: ACTORS.head }, ctx)).toMatchObject({
      ok: false,
      code: 'step_role_mismatch',
    });
    expect(decide(atSpecialist, { action: 'submit_for_approval', actor: ACTORS.head }, ctx)).toMatchObject({
      ok: false,
      code: 'not_in_process',
    });
    // At the head's own step, the last before approval, the head's forward sends it to the leader.
    const atHead = play([['2026-03-09T11:00', 'forward_step', 'specialist']], atSpecialist).dossier;
    const sent = decide(atHead, { action: 'forward_step', actor: ACTORS.head }, ctxAt('2026-03-09T11:30'));
    expect(sent.ok && sent.next).toMatchObject({ state: 'awaiting_approval', step: { index: 3 } });
    expect(
      decide(atHead, { action: 'forward_step', actor: ACTORS.specialist }, ctxAt('2026-03-09T11:30')),
    ).toMatchObject({ ok: false, code: 'step_role_mismatch' });
  });

  it('returned for rework goes back to the last work step; approval ends processing and starts the return step', () => {
    const { dossier, events } = play([
      MONDAY,
      ['2026-03-09T10:00', 'forward_step', 'counter'],
      ['2026-03-09T11:00', 'forward_step', 'specialist'],
      ['2026-03-09T14:00', 'forward_step', 'head'],
      ['2026-03-10T09:00', 'return_for_rework', 'leader', { reason: 'Bổ sung căn cứ pháp lý' }],
      ['2026-03-10T10:00', 'forward_step', 'head'],
      ['2026-03-10T11:00', 'approve', 'leader', { outcome: 'granted', resultNumber: '123/GP-SNV' }],
    ]);
    expect(events[4]).toMatchObject({ toState: 'in_progress', payload: { startedStep: { index: 2 } } });
    expect(dossier).toMatchObject({
      state: 'result_ready',
      endKind: 'processed',
      outcome: 'granted',
      step: { index: 4 },
    });
    expect(local(new Date(dossier.endedAt!))).toBe('2026-03-10 11:00');
    const returned = play(
      [['2026-03-10T15:00', 'return_result', 'counter', { channel: 'post' }]],
      dossier,
    ).dossier;
    expect(returned).toMatchObject({
      state: 'returned',
      returnChannel: 'post',
      step: null,
      endKind: 'processed',
    });
    // The end of processing stays the approval, not the hand-over.
    expect(returned.endedAt).toBe(dossier.endedAt);
  });

  it('a procedure without steps goes from receipt straight to approval, and has no step to assign', () => {
    const bare: DossierProcedure = { ...PROCEDURE, steps: [] };
    const received = play([receiveAt('2026-03-09T09:00', bare)]).dossier;
    expect(received.step).toBeNull();
    const assign = decide(
      received,
      { action: 'assign', actor: ACTORS.head, input: { assigneeId: 'x' } },
      ctxAt('2026-03-09T10:00'),
    );
    expect(assign).toMatchObject({ ok: false, code: 'no_current_step' });
    const forwarded = play([['2026-03-09T10:00', 'forward_step', 'counter']], received).dossier;
    expect(forwarded).toMatchObject({ state: 'awaiting_approval', step: null });
  });
});

describe('supplements (mẫu 02)', () => {
  const waiting = play([MONDAY, ['2026-03-10T10:00', 'request_supplement', 'specialist', SUPPLEMENT]]);

  it('one numbered list with reasons, a dated wait with its limit, the clock stopped', () => {
    const { dossier, events } = waiting;
    expect(dossier.state).toBe('awaiting_supplement');
    expect(nationalStatusOf(dossier.state).code).toBe(5);
    expect(dossier.supplementRequests).toBe(1);
    expect(dossier.pauses).toHaveLength(1);
    expect(dossier.pauses[0]).toMatchObject({
      kind: 'supplement',
      endedAt: null,
      resumeState: 'in_progress',
    });
    expect(local(new Date(dossier.pauses[0]!.limitAt!))).toBe('2026-03-31 17:00');
    expect(eventOf(events[1], 'request_supplement').payload.items).toEqual([
      { number: 1, description: 'Bản sao giấy khai sinh', reason: 'Thiếu trong hồ sơ' },
      { number: 2, description: 'Tờ khai (mẫu số 01)', reason: 'Chưa ký tên' },
    ]);
  });

  it('the limit is configurable', () => {
    const result = decide(
      play([MONDAY]).dossier,
      { action: 'request_supplement', actor: ACTORS.specialist, input: SUPPLEMENT },
      { ...ctxAt('2026-03-10T10:00'), supplementLimitWorkingDays: 5 },
    );
    expect(result.ok && local(new Date(result.next.pauses[0]!.limitAt!))).toBe('2026-03-17 17:00');
  });

  it('the applicant supplements online: back in progress at the same step, which restarts with the clock', () => {
    const { dossier, events } = play(
      [
        [
          '2026-03-12T10:00',
          'receive_supplement',
          'citizen',
          { documents: ['Bản sao giấy khai sinh', 'Tờ khai'] },
        ],
      ],
      waiting.dossier,
    );
    expect(dossier).toMatchObject({ state: 'in_progress', step: { index: 0 } });
    expect(dossier.pauses[0]).toMatchObject({ closedBy: 'resumed' });
    expect(local(new Date(dossier.dueAt!))).toBe('2026-03-17 10:00');
    expect(local(new Date(dossier.step!.startedAt))).toBe('2026-03-12 10:00');
    expect(eventOf(events[0], 'receive_supplement').payload.dueAt).toBe(dossier.dueAt);
  });

  it('closed by the system after the limit: stopped, the wait closed by the end', () => {
    const { dossier } = play([['2026-04-01T07:00', 'close_unsupplemented', 'system']], waiting.dossier);
    expect(dossier).toMatchObject({
      state: 'stopped',
      endKind: 'stopped',
      stopReason: 'supplement_not_received',
    });
    expect(dossier.pauses[0]).toMatchObject({ closedBy: 'dossier_ended' });
    expect(nationalStatusOf(dossier.state).code).toBe(8);
  });
});

describe('payment and other agencies', () => {
  it('a payment requested during processing returns to processing, and moves the deadlines by the wait', () => {
    const before = play([MONDAY, ['2026-03-09T10:00', 'forward_step', 'counter']]).dossier;
    const { dossier, events } = play(
      [
        [
          '2026-03-09T11:00',
          'request_payment',
          'specialist',
          { items: [{ name: 'Lệ phí', amountVnd: 100000 }] },
        ],
        ['2026-03-09T14:30', 'confirm_payment', 'counter', { reference: 'BL-12' }],
      ],
      before,
    );
    expect(dossier.state).toBe('in_progress');
    expect(eventOf(events[1], 'confirm_payment').payload.pausedWorkingHours).toBeCloseTo(1.5, 9);
    expect(local(new Date(dossier.dueAt!))).toBe('2026-03-12 10:30');
    expect(new Date(dossier.step!.dueAt).getTime() - new Date(before.step!.dueAt).getTime()).toBeGreaterThan(
      0,
    );
    expect(dossier.dueHistory.map((c) => c.cause)).toEqual(['receipt', 'payment_wait']);
  });

  it('liên thông: the clock keeps running while another agency works', () => {
    const { dossier } = play([
      MONDAY,
      ['2026-03-09T10:00', 'forward_step', 'counter'],
      ['2026-03-09T11:00', 'send_inter_agency', 'specialist', { agency: 'Cục Thuế' }],
      ['2026-03-11T11:00', 'receive_inter_agency', 'specialist'],
    ]);
    expect(dossier.state).toBe('in_progress');
    expect(local(new Date(dossier.dueAt!))).toBe('2026-03-12 09:00');
    expect(dossier.pauses[0]).toMatchObject({ kind: 'inter_agency', closedBy: 'resumed' });
  });
});

describe('extension with apology (mẫu 04), withdrawal and stop (mẫu 05)', () => {
  const extended = play([
    MONDAY,
    [
      '2026-03-10T10:00',
      'extend',
      'leader',
      { reason: 'Chờ xác minh', newDueAt: '2026-03-16T17:00:00+07:00' },
    ],
  ]).dossier;

  it('moves the appointment once, keeping the date it replaced', () => {
    expect(extended.extension).toMatchObject({ reason: 'Chờ xác minh' });
    expect(local(new Date(extended.extension!.previousDueAt))).toBe('2026-03-12 09:00');
    expect(local(new Date(extended.dueAt!))).toBe('2026-03-16 17:00');
    expect(extended.originalDueAt).toBe(extended.extension!.previousDueAt);
    const again = decide(
      extended,
      {
        action: 'extend',
        actor: ACTORS.leader,
        input: { reason: 'Lần nữa', newDueAt: '2026-03-20T17:00:00+07:00' },
      },
      ctxAt('2026-03-11T10:00'),
    );
    expect(again).toMatchObject({ ok: false, code: 'extension_already_used' });
  });

  it('a withdrawal asked while waiting for a supplement, declined, goes back to waiting', () => {
    const waiting = play([
      MONDAY,
      ['2026-03-10T10:00', 'request_supplement', 'specialist', SUPPLEMENT],
    ]).dossier;
    const asked = play(
      [['2026-03-11T10:00', 'request_withdrawal', 'citizen', { reason: 'Không có nhu cầu' }]],
      waiting,
    );
    expect(asked.dossier).toMatchObject({
      state: 'withdrawal_requested',
      withdrawal: { resumeState: 'awaiting_supplement' },
    });
    const declined = play(
      [['2026-03-11T11:00', 'reject_withdrawal', 'counter', { reason: 'Nhầm hồ sơ' }]],
      asked.dossier,
    );
    expect(declined.dossier).toMatchObject({ state: 'awaiting_supplement', withdrawal: null });
    const accepted = play([['2026-03-11T11:00', 'accept_withdrawal', 'leader']], asked.dossier).dossier;
    expect(accepted).toMatchObject({ state: 'stopped', endKind: 'withdrawn', stopReason: 'withdrawn' });
    expect(accepted.pauses[0]).toMatchObject({ closedBy: 'dossier_ended' });
  });

  it('stopped by the leader before a decision: ended, with the reason in the event', () => {
    const { dossier, events } = play([
      MONDAY,
      ['2026-03-10T10:00', 'stop', 'leader', { reason: 'Có tranh chấp', noticeNumber: '05/TB' }],
    ]);
    expect(dossier).toMatchObject({
      state: 'stopped',
      endKind: 'stopped',
      stopReason: 'stopped_by_agency',
      step: null,
    });
    expect(events[1]?.payload).toMatchObject({ reason: 'Có tranh chấp', noticeNumber: '05/TB' });
  });
});

describe('snapshots are plain JSON and never changed in place', () => {
  const story: Play[] = [
    MONDAY,
    ['2026-03-09T10:00', 'forward_step', 'counter'],
    ['2026-03-10T10:00', 'request_supplement', 'specialist', SUPPLEMENT],
    ['2026-03-11T10:00', 'receive_supplement', 'counter', { documents: ['Bản sao giấy khai sinh'] }],
    ['2026-03-11T11:00', 'extend', 'head', { reason: 'Chờ xác minh', newDueAt: '2026-03-20T10:00:00+07:00' }],
  ];

  it('round-trips through JSON and passes its own schema', () => {
    const { dossier } = play(story);
    const copy = JSON.parse(JSON.stringify(dossier)) as DossierSnapshot;
    expect(copy).toEqual(dossier);
    expect(dossierSnapshotSchema.parse(copy)).toEqual(dossier);
  });

  it('decide leaves its (frozen) arguments alone, accepted or refused', () => {
    const dossier = deepFreeze(play(story).dossier);
    const input = deepFreeze({ reason: 'Có tranh chấp' });
    expect(
      decide(dossier, { action: 'stop', actor: ACTORS.leader, input }, ctxAt('2026-03-12T10:00')).ok,
    ).toBe(true);
    expect(decide(dossier, { action: 'stop', actor: ACTORS.head, input }, ctxAt('2026-03-12T10:00')).ok).toBe(
      false,
    );
  });
});

describe('a citizen matched by identity number acts on a counter dossier (own_dossier)', () => {
  // Received at the counter with no portal account: the applicant is known only by identity number.
  const counter = { ...play([MONDAY]).dossier, applicantId: null };
  const ask = (idHmac: string | null, applicantIdHmac: string | null) =>
    decide(
      counter,
      {
        action: 'request_withdrawal',
        actor: { id: 'citizen-9', roles: ['citizen'], idHmac },
        input: { reason: 'Không có nhu cầu nữa' },
      },
      { ...ctxAt('2026-03-10T10:00'), applicantIdHmac },
    );

  it('accepts the citizen whose verified identity HMAC is the applicant’s, and no one else', () => {
    expect(ask('hmac-lan', 'hmac-lan').ok).toBe(true);
    expect(ask('hmac-binh', 'hmac-lan')).toMatchObject({ ok: false });
    expect(ask(null, null)).toMatchObject({ ok: false });
    expect(ask('hmac-lan', null)).toMatchObject({ ok: false });
  });
});
