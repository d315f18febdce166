/** The machine-readable codes on the receipt (form 01): a QR code and a Code 128 barcode, as PNG. */
import { toBuffer as barcodeToPng } from 'bwip-js';
import QRCode from 'qrcode';

/** A QR code of `text` (the public lookup address of the dossier), black on white, about 300 px square. */
export async function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 300 });
}

/** A Code 128 barcode of the dossier code, without human-readable text (the form prints the code). */
export async function code128Png(text: string): Promise<Buffer> {
  return barcodeToPng({ bcid: 'code128', text, scale: 3, height: 10, paddingwidth: 4, paddingheight: 2 });
}

/** Width / height of a PNG, from its IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  if (png.byteLength < 24 || view.getUint32(0) !== 0x89504e47) throw new TypeError('not a PNG');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
