import { type FormEvent, useState } from 'react';
import { ErrorSummary, fieldId, isIsoDate, SubmitButton, TextField } from '../../components/forms.tsx';
import { LoadError, Loading, Notice, usePageTitle } from '../../components/ui.tsx';
import { formatDate, formatNumber, formatVnd, todayIso } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { AccountSelect } from './AccountSelect.tsx';
import { type ReconciliationView, useFeeAccounts, useReconciliation } from './api.ts';

/** /can-bo/thu-phi/doi-soat — one account on one day: expected against received, matched, unmatched. */
export default function ReconciliationPage() {
  const { t } = useI18n();
  const f = t.fees;
  const r = f.reconciliation;
  usePageTitle(r.title);
  const accounts = useFeeAccounts();
  const [accountId, setAccountId] = useState('');
  const [day, setDay] = useState(todayIso());
  const [shown, setShown] = useState<{ accountId: string; day: string } | null>(null);
  const [dayError, setDayError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const figures = useReconciliation(shown?.accountId ?? '', shown?.day ?? '');

  if (accounts.isPending) return <Loading />;
  if (accounts.isError) return <LoadError error={accounts.error} onRetry={() => accounts.refetch()} />;
  const items = accounts.data.items;
  const chosen = accountId || (items[0]?.id ?? '');

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setAttempt((n) => n + 1);
    if (!isIsoDate(day)) return setDayError(r.dayHint);
    setDayError(null);
    setShown({ accountId: chosen, day });
  }

  return (
    <>
      <ErrorSummary items={dayError ? [{ path: 'day', message: dayError }] : []} focusKey={attempt} />
      <h1>{r.title}</h1>
      <p className="lead">{r.lead}</p>
      {items.length === 0 ? (
        <Notice kind="warning" focus={false}>
          {f.noAccounts}
        </Notice>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <AccountSelect accounts={items} value={chosen} onChange={setAccountId} />
          <TextField
            id={fieldId('day')}
            type="date"
            label={r.day}
            hint={r.dayHint}
            value={day}
            onChange={(e) => setDay(e.target.value)}
            {...(dayError ? { error: dayError } : {})}
          />
          <SubmitButton busy={figures.isFetching} busyLabel={f.working}>
            {r.show}
          </SubmitButton>
        </form>
      )}
      {shown ? (
        figures.isPending ? (
          <Loading />
        ) : figures.isError ? (
          <LoadError error={figures.error} onRetry={() => figures.refetch()} />
        ) : (
          <Figures view={figures.data} />
        )
      ) : null}
    </>
  );
}

function Figures({ view }: { view: ReconciliationView }) {
  const { t, locale } = useI18n();
  const r = t.fees.reconciliation;
  const money: [string, number][] = [
    [r.expected, view.expectedVnd],
    [r.received, view.receivedVnd],
    [r.matchedRow, view.matchedVnd],
    [r.unmatchedRow, view.unmatchedVnd],
    [r.byMethod.bank_transfer, view.byMethod.bank_transfer],
    [r.byMethod.cash, view.byMethod.cash],
    [r.byMethod.gateway, view.byMethod.gateway],
  ];
  return (
    <div className="table-wrap">
      <table className="table">
        <caption>{r.caption(formatDate(view.day, locale))}</caption>
        <thead>
          <tr>
            <th scope="col">{r.figure}</th>
            <th scope="col" className="num">
              {r.value}
            </th>
          </tr>
        </thead>
        <tbody>
          {money.map(([label, amount]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className="num">{formatVnd(amount, locale)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{r.payments}</th>
            <td className="num">{formatNumber(view.payments, locale)}</td>
          </tr>
          <tr>
            <th scope="row">{r.unmatchedLines}</th>
            <td className="num">{formatNumber(view.unmatchedLines, locale)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
