import type { DossierAction } from '@motcua/core';
import type { ReactNode } from 'react';
import type { DossierDetail } from '../../api/types.ts';
import { type FieldErrors, fieldId, InlineError, TextArea } from '../../components/forms.tsx';
import { useI18n } from '../../i18n/index.tsx';
import type { Messages } from '../../i18n/vi.ts';

/** The pieces every action form is made of: its context, the shared fields, the simplest specs. */

export interface ActionTarget {
  id: string;
  version: number;
  code: string | null;
}

export interface Ctx {
  action: DossierAction;
  t: Messages;
  locale: 'vi' | 'en';
  target: ActionTarget;
  detail: DossierDetail | undefined;
}

export interface FieldsProps<D> {
  draft: D;
  set: (next: D) => void;
  errors: FieldErrors;
  ctx: Ctx;
}

export interface ActionSpec<D> {
  initial: (ctx: Ctx) => D;
  validate?: (draft: D, ctx: Ctx) => FieldErrors;
  input: (draft: D, ctx: Ctx) => Record<string, unknown>;
  Fields: (props: FieldsProps<D>) => ReactNode;
  /** Cannot be undone: ask for a ticked confirmation. */
  confirm?: boolean;
  variant?: 'primary' | 'warning';
}

export const trimmed = (s: string) => s.trim();
export const optional = (key: string, value: string) => (value.trim() ? { [key]: value.trim() } : {});
export const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

// ---------- Field groups ----------

export function NoteField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  const { t } = useI18n();
  return (
    <TextArea
      id={fieldId('note')}
      label={t.actions.note}
      hint={t.actions.noteHint}
      optional
      rows={3}
      maxLength={4000}
      value={value}
      error={error}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

export function ReasonField({
  value,
  onChange,
  error,
  label,
  hint,
}: {
  value: string;
  onChange: (v: string) => void;
  error?: string;
  label?: string;
  hint?: string;
}) {
  const { t } = useI18n();
  return (
    <TextArea
      id={fieldId('reason')}
      label={label ?? t.actions.reason}
      hint={hint}
      rows={3}
      maxLength={4000}
      value={value}
      error={error}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/**
 * Items the user adds and takes away (one at least stays), each in a numbered fieldset of its own.
 * `children` draws the fields of one item, with the way to change it.
 */
export function ItemList<I extends object>({
  legend,
  hint,
  error,
  itemLegend,
  items,
  newItem,
  onChange,
  children,
}: {
  legend: string;
  hint?: string;
  /** About the list as a whole. */
  error?: string;
  itemLegend: (n: number) => string;
  items: I[];
  newItem: () => I;
  onChange: (items: I[]) => void;
  children: (item: I, i: number, change: (patch: Partial<I>) => void) => ReactNode;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend fieldset__legend--m">{legend}</legend>
      {hint ? <div className="hint">{hint}</div> : null}
      {error ? <InlineError id={fieldId('items')} error={error} /> : null}
      {items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the rows are numbered in order
        <fieldset className="repeat" key={i}>
          <legend className="repeat__legend">{itemLegend(i + 1)}</legend>
          {children(item, i, (patch) => onChange(items.map((it, j) => (j === i ? { ...it, ...patch } : it))))}
          {items.length > 1 ? (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => onChange(items.filter((_, j) => j !== i))}
            >
              {t.actions.removeItem(i + 1)}
            </button>
          ) : null}
        </fieldset>
      ))}
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => onChange([...items, newItem()])}
      >
        {t.actions.addItem}
      </button>
    </fieldset>
  );
}

// ---------- The actions ----------

export interface NoteDraft {
  note: string;
}

export const noteOnly: ActionSpec<NoteDraft> = {
  initial: () => ({ note: '' }),
  input: (d) => optional('note', d.note),
  Fields: ({ draft, set, errors }) => (
    <NoteField value={draft.note} onChange={(note) => set({ ...draft, note })} error={errors.note} />
  ),
};

/** The step a forward leads to: the next work step, or the approval step (DOMAIN.md §3). */
export function nextStep(detail: DossierDetail | undefined) {
  if (!detail?.step) return null;
  return detail.steps[detail.step.index + 1] ?? null;
}

export const forwardStep: ActionSpec<NoteDraft> = {
  ...noteOnly,
  Fields: ({ draft, set, errors, ctx }) => {
    const next = nextStep(ctx.detail);
    return (
      <>
        {next ? (
          <p className="action-info">
            {next.role === 'leader'
              ? ctx.t.actions.forwardToApproval(next.name)
              : ctx.t.actions.forwardTo(next.name, next.roleLabel)}
          </p>
        ) : null}
        <NoteField value={draft.note} onChange={(note) => set({ ...draft, note })} error={errors.note} />
      </>
    );
  },
};

export interface ReasonDraft {
  reason: string;
}

export function ReasonOnlyFields({ draft, set, errors, ctx }: FieldsProps<ReasonDraft>) {
  return (
    <ReasonField
      value={draft.reason}
      label={ctx.action === 'refuse' ? ctx.t.counter.reason : undefined}
      onChange={(reason) => set({ ...draft, reason })}
      error={errors.reason}
    />
  );
}

export const reasonOnly = (confirm = false): ActionSpec<ReasonDraft> => ({
  initial: () => ({ reason: '' }),
  validate: (d, { t }): FieldErrors => (trimmed(d.reason) ? {} : { reason: t.actions.reasonRequired }),
  input: (d) => ({ reason: d.reason.trim() }),
  confirm,
  variant: confirm ? 'warning' : 'primary',
  Fields: ReasonOnlyFields,
});
