import type { signingVi } from './signing.vi.ts';

/** English strings of the signed-result verification pages (same shape as signing.vi.ts). */
export const signingEn: typeof signingVi = {
  title: 'Verify an electronic result',
  lead: 'Upload the result PDF of an administrative procedure to check its digital signature, that it is unchanged and that it is the copy the agency issued.',
  fileLabel: 'Result file (PDF)',
  fileHint:
    'Choose the PDF you downloaded or were sent, at most 10 MB. You can also scan the QR code printed on the document.',
  fileRequired: 'Choose the result PDF to verify',
  fileTooLarge: 'The file is larger than 10 MB; choose the result file',
  submit: 'Verify',
  checking: 'Checking…',
  tooMany: 'You have checked too many times. Wait a minute and try again.',
  resultHeading: 'Verification result',
  verdicts: {
    valid: 'The document is valid',
    not_pdf: 'Not a PDF file',
    unsigned: 'The document is not digitally signed',
    altered: 'The document has been changed',
    untrusted: 'The signature is not trusted',
    not_issued: 'Does not match the issued copy',
  },
  signatureValid: 'Digital signature',
  unchanged: 'Document content',
  yesSignature: 'Valid',
  noSignature: 'Not valid',
  yesUnchanged: 'Unchanged',
  noUnchanged: 'Cannot be confirmed',
  detailsHeading: 'About the document',
  agency: 'Issuing agency',
  procedure: 'Procedure',
  dossierCode: 'Dossier code',
  dossierCodeNote: 'Only part of the code is shown, to protect the applicant',
  signedAt: 'Signed at',
  signer: 'Signer (certificate)',
  documentId: 'Document id',
  another: 'Verify another file',
  documentTitle: 'Verify a result document',
  documentLead: 'The check of the stored copy of the document the QR code points to.',
  documentNotFound:
    'This result document was not found. The QR code may be wrong or the document was not issued by this system.',
  uploadInstead: 'You can upload the file to verify it',
};
