import {
  CARRIER_RULES,
  normaliseTrackingNumber,
  POSTAL_CARRIERS,
  POSTAL_DIRECTION_RULES,
  type PostalCarrier,
  type PostalDirection,
  type PostalShipmentInput,
  type PostalShipments,
  trackingNumberProblem,
} from '@motcua/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { DossierDetail } from '../../api/types.ts';
import {
  ErrorSummary,
  fieldId,
  SelectField,
  SubmitButton,
  TextField,
  useFormErrors,
} from '../../components/forms.tsx';
import { LoadError, Loading, Notice } from '../../components/ui.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';

const postalPath = (id: string) => `/api/v1/dossiers/${encodeURIComponent(id)}/postal`;

/**
 * The postal channel on the staff dossier page (counter officers): the carrier and tracking number
 * of a dossier received by post, and of its result sent by post, each when the rules allow it.
 */
export function DossierPostalPanel({ dossier }: { dossier: DossierDetail }) {
  const { t } = useI18n();
  const m = t.payment.postal;
  const directions = (['receipt', 'return'] as const).filter((dir) =>
    POSTAL_DIRECTION_RULES[dir].allowed(dossier),
  );
  const shipments = useQuery({
    queryKey: ['staff', 'postal', dossier.id],
    queryFn: () => api<PostalShipments>(postalPath(dossier.id)),
    enabled: directions.length > 0,
  });
  if (directions.length === 0) return null;
  return (
    <section id="buu-chinh" aria-labelledby="buu-chinh-title" className="dossier__section">
      <h2 id="buu-chinh-title">{m.title}</h2>
      {shipments.isPending ? (
        <Loading />
      ) : shipments.isError ? (
        <LoadError error={shipments.error} onRetry={() => shipments.refetch()} />
      ) : (
        directions.map((dir) => (
          <ShipmentForm key={dir} dossierId={dossier.id} direction={dir} current={shipments.data[dir]} />
        ))
      )}
    </section>
  );
}

function ShipmentForm({
  dossierId,
  direction,
  current,
}: {
  dossierId: string;
  direction: PostalDirection;
  current: PostalShipments[PostalDirection];
}) {
  const { t, locale } = useI18n();
  const m = t.payment.postal;
  const qc = useQueryClient();
  const errors = useFormErrors();
  const [carrier, setCarrier] = useState<string>(current?.carrier ?? '');
  const [tracking, setTracking] = useState(current?.trackingNumber ?? '');
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (body: PostalShipmentInput) =>
      api<PostalShipments>(`${postalPath(dossierId)}/${direction}`, { method: 'PUT', body }),
    onSuccess: (answer) => {
      qc.setQueryData(['staff', 'postal', dossierId], answer);
      setTracking(answer[direction]?.trackingNumber ?? '');
      setSaved(true);
    },
  });
  const prefix = `postal-${direction}`;
  const titleId = `${prefix}-title`;
  return (
    <form
      noValidate
      aria-labelledby={titleId}
      onSubmit={(e) => {
        e.preventDefault();
        if (save.isPending) return;
        setSaved(false);
        const errs: Record<string, string> = {};
        const number = normaliseTrackingNumber(tracking);
        if (!carrier) errs[`${prefix}.carrier`] = m.carrierRequired;
        if (!number) errs[`${prefix}.trackingNumber`] = m.trackingRequired;
        else if (carrier) {
          const wrong = trackingNumberProblem(carrier as PostalCarrier, number);
          if (wrong) errs[`${prefix}.trackingNumber`] = wrong[locale];
        }
        if (!errors.check(errs)) return;
        save.mutate(
          { carrier: carrier as PostalCarrier, trackingNumber: number },
          {
            onError: (err) => {
              errors.fromError(err);
            },
          },
        );
      }}
    >
      <h3 id={titleId}>{direction === 'receipt' ? m.receiptTitle : m.returnTitle}</h3>
      <ErrorSummary
        items={errors.summary.map((s) =>
          s.path === 'trackingNumber' || s.path === 'carrier' ? { ...s, path: `${prefix}.${s.path}` } : s,
        )}
        focusKey={errors.attempt}
      />
      {saved ? <Notice kind="success">{m.saved}</Notice> : null}
      <p className="hint">
        {current
          ? `${m.line(current.carrierName, current.trackingNumber)} (${m.recordedAt(formatDateTime(current.recordedAt, locale))})`
          : m.none}
      </p>
      <SelectField
        id={fieldId(`${prefix}.carrier`)}
        label={m.carrier}
        placeholder=""
        value={carrier}
        onChange={(e) => setCarrier(e.target.value)}
        options={POSTAL_CARRIERS.map((c) => ({ value: c, label: CARRIER_RULES[c].name[locale] }))}
        error={errors.fields[`${prefix}.carrier`] ?? errors.fields.carrier}
      />
      <TextField
        id={fieldId(`${prefix}.trackingNumber`)}
        label={m.trackingNumber}
        hint={carrier ? CARRIER_RULES[carrier as PostalCarrier].format[locale] : m.trackingHint}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        value={tracking}
        onChange={(e) => setTracking(e.target.value)}
        error={errors.fields[`${prefix}.trackingNumber`] ?? errors.fields.trackingNumber}
      />
      <SubmitButton busy={save.isPending} busyLabel={m.saving} variant="secondary">
        {m.save}
      </SubmitButton>
    </form>
  );
}
