import { type FormEvent, useState } from 'react';
import {
  type HistoryImportProblem,
  HistoryImportRefused,
  type HistoryImportResult,
  runHistoryImport,
} from '../../api/historyImport.ts';
import { ErrorSummary, InlineError, problemMessage, SubmitButton } from '../../components/forms.tsx';
import { StackTable } from '../../components/StackTable.tsx';
import { Notice, usePageTitle } from '../../components/ui.tsx';
import { useI18n } from '../../i18n/index.tsx';

type Outcome =
  | { kind: 'checked'; file: File; result: HistoryImportResult }
  | { kind: 'imported'; result: HistoryImportResult }
  | { kind: 'refused'; problems: HistoryImportProblem[] }
  | { kind: 'failed'; message: string };

/**
 * The administrator brings the agency's dossiers from its previous one-stop system: a dry run
 * first (nothing written, every refusal listed by dossier and event), then the import itself.
 * The server replays the file and reports its progress as it goes.
 */
export default function HistoryImportPage() {
  const { t, locale } = useI18n();
  const h = t.historyImport;
  usePageTitle(h.title);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [running, setRunning] = useState<'check' | 'import' | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);

  async function run(dryRun: boolean) {
    if (running) return;
    setAttempt((n) => n + 1);
    if (!file) return setFileError(h.fileRequired);
    if (!/\.json$/i.test(file.name)) return setFileError(h.fileType);
    const text = await file.text();
    try {
      JSON.parse(text);
    } catch {
      return setFileError(h.fileNotJson);
    }
    setFileError(null);
    setOutcome(null);
    setProgress(null);
    setRunning(dryRun ? 'check' : 'import');
    try {
      const result = await runHistoryImport(text, {
        dryRun,
        locale,
        onProgress: (done, total) => setProgress({ done, total }),
      });
      if (result.problems.length > 0) setOutcome({ kind: 'refused', problems: result.problems });
      else setOutcome(dryRun ? { kind: 'checked', file, result } : { kind: 'imported', result });
    } catch (e) {
      if (e instanceof HistoryImportRefused) setOutcome({ kind: 'refused', problems: e.problems });
      else setOutcome({ kind: 'failed', message: problemMessage(e, t) });
    } finally {
      setRunning(null);
    }
  }

  function onCheck(e: FormEvent) {
    e.preventDefault();
    void run(true);
  }

  const canImport = outcome?.kind === 'checked' && outcome.file === file;
  const summary = fileError ? [{ path: 'file', message: fileError }] : [];

  return (
    <>
      <ErrorSummary items={summary} focusKey={attempt} />
      <h1>{h.title}</h1>
      <p className="lead">{h.lead}</p>
      <p>
        <a className="link" href="/api/v1/admin/import/dossiers/schema.json">
          {h.formatLink}
        </a>
      </p>

      <section aria-labelledby="history-import-title" className="panel panel--section">
        <h2 id="history-import-title">{h.sectionTitle}</h2>
        <form onSubmit={onCheck} noValidate>
          <div className={`form-group ${fileError ? 'form-group--error' : ''}`}>
            <label className="label" htmlFor="f-file">
              {h.file}
            </label>
            <div className="hint" id="f-file-hint">
              {h.fileHint}
            </div>
            <InlineError id="f-file" error={fileError ?? undefined} />
            <input
              id="f-file"
              name="file"
              type="file"
              accept=".json,application/json"
              className={`file-input ${fileError ? 'input--error' : ''}`}
              aria-describedby={`f-file-hint${fileError ? ' f-file-error' : ''}`}
              aria-invalid={fileError ? true : undefined}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setOutcome(null);
                setFileError(null);
              }}
            />
          </div>
          <div className="button-group">
            <SubmitButton
              busy={running === 'check'}
              busyLabel={h.checking}
              variant={canImport ? 'secondary' : 'primary'}
              disabled={running === 'import'}
            >
              {h.check}
            </SubmitButton>
            <SubmitButton
              type="button"
              busy={running === 'import'}
              busyLabel={h.importing}
              disabled={!canImport || running === 'check'}
              aria-describedby={canImport ? undefined : 'import-needs-check'}
              onClick={() => void run(false)}
            >
              {h.import}
            </SubmitButton>
          </div>
          {!canImport ? (
            <p className="hint" id="import-needs-check">
              {h.checkFirst}
            </p>
          ) : null}
        </form>

        {running ? (
          <div role="status" aria-live="polite">
            <label className="label" htmlFor="history-import-progress">
              {running === 'check' ? h.checking : h.importing}
            </label>
            <progress
              id="history-import-progress"
              max={progress?.total ?? 1}
              value={progress ? progress.done : undefined}
            />
            {progress ? <p className="hint">{h.progress(progress.done, progress.total)}</p> : null}
          </div>
        ) : null}

        {outcome?.kind === 'checked' ? (
          <Notice kind="info">{h.checkOk(outcome.result.imported, outcome.result.skipped.length)}</Notice>
        ) : null}
        {outcome?.kind === 'imported' ? (
          <Notice kind="success">{h.imported(outcome.result.imported, outcome.result.skipped.length)}</Notice>
        ) : null}
        {outcome?.kind === 'failed' ? <Notice kind="error">{outcome.message}</Notice> : null}
        {outcome?.kind === 'refused' ? <Refusals problems={outcome.problems} /> : null}
      </section>
    </>
  );
}

function Refusals({ problems }: { problems: HistoryImportProblem[] }) {
  const { t, locale } = useI18n();
  const h = t.historyImport;
  return (
    <Notice kind="error" live={false} title={h.refusedTitle(problems.length)}>
      <StackTable
        caption={h.refusedCaption}
        columns={[h.dossier, h.previousCode, h.event, h.rule, h.reason]}
        className="table--compact"
      >
        {problems.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: refusals in file order
          <tr key={i}>
            <td data-label={h.dossier}>{p.dossierIndex + 1}</td>
            <td data-label={h.previousCode}>{p.previousCode ?? '–'}</td>
            <td data-label={h.event}>{p.eventIndex === null ? h.receipt : p.eventIndex + 1}</td>
            <td data-label={h.rule}>
              <code>{p.code}</code>
            </td>
            <td data-label={h.reason}>
              {p.path ? `${p.path}: ` : ''}
              {p.message[locale]}
            </td>
          </tr>
        ))}
      </StackTable>
    </Notice>
  );
}
