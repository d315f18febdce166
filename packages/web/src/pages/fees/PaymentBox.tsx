import type { PublicPayment } from '@motcua/core';
import { formatVnd } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import './payment.css';

/**
 * How to pay a dossier's open fee, as the server sends it to the public lookup and the citizen's
 * page: the VietQR code and the same facts as text, for screen readers and people who type the
 * transfer by hand.
 */
export function PaymentBox({ payment, headingId }: { payment: PublicPayment; headingId: string }) {
  const { t, locale } = useI18n();
  const m = t.payment.box;
  const amount = formatVnd(payment.amountVnd, locale);
  return (
    <section className="payment-box" aria-labelledby={headingId}>
      <h2 id={headingId}>{m.title}</h2>
      <p>{m.lead}</p>
      <figure className="payment-box__qr">
        <img src={payment.qrUrl} width={240} height={240} alt={m.qrAlt(amount, payment.reference)} />
      </figure>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{m.amount}</dt>
          <dd>
            <strong>{amount}</strong>
          </dd>
        </div>
        {payment.bankName ? (
          <div className="summary-list__row">
            <dt>{m.bank}</dt>
            <dd lang="vi">{payment.bankName}</dd>
          </div>
        ) : null}
        <div className="summary-list__row">
          <dt>{m.accountNumber}</dt>
          <dd className="payment-box__number">{payment.accountNumber}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{m.accountName}</dt>
          <dd>{payment.accountName}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{m.reference}</dt>
          <dd>
            <strong className="payment-box__number">{payment.reference}</strong>
            <span className="summary-list__note">{m.referenceHint}</span>
          </dd>
        </div>
      </dl>
      <p className="hint">{m.after}</p>
    </section>
  );
}
