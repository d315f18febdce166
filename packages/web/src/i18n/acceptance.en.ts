import type { acceptanceVi } from './acceptance.vi.ts';

/** English strings of accepting an online dossier: the checklist ticked in advance. */
export const acceptanceEn: typeof acceptanceVi = {
  preTicked:
    'The documents the citizen uploaded are ticked as received. Open each file to check it; untick any document that is not valid or not the right one.',
  noneUploaded: 'The citizen uploaded no documents: tick the documents you have received.',
  uploaded: (files: string) => `Uploaded: ${files}`,
  notUploaded: 'Not uploaded',
};
