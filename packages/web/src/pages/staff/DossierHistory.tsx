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
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v : null);
  const items = Array.isArray(p.items) ? (p.items as Record<string, unknown>[]) : [];
  if (items.length > 0) {
    rows.push({
      label: t.dossierPage.payload.items,
      value: (
        <ol className="list list--bullet">
          {items.map((it, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: items of one event, in order
            <li key={i}>
              {text(it.description) ?? text(it.name) ?? ''}
              {typeof it.amountVnd === 'number' ? `: ${formatVnd(it.amountVnd, locale)}` : ''}
              {text(it.reason) ? <span className="cell-note">{String(it.reason)}</span> : null}
            </li>
          ))}
        </ol>
      ),
    });
  }
  if (Array.isArray(p.documents) && p.documents.length > 0) {
    rows.push({ label: t.dossierPage.payload.documents, value: (p.documents as string[]).join('; ') });
  }
  if (text(p.agency)) rows.push({ label: t.dossierPage.payload.agency, value: String(p.agency) });
  if (text(p.outcome))
    rows.push({
      label: t.dossierPage.payload.outcome,
      value: t.dossier.outcomes[String(p.outcome)] ?? String(p.outcome),
    });
  if (text(p.resultNumber))
    rows.push({ label: t.dossierPage.payload.resultNumber, value: String(p.resultNumber) });
  if (text(p.newDueAt))
    rows.push({ label: t.dossierPage.payload.newDueAt, value: formatDateTime(String(p.newDueAt), locale) });
  if (text(p.channel) && event.action === 'return_result') {
    rows.push({
      label: t.dossierPage.payload.channel,
      value: t.dossier.returnChannels[String(p.channel)] ?? String(p.channel),
    });
  }
  if (text(p.reference)) rows.push({ label: t.dossierPage.payload.reference, value: String(p.reference) });
  if (text(p.reason)) rows.push({ label: t.dossierPage.payload.reason, value: String(p.reason) });
  if (text(p.note)) rows.push({ label: t.dossierPage.payload.note, value: String(p.note) });
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
