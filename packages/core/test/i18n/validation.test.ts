import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { localiseIssues } from '../../src/i18n/validation.ts';

const schema = z.object({
  copies: z.number().int(),
  pageSize: z.coerce.number().int(),
  name: z.string(),
  effectiveFrom: z.iso.date(),
});

const messages = (input: unknown, locale: 'vi' | 'en') => {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected the input to be refused');
  return localiseIssues(result.error.issues, locale).map((e) => e.message);
};

describe('validation messages', () => {
  it('tells a missing value from a value of the wrong kind', () => {
    expect(messages({ copies: 'hai', pageSize: '1.5', effectiveFrom: '2026-01-01' }, 'vi')).toEqual([
      'Số bản (copies): phải là số',
      'Số dòng mỗi trang (pageSize): phải là số nguyên',
      'Tên (name): chưa được nhập',
    ]);
    expect(messages({ copies: 1.5, pageSize: 2, name: 'x', effectiveFrom: '01/01/2026' }, 'en')).toEqual([
      'Copies (copies): must be a whole number',
      'Effective from (effectiveFrom): must be a date as YYYY-MM-DD',
    ]);
  });
});
