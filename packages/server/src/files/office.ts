import { checkZip, ZipError, type ZipLimits } from './zip.ts';

/** What a Word upload may unpack to: well above any real document, far below a bomb. */
export const DOCX_LIMITS: ZipLimits = {
  maxUnpackedBytes: 200 * 1024 * 1024,
  maxEntries: 10_000,
  maxRatio: 100,
};

const WORD_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';

export type OfficeVerdict = 'ok' | 'not_docx' | 'damaged' | 'too_large';

/**
 * A Word document (.docx): a sound ZIP, unpacked within limits, with `[Content_Types].xml` declaring
 * `word/document.xml` as a document's main part. A macro-enabled document (.docm) or any other
 * ZIP is not a .docx.
 */
export async function checkDocx(data: Buffer): Promise<OfficeVerdict> {
  try {
    const { entries, contents } = await checkZip(data, DOCX_LIMITS, ['[Content_Types].xml']);
    const names = new Set(entries.map((e) => e.name));
    if (!names.has('[Content_Types].xml') || !names.has('word/document.xml')) return 'not_docx';
    const types = contents.get('[Content_Types].xml')!.toString('utf8');
    return types.includes(WORD_MAIN) ? 'ok' : 'not_docx';
  } catch (err) {
    if (err instanceof ZipError) return err.fault;
    throw err;
  }
}
