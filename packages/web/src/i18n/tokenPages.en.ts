import type { tokenPagesVi } from './tokenPages.vi.ts';

/** English strings of the pages a one-time link opens (surveys, ratings): what to do next. */
export const tokenPagesEn: typeof tokenPagesVi = {
  nextHeading: 'What you can do next',
  feedbackAnother: 'Send other feedback',
  feedbackPublished: 'Read the feedback answered in public',
  lookup: 'Look up another dossier',
  home: 'Go to the public service portal home page',
};
