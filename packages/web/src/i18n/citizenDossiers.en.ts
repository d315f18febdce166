import type { CitizenDossiersMessages } from './citizenDossiers.vi.ts';

/** English strings of "my dossiers" on the citizen portal. */
export const citizenDossiersEn: CitizenDossiersMessages = {
  title: 'My dossiers',
  lead: 'The dossiers you submitted online, or at a one-stop desk under your identity number.',
  empty: 'You have no dossiers yet.',
  code: 'Dossier code',
  procedure: 'Procedure',
  status: 'Status',
  dueAt: 'Appointment date',
  timeLeft: 'Time left',
  noCode: 'No code yet',
  notSet: 'None',
  left: (days, hours) => `${days} working days ${hours} hours`,
  late: (days, hours) => `Overdue by ${days} working days ${hours} hours`,
  open: 'Open the dossier',
  timeline: 'What has happened',
  supplementTitle: 'The agency asks for',
  result: 'Electronic result',
  downloadResult: 'Download the result',
  noResult: 'This dossier has no electronic result.',
  back: 'Back to my dossiers',
};
