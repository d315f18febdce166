/** What the server seeds on a fresh database, as the tests rely on it. */

/** The password of every demo account. */
export const DEMO_PASSWORD = 'Motcua@2025!demo';

/** The seeded work permit procedure; its published name says "đối với" where some texts say "cho". */
export const WORK_PERMIT =
  /^Cấp giấy phép lao động (đối với|cho) người lao động nước ngoài làm việc tại Việt Nam$/;
