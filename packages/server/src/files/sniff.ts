import { isWellFormedJpeg, isWellFormedPng, isWellFormedTiff } from './images.ts';
import { checkDocx } from './office.ts';
import { isWellFormedPdf } from './pdf.ts';

/**
 * What an uploaded file really is, judged by its bytes rather than its name or the browser's
 * claim (ASVS 12.2). Only the kinds a dossier needs are accepted, and a file must be sound as
 * its kind, not merely start like one.
 */
export const ACCEPTED_MEDIA_TYPES = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/tiff': 'TIFF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
} as const;

export type AcceptedMediaType = keyof typeof ACCEPTED_MEDIA_TYPES;

/** The file name endings each accepted kind goes by. */
export const MEDIA_TYPE_EXTENSIONS: Record<AcceptedMediaType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'],
  'image/tiff': ['tif', 'tiff'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
};

/**
 * The ending of a file name that claims one of the other accepted kinds than its content is (a
 * ".pdf" that is a PNG), or null when the name fits its content, has no ending or an unknown one.
 */
export function lyingExtension(filename: string, mediaType: AcceptedMediaType): string | null {
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(filename.trim())?.[1]?.toLowerCase();
  if (!ext || MEDIA_TYPE_EXTENSIONS[mediaType].includes(ext)) return null;
  const claimed = Object.values(MEDIA_TYPE_EXTENSIONS).some((list) => list.includes(ext));
  return claimed ? ext : null;
}

const DOCX: AcceptedMediaType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const startsWith = (data: Uint8Array, bytes: number[]) => bytes.every((b, i) => data[i] === b);

/** The kind a file's first bytes announce, or null when they announce none that is accepted. */
export function sniffMediaType(data: Uint8Array): AcceptedMediaType | null {
  if (startsWith(data, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(data, [0x49, 0x49, 0x2a, 0x00]) || startsWith(data, [0x4d, 0x4d, 0x00, 0x2a]))
    return 'image/tiff';
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) return DOCX; // a ZIP; checkContent says if it is Word
  return null;
}

export type ContentVerdict =
  | { ok: true; mediaType: AcceptedMediaType }
  /** `refused`: none of the accepted kinds; `damaged`: starts like one but is not sound; `bomb`: unpacks too large. */
  | { ok: false; fault: 'refused' | 'damaged' | 'bomb'; mediaType: AcceptedMediaType | null };

/** Judges an upload by its whole content. */
export async function checkContent(data: Buffer): Promise<ContentVerdict> {
  const mediaType = sniffMediaType(data);
  if (!mediaType) return { ok: false, fault: 'refused', mediaType };
  const damaged = { ok: false, fault: 'damaged', mediaType } as const;
  switch (mediaType) {
    case 'application/pdf':
      return isWellFormedPdf(data) ? { ok: true, mediaType } : damaged;
    case 'image/png':
      return isWellFormedPng(data) ? { ok: true, mediaType } : damaged;
    case 'image/jpeg':
      return isWellFormedJpeg(data) ? { ok: true, mediaType } : damaged;
    case 'image/tiff':
      return isWellFormedTiff(data) ? { ok: true, mediaType } : damaged;
    default: {
      const verdict = await checkDocx(data);
      if (verdict === 'ok') return { ok: true, mediaType };
      if (verdict === 'not_docx') return { ok: false, fault: 'refused', mediaType: null };
      if (verdict === 'too_large') return { ok: false, fault: 'bomb', mediaType };
      return damaged;
    }
  }
}
