import { ROLE_LABELS } from '@motcua/core';
import { useAssignees } from '../../api/dossiers.ts';
import { usePublicProcedure } from '../../api/public.ts';
import type { DossierDetail } from '../../api/types.ts';
import {
  type FieldErrors,
  fieldId,
  InlineError,
  SelectField,
  TextArea,
  TextField,
} from '../../components/forms.tsx';
import { Loading, Notice } from '../../components/ui.tsx';
import {
  type ActionSpec,
  type Ctx,
  type FieldsProps,
  ItemList,
  lines,
  NoteField,
  optional,
  trimmed,
} from './actionFields.tsx';
import {
  Checklist,
  type ChecklistRow,
  checklistErrors,
  checklistInput,
  initialChecklist,
} from './Checklist.tsx';

/** The forms of the actions that move the work on: assign, supplements, payment, inter-agency, online receipt. */

export interface AssignDraft {
  assigneeId: string;
  note: string;
}

export function AssignFields({ draft, set, errors, ctx }: FieldsProps<AssignDraft>) {
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

export const assign: ActionSpec<AssignDraft> = {
  initial: () => ({ assigneeId: '', note: '' }),
  validate: (d, { t }): FieldErrors => (d.assigneeId ? {} : { assigneeId: t.actions.assigneeRequired }),
  input: (d) => ({ assigneeId: d.assigneeId, ...optional('note', d.note) }),
  Fields: AssignFields,
};

export interface SupplementDraft {
  items: { description: string; reason: string }[];
  contactName: string;
  contactPhone: string;
  note: string;
}

export function SupplementFields({ draft, set, errors, ctx }: FieldsProps<SupplementDraft>) {
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

export const requestSupplement: ActionSpec<SupplementDraft> = {
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

export interface ReceiveSupplementDraft {
  received: string[];
  other: string;
  note: string;
}

/** What the last supplement request asked for. */
export function requestedItems(detail: DossierDetail | undefined): string[] {
  const request = [...(detail?.events ?? [])].reverse().find((e) => e.action === 'request_supplement');
  const items = (request?.payload.items ?? []) as { description?: string }[];
  return items.map((i) => i.description ?? '').filter(Boolean);
}

export function ReceiveSupplementFields({ draft, set, errors, ctx }: FieldsProps<ReceiveSupplementDraft>) {
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

export const receiveSupplement: ActionSpec<ReceiveSupplementDraft> = {
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

export interface PaymentDraft {
  items: { name: string; amount: string }[];
  note: string;
}

export function PaymentFields({ draft, set, errors, ctx }: FieldsProps<PaymentDraft>) {
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

export const amountOf = (s: string) => s.replace(/[\s.,]/g, '');

export const requestPayment: ActionSpec<PaymentDraft> = {
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

export interface ConfirmPaymentDraft {
  reference: string;
  note: string;
}

export const confirmPayment: ActionSpec<ConfirmPaymentDraft> = {
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

export interface InterAgencyDraft {
  agency: string;
  note: string;
}

export const sendInterAgency: ActionSpec<InterAgencyDraft> = {
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

export interface ReceiveDraft {
  rows: ChecklistRow[] | null;
}

/**
 * Acceptance of an online submission: the same completeness check as at the counter. The server
 * sends the checklist ticked for the documents the citizen uploaded (with their files); the officer
 * confirms or unticks, as the page says.
 */
export function ReceiveFields({ draft, set, errors, ctx }: FieldsProps<ReceiveDraft>) {
  const pre = ctx.detail?.acceptanceChecklist ?? null;
  const procedure = usePublicProcedure(ctx.detail?.procedure.id ?? '');
  const documents = pre ?? procedure.data?.documents ?? [];
  const rows = draft.rows ?? initialChecklist(documents);
  if (!pre && procedure.isPending) return <Loading />;
  const a = ctx.t.acceptance;
  return (
    <>
      {pre ? (
        <p className="inset-text" data-testid="acceptance-pre-ticked">
          {pre.some((d) => d.received) ? a.preTicked : a.noneUploaded}
        </p>
      ) : null}
      <Checklist
        documents={documents}
        rows={rows}
        errors={errors}
        uploaded={pre?.map((d) => d.uploaded)}
        onChange={(next) => set({ rows: next })}
      />
    </>
  );
}

/** The rows as the server ticked them for an online dossier (what is sent unless the officer changes it). */
const preTicked = (ctx: Ctx): ChecklistRow[] | null =>
  ctx.detail?.acceptanceChecklist?.map((d) => ({
    document: d.name,
    received: d.received,
    copies: String(d.copies),
  })) ?? null;

export const receiveSubmitted: ActionSpec<ReceiveDraft> = {
  initial: (ctx) => ({ rows: preTicked(ctx) }),
  validate: (d, { t }): FieldErrors => {
    if (!d.rows) return {};
    const docs = d.rows.map((r) => ({ name: r.document, copies: 1, form: 'copy' as const, required: false }));
    return checklistErrors(docs, d.rows, t, false);
  },
  input: (d) => ({ checklist: checklistInput(d.rows ?? []) }),
  Fields: ReceiveFields,
};
