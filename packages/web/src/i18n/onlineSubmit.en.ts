import type { onlineSubmitVi } from './onlineSubmit.vi.ts';

/** English strings of online submission. */
export const onlineSubmitEn: typeof onlineSubmitVi = {
  start: 'Apply online',
  startHint: 'You need to sign in. Your answers are saved so you can continue on another device.',
  caption: 'Apply online',
  signIn: 'Sign in to apply online',
  signInLead: 'Sign in with VNeID or by email to apply and to continue a saved draft.',
  continue: 'Save and continue',
  back: 'Back',
  checkTitle: 'Check your answers before applying',
  change: 'Change',
  notAnswered: 'Not answered',
  submit: 'Submit application',
  submitting: 'Submitting…',
  submitLead: 'By submitting you confirm that the information above is true.',
  doneTitle: 'Application submitted',
  reference: 'Your reference',
  next: 'What happens next',
  nextBody:
    'The one-stop counter checks the application. If it is complete you get an email saying it was accepted, with the date for the result; if not, the email says what is missing.',
  lookup: 'Check the status of an application',
  notOnline: 'This procedure does not take online applications yet.',
};
