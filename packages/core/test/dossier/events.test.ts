import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_EVENT_LABELS,
  DOCUMENT_EVENT_PAYLOAD_SCHEMAS,
  DOSSIER_ACTIONS,
  EVENT_PAYLOAD_SCHEMAS,
  isHistoryAction,
  lastEventOf,
  parseEventPayload,
} from '../../src/index.ts';
import { eventOf, GRANT, play, receiveAt, toApproval } from './fixtures.ts';

describe('typed event payloads', () => {
  it('every action of the lifecycle, and every document event, has a payload schema', () => {
    expect(Object.keys(EVENT_PAYLOAD_SCHEMAS).sort()).toEqual([...DOSSIER_ACTIONS].sort());
    expect(Object.keys(DOCUMENT_EVENT_PAYLOAD_SCHEMAS).sort()).toEqual(
      Object.keys(DOCUMENT_EVENT_LABELS).sort(),
    );
    for (const action of [...DOSSIER_ACTIONS, 'document_added', 'document_removed']) {
      expect(isHistoryAction(action)).toBe(true);
    }
    expect(isHistoryAction('rename')).toBe(false);
  });

  it('a story’s events read back through their schemas as they were written', () => {
    const { events } = play([
      receiveAt('2026-03-09T09:00'),
      [
        '2026-03-09T10:00',
        'request_supplement',
        'specialist',
        {
          items: [{ description: 'Bản sao giấy khai sinh', reason: 'Thiếu' }],
          contact: { name: 'Nguyễn Văn Thẩm', phone: '0243 000 111' },
        },
      ],
      ['2026-03-10T10:00', 'receive_supplement', 'counter', { documents: ['Bản sao giấy khai sinh'] }],
      ...toApproval('2026-03-10', '11'),
      ['2026-03-11T09:00', 'approve', 'leader', GRANT],
      ['2026-03-11T10:00', 'return_result', 'counter', { channel: 'counter', note: 'Đã trao' }],
    ]);
    for (const event of events) {
      const stored = JSON.parse(JSON.stringify(event.payload));
      expect(parseEventPayload(event.action, stored)).toEqual({ ok: true, payload: stored });
    }
    const supplement = eventOf(events[1], 'request_supplement').payload;
    expect(supplement.items).toEqual([{ number: 1, description: 'Bản sao giấy khai sinh', reason: 'Thiếu' }]);
    expect(supplement.contact?.phone).toBe('0243 000 111');
    expect(eventOf(events.at(-1), 'return_result').payload.finishedStep?.name).toBe('Trả kết quả');
  });

  it('a stored payload that is not its action’s is reported, not read', () => {
    const wrong = parseEventPayload('request_supplement', { items: 'giấy tờ', requestNumber: 1 });
    expect(wrong.ok).toBe(false);
    expect(parseEventPayload('extend', { reason: 'Chậm' }).ok).toBe(false);
  });

  it('finds the latest event of the actions asked for, typed by them', () => {
    const history = [
      {
        seq: 1,
        at: '2026-03-09T02:00:00.000Z',
        actorId: null,
        actorName: 'A',
        action: 'stop' as const,
        fromState: 'in_progress' as const,
        toState: 'stopped' as const,
        payload: { reason: 'Một' },
      },
      {
        seq: 2,
        at: '2026-03-09T03:00:00.000Z',
        actorId: null,
        actorName: 'A',
        action: 'assign' as const,
        fromState: 'in_progress' as const,
        toState: 'in_progress' as const,
        payload: { assigneeId: 'x', previousAssigneeId: null },
      },
    ];
    expect(lastEventOf(history, 'stop', 'accept_withdrawal')?.payload).toEqual({ reason: 'Một' });
    expect(lastEventOf(history, 'refuse')).toBeUndefined();
  });
});
