import { DOSSIER_ACTION_LABELS, type DossierAction, ROLE_LABELS } from '@motcua/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { isApiError } from '../../api/client.ts';
import { useAssignees, useDossierAction } from '../../api/dossiers.ts';
import { usePublicProcedure } from '../../api/public.ts';
import type { DossierDetail } from '../../api/types.ts';
import { DateField } from '../../components/DateInput.tsx';
import { useIdempotencyKey } from '../../components/dossier.tsx';
import {
  Checkbox,
  ErrorSummary,
  type FieldErrors,
  fieldId,
  InlineError,
  isIsoDate,
  Radios,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
  useFormErrors,
} from '../../components/forms.tsx';
import { Loading, Notice } from '../../components/ui.tsx';
import { useI18n } from '../../i18n/index.tsx';
import type { Messages } from '../../i18n/vi.ts';
import {
  Checklist,
  type ChecklistRow,
  checklistErrors,
  checklistInput,
  initialChecklist,
} from './Checklist.tsx';

/**
 * Each action of the lifecycle as a small form: its fields, a check before sending, the input the
 * API expects (the zod schemas of core's dossier/inputs.ts), and a confirmation for what cannot be
 * undone. What the user types lives in a draft held by the page, so that it survives a reload of
 * the dossier (someone else acted first) and the form closing.
 */

export interface ActionTarget {
  id: string;
  version: number;
  code: string | null;
}

interface Ctx {
  action: DossierAction;
  t: Messages;
  locale: 'vi' | 'en';
  target: ActionTarget;
  detail: DossierDetail | undefined;
}

interface FieldsProps<D> {
  draft: D;
  set: (next: D) => void;
  errors: FieldErrors;
  ctx: Ctx;
}

interface ActionSpec<D> {
  initial: (ctx: Ctx) => D;
  validate?: (draft: D, ctx: Ctx) => FieldErrors;
  input: (draft: D, ctx: Ctx) => Record<string, unknown>;
  Fields: (props: FieldsProps<D>) => ReactNode;
  /** Cannot be undone: ask for a ticked confirmation. */
  confirm?: boolean;
  variant?: 'primary' | 'warning';
}

const trimmed = (s: string) => s.trim();
const optional = (key: string, value: string) => (value.trim() ? { [key]: value.trim() } : {});
const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

// ---------- Field groups ----------

function NoteField({
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

function ReasonField({
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
function ItemList<I extends object>({
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

interface NoteDraft {
  note: string;
}

const noteOnly: ActionSpec<NoteDraft> = {
  initial: () => ({ note: '' }),
  input: (d) => optional('note', d.note),
  Fields: ({ draft, set, errors }) => (
    <NoteField value={draft.note} onChange={(note) => set({ ...draft, note })} error={errors.note} />
  ),
};

/** The step a forward leads to: the next work step, or the approval step (DOMAIN.md §3). */
function nextStep(detail: DossierDetail | undefined) {
  if (!detail?.step) return null;
  return detail.steps[detail.step.index + 1] ?? null;
}

const forwardStep: ActionSpec<NoteDraft> = {
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

interface ReasonDraft {
  reason: string;
}

function ReasonOnlyFields({ draft, set, errors, ctx }: FieldsProps<ReasonDraft>) {
  return (
    <ReasonField
      value={draft.reason}
      label={ctx.action === 'refuse' ? ctx.t.counter.reason : undefined}
      onChange={(reason) => set({ ...draft, reason })}
      error={errors.reason}
    />
  );
}

const reasonOnly = (confirm = false): ActionSpec<ReasonDraft> => ({
  initial: () => ({ reason: '' }),
  validate: (d, { t }): FieldErrors => (trimmed(d.reason) ? {} : { reason: t.actions.reasonRequired }),
  input: (d) => ({ reason: d.reason.trim() }),
  confirm,
  variant: confirm ? 'warning' : 'primary',
  Fields: ReasonOnlyFields,
});

interface AssignDraft {
  assigneeId: string;
  note: string;
}

function AssignFields({ draft, set, errors, ctx }: FieldsProps<AssignDraft>) {
  const { t } = ctx;
  const assignees = useAssignees(ctx.target.id, true);
  const current = ctx.detail?.step?.assigneeName ?? ctx.detail?.assignee?.name;
  return (
    <>
      {current ? <p className="action-info">{t.actions.currentAssignee(current)}</p> : null}
      {assignees.isPending ? <Loading label={t.actions.assigneesLoading} /> : null}
      {assignees.isError ? (
        <Notice kind="warning" focus={false}>
          {t.actions.assigneesUnavailable}
        </Notice>
      ) : null}
      {assignees.data && assignees.data.items.length === 0 ? (
        <p className="warning-text">{t.actions.assigneesEmpty}</p>
      ) : null}
      <SelectField
        id={fieldId('assigneeId')}
        label={t.actions.assignee}
        hint={t.actions.assigneeHint}
        value={draft.assigneeId}
        error={errors.assigneeId}
        placeholder={t.actions.chooseAssignee}
        disabled={!assignees.data}
        options={(assignees.data?.items ?? []).map((a) => ({
          value: a.id,
          label: a.role ? `${a.fullName} (${ROLE_LABELS[a.role]?.[ctx.locale] ?? a.role})` : a.fullName,
        }))}
        onChange={(e) => set({ ...draft, assigneeId: e.target.value })}
      />
      <NoteField value={draft.note} onChange={(note) => set({ ...draft, note })} error={errors.note} />
    </>
  );
}

const assign: ActionSpec<AssignDraft> = {
  initial: () => ({ assigneeId: '', note: '' }),
  validate: (d, { t }): FieldErrors => (d.assigneeId ? {} : { assigneeId: t.actions.assigneeRequired }),
  input: (d) => ({ assigneeId: d.assigneeId, ...optional('note', d.note) }),
  Fields: AssignFields,
};

interface SupplementDraft {
  items: { description: string; reason: string }[];
  contactName: string;
  contactPhone: string;
  note: string;
}

function SupplementFields({ draft, set, errors, ctx }: FieldsProps<SupplementDraft>) {
  const { t } = ctx;
  return (
    <>
      <ItemList
        legend={t.actions.supplementItems}
        hint={t.actions.supplementItemsHint}
        error={errors.items}
        itemLegend={t.actions.supplementItem}
        items={draft.items}
        newItem={() => ({ description: '', reason: '' })}
        onChange={(items) => set({ ...draft, items })}
      >
        {(item, i, change) => (
          <>
            <TextField
              id={fieldId(`items[${i}].description`)}
              label={t.actions.supplementDescription}
              value={item.description}
              maxLength={2000}
              error={errors[`items[${i}].description`]}
              onChange={(e) => change({ description: e.target.value })}
            />
            <TextField
              id={fieldId(`items[${i}].reason`)}
              label={t.actions.supplementReason}
              value={item.reason}
              maxLength={2000}
              error={errors[`items[${i}].reason`]}
              onChange={(e) => change({ reason: e.target.value })}
            />
          </>
        )}
      </ItemList>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t.actions.contactTitle}</legend>
        <div className="form-row">
          <TextField
            id={fieldId('contact.name')}
            label={t.actions.contactName}
            optional
            autoComplete="off"
            value={draft.contactName}
            error={errors['contact.name']}
            onChange={(e) => set({ ...draft, contactName: e.target.value })}
          />
          <TextField
            id={fieldId('contact.phone')}
            label={t.actions.contactPhone}
            optional
            type="tel"
            autoComplete="off"
            value={draft.contactPhone}
            error={errors['contact.phone']}
            onChange={(e) => set({ ...draft, contactPhone: e.target.value })}
          />
        </div>
      </fieldset>
      <NoteField value={draft.note} onChange={(note) => set({ ...draft, note })} error={errors.note} />
    </>
  );
}

const requestSupplement: ActionSpec<SupplementDraft> = {
  initial: () => ({ items: [{ description: '', reason: '' }], contactName: '', contactPhone: '', note: '' }),
  validate: (d, { t }): FieldErrors => {
    const errs: FieldErrors = {};
    d.items.forEach((it, i) => {
      if (!trimmed(it.description)) errs[`items[${i}].description`] = t.actions.descriptionRequired(i + 1);
      if (!trimmed(it.reason)) errs[`items[${i}].reason`] = t.actions.itemReasonRequired(i + 1);
    });
    const name = trimmed(d.contactName);
    const phone = trimmed(d.contactPhone);
    if (!!name !== !!phone) errs[name ? 'contact.phone' : 'contact.name'] = t.actions.contactBoth;
    return errs;
  },
  input: (d) => ({
    items: d.items.map((it) => ({ description: it.description.trim(), reason: it.reason.trim() })),
    ...(d.contactName.trim() && d.contactPhone.trim()
      ? { contact: { name: d.contactName.trim(), phone: d.contactPhone.trim() } }
      : {}),
    ...optional('note', d.note),
  }),
  Fields: SupplementFields,
};

interface ReceiveSupplementDraft {
  received: string[];
  other: string;
  note: string;
}

/** What the last supplement request asked for. */
function requestedItems(detail: DossierDetail | undefined): string[] {
  const request = [...(detail?.events ?? [])].reverse().find((e) => e.action === 'request_supplement');
  const items = (request?.payload.items ?? []) as { description?: string }[];
  return items.map((i) => i.description ?? '').filter(Boolean);
}

function ReceiveSupplementFields({ draft, set, errors, ctx }: FieldsProps<ReceiveSupplementDraft>) {
  const { t } = ctx;
  const requested = requestedItems(ctx.detail);
  return (
    <>
      {requested.length > 0 ? (
        <div className={`form-group ${errors.documents ? 'form-group--error' : ''}`}>
          <fieldset
            className="fieldset"
            aria-describedby={`documents-hint${errors.documents ? ' f-documents-error' : ''}`}
          >
            <legend className="fieldset__legend">{t.actions.supplementReceived}</legend>
            <div className="hint" id="documents-hint">
              {t.actions.supplementReceivedHint}
            </div>
            <InlineError id={fieldId('documents')} error={errors.documents} />
            {requested.map((doc, i) => {
              const id = i === 0 ? fieldId('documents') : fieldId(`documents[${i}]`);
              return (
                <div className="checkbox__item" key={doc}>
                  <input
                    id={id}
                    type="checkbox"
                    className="checkbox__input"
                    checked={draft.received.includes(doc)}
                    onChange={(e) =>
                      set({
                        ...draft,
                        received: e.target.checked
                          ? [...draft.received, doc]
                          : draft.received.filter((d) => d !== doc),
                      })
                    }
                  />
                  <label className="checkbox__label" htmlFor={id}>
                    {doc}
                  </label>
                </div>
              );
            })}
          </fieldset>
        </div>
      ) : null}
      <TextArea
        id={requested.length > 0 ? fieldId('other') : fieldId('documents')}
        label={t.actions.supplementOther}
        hint={t.actions.supplementOtherHint}
        optional={requested.length > 0}
        rows={3}
        value={draft.other}
        error={requested.length > 0 ? undefined : errors.documents}
        onChange={(e) => set({ ...draft, other: e.target.value })}
      />
      <NoteField value={draft.note} onChange={(note) => set({ ...draft, note })} error={errors.note} />
    </>
  );
}

const receiveSupplement: ActionSpec<ReceiveSupplementDraft> = {
  initial: () => ({ received: [], other: '', note: '' }),
  validate: (d, { t, detail }): FieldErrors => {
    const requested = requestedItems(detail);
    if (requested.some((r) => !d.received.includes(r))) return { documents: t.actions.supplementAll };
    if (d.received.length + lines(d.other).length === 0) return { documents: t.actions.supplementNone };
    return {};
  },
  input: (d) => ({ documents: [...d.received, ...lines(d.other)], ...optional('note', d.note) }),
  Fields: ReceiveSupplementFields,
};

interface PaymentDraft {
  items: { name: string; amount: string }[];
  note: string;
}

function PaymentFields({ draft, set, errors, ctx }: FieldsProps<PaymentDraft>) {
  const { t } = ctx;
  return (
    <>
      <ItemList
        legend={t.actions.paymentItems}
        itemLegend={t.actions.paymentItem}
        items={draft.items}
        newItem={() => ({ name: '', amount: '' })}
        onChange={(items) => set({ ...draft, items })}
      >
        {(item, i, change) => (
          <div className="form-row">
            <TextField
              id={fieldId(`items[${i}].name`)}
              label={t.actions.paymentName}
              value={item.name}
              error={errors[`items[${i}].name`]}
              onChange={(e) => change({ name: e.target.value })}
            />
            <TextField
              id={fieldId(`items[${i}].amountVnd`)}
              label={t.actions.paymentAmount}
              inputMode="numeric"
              className="input-width-10"
              value={item.amount}
              error={errors[`items[${i}].amountVnd`]}
              onChange={(e) => change({ amount: e.target.value })}
            />
          </div>
        )}
      </ItemList>
      <NoteField value={draft.note} onChange={(note) => set({ ...draft, note })} error={errors.note} />
    </>
  );
}

const amountOf = (s: string) => s.replace(/[\s.,]/g, '');

const requestPayment: ActionSpec<PaymentDraft> = {
  initial: () => ({ items: [{ name: '', amount: '' }], note: '' }),
  validate: (d, { t }): FieldErrors => {
    const errs: FieldErrors = {};
    d.items.forEach((it, i) => {
      if (!trimmed(it.name)) errs[`items[${i}].name`] = t.actions.paymentNameRequired(i + 1);
      if (!/^\d{1,13}$/.test(amountOf(it.amount)))
        errs[`items[${i}].amountVnd`] = t.actions.paymentAmountInvalid(i + 1);
    });
    return errs;
  },
  input: (d) => ({
    items: d.items.map((it) => ({ name: it.name.trim(), amountVnd: Number(amountOf(it.amount)) })),
    ...optional('note', d.note),
  }),
  Fields: PaymentFields,
};

interface ConfirmPaymentDraft {
  reference: string;
  note: string;
}

const confirmPayment: ActionSpec<ConfirmPaymentDraft> = {
  initial: () => ({ reference: '', note: '' }),
  input: (d) => ({ ...optional('reference', d.reference), ...optional('note', d.note) }),
  Fields: ({ draft, set, errors, ctx }) => (
    <>
      <TextField
        id={fieldId('reference')}
        label={ctx.t.actions.paymentReference}
        optional
        className="input-width-20"
        value={draft.reference}
        error={errors.reference}
        onChange={(e) => set({ ...draft, reference: e.target.value })}
      />
      <NoteField value={draft.note} onChange={(note) => set({ ...draft, note })} error={errors.note} />
    </>
  ),
};

interface InterAgencyDraft {
  agency: string;
  note: string;
}

const sendInterAgency: ActionSpec<InterAgencyDraft> = {
  initial: () => ({ agency: '', note: '' }),
  validate: (d, { t }): FieldErrors => (trimmed(d.agency) ? {} : { agency: t.actions.interAgencyRequired }),
  input: (d) => ({ agency: d.agency.trim(), ...optional('note', d.note) }),
  Fields: ({ draft, set, errors, ctx }) => (
    <>
      <TextField
        id={fieldId('agency')}
        label={ctx.t.actions.interAgency}
        value={draft.agency}
        maxLength={300}
        error={errors.agency}
        onChange={(e) => set({ ...draft, agency: e.target.value })}
      />
      <NoteField value={draft.note} onChange={(note) => set({ ...draft, note })} error={errors.note} />
    </>
  ),
};

interface ApproveDraft {
  outcome: '' | 'granted' | 'refused';
  resultNumber: string;
  reason: string;
  note: string;
}

const approve: ActionSpec<ApproveDraft> = {
  initial: () => ({ outcome: '', resultNumber: '', reason: '', note: '' }),
  validate: (d, { t }): FieldErrors => {
    if (!d.outcome) return { outcome: t.actions.outcomeRequired };
    if (d.outcome === 'refused' && !trimmed(d.reason)) return { reason: t.actions.reasonRequired };
    return {};
  },
  input: (d) =>
    d.outcome === 'refused'
      ? { outcome: 'refused', reason: d.reason.trim(), ...optional('resultNumber', d.resultNumber) }
      : { outcome: 'granted', ...optional('resultNumber', d.resultNumber), ...optional('note', d.note) },
  confirm: true,
  Fields: ({ draft, set, errors, ctx }) => {
    const { t } = ctx;
    return (
      <>
        <Radios
          name="outcome"
          legend={t.actions.outcome}
          value={draft.outcome}
          error={errors.outcome}
          options={[
            { value: 'granted', label: t.actions.outcomeGranted },
            { value: 'refused', label: t.actions.outcomeRefused },
          ]}
          onChange={(v) => set({ ...draft, outcome: v as ApproveDraft['outcome'] })}
        />
        {draft.outcome ? (
          <div className="conditional">
            <TextField
              id={fieldId('resultNumber')}
              label={t.actions.resultNumber}
              hint={t.actions.resultNumberHint}
              optional
              className="input-width-20"
              value={draft.resultNumber}
              error={errors.resultNumber}
              onChange={(e) => set({ ...draft, resultNumber: e.target.value })}
            />
            {draft.outcome === 'refused' ? (
              <ReasonField
                label={t.actions.refuseReason}
                value={draft.reason}
                error={errors.reason}
                onChange={(reason) => set({ ...draft, reason })}
              />
            ) : (
              <NoteField
                value={draft.note}
                onChange={(note) => set({ ...draft, note })}
                error={errors.note}
              />
            )}
          </div>
        ) : null}
      </>
    );
  },
};

interface ReturnDraft {
  channel: string;
  note: string;
}

const returnResult: ActionSpec<ReturnDraft> = {
  initial: () => ({ channel: 'counter', note: '' }),
  validate: (d, { t }): FieldErrors => (d.channel ? {} : { channel: t.actions.returnChannelRequired }),
  input: (d) => ({ channel: d.channel, ...optional('note', d.note) }),
  confirm: true,
  Fields: ({ draft, set, errors, ctx }) => (
    <>
      <Radios
        name="channel"
        legend={ctx.t.actions.returnChannel}
        value={draft.channel}
        error={errors.channel}
        options={(['counter', 'post', 'online'] as const).map((c) => ({
          value: c,
          label: ctx.t.dossier.returnChannels[c] ?? c,
        }))}
        onChange={(channel) => set({ ...draft, channel })}
      />
      <NoteField value={draft.note} onChange={(note) => set({ ...draft, note })} error={errors.note} />
    </>
  ),
};

interface ExtendDraft {
  date: string;
  time: string;
  reason: string;
  letterNumber: string;
}

const extend: ActionSpec<ExtendDraft> = {
  initial: () => ({ date: '', time: '17:00', reason: '', letterNumber: '' }),
  validate: (d, { t }): FieldErrors => {
    const errs: FieldErrors = {};
    if (!isIsoDate(d.date.trim())) errs.newDueAt = t.actions.newDueDateRequired;
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(d.time.trim())) errs.newDueTime = t.actions.newDueTimeInvalid;
    if (!trimmed(d.reason)) errs.reason = t.actions.reasonRequired;
    return errs;
  },
  input: (d) => ({
    reason: d.reason.trim(),
    newDueAt: `${d.date.trim()}T${d.time.trim()}:00+07:00`,
    ...optional('letterNumber', d.letterNumber),
  }),
  confirm: true,
  Fields: ({ draft, set, errors, ctx }) => {
    const { t } = ctx;
    return (
      <>
        <p className="action-info">{t.actions.extendOnce}</p>
        <div className="form-row">
          <DateField
            id={fieldId('newDueAt')}
            label={t.actions.newDueDate}
            className="input-width-10"
            value={draft.date}
            error={errors.newDueAt}
            onChange={(v) => set({ ...draft, date: v })}
          />
          <TextField
            id={fieldId('newDueTime')}
            label={t.actions.newDueTime}
            hint={t.actions.newDueTimeHint}
            className="input-width-5"
            value={draft.time}
            error={errors.newDueTime}
            onChange={(e) => set({ ...draft, time: e.target.value })}
          />
        </div>
        <ReasonField
          value={draft.reason}
          onChange={(reason) => set({ ...draft, reason })}
          error={errors.reason}
        />
        <TextField
          id={fieldId('letterNumber')}
          label={t.actions.letterNumber}
          optional
          className="input-width-20"
          value={draft.letterNumber}
          error={errors.letterNumber}
          onChange={(e) => set({ ...draft, letterNumber: e.target.value })}
        />
      </>
    );
  },
};

interface StopDraft {
  reason: string;
  noticeNumber: string;
}

const stop: ActionSpec<StopDraft> = {
  initial: () => ({ reason: '', noticeNumber: '' }),
  validate: (d, { t }): FieldErrors => (trimmed(d.reason) ? {} : { reason: t.actions.reasonRequired }),
  input: (d) => ({ reason: d.reason.trim(), ...optional('noticeNumber', d.noticeNumber) }),
  confirm: true,
  variant: 'warning',
  Fields: ({ draft, set, errors, ctx }) => (
    <>
      <ReasonField
        value={draft.reason}
        onChange={(reason) => set({ ...draft, reason })}
        error={errors.reason}
      />
      <TextField
        id={fieldId('noticeNumber')}
        label={ctx.t.actions.noticeNumber}
        optional
        className="input-width-20"
        value={draft.noticeNumber}
        error={errors.noticeNumber}
        onChange={(e) => set({ ...draft, noticeNumber: e.target.value })}
      />
    </>
  ),
};

interface ReceiveDraft {
  rows: ChecklistRow[] | null;
}

/** Acceptance of an online submission: the same completeness check as at the counter. */
function ReceiveFields({ draft, set, errors, ctx }: FieldsProps<ReceiveDraft>) {
  const procedure = usePublicProcedure(ctx.detail?.procedure.id ?? '');
  const documents = procedure.data?.documents ?? [];
  const rows = draft.rows ?? initialChecklist(documents);
  if (procedure.isPending) return <Loading />;
  return (
    <Checklist documents={documents} rows={rows} errors={errors} onChange={(next) => set({ rows: next })} />
  );
}

const receiveSubmitted: ActionSpec<ReceiveDraft> = {
  initial: () => ({ rows: null }),
  validate: (d, { t }): FieldErrors => {
    if (!d.rows) return {};
    const docs = d.rows.map((r) => ({ name: r.document, copies: 1, form: 'copy' as const, required: false }));
    return checklistErrors(docs, d.rows, t, false);
  },
  input: (d) => ({ checklist: checklistInput(d.rows ?? []) }),
  Fields: ReceiveFields,
};

// biome-ignore lint/suspicious/noExplicitAny: a registry of specs with different drafts
const SPECS: Partial<Record<DossierAction, ActionSpec<any>>> = {
  forward_step: forwardStep,
  submit_for_approval: noteOnly,
  receive_inter_agency: noteOnly,
  accept_withdrawal: { ...noteOnly, confirm: true },
  assign,
  request_supplement: requestSupplement,
  receive_supplement: receiveSupplement,
  request_payment: requestPayment,
  confirm_payment: confirmPayment,
  send_inter_agency: sendInterAgency,
  approve,
  return_for_rework: reasonOnly(),
  return_result: returnResult,
  extend,
  request_withdrawal: reasonOnly(),
  reject_withdrawal: reasonOnly(),
  stop,
  refuse: reasonOnly(true),
  receive: receiveSubmitted,
};

/** Actions only the system takes, or that create a dossier: never offered as a form. */
const HIDDEN: readonly DossierAction[] = ['close_unsupplemented', 'submit_online'];

export function isOfferedAction(action: DossierAction): boolean {
  return !HIDDEN.includes(action);
}

export function actionTitle(action: DossierAction, locale: 'vi' | 'en'): string {
  return DOSSIER_ACTION_LABELS[action]?.title[locale] ?? action;
}

/**
 * What was typed in the action panels of a page, by panel, so that it survives the panel closing and
 * a reload of the dossier. `of(key)` gives a panel its draft and the way to keep it.
 */
export function useDrafts() {
  const [drafts, setDrafts] = useState<Record<string, unknown>>({});
  return {
    of: (key: string) => ({
      draft: drafts[key],
      onDraft: (draft: unknown) => setDrafts((all) => ({ ...all, [key]: draft })),
    }),
  };
}

/**
 * One action as a panel: the fields, the error summary, the confirmation for what cannot be undone,
 * and what to do when someone else acted first (409 dossier_changed: reload, keep the input).
 */
export function ActionPanel({
  action,
  title,
  target,
  detail,
  available = true,
  draft,
  onDraft,
  onDone,
  onCancel,
  headingLevel = 3,
  autoFocus = true,
  cancelLabel,
}: {
  action: DossierAction;
  title: string;
  target: ActionTarget;
  detail?: DossierDetail;
  /** False when, after a reload, the action is no longer open: the input stays, the button goes. */
  available?: boolean;
  draft: unknown;
  onDraft: (draft: unknown) => void;
  onDone: (detail: DossierDetail) => void;
  onCancel: () => void;
  headingLevel?: 2 | 3;
  /** Take focus when opened (by a button); not when the panel is part of the page from the start. */
  autoFocus?: boolean;
  /** The text of the button that closes the panel; null for none. */
  cancelLabel?: string | null;
}) {
  const { t, locale } = useI18n();
  const qc = useQueryClient();
  const mutation = useDossierAction();
  const errors = useFormErrors();
  const keys = useIdempotencyKey();
  const spec = SPECS[action] ?? noteOnly;
  const ctx: Ctx = { action, t, locale, target, detail };
  const value = draft ?? spec.initial(ctx);
  const [confirmed, setConfirmed] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = `action-${action}-${target.id}`;

  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the panel opens
  useEffect(() => {
    if (autoFocus) headingRef.current?.focus();
  }, []);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (mutation.isPending || !available) return;
    const errs: FieldErrors = { ...(spec.validate?.(value, ctx) ?? {}) };
    if (spec.confirm && !confirmed) errs.confirm = t.actions.confirmRequired;
    if (!errors.check(errs)) return;
    const input = spec.input(value, ctx);
    mutation.mutate(
      {
        id: target.id,
        action,
        version: target.version,
        input,
        key: keys.for({ action, input, v: target.version }),
      },
      {
        onSuccess: (next) => {
          keys.reset();
          errors.clear();
          onDraft(undefined);
          onDone(next);
        },
        onError: (err) => {
          if (!(isApiError(err) && err.status === 0)) keys.reset();
          if (isApiError(err) && err.code === 'dossier_changed') {
            errors.show([{ message: t.actions.changed }]);
            void qc.invalidateQueries({ queryKey: ['staff'] });
            return;
          }
          errors.fromError(err);
        },
      },
    );
  }

  return (
    <section className="panel panel--form action-panel" aria-labelledby={headingId}>
      <Heading id={headingId} ref={headingRef} tabIndex={-1} className="action-panel__title">
        {title}
      </Heading>
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      {!available ? (
        <Notice kind="warning" focus={false}>
          {t.actions.noLonger}
        </Notice>
      ) : null}
      <form onSubmit={onSubmit} noValidate>
        <spec.Fields draft={value} set={(next: unknown) => onDraft(next)} errors={errors.fields} ctx={ctx} />
        {spec.confirm ? (
          <>
            <p className="warning-text">{t.actions.irreversible}</p>
            <Checkbox
              id={fieldId('confirm')}
              label={t.actions.confirm}
              checked={confirmed}
              error={errors.fields.confirm}
              onChange={(e) => setConfirmed(e.target.checked)}
            />
          </>
        ) : null}
        <div className="button-group">
          {available ? (
            <SubmitButton
              busy={mutation.isPending}
              busyLabel={t.actions.submitting}
              variant={spec.variant ?? 'primary'}
            >
              {title}
            </SubmitButton>
          ) : null}
          {cancelLabel === null ? null : (
            <button type="button" className="button button--secondary" onClick={onCancel}>
              {cancelLabel ?? t.actions.close}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
