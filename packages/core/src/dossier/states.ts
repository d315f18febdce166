import type { Localised } from '../i18n/locale.ts';

/**
 * The states of a dossier (trạng thái hồ sơ), DOMAIN.md §3. Several local states share one national
 * status code: the national portal only knows "4 Đang xử lý" for everything between receipt and the
 * result, while the agency needs to see who is waiting for whom.
 */

export const DOSSIER_STATES = [
  'submitted', // Mới đăng ký (online, not yet accepted)
  'received', // Đã tiếp nhận
  'refused', // Không được tiếp nhận
  'in_progress', // Đang xử lý, at an internal step
  'awaiting_inter_agency', // Chờ liên thông
  'awaiting_approval', // Chờ phê duyệt, ký duyệt
  'awaiting_supplement', // Chờ bổ sung hồ sơ
  'awaiting_payment', // Chờ thực hiện nghĩa vụ tài chính
  'withdrawal_requested', // Công dân yêu cầu rút hồ sơ
  'stopped', // Dừng xử lý
  'result_ready', // Đã xử lý xong, chờ trả kết quả
  'returned', // Đã trả kết quả
] as const;

export type DossierState = (typeof DOSSIER_STATES)[number];

/** The status codes of the national portal (keep them for synchronisation). */
export type NationalStatusCode = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

export const NATIONAL_STATUS_NAMES: Record<NationalStatusCode, string> = {
  1: 'Mới đăng ký',
  2: 'Được tiếp nhận',
  3: 'Không được tiếp nhận',
  4: 'Đang xử lý',
  5: 'Yêu cầu bổ sung giấy tờ',
  6: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  7: 'Công dân yêu cầu rút hồ sơ',
  8: 'Dừng xử lý',
  9: 'Đã xử lý xong',
  10: 'Đã trả kết quả',
};

export interface DossierStateInfo {
  nationalCode: NationalStatusCode;
  /** The local name shown on screen. */
  label: Localised;
  /** No action leads out of a terminal state. */
  terminal: boolean;
}

export const DOSSIER_STATE_INFO: Record<DossierState, DossierStateInfo> = {
  submitted: { nationalCode: 1, label: { vi: 'Mới đăng ký', en: 'Submitted online' }, terminal: false },
  received: { nationalCode: 2, label: { vi: 'Đã tiếp nhận', en: 'Received' }, terminal: false },
  refused: {
    nationalCode: 3,
    label: { vi: 'Không được tiếp nhận', en: 'Refused at reception' },
    terminal: true,
  },
  in_progress: { nationalCode: 4, label: { vi: 'Đang xử lý', en: 'In progress' }, terminal: false },
  awaiting_inter_agency: {
    nationalCode: 4,
    label: { vi: 'Chờ liên thông', en: 'Awaiting another agency' },
    terminal: false,
  },
  awaiting_approval: {
    nationalCode: 4,
    label: { vi: 'Chờ phê duyệt, ký duyệt', en: 'Awaiting approval and signature' },
    terminal: false,
  },
  awaiting_supplement: {
    nationalCode: 5,
    label: { vi: 'Chờ bổ sung hồ sơ', en: 'Awaiting a supplement' },
    terminal: false,
  },
  awaiting_payment: {
    nationalCode: 6,
    label: { vi: 'Chờ thực hiện nghĩa vụ tài chính', en: 'Awaiting payment' },
    terminal: false,
  },
  withdrawal_requested: {
    nationalCode: 7,
    label: { vi: 'Công dân yêu cầu rút hồ sơ', en: 'Withdrawal requested' },
    terminal: false,
  },
  stopped: { nationalCode: 8, label: { vi: 'Dừng xử lý', en: 'Stopped' }, terminal: true },
  result_ready: {
    nationalCode: 9,
    label: { vi: 'Đã xử lý xong, chờ trả kết quả', en: 'Result ready' },
    terminal: false,
  },
  returned: { nationalCode: 10, label: { vi: 'Đã trả kết quả', en: 'Result returned' }, terminal: true },
};

export const TERMINAL_STATES: readonly DossierState[] = DOSSIER_STATES.filter(
  (s) => DOSSIER_STATE_INFO[s].terminal,
);

export function isTerminalState(state: DossierState): boolean {
  return DOSSIER_STATE_INFO[state].terminal;
}

/** The national status of a local state, as the portal expects it. */
export function nationalStatusOf(state: DossierState): { code: NationalStatusCode; name: string } {
  const code = DOSSIER_STATE_INFO[state].nationalCode;
  return { code, name: NATIONAL_STATUS_NAMES[code] };
}
