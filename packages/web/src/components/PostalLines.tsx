import type { DossierLookup } from '@motcua/core';
import { useT } from '../i18n/index.tsx';

/** The postal shipments the server sends to the public (carrier and tracking number only). */
export function PostalLines({
  shipments,
  headingId,
}: {
  shipments: DossierLookup['postal'];
  headingId: string;
}) {
  const m = useT().payment.postal;
  if (shipments.length === 0) return null;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{m.lines}</h2>
      <dl className="summary-list">
        {shipments.map((s) => (
          <div className="summary-list__row" key={s.direction}>
            <dt>{s.direction === 'receipt' ? m.receipt : m.return}</dt>
            <dd>{m.line(s.carrierName, s.trackingNumber)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
