import type { Role } from '@motcua/core';
import {
  DEMO_AGENCY_CODE,
  DEMO_PROVINCE_CODE,
  DEMO_SERVICE_CENTRE_CODE,
  DEMO_UNIT_CODES,
} from './organisation-data.ts';

/** The one password of every demo account: printed in the README, never for production. */
export const DEMO_PASSWORD = 'Motcua@2025!demo';

export interface DemoUser {
  username: string;
  fullName: string;
  email: string;
  roles: { role: Role; unitCode: string }[];
}

export const DEMO_USERS: DemoUser[] = [
  {
    username: 'admin',
    fullName: 'Quản trị hệ thống',
    email: 'quantri@example.gov.vn',
    roles: [{ role: 'administrator', unitCode: DEMO_PROVINCE_CODE }],
  },
  {
    username: 'tiepnhan',
    fullName: 'Nguyễn Thị Thu Hà',
    email: 'tiepnhan@example.gov.vn',
    roles: [
      { role: 'counter_officer', unitCode: DEMO_SERVICE_CENTRE_CODE },
      { role: 'counter_officer', unitCode: DEMO_AGENCY_CODE },
    ],
  },
  {
    username: 'chuyenvien',
    fullName: 'Trần Văn Minh',
    email: 'chuyenvien@example.gov.vn',
    roles: [{ role: 'specialist', unitCode: DEMO_UNIT_CODES.employment }],
  },
  {
    username: 'truongphong',
    fullName: 'Lê Thị Hồng Nhung',
    email: 'truongphong@example.gov.vn',
    roles: [{ role: 'head_of_unit', unitCode: DEMO_UNIT_CODES.employment }],
  },
  // The employment centre settles the demo's online procedure (unemployment benefit, SNV-VL-001).
  {
    username: 'chuyenvienvl',
    fullName: 'Phan Thị Thanh Hương',
    email: 'chuyenvienvl@example.gov.vn',
    roles: [{ role: 'specialist', unitCode: DEMO_UNIT_CODES.employmentCentre }],
  },
  {
    username: 'truongphongvl',
    fullName: 'Ngô Văn Hải',
    email: 'truongphongvl@example.gov.vn',
    roles: [{ role: 'head_of_unit', unitCode: DEMO_UNIT_CODES.employmentCentre }],
  },
  {
    username: 'truongphongncc',
    fullName: 'Bùi Văn Thành',
    email: 'truongphongncc@example.gov.vn',
    roles: [{ role: 'head_of_unit', unitCode: DEMO_UNIT_CODES.merit }],
  },
  {
    username: 'ketoan',
    fullName: 'Đỗ Thị Mai Anh',
    email: 'ketoan@example.gov.vn',
    roles: [{ role: 'finance', unitCode: DEMO_AGENCY_CODE }],
  },
  {
    username: 'lanhdao',
    fullName: 'Phạm Quốc Dũng',
    email: 'lanhdao@example.gov.vn',
    roles: [{ role: 'leader', unitCode: DEMO_AGENCY_CODE }],
  },
  {
    username: 'cchc',
    fullName: 'Võ Thị Ngọc Ánh',
    email: 'cchc@example.gov.vn',
    roles: [{ role: 'reform_officer', unitCode: DEMO_AGENCY_CODE }],
  },
  {
    username: 'thamdinh',
    fullName: 'Đặng Văn Hùng',
    email: 'thamdinh@example.gov.vn',
    roles: [{ role: 'appraiser', unitCode: DEMO_PROVINCE_CODE }],
  },
  {
    username: 'congdan',
    fullName: 'Hoàng Văn An',
    email: 'congdan@example.com',
    roles: [{ role: 'citizen', unitCode: DEMO_PROVINCE_CODE }],
  },
];
