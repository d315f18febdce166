import type { FeeCatalogueView, FeeRequestView } from '@motcua/core';
import { useState } from 'react';
import {
  ErrorSummary,
  fieldId,
  Radios,
  SubmitButton,
  TextArea,
  TextField,
  useFormErrors,
} from '../../components/forms.tsx';
import { LoadError, Loading } from '../../components/ui.tsx';
import { formatVnd } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { AccountSelect } from './AccountSelect.tsx';
import { feeQrUrl, receiptUrl, useDossierFees, useFeeAccounts, useFeeAction } from './api.ts';

/**
 * The fee of a dossier on the staff dossier page: ask it (catalogue amount), exempt it with a
 * reason, record a cash or transfer payment, show the VietQR code and the receipt.
 */
export function DossierFeePanel({ dossierId, version }: { dossierId: string; version: number }) {
  const { t } = useI18n();
  const p = t.fees.panel;
  const fees = useDossierFees(dossierId);
  return (
    <section id="thu-phi" aria-labelledby="thu-phi-title" className="dossier__section">
      <h2 id="thu-phi-title">{p.title}</h2>
      {fees.isPending ? (
        <Loading />
      ) : fees.isError ? (
        <LoadError error={fees.error} onRetry={() => fees.refetch()} />
      ) : (
        <FeeBody
          dossierId={dossierId}
          version={version}
          current={fees.data.items[0] ?? null}
          catalogue={fees.data.catalogue}
        />
      )}
    </section>
  );
}

function FeeBody({
  dossierId,
  version,
  current,
  catalogue,
}: {
  dossierId: string;
  version: number;
  current: FeeRequestView | null;
  catalogue: FeeCatalogueView;
}) {
  const { t, locale } = useI18n();
  const p = t.fees.panel;
  if (!current || current.status === 'cancelled') {
    if (catalogue.kind === 'free') return <p>{t.payment.entry.free}</p>;
    return <AskFee dossierId={dossierId} version={version} catalogue={catalogue} />;
  }
  return (
    <>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{p.amount}</dt>
          <dd>
            {formatVnd(current.amountVnd, locale)}
            {current.amountVnd !== current.catalogueAmountVnd
              ? ` (${p.catalogue} ${formatVnd(current.catalogueAmountVnd, locale)})`
              : ''}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{p.status}</dt>
          <dd>{p.statuses[current.status]}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{p.reference}</dt>
          <dd>{current.reference}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{p.account}</dt>
          <dd>{t.fees.accountLabel(current.account.accountName, current.account.accountNumber)}</dd>
        </div>
        {current.exemptionReason ? (
          <div className="summary-list__row">
            <dt>{p.exemptionReason}</dt>
            <dd>{current.exemptionReason}</dd>
          </div>
        ) : null}
      </dl>
      {current.payment ? (
        <p>
          {p.paid(current.payment.receiptNumber)}{' '}
          <a className="link" href={receiptUrl(current.payment.id)} download>
            {p.receipt}
          </a>
        </p>
      ) : null}
      {current.status === 'open' ? (
        <>
          {current.vietQr ? (
            <figure className="fee-qr">
              <img src={feeQrUrl(current.id)} width={240} height={240} alt={p.qrAlt(current.reference)} />
              <figcaption className="hint">{p.qrCaption}</figcaption>
            </figure>
          ) : null}
          <RecordPayment request={current} />
          <Exempt request={current} />
        </>
      ) : null}
    </>
  );
}

/** An amount typed by the officer: a positive whole number of đồng, dots and spaces ignored. */
function parseAmount(text: string): number | null {
  const digits = text.replace(/[\s.,]/g, '');
  if (!/^\d{1,13}$/.test(digits)) return null;
  const n = Number(digits);
  return n >= 1 ? n : null;
}

function AskFee({
  dossierId,
  version,
  catalogue,
}: {
  dossierId: string;
  version: number;
  catalogue: FeeCatalogueView;
}) {
  const { t, locale } = useI18n();
  const p = t.fees.panel;
  const m = t.payment.entry;
  const accounts = useFeeAccounts();
  const action = useFeeAction();
  const errors = useFormErrors();
  const [accountId, setAccountId] = useState('');
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  if (accounts.isPending) return <Loading />;
  if (accounts.isError) return <LoadError error={accounts.error} onRetry={() => accounts.refetch()} />;
  const items = accounts.data.items;
  if (items.length === 0) return <p>{t.fees.noAccounts}</p>;
  const chosen = accountId || (items[0]?.id ?? '');
  const entering = catalogue.kind === 'needs_officer';
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (action.isPending) return;
        errors.clear();
        let extra = {};
        if (entering) {
          const errs: Record<string, string> = {};
          const entered = catalogue.unpriced.map((name, n) => {
            const amountVnd = parseAmount(amounts[name] ?? '');
            if (amountVnd === null) errs[`items[${n}].amountVnd`] = m.amountRequired(name);
            return { name, amountVnd: amountVnd ?? 0 };
          });
          if (reason.trim().length < 10) errs.reason = m.reasonRequired;
          if (!errors.check(errs)) return;
          extra = { items: entered, reason: reason.trim() };
        }
        action.mutate(
          { path: '/requests', body: { dossierId, version, accountId: chosen, ...extra } },
          { onError: (err) => errors.fromError(err) },
        );
      }}
    >
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      <p>{entering ? m.lead : p.askLead}</p>
      {entering && catalogue.priced.length > 0 ? (
        <p>
          {m.priced(catalogue.priced.map((i) => `${i.name} (${formatVnd(i.amountVnd, locale)})`).join('; '))}
        </p>
      ) : null}
      <AccountSelect
        accounts={items}
        value={chosen}
        onChange={setAccountId}
        error={errors.fields.accountId}
      />
      {entering
        ? catalogue.unpriced.map((name, n) => (
            <TextField
              key={name}
              id={fieldId(`items[${n}].amountVnd`)}
              label={m.amount(name)}
              hint={m.amountHint}
              inputMode="numeric"
              autoComplete="off"
              className="input--width-10"
              value={amounts[name] ?? ''}
              onChange={(e) => setAmounts((a) => ({ ...a, [name]: e.target.value }))}
              error={errors.fields[`items[${n}].amountVnd`]}
            />
          ))
        : null}
      {entering ? (
        <TextArea
          id={fieldId('reason')}
          label={m.reason}
          hint={m.reasonHint}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={errors.fields.reason}
        />
      ) : null}
      <SubmitButton busy={action.isPending} busyLabel={t.fees.working}>
        {p.ask}
      </SubmitButton>
    </form>
  );
}

function RecordPayment({ request }: { request: FeeRequestView }) {
  const { t, locale } = useI18n();
  const p = t.fees.panel;
  const action = useFeeAction();
  const errors = useFormErrors();
  const [method, setMethod] = useState('');
  return (
    <form
      noValidate
      aria-labelledby="fee-pay-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (action.isPending) return;
        if (!errors.check(method ? {} : { method: p.methodRequired })) return;
        action.mutate(
          {
            path: `/requests/${encodeURIComponent(request.id)}/payments`,
            body: { method, amountVnd: request.amountVnd },
          },
          { onError: (err) => errors.fromError(err) },
        );
      }}
    >
      <h3 id="fee-pay-title">{p.payTitle(formatVnd(request.amountVnd, locale))}</h3>
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      <Radios
        name="method"
        legend={p.method}
        value={method}
        onChange={setMethod}
        error={errors.fields.method}
        options={[
          { value: 'cash', label: p.methods.cash },
          { value: 'bank_transfer', label: p.methods.bank_transfer },
        ]}
      />
      <SubmitButton busy={action.isPending} busyLabel={t.fees.working}>
        {p.pay}
      </SubmitButton>
    </form>
  );
}

function Exempt({ request }: { request: FeeRequestView }) {
  const { t } = useI18n();
  const p = t.fees.panel;
  const action = useFeeAction();
  const errors = useFormErrors();
  const [percent, setPercent] = useState('100');
  const [reason, setReason] = useState('');
  return (
    <form
      noValidate
      aria-labelledby="fee-exempt-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (action.isPending) return;
        const n = Number(percent);
        const errs: Record<string, string> = {};
        if (!Number.isInteger(n) || n < 1 || n > 100) errs.percent = p.percentInvalid;
        if (reason.trim().length < 10) errs.reason = p.reasonRequired;
        if (!errors.check(errs)) return;
        action.mutate(
          {
            path: `/requests/${encodeURIComponent(request.id)}/exemption`,
            body: { percent: n, reason: reason.trim() },
          },
          { onError: (err) => errors.fromError(err) },
        );
      }}
    >
      <h3 id="fee-exempt-title">{p.exemptTitle}</h3>
      <ErrorSummary items={errors.summary} focusKey={errors.attempt} />
      <TextField
        id="percent"
        label={p.percent}
        hint={p.percentHint}
        inputMode="numeric"
        className="input--width-4"
        value={percent}
        onChange={(e) => setPercent(e.target.value)}
        error={errors.fields.percent}
      />
      <TextArea
        id="reason"
        label={p.reason}
        hint={p.reasonHint}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={errors.fields.reason}
      />
      <SubmitButton busy={action.isPending} busyLabel={t.fees.working} variant="secondary">
        {p.exempt}
      </SubmitButton>
    </form>
  );
}
