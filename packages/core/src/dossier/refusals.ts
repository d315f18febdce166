import type { Localised } from '../i18n/locale.ts';
import { ACTOR_ROLE_LABELS, type ActorRole, DOSSIER_ACTION_LABELS, type DossierAction } from './actions.ts';
import { DOSSIER_STATE_INFO, type DossierState } from './states.ts';

/**
 * Why a command was refused: a stable code for programs and a sentence for people, in Vietnamese and
 * English, that says what stands in the way and, where it can, what to do instead.
 */

export const REFUSAL_CODES = [
  'unknown_action',
  'not_in_process',
  'dossier_required',
  'action_not_allowed_in_state',
  'role_not_allowed',
  'not_applicant',
  'not_assignee',
  'step_role_mismatch',
  'no_current_step',
  'invalid_input',
  'checklist_incomplete',
  'supplement_limit_passed',
  'supplement_limit_not_reached',
  'extension_already_used',
  'extension_too_late',
  'extension_not_later',
  'due_date_not_working_day',
  'clock_before_last_change',
] as const;

export type RefusalCode = (typeof REFUSAL_CODES)[number];

export interface Refusal {
  ok: false;
  code: RefusalCode;
  message: Localised;
  /** For invalid_input: each field that is wrong. */
  issues?: readonly { path: string; message: Localised }[];
}

function refusal(code: RefusalCode, vi: string, en: string): Refusal {
  return { ok: false, code, message: { vi, en } };
}

/** An instant as people read it in Vietnam: "09:00 12/03/2026". */
export function formatVietnamTime(instant: Date | string): string {
  const local = new Date(new Date(instant).getTime() + 7 * 3_600_000).toISOString();
  return `${local.slice(11, 16)} ${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}`;
}

const phrase = (action: DossierAction) => DOSSIER_ACTION_LABELS[action].phrase;
const stateLabel = (state: DossierState) => DOSSIER_STATE_INFO[state].label;
const list = (items: readonly Localised[], locale: 'vi' | 'en') => items.map((i) => i[locale]).join(', ');

export const refusals = {
  unknownAction: (action: string) =>
    refusal(
      'unknown_action',
      `Không có thao tác "${action}" đối với hồ sơ.`,
      `There is no dossier action "${action}".`,
    ),

  notInProcess: (action: DossierAction) =>
    refusal(
      'not_in_process',
      `Quy trình không có thao tác riêng để ${phrase(action).vi}: hồ sơ đi qua từng bước của quy trình nội bộ, người giữ bước cuối chuyển bước để trình lãnh đạo phê duyệt.`,
      `The process has no separate action to ${phrase(action).en}: the dossier goes through each internal step, and the holder of the last one forwards it to the leader for approval.`,
    ),

  dossierRequired: (action: DossierAction) =>
    refusal(
      'dossier_required',
      `Chưa có hồ sơ để ${phrase(action).vi}; hồ sơ phải được nộp hoặc tiếp nhận trước.`,
      `There is no dossier to ${phrase(action).en}; it must be submitted or received first.`,
    ),

  notAllowedInState: (action: DossierAction, state: DossierState, allowed: readonly DossierState[]) => {
    const labels = allowed.map(stateLabel);
    const creation = allowed.length === 0;
    return refusal(
      'action_not_allowed_in_state',
      `Không thể ${phrase(action).vi} khi hồ sơ đang ở trạng thái ${stateLabel(state).vi}.` +
        (creation
          ? ' Thao tác này chỉ dùng để tạo hồ sơ mới.'
          : ` Thao tác này chỉ thực hiện được khi hồ sơ ở trạng thái: ${list(labels, 'vi')}.`),
      `Cannot ${phrase(action).en} while the dossier is in the state “${stateLabel(state).en}”.` +
        (creation
          ? ' This action only creates a new dossier.'
          : ` It is only possible in: ${list(labels, 'en')}.`),
    );
  },

  roleNotAllowed: (action: DossierAction, allowed: readonly ActorRole[]) => {
    const labels = allowed.map((r) => ACTOR_ROLE_LABELS[r]);
    return refusal(
      'role_not_allowed',
      `Vai trò của bạn không được ${phrase(action).vi}; việc này do ${list(labels, 'vi')} thực hiện.`,
      `Your role may not ${phrase(action).en}; this is done by: ${list(labels, 'en')}.`,
    );
  },

  notApplicant: (action: DossierAction) =>
    refusal(
      'not_applicant',
      `Chỉ người đã nộp hồ sơ này mới được ${phrase(action).vi}.`,
      `Only the applicant of this dossier may ${phrase(action).en}.`,
    ),

  notAssignee: (stepName: string) =>
    refusal(
      'not_assignee',
      `Bước "${stepName}" đã được phân công cho người khác; chỉ người được phân công mới được chuyển bước (lãnh đạo phòng có thể phân công lại).`,
      `The step "${stepName}" is assigned to someone else; only the assignee may move it on (the head of unit may reassign it).`,
    ),

  stepRoleMismatch: (stepName: string, role: ActorRole) =>
    refusal(
      'step_role_mismatch',
      `Bước "${stepName}" do ${ACTOR_ROLE_LABELS[role].vi} thực hiện; bạn không thể chuyển bước này.`,
      `The step "${stepName}" is done by a ${ACTOR_ROLE_LABELS[role].en.toLowerCase()}; you cannot move it on.`,
    ),

  noCurrentStep: () =>
    refusal(
      'no_current_step',
      'Hồ sơ không có bước xử lý nào đang thực hiện để phân công (thủ tục chưa khai báo quy trình nội bộ).',
      'The dossier has no internal step in progress to assign (the procedure declares no internal process).',
    ),

  invalidInput: (issues: readonly { path: string; message: Localised }[]) => ({
    ...refusal(
      'invalid_input',
      `Thông tin chưa hợp lệ: ${issues.map((i) => i.message.vi).join('; ')}.`,
      `Some information is not valid: ${issues.map((i) => i.message.en).join('; ')}.`,
    ),
    issues,
  }),

  checklistIncomplete: (missing: readonly string[]) =>
    refusal(
      'checklist_incomplete',
      `Hồ sơ chưa đủ thành phần bắt buộc: ${missing.join('; ')}. Chưa thể tiếp nhận; hãy hướng dẫn người nộp bổ sung cho đủ.`,
      `The dossier lacks required documents: ${missing.join('; ')}. It cannot be received yet; guide the applicant to complete it.`,
    ),

  supplementLimitPassed: (limitAt: string) =>
    refusal(
      'supplement_limit_passed',
      `Đã hết hạn bổ sung hồ sơ (${formatVietnamTime(limitAt)}); hồ sơ phải dừng xử lý, không tiếp nhận bổ sung được nữa.`,
      `The time for the supplement ran out at ${formatVietnamTime(limitAt)}; the dossier must be closed and can no longer be supplemented.`,
    ),

  supplementLimitNotReached: (limitAt: string) =>
    refusal(
      'supplement_limit_not_reached',
      `Chưa hết hạn bổ sung hồ sơ (${formatVietnamTime(limitAt)}); chưa thể dừng xử lý vì lý do không bổ sung.`,
      `The applicant has until ${formatVietnamTime(limitAt)} to supplement; the dossier cannot be closed for want of it yet.`,
    ),

  extensionAlreadyUsed: (at: string) =>
    refusal(
      'extension_already_used',
      `Hồ sơ đã được xin lỗi và hẹn lại một lần (${formatVietnamTime(at)}); mỗi hồ sơ chỉ được hẹn lại một lần.`,
      `The dossier already had its apology and new date (${formatVietnamTime(at)}); only one is allowed per dossier.`,
    ),

  extensionTooLate: (dueAt: string) =>
    refusal(
      'extension_too_late',
      `Văn bản xin lỗi và hẹn lại phải được gửi chậm nhất 01 ngày làm việc trước ngày hẹn trả (${formatVietnamTime(dueAt)}); nay đã quá thời điểm đó.`,
      `The apology with a new date must be issued at least one working day before the due date (${formatVietnamTime(dueAt)}); that time has passed.`,
    ),

  extensionNotLater: (dueAt: string) =>
    refusal(
      'extension_not_later',
      `Ngày hẹn mới phải sau ngày hẹn trả hiện tại (${formatVietnamTime(dueAt)}).`,
      `The new due date must be after the current one (${formatVietnamTime(dueAt)}).`,
    ),

  dueDateNotWorkingDay: (newDueAt: string) =>
    refusal(
      'due_date_not_working_day',
      `Ngày hẹn mới (${formatVietnamTime(newDueAt)}) không phải ngày làm việc của cơ quan.`,
      `The new due date (${formatVietnamTime(newDueAt)}) is not a working day of the agency.`,
    ),

  clockBeforeLastChange: (now: Date, last: string) =>
    refusal(
      'clock_before_last_change',
      `Thời điểm thực hiện (${formatVietnamTime(now)}) sớm hơn lần thay đổi trước của hồ sơ (${formatVietnamTime(last)}).`,
      `The time of the action (${formatVietnamTime(now)}) is before the dossier's last change (${formatVietnamTime(last)}).`,
    ),
};
