import { z } from 'zod';
import { applicantSchema } from '../dossiers/applicant.ts';

/**
 * The history import file (chuyển đổi dữ liệu): an agency's dossiers exported from its previous
 * one-stop system, each with its dated events in the previous system's words. docs/history-import.md
 * describes it; docs/history-import.schema.json is `historyImportJsonSchema()`.
 */

export const HISTORY_IMPORT_FORMAT = 'motcua.history-import';
export const HISTORY_IMPORT_VERSION = 1;

const text = (max: number) => z.string().trim().min(1).max(max);
/** Instants carry their offset, as the previous system recorded them: 2025-03-04T09:15:00+07:00. */
const instant = z.iso.datetime({ offset: true });
const reason = text(4000);
const note = z.string().trim().max(4000).optional();

/** Who acted in the previous system, kept as the event's actor name (no account exists here). */
const common = { at: instant, officer: text(200).optional(), note };

const event = <K extends string, S extends z.core.$ZodLooseShape>(kind: K, shape: S) =>
  z.strictObject({ type: z.literal(kind), ...common, ...shape });

export const importEventSchema = z.discriminatedUnion('type', [
  // Yêu cầu bổ sung (mẫu 02): the list of what was missing, or the previous system's one text.
  event('supplement_requested', {
    items: z
      .array(z.strictObject({ description: text(2000), reason: text(2000) }))
      .min(1)
      .max(100)
      .optional(),
    reason: text(2000).optional(),
  }),
  // Nhận hồ sơ bổ sung.
  event('supplement_received', { documents: z.array(text(1000)).min(1).max(200).optional() }),
  // Xin lỗi và hẹn lại (mẫu 04): a date is the end of that working day on the agency's calendar.
  event('extended', {
    newDueAt: z.union([z.iso.date(), instant]),
    reason,
    letterNumber: text(100).optional(),
  }),
  // Chuyển liên thông / nhận kết quả liên thông.
  event('inter_agency_sent', { agency: text(300) }),
  event('inter_agency_returned', {}),
  // Yêu cầu thực hiện nghĩa vụ tài chính / đã thực hiện.
  event('payment_requested', {
    items: z
      .array(z.strictObject({ name: text(300), amountVnd: z.number().int().min(0).max(1_000_000_000_000) }))
      .min(1)
      .max(50),
  }),
  event('payment_made', { reference: text(200).optional() }),
  // Đã xử lý xong: granted (giải quyết) or refused with reasons (từ chối giải quyết).
  event('processed', {
    outcome: z.enum(['granted', 'refused']),
    reason: reason.optional(),
    resultNumber: text(100).optional(),
  }),
  // Đã trả kết quả.
  event('returned', { channel: z.enum(['counter', 'post', 'online']).optional() }),
  // Công dân yêu cầu rút hồ sơ / chấp nhận / không chấp nhận.
  event('withdrawal_requested', { reason }),
  event('withdrawal_accepted', {}),
  event('withdrawal_rejected', { reason }),
  // Dừng xử lý (mẫu 05); supplement_not_received: closed because the supplement never came.
  event('stopped', {
    reason: reason.optional(),
    noticeNumber: text(100).optional(),
    cause: z.enum(['agency', 'supplement_not_received']).optional(),
  }),
]);

export type ImportEvent = z.infer<typeof importEventSchema>;
export type ImportEventType = ImportEvent['type'];

export const importDossierSchema = z
  .strictObject({
    /** The dossier's code in the previous system; re-importing it is skipped (idempotent). */
    previousCode: text(100).optional(),
    /** The procedure's code in the agency's catalogue (mã thủ tục), e.g. 1.014199. */
    procedureCode: text(50),
    /** The field (lĩnh vực) code: must be the procedure's. */
    fieldCode: text(100),
    channel: z.enum(['counter', 'online', 'post']),
    /** Code of the unit that received it; an online dossier defaults to the agency's online unit. */
    receivingUnitCode: text(100).optional(),
    applicant: applicantSchema,
    /** An online dossier's submission (mới đăng ký); the receipt when absent. */
    submittedAt: instant.optional(),
    receivedAt: instant,
    events: z.array(importEventSchema).max(500),
  })
  .refine((d) => d.channel === 'online' || d.receivingUnitCode !== undefined, {
    path: ['receivingUnitCode'],
    message: 'a dossier received at a counter or by post names its receiving unit',
  });

export type ImportDossier = z.infer<typeof importDossierSchema>;

const header = {
  format: z.literal(HISTORY_IMPORT_FORMAT),
  version: z.literal(HISTORY_IMPORT_VERSION),
  /** The competent agency's unit code: one file is one agency's history. */
  agencyCode: text(100),
  /** The previous system's name, kept in each dossier's imported marker. */
  sourceSystem: text(200).optional(),
};

/** The whole file, as published (JSON Schema). */
export const historyImportFileSchema = z.strictObject({
  ...header,
  dossiers: z.array(importDossierSchema).min(1).max(1_000_000),
});

/** The file read in two passes: the header first, then each dossier on its own, so each is reported by its index. */
export const historyImportHeaderSchema = z.strictObject({
  ...header,
  dossiers: z.array(z.unknown()).min(1).max(1_000_000),
});

export type HistoryImportFile = z.infer<typeof historyImportFileSchema>;

/** The JSON Schema of the file, from the zod schema (what a converter is checked against). */
export function historyImportJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(historyImportFileSchema, { io: 'input', target: 'draft-2020-12' }),
    $id: 'https://motcua.gov.vn/schemas/history-import.schema.json',
    title: 'Motcua history import (chuyển đổi dữ liệu hồ sơ)',
  };
}
