import { FEE_ROLES } from '@motcua/core';

/** Addresses of the fee pages, in Vietnamese as staff read them. */
export const FEE_PATHS = {
  root: '/can-bo/thu-phi',
  statements: '/can-bo/thu-phi/sao-ke',
  unmatched: '/can-bo/thu-phi/chua-khop',
  reconciliation: '/can-bo/thu-phi/doi-soat',
} as const;

/** Finance (kế toán) and the counter see the fee pages. */
export const FEE_PAGE_ROLES = FEE_ROLES;
