import { z } from 'zod';

/**
 * An e-form (biểu mẫu điện tử) as catalogue data: ordered pages, each asking one question or a
 * small group of related ones (GOV.UK "one thing per page"). Labels and hints are Vietnamese, with
 * English beside them; the validator below words its messages from them.
 */
export const EFORM_FIELD_TYPES = [
  'text',
  'textarea',
  'date',
  'number',
  'select',
  'radio',
  'checkbox',
  'id_number',
  'phone',
  'email',
] as const;
export type EformFieldType = (typeof EFORM_FIELD_TYPES)[number];

/** Types whose answer is one (or, for checkbox, several) of the listed options. */
export const OPTION_TYPES: ReadonlySet<EformFieldType> = new Set(['select', 'radio', 'checkbox']);

const label = z.string().trim().min(1).max(300);
const hint = z.string().trim().max(600).optional();

export const eformOptionSchema = z.object({
  value: z
    .string()
    .trim()
    .regex(/^[a-z0-9_-]{1,60}$/),
  labelVi: label,
  labelEn: label.optional(),
});

export const eformFieldSchema = z
  .object({
    key: z
      .string()
      .trim()
      .regex(/^[a-z][a-zA-Z0-9_]{0,59}$/),
    type: z.enum(EFORM_FIELD_TYPES),
    required: z.boolean(),
    labelVi: label,
    labelEn: label.optional(),
    hintVi: hint,
    hintEn: hint,
    /** Length (text types), value (number) or date (YYYY-MM-DD, or "today"). */
    min: z.union([z.number(), z.string().max(10)]).optional(),
    max: z.union([z.number(), z.string().max(10)]).optional(),
    /** Whole numbers only (number): a count of months, of people. */
    integer: z.boolean().optional(),
    /** A regular expression the whole text answer must match (text, textarea). */
    pattern: z.string().max(200).optional(),
    options: z.array(eformOptionSchema).max(100).optional(),
  })
  .superRefine((f, ctx) => {
    if (OPTION_TYPES.has(f.type) && (f.options?.length ?? 0) < 1)
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'Thêm ít nhất một lựa chọn cho câu hỏi này (add at least one option)',
      });
    if (f.pattern !== undefined) {
      try {
        new RegExp(f.pattern, 'u');
      } catch {
        ctx.addIssue({
          code: 'custom',
          path: ['pattern'],
          message: 'Mẫu kiểm tra (pattern) không phải biểu thức chính quy hợp lệ (invalid pattern)',
        });
      }
    }
  });

export const eformPageSchema = z.object({
  /** The page's question (or, for a group, its heading). */
  titleVi: label,
  titleEn: label.optional(),
  fields: z.array(eformFieldSchema).min(1).max(6),
});

export const eformSchema = z
  .object({
    pages: z.array(eformPageSchema).min(1).max(60),
  })
  .superRefine((form, ctx) => {
    const seen = new Set<string>();
    for (const [p, page] of form.pages.entries()) {
      for (const [f, field] of page.fields.entries()) {
        if (seen.has(field.key))
          ctx.addIssue({
            code: 'custom',
            path: ['pages', p, 'fields', f, 'key'],
            message: 'Mã trường bị trùng với một trường khác (duplicate field key)',
          });
        seen.add(field.key);
      }
    }
  });

export type EformOption = z.infer<typeof eformOptionSchema>;
export type EformField = z.infer<typeof eformFieldSchema>;
export type EformPage = z.infer<typeof eformPageSchema>;
export type Eform = z.infer<typeof eformSchema>;

/** An answer as the browser sends it: text, a number, or the chosen options of a checkbox. */
export const eformAnswerSchema = z.union([
  z.string().max(5000),
  z.number(),
  z.array(z.string().max(60)).max(100),
]);
export const eformAnswersSchema = z.record(z.string().max(60), eformAnswerSchema);
export type EformAnswers = z.infer<typeof eformAnswersSchema>;

export const eformFields = (form: Eform): EformField[] => form.pages.flatMap((p) => p.fields);
