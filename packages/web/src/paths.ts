import type { Role } from '@motcua/core';

/** Addresses of the pages, in Vietnamese as citizens read them. */
export const PATHS = {
  home: '/',
  catalogue: '/thu-tuc',
  procedure: (id: string) => `/thu-tuc/${encodeURIComponent(id)}`,
  signIn: '/dang-nhap',
  workspace: '/can-bo',
  changePassword: '/can-bo/doi-mat-khau',
  units: '/can-bo/quan-tri/don-vi',
  users: '/can-bo/quan-tri/nguoi-dung',
  procedures: '/can-bo/quan-tri/thu-tuc',
  newProcedure: '/can-bo/quan-tri/thu-tuc/moi',
  editProcedure: (id: string) => `/can-bo/quan-tri/thu-tuc/${encodeURIComponent(id)}`,
  importExport: '/can-bo/quan-tri/nhap-xuat',
} as const;

export const ADMIN_ONLY: readonly Role[] = ['administrator'];
