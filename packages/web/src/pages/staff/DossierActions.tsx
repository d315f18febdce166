import { DOSSIER_ACTION_LABELS, type DossierAction } from '@motcua/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { isApiError } from '../../api/client.ts';
import { useDossierAction } from '../../api/dossiers.ts';
import type { DossierDetail } from '../../api/types.ts';
import { useIdempotencyKey } from '../../components/dossier.tsx';
import {
  Checkbox,
  ErrorSummary,
  type FieldErrors,
  fieldId,
  SubmitButton,
  useFormErrors,
} from '../../components/forms.tsx';
import { Notice } from '../../components/ui.tsx';
import { useI18n } from '../../i18n/index.tsx';
import {
  type ActionSpec,
  type ActionTarget,
  type Ctx,
  forwardStep,
  noteOnly,
  reasonOnly,
} from './actionFields.tsx';
import { approve, extend, returnResult, stop } from './decisionActionSpecs.tsx';
import {
  assign,
  confirmPayment,
  receiveSubmitted,
  receiveSupplement,
  requestPayment,
  requestSupplement,
  sendInterAgency,
} from './processActionSpecs.tsx';

export type { ActionTarget } from './actionFields.tsx';

/**
 * Each action of the lifecycle as a small form: its fields, a check before sending, the input the
 * API expects (the zod schemas of core's dossier/inputs.ts), and a confirmation for what cannot be
 * undone. What the user types lives in a draft held by the page, so that it survives a reload of
 * the dossier (someone else acted first) and the form closing.
 */

// biome-ignore lint/suspicious/noExplicitAny: a registry of specs with different drafts
const SPECS: Partial<Record<DossierAction, ActionSpec<any>>> = {
  forward_step: forwardStep,
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

/**
 * The one action the page puts forward (the next move of the work), when offered; every other
 * action is a secondary button. In order: the first one offered wins.
 */
const PRIMARY_ORDER: readonly DossierAction[] = [
  'approve',
  'forward_step',
  'receive',
  'return_result',
  'receive_supplement',
  'confirm_payment',
  'receive_inter_agency',
  'accept_withdrawal',
  'assign',
];

export function primaryAction(offered: readonly DossierAction[]): DossierAction | null {
  return PRIMARY_ORDER.find((a) => offered.includes(a)) ?? null;
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
  before,
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
  /** What to read before deciding, shown under the heading (the leader's draft and notes). */
  before?: ReactNode;
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
      {before}
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
