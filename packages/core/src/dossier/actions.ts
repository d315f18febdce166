import type { Localised } from '../i18n/locale.ts';
import { ROLE_LABELS, type Role } from '../org/roles.ts';

/**
 * What people (and the system's deadline sweep) can do to a dossier. The names are the ones of the
 * HTTP API, `POST /api/v1/dossiers/{id}/actions/{action}`.
 */

export const DOSSIER_ACTIONS = [
  'submit_online', // Nộp hồ sơ trực tuyến
  'receive', // Tiếp nhận
  'refuse', // Từ chối tiếp nhận (mẫu 03)
  'assign', // Phân công
  'forward_step', // Chuyển bước
  'request_supplement', // Yêu cầu bổ sung (mẫu 02)
  'receive_supplement', // Tiếp nhận hồ sơ bổ sung
  'close_unsupplemented', // Dừng xử lý vì quá hạn bổ sung
  'request_payment', // Yêu cầu thực hiện nghĩa vụ tài chính
  'confirm_payment', // Xác nhận đã thực hiện nghĩa vụ tài chính
  'send_inter_agency', // Chuyển liên thông
  'receive_inter_agency', // Nhận kết quả liên thông
  'submit_for_approval', // Trình phê duyệt
  'approve', // Phê duyệt, ký duyệt
  'return_for_rework', // Trả lại để xử lý lại
  'return_result', // Trả kết quả
  'extend', // Xin lỗi và hẹn lại (mẫu 04)
  'request_withdrawal', // Công dân yêu cầu rút hồ sơ
  'accept_withdrawal', // Chấp nhận rút hồ sơ (mẫu 05)
  'reject_withdrawal', // Không chấp nhận rút hồ sơ
  'stop', // Dừng xử lý (mẫu 05)
] as const;

export type DossierAction = (typeof DOSSIER_ACTIONS)[number];

export function isDossierAction(value: unknown): value is DossierAction {
  return typeof value === 'string' && (DOSSIER_ACTIONS as readonly string[]).includes(value);
}

/**
 * `title` labels a button; `phrase` completes "Không thể … khi …" / "Cannot … while …" in the
 * messages that explain a refusal.
 */
export const DOSSIER_ACTION_LABELS: Record<DossierAction, { title: Localised; phrase: Localised }> = {
  submit_online: {
    title: { vi: 'Nộp hồ sơ trực tuyến', en: 'Submit online' },
    phrase: { vi: 'nộp hồ sơ trực tuyến', en: 'submit the dossier online' },
  },
  receive: {
    title: { vi: 'Tiếp nhận hồ sơ', en: 'Receive' },
    phrase: { vi: 'tiếp nhận hồ sơ', en: 'receive the dossier' },
  },
  refuse: {
    title: { vi: 'Từ chối tiếp nhận', en: 'Refuse' },
    phrase: { vi: 'từ chối tiếp nhận hồ sơ', en: 'refuse the dossier' },
  },
  assign: {
    title: { vi: 'Phân công xử lý', en: 'Assign' },
    phrase: { vi: 'phân công xử lý', en: 'assign the dossier' },
  },
  forward_step: {
    title: { vi: 'Chuyển bước', en: 'Forward to the next step' },
    phrase: { vi: 'chuyển bước xử lý', en: 'forward the dossier to the next step' },
  },
  request_supplement: {
    title: { vi: 'Yêu cầu bổ sung', en: 'Request a supplement' },
    phrase: { vi: 'yêu cầu bổ sung', en: 'request a supplement' },
  },
  receive_supplement: {
    title: { vi: 'Tiếp nhận hồ sơ bổ sung', en: 'Receive the supplement' },
    phrase: { vi: 'tiếp nhận hồ sơ bổ sung', en: 'receive the supplement' },
  },
  close_unsupplemented: {
    title: { vi: 'Dừng xử lý do quá hạn bổ sung', en: 'Close: supplement not received' },
    phrase: {
      vi: 'dừng xử lý do quá hạn bổ sung',
      en: 'close the dossier because the supplement never came',
    },
  },
  request_payment: {
    title: { vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Request payment' },
    phrase: { vi: 'yêu cầu thực hiện nghĩa vụ tài chính', en: 'request payment' },
  },
  confirm_payment: {
    title: { vi: 'Xác nhận đã thực hiện nghĩa vụ tài chính', en: 'Confirm payment' },
    phrase: { vi: 'xác nhận đã thực hiện nghĩa vụ tài chính', en: 'confirm the payment' },
  },
  send_inter_agency: {
    title: { vi: 'Chuyển liên thông', en: 'Send to another agency' },
    phrase: { vi: 'chuyển liên thông', en: 'send the dossier to another agency' },
  },
  receive_inter_agency: {
    title: { vi: 'Nhận kết quả liên thông', en: 'Receive from the other agency' },
    phrase: { vi: 'nhận kết quả liên thông', en: 'receive the other agency’s answer' },
  },
  submit_for_approval: {
    title: { vi: 'Trình phê duyệt', en: 'Submit for approval' },
    phrase: { vi: 'trình phê duyệt', en: 'submit the dossier for approval' },
  },
  approve: {
    title: { vi: 'Phê duyệt, ký duyệt', en: 'Approve and sign' },
    phrase: { vi: 'phê duyệt, ký duyệt', en: 'approve and sign' },
  },
  return_for_rework: {
    title: { vi: 'Trả lại để xử lý lại', en: 'Return for rework' },
    phrase: { vi: 'trả lại hồ sơ để xử lý lại', en: 'return the dossier for rework' },
  },
  return_result: {
    title: { vi: 'Trả kết quả', en: 'Return the result' },
    phrase: { vi: 'trả kết quả', en: 'return the result' },
  },
  extend: {
    title: { vi: 'Xin lỗi và hẹn lại', en: 'Apologise and set a new date' },
    phrase: { vi: 'xin lỗi và hẹn lại ngày trả kết quả', en: 'apologise and set a new due date' },
  },
  request_withdrawal: {
    title: { vi: 'Yêu cầu rút hồ sơ', en: 'Request withdrawal' },
    phrase: { vi: 'yêu cầu rút hồ sơ', en: 'request the withdrawal of the dossier' },
  },
  accept_withdrawal: {
    title: { vi: 'Chấp nhận rút hồ sơ', en: 'Accept the withdrawal' },
    phrase: { vi: 'chấp nhận rút hồ sơ', en: 'accept the withdrawal' },
  },
  reject_withdrawal: {
    title: { vi: 'Không chấp nhận rút hồ sơ', en: 'Decline the withdrawal' },
    phrase: { vi: 'không chấp nhận rút hồ sơ', en: 'decline the withdrawal' },
  },
  stop: {
    title: { vi: 'Dừng xử lý', en: 'Stop processing' },
    phrase: { vi: 'dừng xử lý hồ sơ', en: 'stop processing the dossier' },
  },
};

/** Who acts: a user in one of their roles, or the system itself (the deadline sweep). */
export type ActorRole = Role | 'system';

export interface DossierActor {
  id: string;
  roles: readonly ActorRole[];
  /**
   * A citizen's verified identity number as the server's keyed HMAC (never the number): they are
   * the applicant of a counter dossier whose applicant identity number has the same HMAC.
   */
  idHmac?: string | null | undefined;
}

/** The actor of automatic actions, such as closing a dossier whose supplement never came. */
export const SYSTEM_ACTOR: DossierActor = Object.freeze({
  id: 'system',
  roles: Object.freeze(['system'] as const),
});

export const ACTOR_ROLE_LABELS: Record<ActorRole, Localised> = {
  ...ROLE_LABELS,
  system: { vi: 'Hệ thống', en: 'The system' },
};

/** Who may attach documents to a dossier: those who work on it, and its applicant (not appraisers, not administrators). */
export const DOCUMENT_UPLOAD_ROLES: readonly ActorRole[] = [
  'counter_officer',
  'specialist',
  'head_of_unit',
  'leader',
  'citizen',
];

/** History entries that are not lifecycle actions: a document attached to or removed from the dossier. */
export const DOCUMENT_EVENT_LABELS: Record<'document_added' | 'document_removed' | 'imported', Localised> = {
  document_added: { vi: 'Đính kèm tài liệu', en: 'Document attached' },
  document_removed: { vi: 'Gỡ tài liệu đính kèm', en: 'Document removed' },
  imported: { vi: 'Chuyển đổi dữ liệu từ hệ thống cũ', en: 'Imported from the previous system' },
};

/** The history entry that marks a dossier brought from the agency's previous system (chuyển đổi dữ liệu). */
export const IMPORTED_EVENT_ACTION = 'imported';
export const IMPORTED_EVENT_LABEL: Localised = DOCUMENT_EVENT_LABELS.imported;
