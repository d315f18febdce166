import type { historyImportVi } from './historyimport.vi.ts';

export const historyImportEn: typeof historyImportVi = {
  nav: 'Import from the previous system',
  navDesc: 'Bring dossiers and their handling from the previous one-stop system (JSON file).',
  title: 'Import dossiers from the previous system',
  lead: 'Import the agency’s dossiers from its previous one-stop system. Each dossier is received and handled again at the dates of the file, through the agency’s process and calendar, so its deadlines, timeliness and statistics are what handling it here would have given.',
  formatLink: 'File format (JSON Schema)',
  sectionTitle: 'Import from a file',
  file: 'History file (.json)',
  fileHint:
    'A JSON file in the motcua.history-import format. Run a dry run first: nothing is written until you press Import.',
  fileRequired: 'Choose a history file',
  fileType: 'Choose a JSON file (.json)',
  fileNotJson: 'The file is not valid JSON; check the export from the previous system',
  check: 'Dry run',
  import: 'Import',
  checkFirst: 'Run a dry run and fix every error before importing.',
  checking: 'Dry run in progress',
  importing: 'Importing',
  progress: (done: number, total: number) => `${done} of ${total} dossiers done`,
  checkOk: (imported: number, skipped: number) =>
    `Dry run passed: ${imported} dossiers would be imported${skipped ? `, ${skipped} imported before would be skipped` : ''}. Nothing was written.`,
  imported: (imported: number, skipped: number) =>
    `Imported ${imported} dossiers${skipped ? `; skipped ${skipped} imported before` : ''}.`,
  refusedTitle: (count: number) =>
    `${count} errors; no dossier was imported. Fix the rows below in the file and run the dry run again.`,
  refusedCaption: 'Dossiers and events refused',
  dossier: 'Dossier no.',
  previousCode: 'Previous code',
  event: 'Event no.',
  receipt: 'Receipt',
  rule: 'Code',
  reason: 'Reason',
};
