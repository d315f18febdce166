import { useState } from 'react';
import {
  ErrorSummary,
  Radios,
  SubmitButton,
  TextArea,
  TextField,
  useFormErrors,
} from '../../components/forms.tsx';
import { LoadError, Loading, Notice, usePageTitle } from '../../components/ui.tsx';
import { formatDate, formatVnd } from '../../i18n/format.ts';
import { useI18n, useT } from '../../i18n/index.tsx';
import { type StatementLineView, useResolveLine, useUnmatchedLines } from './api.ts';

/** /can-bo/thu-phi/chua-khop — statement lines no fee matched, each assigned to a dossier or dismissed. */
export default function UnmatchedPage() {
  const t = useT();
  const u = t.fees.unmatched;
  usePageTitle(u.title);
  const list = useUnmatchedLines();
  const [done, setDone] = useState<string | null>(null);
  return (
    <div>
      <h1>{u.title}</h1>
      <p className="lead">{u.lead}</p>
      {done ? <Notice kind="success">{done}</Notice> : null}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <LoadError error={list.error} onRetry={() => list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p>{u.none}</p>
      ) : (
        list.data.items.map((line) => <Line key={line.id} line={line} onDone={setDone} />)
      )}
    </div>
  );
}

function Line({ line, onDone }: { line: StatementLineView; onDone: (message: string) => void }) {
  const { t, locale } = useI18n();
  const u = t.fees.unmatched;
  const resolve = useResolveLine();
  const errors = useFormErrors();
  const [action, setAction] = useState<'assign' | 'dismiss' | ''>('');
  const [code, setCode] = useState('');
  const [reason, setReason] = useState('');
  const key = line.id;
  const title = u.line(line.row, line.fileName);

  function submit() {
    if (resolve.isPending) return;
    const errs: Record<string, string> = {};
    if (!action) errs[`action-${key}`] = u.actionRequired;
    if (action === 'assign' && code.trim().length < 3) errs[`code-${key}`] = u.dossierCodeRequired;
    if (action === 'dismiss' && reason.trim().length < 10) errs[`reason-${key}`] = u.dismissReasonRequired;
    if (!errors.check(errs)) return;
    const body =
      action === 'assign'
        ? ({ resolution: 'assign_dossier', dossierCode: code.trim() } as const)
        : ({ resolution: 'dismiss', reason: reason.trim() } as const);
    resolve.mutate(
      { id: line.id, body },
      {
        onSuccess: () => onDone(action === 'assign' ? u.assigned : u.dismissed),
        onError: (err) => errors.fromError(err),
      },
    );
  }

  return (
    <section className="panel" aria-labelledby={`line-${key}`}>
      <h2 id={`line-${key}`}>{title}</h2>
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{u.bookedOn}</dt>
          <dd>{formatDate(line.bookedOn, locale)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{u.amount}</dt>
          <dd>{formatVnd(line.amountVnd, locale)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{u.description}</dt>
          <dd>{line.description}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{u.reason}</dt>
          <dd>
            {(line.reason && u.reasons[line.reason]) ?? line.reason ?? '–'}
            {line.duplicate ? ` (${u.duplicate})` : ''}
          </dd>
        </div>
      </dl>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Radios
          name={`action-${key}`}
          legend={u.action}
          value={action}
          onChange={(v: string) => setAction(v as 'assign' | 'dismiss')}
          error={errors.fields[`action-${key}`]}
          options={[
            { value: 'assign', label: u.assign },
            { value: 'dismiss', label: u.dismiss },
          ]}
        />
        {action === 'assign' ? (
          <TextField
            id={`code-${key}`}
            label={u.dossierCode}
            hint={u.dossierCodeHint}
            value={code}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setCode(e.target.value)}
            error={errors.fields[`code-${key}`] ?? errors.fields.dossierCode}
          />
        ) : null}
        {action === 'dismiss' ? (
          <TextArea
            id={`reason-${key}`}
            label={u.dismissReason}
            hint={u.dismissReasonHint}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={errors.fields[`reason-${key}`] ?? errors.fields.reason}
          />
        ) : null}
        <SubmitButton busy={resolve.isPending} busyLabel={t.fees.working}>
          {u.save}
        </SubmitButton>
      </form>
    </section>
  );
}
