import type { citizenEmailVi } from './citizenEmail.vi.ts';

/** English strings of adding an email address to an account signed in with VNeID. */
export const citizenEmailEn: typeof citizenEmailVi = {
  title: 'Email address for notifications',
  current: (email: string) => `Emails about your dossiers and feedback go to ${email}.`,
  noneTitle: 'You get no emails yet',
  none: 'Your VNeID account has no email address, so the system cannot email you anything about your dossiers or feedback. Add an email address below to get notifications.',
  email: 'Email address',
  emailHint: 'We send a 6-digit confirmation code to this address',
  send: 'Send confirmation code',
  sending: 'Sending the code…',
  codeLead: (email: string, minutes: number) =>
    `We have sent a confirmation code to ${email}. It is valid for ${minutes} minutes.`,
  code: 'Confirmation code',
  verify: 'Confirm the email address',
  verifying: 'Confirming…',
  otherEmail: 'Use another email address',
  added: (email: string) => `Email address ${email} added. Notifications now go to it.`,
};
