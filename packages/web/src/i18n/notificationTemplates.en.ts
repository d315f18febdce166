import type { notificationTemplatesVi } from './notificationTemplates.vi.ts';

/** English strings of the notification templates admin page. */
export const notificationTemplatesEn: typeof notificationTemplatesVi = {
  nav: 'Notification templates',
  navDesc: 'Edit the emails sent to citizens and staff',
  title: 'Notification templates',
  lead: 'Choose a template to edit its subject and text. Placeholders are written in double braces, for example {{code}}.',
  choose: 'Notification template',
  locale: { vi: 'Vietnamese', en: 'English' },
  optionLabel: (kind: string, locale: string, customised: boolean) =>
    `${kind} (${locale})${customised ? ' – edited' : ''}`,
  subject: 'Email subject',
  body: 'Email text',
  allowed: (names: string) => `Placeholders you can use: ${names}`,
  isDefault: 'The default template is in use.',
  isCustomised: (at: string) => `An administrator edited this template (last on ${at}).`,
  missingTitle: 'The edited template lacks what the default now includes',
  missing: (names: string) =>
    `The default now uses ${names}, which the edited template does not. Recipients will not see it until you add the placeholder, or restore the default.`,
  save: 'Save template',
  saving: 'Saving…',
  saved: 'Template saved.',
  restore: 'Restore the default',
  restoring: 'Restoring…',
  restored: 'Default template restored.',
};
