import { type FormEvent, useRef, useState } from 'react';
import { useCatalogueImport } from '../../api/admin.ts';
import { isApiError } from '../../api/client.ts';
import type { ImportResult, ProblemFieldError } from '../../api/types.ts';
import { ErrorSummary, InlineError, problemMessage, SubmitButton } from '../../components/forms.tsx';
import { StackTable } from '../../components/StackTable.tsx';
import { Loading, Notice, usePageTitle } from '../../components/ui.tsx';
import { useI18n } from '../../i18n/index.tsx';

type Outcome =
  | { kind: 'checked'; file: File; result: ImportResult }
  | { kind: 'imported'; result: ImportResult }
  | { kind: 'invalid'; detail: string | null; errors: ProblemFieldError[] }
  | { kind: 'failed'; message: string };

const ACCEPT =
  '.xlsx,.json,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export default function ImportExportPage() {
  const { t } = useI18n();
  usePageTitle(t.importer.title);
  const importer = useCatalogueImport();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [running, setRunning] = useState<'check' | 'import' | null>(null);

  function run(dryRun: boolean) {
    if (importer.isPending) return;
    setAttempt((n) => n + 1);
    if (!file) {
      setFileError(t.importer.fileRequired);
      return;
    }
    if (!/\.(xlsx|json)$/i.test(file.name)) {
      setFileError(t.importer.fileType);
      return;
    }
    setFileError(null);
    setOutcome(null);
    setRunning(dryRun ? 'check' : 'import');
    importer.mutate(
      { file, dryRun },
      {
        onSuccess: (result) =>
          setOutcome(dryRun ? { kind: 'checked', file, result } : { kind: 'imported', result }),
        onError: (e) => {
          if (isApiError(e) && e.problem.errors?.length) {
            setOutcome({ kind: 'invalid', detail: e.problem.detail ?? null, errors: e.problem.errors });
          } else {
            setOutcome({ kind: 'failed', message: problemMessage(e, t) });
          }
        },
        onSettled: () => setRunning(null),
      },
    );
  }

  function onCheck(e: FormEvent) {
    e.preventDefault();
    run(true);
  }

  const canImport = outcome?.kind === 'checked' && outcome.file === file;
  const summary = fileError ? [{ path: 'file', message: fileError }] : [];

  return (
    <>
      <ErrorSummary items={summary} focusKey={attempt} />
      <h1>{t.importer.title}</h1>
      <p className="lead">{t.importer.lead}</p>

      <section aria-labelledby="import-title" className="panel panel--section">
        <h2 id="import-title">{t.importer.importTitle}</h2>
        <form onSubmit={onCheck} noValidate>
          <div className={`form-group ${fileError ? 'form-group--error' : ''}`}>
            <label className="label" htmlFor="f-file">
              {t.importer.file}
            </label>
            <div className="hint" id="f-file-hint">
              {t.importer.fileHint}
            </div>
            <InlineError id="f-file" error={fileError ?? undefined} />
            <input
              ref={inputRef}
              id="f-file"
              name="file"
              type="file"
              accept={ACCEPT}
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
              busyLabel={t.importer.checking(file?.name ?? '')}
              variant={canImport ? 'secondary' : 'primary'}
              disabled={running === 'import'}
            >
              {t.importer.check}
            </SubmitButton>
            <SubmitButton
              type="button"
              busy={running === 'import'}
              busyLabel={t.importer.importing(file?.name ?? '')}
              disabled={!canImport || running === 'check'}
              aria-describedby={canImport ? undefined : 'import-needs-check'}
              onClick={() => run(false)}
            >
              {t.importer.import}
            </SubmitButton>
          </div>
          {!canImport ? (
            <p className="hint" id="import-needs-check">
              {t.importer.checkFirst}
            </p>
          ) : null}
        </form>

        {running === 'check' ? <Loading label={t.importer.checking(file?.name ?? '')} /> : null}
        {running === 'import' ? <Loading label={t.importer.importing(file?.name ?? '')} /> : null}

        {outcome?.kind === 'checked' ? (
          <Notice kind="info">
            {t.importer.checkOk(outcome.result.total, outcome.result.created, outcome.result.updated)}
          </Notice>
        ) : null}
        {outcome?.kind === 'imported' ? (
          <Notice kind="success">
            {t.importer.imported(outcome.result.total, outcome.result.created, outcome.result.updated)}
          </Notice>
        ) : null}
        {outcome?.kind === 'failed' ? <Notice kind="error">{outcome.message}</Notice> : null}
        {outcome?.kind === 'invalid' ? (
          <ImportErrors detail={outcome.detail} errors={outcome.errors} />
        ) : null}
      </section>

      <section aria-labelledby="export-title" className="panel panel--section">
        <h2 id="export-title">{t.importer.exportTitle}</h2>
        <p>{t.importer.exportLead}</p>
        <p className="button-group">
          <a className="button button--secondary" href="/api/v1/admin/catalogue/export?format=xlsx" download>
            {t.importer.exportXlsx}
          </a>
          <a className="button button--secondary" href="/api/v1/admin/catalogue/export?format=json" download>
            {t.importer.exportJson}
          </a>
        </p>
      </section>
    </>
  );
}

function ImportErrors({ detail, errors }: { detail: string | null; errors: ProblemFieldError[] }) {
  const { t } = useI18n();
  return (
    <Notice kind="error" live={false} title={detail ?? t.importer.errorsTitle(errors.length)}>
      <StackTable
        caption={t.importer.errorsCaption}
        columns={[t.importer.sheet, t.importer.row, t.importer.column, t.importer.message]}
        className="table--compact"
      >
        {errors.map((e, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: errors in file order
          <tr key={i}>
            <td data-label={t.importer.sheet}>{e.sheet ?? '–'}</td>
            <td data-label={t.importer.row}>{e.row ? e.row : '–'}</td>
            <td data-label={t.importer.column}>{e.column ?? '–'}</td>
            <td data-label={t.importer.message}>{e.message}</td>
          </tr>
        ))}
      </StackTable>
    </Notice>
  );
}
