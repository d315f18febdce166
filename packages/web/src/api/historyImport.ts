import type { HistoryImportProblem, HistoryImportResult, Locale } from '@motcua/core';
import { ApiError, currentCsrfToken } from './client.ts';
import type { Problem } from './types.ts';

/** What the history import answers, typed by core's answer schema (api/history-import.ts). */
export type { HistoryImportProblem, HistoryImportResult } from '@motcua/core';

/** A refused import: the problem, with every row the rules refused. */
export class HistoryImportRefused extends ApiError {
  constructor(
    problem: Problem,
    readonly problems: HistoryImportProblem[],
  ) {
    super(problem);
  }
}

/**
 * Sends the file's text as it is (it may be large) and reads the answer line by line: progress as
 * the server replays the dossiers, then the result or the problem.
 */
export async function runHistoryImport(
  fileText: string,
  options: {
    dryRun: boolean;
    locale: Locale;
    onProgress: (done: number, total: number) => void;
  },
): Promise<HistoryImportResult> {
  let res: Response;
  try {
    res = await fetch(`/api/v1/admin/import/dossiers?dryRun=${options.dryRun}`, {
      method: 'POST',
      headers: {
        Accept: 'application/x-ndjson',
        'Accept-Language': options.locale,
        'Content-Type': 'application/json',
        ...(currentCsrfToken() ? { 'X-CSRF-Token': currentCsrfToken()! } : {}),
      },
      body: fileText,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network_error' });
  }
  if (!res.ok || !res.body) {
    const body = (await res.json().catch(() => ({}))) as Partial<Problem> & {
      problems?: HistoryImportProblem[];
    };
    const problem = { ...body, status: body.status ?? res.status };
    throw body.problems ? new HistoryImportRefused(problem, body.problems) : new ApiError(problem);
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffered += value;
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      const line = JSON.parse(buffered.slice(0, newline)) as { event: string } & Record<string, unknown>;
      buffered = buffered.slice(newline + 1);
      newline = buffered.indexOf('\n');
      if (line.event === 'progress') options.onProgress(line.done as number, line.total as number);
      if (line.event === 'result') return line as unknown as HistoryImportResult;
      if (line.event === 'problem') {
        const problem = line as unknown as Problem & { problems?: HistoryImportProblem[] };
        throw problem.problems ? new HistoryImportRefused(problem, problem.problems) : new ApiError(problem);
      }
    }
    if (done) throw new ApiError({ status: 0, code: 'network_error' });
  }
}
