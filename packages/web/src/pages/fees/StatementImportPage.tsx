import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { ErrorSummary, fieldId, InlineError, problemMessage, SubmitButton } from '../../components/forms.tsx';
import { StackTable } from '../../components/StackTable.tsx';
import { LoadError, Loading, Notice, usePageTitle } from '../../components/ui.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { AccountSelect } from './AccountSelect.tsx';
import { type StatementImport, useFeeAccounts, useImportStatement } from './api.ts';
import { FEE_PATHS } from './paths.ts';

type Outcome =
  | { kind: 'done'; result: StatementImport }
  | { kind: 'rows'; rows: { path: string; message: string }[] }
  | { kind: 'failed'; message: string };

/**
 * /can-bo/thu-phi/sao-ke — finance uploads a bank statement (CSV); the server matches each line
 * to a fee request and answers how many matched, did not, and repeated. Bad rows are listed by number.
 */
export default function StatementImportPage() {
  const { t, locale } = useI18n();
  const f = t.fees;
  const s = f.statement;
  usePageTitle(s.title);
  const accounts = useFeeAccounts();
  const importing = useImportStatement();
  const [accountId, setAccountId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<{ accountId?: string; file?: string }>({});
  const [attempt, setAttempt] = useState(0);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  if (accounts.isPending) return <Loading />;
  if (accounts.isError) return <LoadError error={accounts.error} onRetry={() => accounts.refetch()} />;
  const items = accounts.data.items;
  const chosen = accountId || (items.length === 1 ? (items[0]?.id ?? '') : '');

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (importing.isPending) return;
    setAttempt((n) => n + 1);
    const errs: { accountId?: string; file?: string } = {};
    if (!chosen) errs.accountId = f.accountRequired;
    if (!file) errs.file = s.fileRequired;
    else if (!/\.csv$/i.test(file.name)) errs.file = s.fileType;
    setErrors(errs);
    if (errs.accountId || errs.file || !file) return;
    setOutcome(null);
    importing.mutate(
      { accountId: chosen, file },
      {
        onSuccess: (result) => setOutcome({ kind: 'done', result }),
        onError: (err) => {
          const rows = isApiError(err) ? (err.problem.errors ?? []) : [];
          if (isApiError(err) && err.code === 'import_invalid' && rows.length > 0)
            setOutcome({ kind: 'rows', rows: rows.map((r) => ({ path: r.path ?? '', message: r.message })) });
          else setOutcome({ kind: 'failed', message: problemMessage(err, t) });
        },
      },
    );
  }

  const summary = [
    ...(errors.accountId ? [{ path: 'accountId', message: errors.accountId }] : []),
    ...(errors.file ? [{ path: 'file', message: errors.file }] : []),
  ];

  return (
    <>
      <ErrorSummary items={summary} focusKey={attempt} />
      <h1>{s.title}</h1>
      <p className="lead">{s.lead}</p>
      {items.length === 0 ? (
        <Notice kind="warning" focus={false}>
          {f.noAccounts}
        </Notice>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <AccountSelect
            accounts={items}
            value={chosen}
            onChange={(id) => setAccountId(id)}
            error={errors.accountId}
          />
          <div className={`form-group ${errors.file ? 'form-group--error' : ''}`}>
            <label className="label" htmlFor={fieldId('file')}>
              {s.file}
            </label>
            <div className="hint" id={`${fieldId('file')}-hint`}>
              {s.fileHint}
            </div>
            <InlineError id={fieldId('file')} error={errors.file} />
            <input
              id={fieldId('file')}
              name="file"
              type="file"
              accept=".csv,text/csv"
              className={`file-input ${errors.file ? 'input--error' : ''}`}
              aria-describedby={`${fieldId('file')}-hint${errors.file ? ` ${fieldId('file')}-error` : ''}`}
              aria-invalid={errors.file ? true : undefined}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setOutcome(null);
              }}
            />
          </div>
          <SubmitButton busy={importing.isPending} busyLabel={s.importing}>
            {s.submit}
          </SubmitButton>
        </form>
      )}

      {outcome?.kind === 'done' ? (
        <Notice kind="success" title={s.doneTitle} live={false}>
          <StackTable caption={s.summaryCaption} columns={[s.lines, s.matched, s.unmatched, s.duplicates]}>
            <tr>
              <td data-label={s.lines}>{formatNumber(outcome.result.lines, locale)}</td>
              <td data-label={s.matched}>{formatNumber(outcome.result.matched, locale)}</td>
              <td data-label={s.unmatched}>{formatNumber(outcome.result.unmatched, locale)}</td>
              <td data-label={s.duplicates}>{formatNumber(outcome.result.duplicates, locale)}</td>
            </tr>
          </StackTable>
          {outcome.result.unmatched > 0 ? (
            <p>
              <Link className="link" to={FEE_PATHS.unmatched}>
                {s.toUnmatched}
              </Link>
            </p>
          ) : null}
        </Notice>
      ) : null}
      {outcome?.kind === 'rows' ? (
        <Notice kind="error" title={s.errorsTitle(outcome.rows.length)} live={false}>
          <StackTable caption={s.errorsCaption} columns={[s.row, s.problem]} className="table--compact">
            {outcome.rows.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: bad rows in file order
              <tr key={i}>
                <td data-label={s.row}>{s.rowLabel(r.path)}</td>
                <td data-label={s.problem}>{r.message}</td>
              </tr>
            ))}
          </StackTable>
        </Notice>
      ) : null}
      {outcome?.kind === 'failed' ? <Notice kind="error">{outcome.message}</Notice> : null}
    </>
  );
}
