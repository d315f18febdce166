import type { Localised } from '@motcua/core';

/** Problem codes of the reform office's work, spread into PROBLEMS (http/messages.ts). */
export const REFORM_PROBLEMS = {
  reform_plan_not_found: { vi: 'Không tìm thấy kế hoạch cải cách hành chính', en: 'Reform plan not found' },
  reform_plan_exists: {
    vi: 'Cơ quan đã có kế hoạch cải cách hành chính năm {year}; hãy mở kế hoạch đó để sửa',
    en: 'The agency already has a reform plan for {year}; open that plan to edit it',
  },
  reform_stale_version: {
    vi: 'Nội dung đã được người khác thay đổi (phiên bản {current}, bạn đang sửa phiên bản {sent}); hãy tải lại trang để xem bản mới rồi sửa lại',
    en: 'Someone else changed this (version {current}, you edited version {sent}); reload the page to see the new version and edit again',
  },
  reform_plan_issued: {
    vi: 'Kế hoạch đã ban hành',
    en: 'The plan has already been issued',
  },
  reform_target_not_found: { vi: 'Không tìm thấy chỉ tiêu', en: 'Target not found' },
  reform_target_not_manual: {
    vi: 'Chỉ tiêu này do hệ thống tự tính từ dữ liệu; không nhập số liệu bằng tay',
    en: 'The system computes this target from its data; it takes no figures by hand',
  },
  reform_evidence_required: {
    vi: 'Cần đính kèm tài liệu kiểm chứng (tệp PDF, DOCX, ảnh) cho số liệu báo cáo',
    en: 'Attach the evidence (a PDF, DOCX or image file) for the reported figure',
  },
  reform_task_not_found: { vi: 'Không tìm thấy nhiệm vụ', en: 'Task not found' },
  reform_task_closed: {
    vi: 'Nhiệm vụ đã hoàn thành hoặc đã hủy; không báo cáo thêm được',
    en: 'The task is done or cancelled; it takes no more reports',
  },
  reform_unit_not_in_agency: {
    vi: 'Đơn vị được giao không thuộc cơ quan của kế hoạch',
    en: 'The assigned unit does not belong to the plan’s agency',
  },
  reform_assignee_not_in_unit: {
    vi: 'Người được giao không có vai trò trong đơn vị được giao',
    en: 'The assigned person holds no role in the assigned unit',
  },
  reform_inspection_not_found: { vi: 'Không tìm thấy cuộc kiểm tra', en: 'Inspection not found' },
  reform_inspection_not_done: {
    vi: 'Cần ghi ngày kiểm tra trước khi ghi kết quả, phát hiện',
    en: 'Record the inspection date before recording its findings',
  },
} as const satisfies Record<string, Localised>;
