import { DateField } from '../../components/DateInput.tsx';
import { type FieldErrors, fieldId, isIsoDate, Radios, TextField } from '../../components/forms.tsx';
import { type ActionSpec, NoteField, optional, ReasonField, trimmed } from './actionFields.tsx';

/** The forms of the decisions: approval, return of the result, extension with apology, stop. */

export interface ApproveDraft {
  outcome: '' | 'granted' | 'refused';
  resultNumber: string;
  reason: string;
  note: string;
}

export const approve: ActionSpec<ApproveDraft> = {
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

export interface ReturnDraft {
  channel: string;
  note: string;
}

export const returnResult: ActionSpec<ReturnDraft> = {
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

export interface ExtendDraft {
  date: string;
  time: string;
  reason: string;
  letterNumber: string;
}

export const extend: ActionSpec<ExtendDraft> = {
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

export interface StopDraft {
  reason: string;
  noticeNumber: string;
}

export const stop: ActionSpec<StopDraft> = {
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
