import { describe, expect, it } from 'vitest';
import { acceptanceChecklist, type RequiredDocument } from '../../src/index.ts';

const FORM: RequiredDocument = { name: 'Tờ khai (theo mẫu)', copies: 1, form: 'original', required: true };
const ID: RequiredDocument = { name: 'Bản sao căn cước', copies: 2, form: 'copy', required: true };
const EXTRA: RequiredDocument = { name: 'Giấy tờ khác (nếu có)', copies: 1, form: 'copy', required: false };

describe('the checklist of an online dossier at acceptance', () => {
  it('comes ticked for each document the citizen uploaded, with its files, in the procedure’s order', () => {
    const rows = acceptanceChecklist(
      [FORM, ID, EXTRA],
      [
        { name: 'Bản sao căn cước', kind: 'applicant', filename: 'cccd-mat-truoc.jpg' },
        { name: 'Bản sao căn cước', kind: 'applicant', filename: 'cccd-mat-sau.jpg' },
        { name: 'Tờ khai (theo mẫu)', kind: 'applicant', filename: 'to-khai.pdf' },
      ],
    );
    expect(rows).toEqual([
      { ...FORM, received: true, uploaded: ['to-khai.pdf'] },
      { ...ID, received: true, uploaded: ['cccd-mat-truoc.jpg', 'cccd-mat-sau.jpg'] },
      { ...EXTRA, received: false, uploaded: [] },
    ]);
  });

  it('leaves unticked what the citizen did not upload: a staff scan or a result is not the citizen’s document', () => {
    const rows = acceptanceChecklist(
      [FORM],
      [
        { name: 'Tờ khai (theo mẫu)', kind: 'scan', filename: 'scan.pdf' },
        { name: 'Tờ khai (theo mẫu)', kind: 'result', filename: 'ket-qua.pdf' },
      ],
    );
    expect(rows).toEqual([{ ...FORM, received: false, uploaded: [] }]);
    expect(acceptanceChecklist([FORM, ID], [])).toEqual([
      { ...FORM, received: false, uploaded: [] },
      { ...ID, received: false, uploaded: [] },
    ]);
  });
});
