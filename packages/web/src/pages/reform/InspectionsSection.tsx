import { QueryStatus } from '../../components/QueryStatus.tsx';
import { StackTable } from '../../components/StackTable.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useInspections } from './api.ts';
import { AddInspectionForm, InspectionActions } from './InspectionForms.tsx';
import { usePercent } from './TargetsSection.tsx';

/** The year's inspection list against the minimum share, with each inspection's findings. */
export function InspectionsSection({
  planId,
  canManage,
  units,
}: {
  planId: string;
  canManage: boolean;
  units: { id: string; name: string }[];
}) {
  const { t, locale } = useI18n();
  const r = t.reform;
  const pct = usePercent();
  const list = useInspections(planId);
  const d = list.data;
  return (
    <section aria-labelledby="inspections">
      <h2 id="inspections">{r.inspectionsTitle}</h2>
      <QueryStatus query={list} />
      {d ? (
        <>
          <p>{r.inspectionShare(pct(d.listedShare), d.minimumShare)}</p>
          {(d.listedShare ?? 0) < d.minimumShare ? (
            <p className="reform-warning">{r.inspectionBelow(d.minimumShare)}</p>
          ) : null}
          {d.inspections.length === 0 ? (
            <p>{r.noInspections}</p>
          ) : (
            <StackTable
              caption={r.inspectionsTitle}
              columns={[r.colUnit, r.colPlannedOn, r.colDoneOn, r.colFindings]}
            >
              {d.inspections.map((i) => (
                <tr key={i.id}>
                  <td data-label={r.colUnit}>{i.unitName}</td>
                  <td data-label={r.colPlannedOn}>{formatDate(i.plannedOn, locale)}</td>
                  <td data-label={r.colDoneOn}>{i.doneOn ? formatDate(i.doneOn, locale) : r.notYet}</td>
                  <td data-label={r.colFindings}>
                    {i.findings.length > 0 ? (
                      <ul>
                        {i.findings.map((f) => (
                          <li key={f.id}>{f.text}</li>
                        ))}
                      </ul>
                    ) : (
                      '—'
                    )}
                    {canManage ? <InspectionActions inspection={i} /> : null}
                  </td>
                </tr>
              ))}
            </StackTable>
          )}
          {canManage ? <AddInspectionForm planId={planId} units={units} /> : null}
        </>
      ) : null}
    </section>
  );
}
