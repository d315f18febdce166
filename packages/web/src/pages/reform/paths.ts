/** Addresses of the reform office's pages, under the staff workspace. */
export const REFORM_PATHS = {
  plans: '/can-bo/cai-cach',
  plan: (id: string) => `/can-bo/cai-cach/ke-hoach/${encodeURIComponent(id)}`,
  task: (id: string) => `/can-bo/cai-cach/nhiem-vu/${encodeURIComponent(id)}`,
} as const;
