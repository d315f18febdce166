/**
 * Roles a user holds, each scoped to an organisation unit (and the units below it).
 * The Vietnamese names are the ones used on screen.
 */
export const ROLES = [
  'citizen', // Công dân, tổ chức, doanh nghiệp
  'counter_officer', // Công chức Bộ phận Một cửa
  'specialist', // Chuyên viên phòng chuyên môn
  'head_of_unit', // Trưởng/Phó phòng
  'leader', // Lãnh đạo Sở
  'reform_officer', // Công chức tham mưu CCHC
  'appraiser', // Thẩm định Chỉ số CCHC
  'administrator', // Quản trị hệ thống
  'inspector', // Thanh tra: reads the dossiers of the units it is granted on, changes nothing
  'finance', // Kế toán: fee payments, bank statements and receipts of the agency
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  citizen: { vi: 'Công dân, tổ chức', en: 'Citizen or business' },
  counter_officer: { vi: 'Công chức Bộ phận Một cửa', en: 'Counter officer' },
  specialist: { vi: 'Chuyên viên', en: 'Specialist' },
  head_of_unit: { vi: 'Lãnh đạo phòng', en: 'Head of unit' },
  leader: { vi: 'Lãnh đạo cơ quan', en: 'Agency leader' },
  reform_officer: { vi: 'Công chức tham mưu CCHC', en: 'Reform officer' },
  appraiser: { vi: 'Thẩm định viên', en: 'Appraiser' },
  administrator: { vi: 'Quản trị hệ thống', en: 'Administrator' },
  inspector: { vi: 'Thanh tra (chỉ xem hồ sơ)', en: 'Inspector (reads dossiers)' },
  finance: { vi: 'Kế toán (thu phí, lệ phí)', en: 'Accountant (fees)' },
};

/**
 * Roles that perform a step of a procedure's internal process (quy trình nội bộ). The others read
 * (inspector), assess (appraiser, reform officer), administer, or apply (citizen).
 */
export const PROCESS_STEP_ROLES = ['counter_officer', 'specialist', 'head_of_unit', 'leader'] as const;
export type ProcessStepRole = (typeof PROCESS_STEP_ROLES)[number];

/** Roles that may edit and publish the procedure catalogue. */
export const CATALOGUE_EDITORS: readonly Role[] = ['administrator', 'reform_officer'];

/** Kinds of organisation unit. An agency is what has a national unit code and owns procedures. */
export const UNIT_KINDS = [
  'province', // UBND tỉnh / thành phố
  'agency', // Sở, ban, ngành; UBND xã
  'department', // Phòng, ban chuyên môn thuộc cơ quan
  'service_centre', // Trung tâm phục vụ hành chính công / Bộ phận Một cửa
  'public_service_unit', // Đơn vị sự nghiệp (e.g. Trung tâm Dịch vụ việc làm)
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS: Record<UnitKind, { vi: string; en: string }> = {
  province: { vi: 'Ủy ban nhân dân tỉnh, thành phố', en: 'Provincial People’s Committee' },
  agency: { vi: 'Cơ quan (Sở, ngành, UBND xã)', en: 'Agency' },
  department: { vi: 'Phòng chuyên môn', en: 'Department' },
  service_centre: { vi: 'Trung tâm phục vụ hành chính công', en: 'Public service centre' },
  public_service_unit: { vi: 'Đơn vị sự nghiệp', en: 'Public service unit' },
};
