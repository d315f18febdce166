/**
 * The one-stop standard forms 01-07 (Circular 03/2025/TT-VPCP, Appendix I) as DOCX and PDF.
 *
 *   const pdf = await renderFormPdf('01', ctx);   // Buffer
 *   const docx = await renderFormDocx('01', ctx); // Buffer
 */
import { renderDocx } from './docx.ts';
import { buildForm } from './forms.ts';
import type { FormCode, FormContext } from './model.ts';
import { type PdfOptions, renderPdf } from './pdf.ts';

export { findSerifFontFiles } from './fonts.ts';
export { placeAndDate, viDateTime, viLongDate, viShortDate, viTime } from './format.ts';
export * from './model.ts';
export type { PdfOptions } from './pdf.ts';

/** MIME types of the two formats. */
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const PDF_MIME = 'application/pdf';

/** Form `form` for `ctx` as a Word document. Throws `FormDataError` when the form's section is missing. */
export async function renderFormDocx(form: FormCode, ctx: FormContext): Promise<Buffer> {
  return renderDocx(await buildForm(form, ctx));
}

/** Form `form` for `ctx` as a PDF (A4, embedded serif font, extractable text). Same content as the DOCX. */
export async function renderFormPdf(form: FormCode, ctx: FormContext, options?: PdfOptions): Promise<Buffer> {
  return renderPdf(await buildForm(form, ctx), options);
}

/** A file name for the form, e.g. 'mau-01-000.00.12.H57-260305-0001.pdf'. */
export function formFileName(form: FormCode, ctx: FormContext, format: 'pdf' | 'docx'): string {
  const code = ctx.dossier.code.replace(/[^A-Za-z0-9.-]+/g, '_');
  return `mau-${form}-${code}.${format}`;
}
