import { z } from 'zod';
import { dossierProcedureSchema, RETURN_CHANNELS } from './snapshot.ts';

/**
 * What each action needs from the person doing it. Rules that need the dossier itself (the
 * checklist against the procedure, the new date against the current one) are guards, not schemas.
 */

const text = (max: number) => z.string().trim().min(1).max(max);
const note = z.string().trim().max(4000).optional();
/** Written reasons (lý do), required wherever the law asks for them in writing. */
const reason = text(4000);
const instant = z.iso.datetime({ offset: true });
const counterChannel = z.enum(['counter', 'post']);

/** One line of the completeness check done at the counter (kiểm tra thành phần hồ sơ). */
export const checklistItemSchema = z.strictObject({
  document: text(1000),
  received: z.boolean(),
  copies: z.number().int().min(1).max(100).optional(),
});

const checklist = z.array(checklistItemSchema).max(200);

export const submitOnlineInput = z.strictObject({ procedure: dossierProcedureSchema });

/** Receipt at the counter or by post, which creates the dossier. */
export const receiveNewInput = z.strictObject({
  procedure: dossierProcedureSchema,
  channel: counterChannel,
  applicantId: text(200).nullable().optional(),
  checklist,
});

/** Acceptance of an online submission. */
export const receiveSubmittedInput = z.strictObject({ checklist });

/** Refusal at the counter (mẫu 03), which records the request even though it is not received. */
export const refuseNewInput = z.strictObject({
  procedure: dossierProcedureSchema,
  channel: counterChannel,
  applicantId: text(200).nullable().optional(),
  reason,
});

export const refuseSubmittedInput = z.strictObject({ reason });

export const assignInput = z.strictObject({ assigneeId: text(200), note });

export const noteInput = z.strictObject({ note });

/** One request listing everything missing (mẫu 02), numbered in the order given. */
export const requestSupplementInput = z.strictObject({
  items: z
    .array(z.strictObject({ description: text(2000), reason: text(2000) }))
    .min(1)
    .max(100),
  contact: z.strictObject({ name: text(200), phone: text(50) }).optional(),
  note,
});

export const receiveSupplementInput = z.strictObject({
  documents: z.array(text(1000)).min(1).max(200),
  note,
});

export const requestPaymentInput = z.strictObject({
  items: z
    .array(z.strictObject({ name: text(300), amountVnd: z.number().int().min(0).max(1_000_000_000_000) }))
    .min(1)
    .max(50),
  note,
});

export const confirmPaymentInput = z.strictObject({ reference: text(200).optional(), note });

export const sendInterAgencyInput = z.strictObject({ agency: text(300), note });

export const approveInput = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('granted'), resultNumber: text(100).optional(), note }),
  z.strictObject({ outcome: z.literal('refused'), reason, resultNumber: text(100).optional() }),
]);

export const reasonInput = z.strictObject({ reason });

export const returnResultInput = z.strictObject({ channel: z.enum(RETURN_CHANNELS), note });

/** The apology and new date (mẫu 04). The date must fall in the years the calendar covers. */
export const extendInput = z.strictObject({
  reason,
  newDueAt: instant.refine((value) => {
    const year = new Date(value).getUTCFullYear();
    return year >= 2000 && year <= 2199;
  }, 'due_date_range'),
  letterNumber: text(100).optional(),
});

/** Stop notice (mẫu 05). */
export const stopInput = z.strictObject({ reason, noticeNumber: text(100).optional() });

export type ReceiveNewInput = z.infer<typeof receiveNewInput>;
export type ReceiveSubmittedInput = z.infer<typeof receiveSubmittedInput>;
export type RefuseNewInput = z.infer<typeof refuseNewInput>;
export type SubmitOnlineInput = z.infer<typeof submitOnlineInput>;
export type AssignInput = z.infer<typeof assignInput>;
export type RequestSupplementInput = z.infer<typeof requestSupplementInput>;
export type ReceiveSupplementInput = z.infer<typeof receiveSupplementInput>;
export type ApproveInput = z.infer<typeof approveInput>;
export type ReturnResultInput = z.infer<typeof returnResultInput>;
export type ExtendInput = z.infer<typeof extendInput>;
