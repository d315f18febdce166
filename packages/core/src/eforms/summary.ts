import type { Locale } from '../i18n/locale.ts';
import type { Eform, EformAnswers, EformField } from './form.ts';
import { fieldLabel } from './validate.ts';

/** One answer as a person reads it: the question's label and the answer's words. */
export interface AnswerRow {
  key: string;
  label: string;
  value: string;
}

const optionLabel = (f: EformField, value: string, locale: Locale) => {
  const o = f.options?.find((x) => x.value === value);
  return o ? (locale === 'en' ? (o.labelEn ?? o.labelVi) : o.labelVi) : value;
};

/** The answers in the form's order, labelled from the form, choices shown by their labels. */
export function answerRows(form: Eform, answers: EformAnswers, locale: Locale): AnswerRow[] {
  return form.pages.flatMap((p) =>
    p.fields.flatMap((f) => {
      const v = answers[f.key];
      if (v === undefined || v === null || v === '') return [];
      const value = Array.isArray(v)
        ? v.map((x) => optionLabel(f, String(x), locale)).join(', ')
        : optionLabel(f, String(v), locale);
      return [{ key: f.key, label: fieldLabel(f, locale), value }];
    }),
  );
}
