import type { DossierDetail, DossierEvent } from '../../api/types.ts';
import { TimelinessTag } from '../../components/dossier.tsx';
import { StackTable } from '../../components/StackTable.tsx';
import { formatDateTime, formatVnd } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';

/** The dossier's history as the staff read it: each event's details, and the control sheet (form 06). */

/** What an event's payload says that a person needs: notes, reasons, what was asked for. */
export function EventDetails({ event }: { event: DossierEvent }) {
  const { t, locale } = useI18n();
  const p = event.payload;
  const rows: { label: string; value: React.ReactNode }[] = [];
  const text = (v: string | null | undefined) => (v?.trim() ? v : null);
  // Each payload is typed by its action (core's events.ts): `in` picks the actions that record a field.
  if ('items' in p && p.items.length > 0) {
    const items: ({ description: string; reason: string } | { name: string; amountVnd: number })[] = p.items;
    rows.push({
      label: t.dossierPage.payload.items,
      value: (
        <ol className="list list--bullet">
          {items.map((it, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: items of one event, in order
            <li key={i}>
              {'description' in it ? it.description : it.name}
              {'amountVnd' in it ? `: ${formatVnd(it.amountVnd, locale)}` : ''}
              {'reason' in it && text(it.reason) ? <span className="cell-note">{it.reason}</span> : null}
            </li>
          ))}
        </ol>
      ),
    });
  }
  if ('documents' in p && p.documents.length > 0) {
    rows.push({ label: t.dossierPage.payload.documents, value: p.documents.join('; ') });
  }
  if ('agency' in p && text(p.agency)) rows.push({ label: t.dossierPage.payload.agency, value: p.agency });
  if ('outcome' in p)
    rows.push({
      label: t.dossierPage.payload.outcome,
      value: t.dossier.outcomes[p.outcome] ?? p.outcome,
    });
  if ('resultNumber' in p && p.resultNumber && text(p.resultNumber))
    rows.push({ label: t.dossierPage.payload.resultNumber, value: p.resultNumber });
  if ('newDueAt' in p)
    rows.push({ label: t.dossierPage.payload.newDueAt, value: formatDateTime(p.newDueAt, locale) });
  if (event.action === 'return_result') {
    const { channel } = event.payload;
    rows.push({
      label: t.dossierPage.payload.channel,
      value: t.dossier.returnChannels[channel] ?? channel,
    });
  }
  if ('reference' in p && p.reference && text(p.reference))
    rows.push({ label: t.dossierPage.payload.reference, value: p.reference });
  if ('reason' in p && text(p.reason)) rows.push({ label: t.dossierPage.payload.reason, value: p.reason });
  if ('note' in p && p.note && text(p.note)) rows.push({ label: t.dossierPage.payload.note, value: p.note });
  if (rows.length === 0) return null;
  return (
    <dl className="timeline__details">
      {rows.map((r) => (
        <div key={r.label}>
          <dt>{r.label}</dt>
          <dd>{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ControlSheet({ d }: { d: DossierDetail }) {
  const { t, locale } = useI18n();
  if (d.controlSheet.length === 0) return <p>{t.dossierPage.controlEmpty}</p>;
  const person = (unit: string | null, user: string | null) =>
    user ? (
      <>
        {user}
        {unit ? <span className="cell-note">{unit}</span> : null}
      </>
    ) : (
      (unit ?? '')
    );
  const note = (n: string | null) => {
    if (!n) return '';
    const action = d.events.find((e) => e.action === n);
    return action ? action.title : n;
  };
  return (
    <StackTable
      caption={t.dossierPage.controlSheet}
      columns={[
        t.dossierPage.colNo,
        t.dossierPage.colAt,
        t.dossierPage.colFrom,
        t.dossierPage.colTo,
        t.dossierPage.colStep,
        t.dossierPage.colStepDue,
        t.dossierPage.colResult,
        t.dossierPage.colNote,
      ]}
      className="table--compact"
    >
      {d.controlSheet.map((r, i) => (
        <tr key={r.seq}>
          <td data-label={t.dossierPage.colNo}>{i + 1}</td>
          <td data-label={t.dossierPage.colAt}>{formatDateTime(r.at, locale)}</td>
          <td data-label={t.dossierPage.colFrom}>{person(r.fromUnit, r.fromUser)}</td>
          <td data-label={t.dossierPage.colTo}>{person(r.toUnit, r.toUser)}</td>
          <td data-label={t.dossierPage.colStep}>{r.stepName ?? ''}</td>
          <td data-label={t.dossierPage.colStepDue}>
            {r.stepDueAt ? formatDateTime(r.stepDueAt, locale) : ''}
          </td>
          <td data-label={t.dossierPage.colResult}>
            <TimelinessTag timeliness={r.result} />
          </td>
          <td data-label={t.dossierPage.colNote}>{note(r.note)}</td>
        </tr>
      ))}
    </StackTable>
  );
}
