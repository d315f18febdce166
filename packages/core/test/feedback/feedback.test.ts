import { describe, expect, it } from 'vitest';
import {
  decideFeedback,
  feedbackReference,
  feedbackTimeliness,
  redactPersonalData,
} from '../../src/index.ts';

describe('redaction for publication', () => {
  it('removes the names, ID numbers, phones, emails and addresses a citizen writes, and keeps dossier codes', () => {
    const r = redactPersonalData(
      'Tôi là Nguyễn Văn An, CCCD 079203001234, SĐT +84 912 345 678, email an@example.vn, trú tại thôn Đông, xã Tây. Hồ sơ 000.00.12.H29-270422-0001.',
      ['Nguyễn Văn An'],
    );
    for (const p of ['Nguyễn', '079203001234', '912 345 678', 'an@example.vn', 'thôn Đông'])
      expect(r.text).not.toContain(p);
    expect(r.text).toContain('000.00.12.H29-270422-0001');
    expect(r.removed.map((x) => x.kind).sort()).toEqual(['address', 'email', 'identity', 'name', 'phone']);
  });
});

describe('the feedback lifecycle', () => {
  const subject = { agencyChain: ['agency'], unitChain: [], assigneeId: null };
  it('lets the reform office assign a received case, not a specialist, and nobody close it unanswered', () => {
    const cchc = { userId: 'u1', grants: [{ role: 'reform_officer' as const, unitId: 'agency' }] };
    const specialist = { userId: 'u2', grants: [{ role: 'specialist' as const, unitId: 'agency' }] };
    expect(decideFeedback('received', 'assign', cchc, subject)).toEqual({ ok: true, to: 'assigned' });
    expect(decideFeedback('received', 'assign', specialist, subject)).toMatchObject({ ok: false });
    expect(decideFeedback('received', 'close', cchc, subject)).toEqual({
      ok: false,
      reason: 'feedback_wrong_state',
    });
  });
  it('counts an answer at the deadline on time and a millisecond later late', () => {
    const due = new Date('2027-05-17T02:00:00Z');
    expect(feedbackTimeliness(due, due)).toBe('on_time');
    expect(feedbackTimeliness(new Date(due.getTime() + 1), due)).toBe('late');
    expect(feedbackReference('2027-04-22', 7)).toBe('PA-270422-0007');
  });
});
