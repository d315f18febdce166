/** Addresses of the survey pages: staff under the workspace, answering on the public site. */
export const SURVEY_PATHS = {
  home: '/can-bo/khao-sat',
  questionnaire: (id: string) => `/can-bo/khao-sat/phieu/${encodeURIComponent(id)}`,
  paper: '/can-bo/khao-sat/phieu-giay',
  kiosk: (token: string) => `/khao-sat/quay/${encodeURIComponent(token)}`,
  /** The counter tablet's dossier rating page, opened with the same kiosk token. */
  ratingKiosk: (token: string) => `/danh-gia-tai-quay/${encodeURIComponent(token)}`,
} as const;
