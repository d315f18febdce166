import type { UnitKind } from '@motcua/core';

/**
 * Demo organisation: a city's Department of Home Affairs (Sở Nội vụ), which since 1 March 2025
 * carries the work of the former Department of Labour, Invalids and Social Affairs (Sở LĐ-TB&XH).
 * The unit codes follow the national code standard's shape; they are demo values an administrator
 * replaces with the codes issued to the agency.
 */
export interface DemoUnit {
  code: string;
  name: string;
  shortName?: string;
  kind: UnitKind;
  parentCode: string | null;
  effectiveFrom: string;
  effectiveTo?: string;
  successorCode?: string;
}

export const DEMO_PROVINCE_CODE = '000.00.00.H29';
export const DEMO_AGENCY_CODE = '000.00.12.H29'; // Sở Nội vụ
export const DEMO_FORMER_LABOUR_AGENCY_CODE = '000.00.19.H29'; // Sở LĐ-TB&XH (until 28/02/2025)
export const DEMO_SERVICE_CENTRE_CODE = '000.00.99.H29';

/** Departments of the Sở Nội vụ, by code, for procedure steps. */
export const DEMO_UNIT_CODES = {
  office: 'SNV.VP', // Văn phòng
  inspectorate: 'SNV.TTRA', // Thanh tra
  employment: 'SNV.VLATLD', // Phòng Việc làm - An toàn lao động
  merit: 'SNV.NCC', // Phòng Người có công
  labourWages: 'SNV.LDTLBHXH', // Phòng Lao động - Tiền lương - Bảo hiểm xã hội
  civilService: 'SNV.CCVC', // Phòng Công chức, viên chức
  organisation: 'SNV.TCBM', // Phòng Tổ chức bộ máy
  employmentCentre: 'SNV.TTDVVL', // Trung tâm Dịch vụ việc làm
} as const;

export const DEMO_UNITS: DemoUnit[] = [
  {
    code: DEMO_PROVINCE_CODE,
    name: 'Ủy ban nhân dân Thành phố Hồ Chí Minh',
    shortName: 'UBND Thành phố',
    kind: 'province',
    parentCode: null,
    effectiveFrom: '1976-07-02',
  },
  {
    code: DEMO_SERVICE_CENTRE_CODE,
    name: 'Trung tâm Phục vụ hành chính công Thành phố',
    shortName: 'TTPVHCC',
    kind: 'service_centre',
    parentCode: DEMO_PROVINCE_CODE,
    effectiveFrom: '2025-07-01',
  },
  {
    code: DEMO_FORMER_LABOUR_AGENCY_CODE,
    name: 'Sở Lao động - Thương binh và Xã hội',
    shortName: 'Sở LĐ-TB&XH',
    kind: 'agency',
    parentCode: DEMO_PROVINCE_CODE,
    effectiveFrom: '1976-07-02',
    effectiveTo: '2025-02-28',
    successorCode: DEMO_AGENCY_CODE,
  },
  {
    code: 'SLDTBXH.VL',
    name: 'Phòng Việc làm - An toàn lao động',
    kind: 'department',
    parentCode: DEMO_FORMER_LABOUR_AGENCY_CODE,
    effectiveFrom: '2008-04-01',
    effectiveTo: '2025-02-28',
    successorCode: DEMO_UNIT_CODES.employment,
  },
  {
    code: 'SLDTBXH.NCC',
    name: 'Phòng Người có công',
    kind: 'department',
    parentCode: DEMO_FORMER_LABOUR_AGENCY_CODE,
    effectiveFrom: '2008-04-01',
    effectiveTo: '2025-02-28',
    successorCode: DEMO_UNIT_CODES.merit,
  },
  {
    code: DEMO_AGENCY_CODE,
    name: 'Sở Nội vụ',
    shortName: 'SNV',
    kind: 'agency',
    parentCode: DEMO_PROVINCE_CODE,
    effectiveFrom: '2025-03-01',
  },
  {
    code: DEMO_UNIT_CODES.office,
    name: 'Văn phòng Sở',
    kind: 'department',
    parentCode: DEMO_AGENCY_CODE,
    effectiveFrom: '2025-03-01',
  },
  {
    code: DEMO_UNIT_CODES.inspectorate,
    name: 'Thanh tra Sở',
    kind: 'department',
    parentCode: DEMO_AGENCY_CODE,
    effectiveFrom: '2025-03-01',
  },
  {
    code: DEMO_UNIT_CODES.employment,
    name: 'Phòng Việc làm - An toàn lao động',
    kind: 'department',
    parentCode: DEMO_AGENCY_CODE,
    effectiveFrom: '2025-03-01',
  },
  {
    code: DEMO_UNIT_CODES.merit,
    name: 'Phòng Người có công',
    kind: 'department',
    parentCode: DEMO_AGENCY_CODE,
    effectiveFrom: '2025-03-01',
  },
  {
    code: DEMO_UNIT_CODES.labourWages,
    name: 'Phòng Lao động - Tiền lương - Bảo hiểm xã hội',
    kind: 'department',
    parentCode: DEMO_AGENCY_CODE,
    effectiveFrom: '2025-03-01',
  },
  {
    code: DEMO_UNIT_CODES.civilService,
    name: 'Phòng Công chức, viên chức',
    kind: 'department',
    parentCode: DEMO_AGENCY_CODE,
    effectiveFrom: '2025-03-01',
  },
  {
    code: DEMO_UNIT_CODES.organisation,
    name: 'Phòng Tổ chức bộ máy và Tổ chức phi chính phủ',
    kind: 'department',
    parentCode: DEMO_AGENCY_CODE,
    effectiveFrom: '2025-03-01',
  },
  {
    code: DEMO_UNIT_CODES.employmentCentre,
    name: 'Trung tâm Dịch vụ việc làm',
    kind: 'public_service_unit',
    parentCode: DEMO_AGENCY_CODE,
    effectiveFrom: '2025-03-01',
  },
];
