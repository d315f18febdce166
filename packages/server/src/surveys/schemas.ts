import { questionnaireContentSchema } from '@motcua/core';
import { z } from 'zod';

/** Request schemas of the survey routes (the success bodies are core's `surveys/api.ts`). */

export const idParams = z.object({ id: z.uuid() });
export const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) });

export const answersSchema = z
  .record(z.string().max(40), z.number())
  .refine((a) => Object.keys(a).length <= 100, { message: 'answer_unknown_question' });

export const answerBody = z.strictObject({ questionnaireId: z.uuid(), answers: answersSchema });

export const paperBody = z.strictObject({
  unitId: z.uuid(),
  serial: z
    .string()
    .trim()
    .regex(/^[\p{L}\p{N}./-]{1,40}$/u, { message: 'serial_format' }),
  answeredOn: z.iso.date({ message: 'date_format' }),
  questionnaireId: z.uuid(),
  answers: answersSchema,
});

export const draftBody = z.strictObject({ agencyId: z.uuid().optional() });
export const contentBody = z.strictObject({ content: questionnaireContentSchema });
export const kioskBody = z.strictObject({ unitId: z.uuid() });

export const resultsQuery = z.object({
  agencyId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  from: z.iso.date({ message: 'date_format' }).optional(),
  to: z.iso.date({ message: 'date_format' }).optional(),
});
export const agencyQuery = z.object({ agencyId: z.uuid().optional() });
