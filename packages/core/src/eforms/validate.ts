import type { Locale } from '../i18n/locale.ts';
import { type Eform, type EformAnswers, type EformField, eformFields, OPTION_TYPES } from './form.ts';

/** One message next to one field, and in the error summary at the top of the page. */
export interface EformFieldError {
  path: string;
  message: string;
}

/** What a field's answer may be wrong by; each worded as a person can act on it. */
export type EformProblem =
  | 'required'
  | 'required_choice'
  | 'too_short'
  | 'too_long'
  | 'pattern'
  | 'not_number'
  | 'not_whole'
  | 'too_small'
  | 'too_large'
  | 'not_date'
  | 'date_too_early'
  | 'date_too_late'
  | 'not_option'
  | 'id_number'
  | 'phone'
  | 'email';

type Words = (label: string, limit: string) => string;
/** The messages as a typed table: Vietnamese first, English on request. */
export const EFORM_MESSAGES: Record<EformProblem, Record<Locale, Words>> = {
  required: {
    vi: (l) => `Nhập ${lower(l)}`,
    en: (l) => `Enter ${lower(l)}`,
  },
  required_choice: {
    vi: (l) => `Chọn ${lower(l)}`,
    en: (l) => `Select ${lower(l)}`,
  },
  too_short: {
    vi: (l, n) => `${l} phải có ít nhất ${n} ký tự`,
    en: (l, n) => `${l} must be ${n} characters or more`,
  },
  too_long: {
    vi: (l, n) => `${l} chỉ được tối đa ${n} ký tự`,
    en: (l, n) => `${l} must be ${n} characters or fewer`,
  },
  pattern: {
    vi: (l) => `${l} chưa đúng định dạng, xem gợi ý dưới ô nhập`,
    en: (l) => `${l} is not in the right format; see the hint under the box`,
  },
  not_number: {
    vi: (l) => `${l} phải là một số, ví dụ 3`,
    en: (l) => `${l} must be a number, like 3`,
  },
  not_whole: {
    vi: (l) => `${l} phải là một số nguyên, không có phần lẻ, ví dụ 12`,
    en: (l) => `${l} must be a whole number, like 12`,
  },
  too_small: {
    vi: (l, n) => `${l} phải lớn hơn hoặc bằng ${n}`,
    en: (l, n) => `${l} must be ${n} or more`,
  },
  too_large: {
    vi: (l, n) => `${l} phải nhỏ hơn hoặc bằng ${n}`,
    en: (l, n) => `${l} must be ${n} or less`,
  },
  not_date: {
    vi: (l) => `${l} phải là một ngày có thật, ví dụ 27/3/2007`,
    en: (l) => `${l} must be a real date, like 27 3 2007`,
  },
  date_too_early: {
    vi: (l, d) => `${l} phải từ ngày ${d} trở đi`,
    en: (l, d) => `${l} must be on or after ${d}`,
  },
  date_too_late: {
    vi: (l, d) => `${l} không được sau ngày ${d}`,
    en: (l, d) => `${l} must be on or before ${d}`,
  },
  not_option: {
    vi: (l) => `Chọn ${lower(l)} trong danh sách`,
    en: (l) => `Select ${lower(l)} from the list`,
  },
  id_number: {
    vi: (l) => `${l} phải gồm 12 chữ số (căn cước) hoặc 9 chữ số (chứng minh nhân dân cũ)`,
    en: (l) => `${l} must be 12 digits (citizen ID) or 9 digits (old ID card)`,
  },
  phone: {
    vi: (l) => `${l} phải là số điện thoại Việt Nam, ví dụ 0912 345 678`,
    en: (l) => `${l} must be a Vietnamese phone number, like 0912 345 678`,
  },
  email: {
    vi: (l) => `${l} phải có dạng ten@example.vn`,
    en: (l) => `${l} must be like name@example.vn`,
  },
};

/** The longest answer a text question takes when its form sets no limit (the API takes 5000 characters). */
export const TEXT_MAX = { text: 500, textarea: 5000 } as const;
/** The longest email address (RFC 5321). */
const EMAIL_MAX = 254;

const lower = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

/**
 * A number as people type it in Vietnam: "12", "12,5" (a decimal comma), "12.000" or "12 000"
 * (thousands grouped by dots or spaces, so "12.000" is twelve thousand, never twelve).
 */
export function readNumber(raw: string): number {
  const s = raw.trim();
  if (/^\d{1,3}([. ]\d{3})+$/.test(s)) return Number(s.replace(/[. ]/g, ''));
  return s === '' ? NaN : Number(s.replace(',', '.'));
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Day/month/year as people write it, or ISO. Answers a YYYY-MM-DD or null when no real date. */
export function parseEformDate(raw: string): string | null {
  const s = raw.trim();
  const dmy = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$/.exec(s);
  const iso = ISO_DATE.exec(s);
  const [y, m, d] = dmy ? [+dmy[3]!, +dmy[2]!, +dmy[1]!] : iso ? [+iso[1]!, +iso[2]!, +iso[3]!] : [0, 0, 0];
  if (!y) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const showDate = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `${+d!}/${+m!}/${y}`;
};

const isEmpty = (v: unknown) =>
  v === undefined ||
  v === null ||
  (typeof v === 'string' && v.trim() === '') ||
  (Array.isArray(v) && v.length === 0);

/** The field's problem with this answer, or null. `today` is the civil date (YYYY-MM-DD) in Vietnam. */
export function fieldProblem(
  field: EformField,
  value: unknown,
  today: string,
): { problem: EformProblem; limit?: string } | null {
  if (isEmpty(value))
    return field.required ? { problem: OPTION_TYPES.has(field.type) ? 'required_choice' : 'required' } : null;
  if (OPTION_TYPES.has(field.type)) {
    const allowed = new Set((field.options ?? []).map((o) => o.value));
    const chosen = Array.isArray(value) ? value : [value];
    if (field.type !== 'checkbox' && Array.isArray(value)) return { problem: 'not_option' };
    return chosen.every((c) => typeof c === 'string' && allowed.has(c)) ? null : { problem: 'not_option' };
  }
  if (field.type === 'number') {
    const n = typeof value === 'number' ? value : typeof value === 'string' ? readNumber(value) : NaN;
    if (!Number.isFinite(n)) return { problem: 'not_number' };
    if (field.integer && !Number.isInteger(n)) return { problem: 'not_whole' };
    if (typeof field.min === 'number' && n < field.min)
      return { problem: 'too_small', limit: String(field.min) };
    if (typeof field.max === 'number' && n > field.max)
      return { problem: 'too_large', limit: String(field.max) };
    return null;
  }
  if (typeof value !== 'string') return { problem: field.type === 'date' ? 'not_date' : 'pattern' };
  const text = value.trim();
  switch (field.type) {
    case 'date': {
      const iso = parseEformDate(text);
      if (!iso) return { problem: 'not_date' };
      const bound = (b: unknown) =>
        b === 'today' ? today : typeof b === 'string' ? parseEformDate(b) : null;
      const min = bound(field.min);
      const max = bound(field.max);
      if (min && iso < min) return { problem: 'date_too_early', limit: showDate(min) };
      if (max && iso > max) return { problem: 'date_too_late', limit: showDate(max) };
      return null;
    }
    case 'id_number':
      return /^(\d{9}|\d{12})$/.test(text.replace(/\s/g, '')) ? null : { problem: 'id_number' };
    case 'phone':
      // A mobile (09x, 03x, …: 10 digits) or a landline (02x area code: 11 digits), maybe as +84.
      return /^(\+84|0)([35789]\d{8}|2\d{9})$/.test(text.replace(/[\s.()-]/g, ''))
        ? null
        : { problem: 'phone' };
    case 'email':
      if ([...text].length > EMAIL_MAX) return { problem: 'too_long', limit: String(EMAIL_MAX) };
      return /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(text) ? null : { problem: 'email' };
    default: {
      const length = [...text].length;
      // A form without its own limit still has one, said in words before the request is refused.
      const max =
        typeof field.max === 'number' ? field.max : TEXT_MAX[field.type === 'textarea' ? 'textarea' : 'text'];
      if (typeof field.min === 'number' && length < field.min)
        return { problem: 'too_short', limit: String(field.min) };
      if (length > max) return { problem: 'too_long', limit: String(max) };
      if (field.pattern && !new RegExp(`^(?:${field.pattern})$`, 'u').test(text))
        return { problem: 'pattern' };
      return null;
    }
  }
}

export function fieldLabel(field: EformField, locale: Locale): string {
  return locale === 'en' ? (field.labelEn ?? field.labelVi) : field.labelVi;
}

export interface ValidateOptions {
  /** Only these fields (one page of the form); all when absent. */
  keys?: readonly string[];
  /** Today's civil date in Vietnam, for "today" bounds. */
  today?: string;
}

/**
 * Checks answers against the form: one message per wrong field, in form order, worded in the
 * locale. The server checks with this same function before it saves a page and before it submits.
 */
export function validateAnswers(
  form: Eform,
  answers: EformAnswers,
  locale: Locale = 'vi',
  options: ValidateOptions = {},
): EformFieldError[] {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const only = options.keys ? new Set(options.keys) : null;
  const errors: EformFieldError[] = [];
  for (const field of eformFields(form)) {
    if (only && !only.has(field.key)) continue;
    const found = fieldProblem(field, answers[field.key], today);
    if (found)
      errors.push({
        path: field.key,
        message: EFORM_MESSAGES[found.problem][locale](fieldLabel(field, locale), found.limit ?? ''),
      });
  }
  return errors;
}

/** Answers keyed by the form's fields only, text trimmed: what is stored. Unknown keys are dropped. */
export function cleanAnswers(form: Eform, answers: EformAnswers): EformAnswers {
  const out: EformAnswers = {};
  for (const field of eformFields(form)) {
    const v = answers[field.key];
    if (v === undefined) continue;
    out[field.key] = typeof v === 'string' ? v.trim() : v;
  }
  return out;
}
