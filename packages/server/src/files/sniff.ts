/**
 * What an uploaded file really is, judged by its bytes rather than its name or the browser's
 * claim (ASVS 12.2). Only the kinds a dossier needs are accepted.
 */
export const ACCEPTED_MEDIA_TYPES = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/tiff': 'TIFF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
} as const;

export type AcceptedMediaType = keyof typeof ACCEPTED_MEDIA_TYPES;

const startsWith = (data: Uint8Array, bytes: number[]) => bytes.every((b, i) => data[i] === b);

export function sniffMediaType(data: Uint8Array): AcceptedMediaType | null {
  if (startsWith(data, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(data, [0x49, 0x49, 0x2a, 0x00]) || startsWith(data, [0x4d, 0x4d, 0x00, 0x2a]))
    return 'image/tiff';
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04]) && isWordDocument(data)) {
    return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  }
  return null;
}

/** A DOCX is a zip whose entries include word/document.xml; the names sit in plain text in the zip. */
function isWordDocument(data: Uint8Array): boolean {
  const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1');
  return text.includes('[Content_Types].xml') && text.includes('word/document.xml');
}
