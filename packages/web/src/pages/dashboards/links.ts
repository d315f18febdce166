/**
 * The drill-down list of dossiers behind a figure (/can-bo/bao-cao/ho-so), by Biểu 06's column keys.
 */
export interface DrillDown {
  from: string;
  to: string;
  agency?: string | undefined;
  unit?: string | undefined;
  field?: string | undefined;
  channel?: string | undefined;
  column: string;
}

export function drillDownUrl(d: DrillDown): string {
  const params = new URLSearchParams();
  for (const key of ['from', 'to', 'agency', 'unit', 'field', 'channel', 'column'] as const) {
    const value = d[key];
    if (value) params.set(key, value);
  }
  return `/can-bo/bao-cao/ho-so?${params.toString()}`;
}
