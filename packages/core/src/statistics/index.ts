export {
  type CounterDelta,
  counterDeltas,
  endMetric,
  REPORTED_METRICS,
  type ReportedMetric,
} from './counters.ts';
export {
  type Form06Column,
  form06ColumnSchema,
  form06ColumnsOf,
  periodInstants,
  type Report06Dossier,
  type Report06Dossiers,
  report06DossierSchema,
  report06DossiersResponse,
} from './drilldown.ts';
export {
  type CounterSum,
  FORM06_COLUMNS,
  FORM06_NUMBERED_COLUMNS,
  type Form06Numbers,
  type Form06Report,
  type Form06Row,
  form06Problems,
  form06Report,
  form06RowSchema,
} from './form06.ts';
