import type { DrilldownMessages } from './drilldown.vi.ts';

/** The dossiers behind a cell of form 06 (drill-down), in English. */
export const drilldownEn: DrilldownMessages = {
  title: 'Dossiers in a report cell',
  form: 'Form 06',
  field: (name: string) => `Field ${name}`,
  allFields: 'All fields',
  channel: { counter: 'At the counter', online: 'Online', post: 'By post' },
  column: {
    receivedTotal: 'All dossiers to resolve',
    receivedOnline: 'Received online in the period',
    receivedDirect: 'Received at the counter or by post in the period',
    carriedOver: 'Carried over from the previous period',
    resolvedTotal: 'Resolved',
    resolvedEarly: 'Resolved early',
    resolvedOnTime: 'Resolved on time',
    resolvedLate: 'Resolved late',
    pendingTotal: 'In progress',
    pendingInTime: 'In progress, in time',
    pendingOverdue: 'In progress, overdue',
    refused: 'Refused',
    withdrawn: 'Withdrawn',
    stopped: 'Stopped',
  },
  loading: 'Loading the dossiers…',
  count: (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'dossier' : 'dossiers'}`,
  countPaged: (n: number, from: number, to: number) =>
    `${n.toLocaleString('en-GB')} dossiers, showing ${from} to ${to}`,
  empty: 'No dossiers in this cell.',
  caption: 'Dossiers in the report cell',
  colReceived: 'Received',
  colEnded: 'Processing ended',
  back: 'Back to form 06',
  missing: 'The period or the column is missing. Open the list from a cell of form 06.',
  cellLink: (column: string, field: string) => `dossiers ${column.toLowerCase()}, ${field}: see the list`,
};
