import type {
  CodeKind,
  DocumentForm,
  OnlineLevel,
  ProcedureContent,
  ProcedureLevel,
  ProcessStepRole,
  ResultType,
  ReviewFlag,
  TimeUnit,
} from '@motcua/core';
import type { Messages } from '../../i18n/vi.ts';

/**
 * The procedure editor's form model: ProcedureContent with numbers kept as typed text (so that a
 * half-typed value is not lost) and a stable key on every repeatable row.
 */
export interface FormState {
  code: string;
  codeKind: CodeKind;
  name: string;
  fieldCode: string;
  agencyCode: string;
  level: ProcedureLevel;
  legalBasis: { key: number; text: string }[];
  time: { value: string; unit: TimeUnit; note: string };
  fees: { key: number; name: string; amount: string; note: string }[];
  documents: {
    key: number;
    name: string;
    copies: string;
    form: DocumentForm;
    required: boolean;
    template: string;
  }[];
  resultType: ResultType;
  resultName: string;
  onlineLevel: OnlineLevel;
  postalAllowed: boolean;
  steps: { key: number; name: string; role: ProcessStepRole | ''; unitCode: string; hours: string }[];
  publication: { decisionNumber: string; date: string };
  applicants: string;
  conditions: string;
  howToApply: string;
  needsReview: ReviewFlag[];
}

let nextKey = 0;
export const newKey = () => ++nextKey;

export function emptyForm(agencyCode = ''): FormState {
  return {
    code: '',
    codeKind: 'national',
    name: '',
    fieldCode: '',
    agencyCode,
    level: 'province',
    legalBasis: [],
    time: { value: '', unit: 'working_days', note: '' },
    fees: [],
    documents: [],
    resultType: 'paper',
    resultName: '',
    onlineLevel: 'none',
    postalAllowed: false,
    steps: [],
    publication: { decisionNumber: '', date: '' },
    applicants: '',
    conditions: '',
    howToApply: '',
    needsReview: [],
  };
}

const numText = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

export function fromContent(c: ProcedureContent): FormState {
  return {
    code: c.code ?? '',
    codeKind: c.codeKind ?? 'national',
    name: c.name ?? '',
    fieldCode: c.fieldCode ?? '',
    agencyCode: c.agencyCode ?? '',
    level: c.level ?? 'province',
    legalBasis: (c.legalBasis ?? []).map((text) => ({ key: newKey(), text })),
    time: {
      value: numText(c.processingTime?.value),
      unit: c.processingTime?.unit ?? 'working_days',
      note: c.processingTime?.note ?? '',
    },
    fees: (c.fees ?? []).map((f) => ({
      key: newKey(),
      name: f.name,
      amount: numText(f.amountVnd),
      note: f.note ?? '',
    })),
    documents: (c.documents ?? []).map((d) => ({
      key: newKey(),
      name: d.name,
      copies: numText(d.copies),
      form: d.form,
      required: d.required,
      template: d.template ?? '',
    })),
    resultType: c.resultType ?? 'paper',
    resultName: c.resultName ?? '',
    onlineLevel: c.onlineLevel ?? 'none',
    postalAllowed: !!c.postalAllowed,
    steps: (c.steps ?? []).map((s) => ({
      key: newKey(),
      name: s.name,
      role: s.role,
      unitCode: s.unitCode ?? '',
      hours: numText(s.hours),
    })),
    publication: { decisionNumber: c.publication?.decisionNumber ?? '', date: c.publication?.date ?? '' },
    applicants: c.applicants ?? '',
    conditions: c.conditions ?? '',
    howToApply: c.howToApply ?? '',
    needsReview: [...(c.needsReview ?? [])],
  };
}

/** "1.234,5" or "1234.5" as a number; empty as null; anything else as NaN. */
export function parseNumber(text: string): number | null {
  const s = text.trim().replace(/\s/g, '');
  if (s === '') return null;
  // Vietnamese writes 1.000.000 for a million and 2,5 for two and a half.
  const normalised = /^\d{1,3}(\.\d{3})+$/.test(s) ? s.replace(/\./g, '') : s.replace(',', '.');
  const n = Number(normalised);
  return Number.isFinite(n) ? n : Number.NaN;
}

/** Numbers that could not be read, by path, so that they are reported before anything is sent. */
export function numberProblems(f: FormState, t: Messages): Record<string, string> {
  const bad: Record<string, string> = {};
  const e = t.editor;
  if (Number.isNaN(parseNumber(f.time.value))) {
    bad['processingTime.value'] = t.validation.numberInvalid(`${e.processingTime}: ${e.timeValue}`);
  }
  f.fees.forEach((x, i) => {
    if (Number.isNaN(parseNumber(x.amount))) {
      bad[`fees[${i}].amountVnd`] = t.validation.numberInvalid(`${e.feeItem(i + 1)}: ${e.feeAmount}`);
    }
  });
  f.documents.forEach((x, i) => {
    if (Number.isNaN(parseNumber(x.copies))) {
      bad[`documents[${i}].copies`] = t.validation.numberInvalid(`${e.documentItem(i + 1)}: ${e.docCopies}`);
    }
  });
  f.steps.forEach((x, i) => {
    if (Number.isNaN(parseNumber(x.hours))) {
      bad[`steps[${i}].hours`] = t.validation.numberInvalid(`${e.stepItem(i + 1)}: ${e.stepHours}`);
    }
  });
  return bad;
}

const opt = (s: string) => {
  const v = s.trim();
  return v ? v : undefined;
};

/** The content sent to the server. Required values left empty are sent empty, for the server to name. */
export function toContent(f: FormState): ProcedureContent {
  const decision = f.publication.decisionNumber.trim();
  const date = f.publication.date.trim();
  const content: ProcedureContent = {
    code: f.code.trim(),
    codeKind: f.codeKind,
    name: f.name.trim(),
    fieldCode: f.fieldCode.trim(),
    agencyCode: f.agencyCode.trim(),
    level: f.level,
    legalBasis: f.legalBasis.map((l) => l.text.trim()),
    processingTime: {
      value: parseNumber(f.time.value),
      unit: f.time.unit,
      ...(opt(f.time.note) ? { note: opt(f.time.note) } : {}),
    },
    fees: f.fees.map((x) => ({
      name: x.name.trim(),
      amountVnd: parseNumber(x.amount),
      ...(opt(x.note) ? { note: opt(x.note) } : {}),
    })),
    documents: f.documents.map((d) => ({
      name: d.name.trim(),
      copies: parseNumber(d.copies) ?? 0,
      form: d.form,
      required: d.required,
      ...(opt(d.template) ? { template: opt(d.template) } : {}),
    })),
    resultType: f.resultType,
    ...(opt(f.resultName) ? { resultName: opt(f.resultName) } : {}),
    onlineLevel: f.onlineLevel,
    postalAllowed: f.postalAllowed,
    steps: f.steps.map((s) => ({
      name: s.name.trim(),
      role: s.role as ProcessStepRole,
      ...(opt(s.unitCode) ? { unitCode: opt(s.unitCode) } : {}),
      hours: parseNumber(s.hours) ?? 0,
    })),
    publication: decision || date ? { decisionNumber: decision, date } : null,
    ...(opt(f.applicants) ? { applicants: opt(f.applicants) } : {}),
    ...(opt(f.conditions) ? { conditions: opt(f.conditions) } : {}),
    ...(opt(f.howToApply) ? { howToApply: opt(f.howToApply) } : {}),
    needsReview: f.needsReview,
  };
  return content;
}
