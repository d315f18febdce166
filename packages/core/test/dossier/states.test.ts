import { describe, expect, it } from 'vitest';
import {
  DOSSIER_ACTION_LABELS,
  DOSSIER_ACTIONS,
  DOSSIER_STATE_INFO,
  DOSSIER_STATES,
  nationalStatusOf,
  TERMINAL_STATES,
} from '../../src/index.ts';

describe('states and their national status codes (DOMAIN.md §3)', () => {
  it.each([
    ['submitted', 1, 'Mới đăng ký'],
    ['received', 2, 'Được tiếp nhận'],
    ['refused', 3, 'Không được tiếp nhận'],
    ['in_progress', 4, 'Đang xử lý'],
    ['awaiting_inter_agency', 4, 'Đang xử lý'],
    ['awaiting_approval', 4, 'Đang xử lý'],
    ['awaiting_supplement', 5, 'Yêu cầu bổ sung giấy tờ'],
    ['awaiting_payment', 6, 'Yêu cầu thực hiện nghĩa vụ tài chính'],
    ['withdrawal_requested', 7, 'Công dân yêu cầu rút hồ sơ'],
    ['stopped', 8, 'Dừng xử lý'],
    ['result_ready', 9, 'Đã xử lý xong'],
    ['returned', 10, 'Đã trả kết quả'],
  ] as const)('%s is national status %i, %s', (state, code, name) => {
    expect(nationalStatusOf(state)).toEqual({ code, name });
  });

  it('refused, stopped and returned are the terminal states', () => {
    expect([...TERMINAL_STATES].sort()).toEqual(['refused', 'returned', 'stopped']);
  });

  it('the local states waiting within "4 Đang xử lý" have their own names', () => {
    expect(DOSSIER_STATE_INFO.awaiting_inter_agency.label.vi).toBe('Chờ liên thông');
    expect(DOSSIER_STATE_INFO.awaiting_approval.label.vi).toBe('Chờ phê duyệt, ký duyệt');
  });

  it('every state and action has a Vietnamese and an English label, all different', () => {
    const states = DOSSIER_STATES.map((s) => DOSSIER_STATE_INFO[s].label);
    const actions = DOSSIER_ACTIONS.map((a) => DOSSIER_ACTION_LABELS[a].title);
    for (const labels of [states, actions]) {
      for (const l of labels) expect(l.vi.trim() && l.en.trim()).toBeTruthy();
      expect(new Set(labels.map((l) => l.vi)).size).toBe(labels.length);
      expect(new Set(labels.map((l) => l.en)).size).toBe(labels.length);
    }
  });

  it('Vietnamese labels are written in NFC, as the fonts of forms expect', () => {
    for (const s of DOSSIER_STATES)
      expect(DOSSIER_STATE_INFO[s].label.vi).toBe(DOSSIER_STATE_INFO[s].label.vi.normalize('NFC'));
  });
});
