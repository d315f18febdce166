import type { DossierState } from '@motcua/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import { isApiError, newUuid } from '../api/client.ts';
import { documentUrl, formUrl, removeDocument, uploadDocument } from '../api/dossiers.ts';
import type { DocumentKind, DossierDetail, DossierSummary, StepResult, Timeliness } from '../api/types.ts';
import { formatBytes, formatDateTime } from '../i18n/format.ts';
import { useI18n } from '../i18n/index.tsx';
import { ErrorSummary, InlineError, problemMessage, SelectField, SubmitButton, TextField } from './forms.tsx';
import { StackTable } from './StackTable.tsx';
import { stateTone } from './stateTone.ts';
import { describeTime } from './timeText.ts';
import { Notice } from './ui.tsx';

/** Parts of the staff pages about dossiers: state, time left, forms to print, documents. */

export function StateTag({ state, label }: { state: DossierState; label: string }) {
  return <span className={`tag tag--state-${stateTone(state)}`}>{label}</span>;
}

/**
 * Time left (or how late, or why the clock is stopped) in words, a colour and an icon, as the
 * server computed it (core's read model); the page refetches to keep it current.
 */
export function DueStatus({ dossier }: { dossier: Pick<DossierSummary, 'state' | 'time'> }) {
  const { t, locale } = useI18n();
  const { text, tone, icon } = describeTime(dossier.time, dossier.state, t, (iso) =>
    formatDateTime(iso, locale),
  );
  if (!text) return null;
  return (
    <span className={`tag tag--due tag--due-${tone}`}>
      <span aria-hidden="true" className="tag__icon">
        {icon}
      </span>
      {text}
    </span>
  );
}

export function TimelinessTag({ timeliness }: { timeliness: Timeliness | StepResult | null }) {
  const { t } = useI18n();
  if (!timeliness) return null;
  const late = timeliness === 'late' || timeliness === 'overdue';
  return (
    <span className={`tag tag--due tag--due-${late ? 'late' : 'done'}`}>
      <span aria-hidden="true" className="tag__icon">
        {late ? '✕' : '✓'}
      </span>
      {t.dossier.timelinessLabel[timeliness] ?? timeliness}
    </span>
  );
}

/** Links to print the forms: the PDF opens in a new tab, the Word file downloads. */
export function FormLinks({ dossier, forms }: { dossier: { id: string }; forms: string[] }) {
  const { t } = useI18n();
  if (forms.length === 0) return <p>{t.forms.none}</p>;
  return (
    <ul className="form-links">
      {forms.map((f) => {
        const name = t.forms.names[f] ?? f;
        return (
          <li key={f} className="form-links__item">
            <a href={formUrl(dossier.id, f)} target="_blank" rel="noopener" className="form-links__pdf">
              {name}
              <span className="form-links__meta"> ({t.forms.pdfNewTab})</span>
            </a>
            <a href={formUrl(dossier.id, f, 'docx')} download className="form-links__docx">
              {t.forms.docx}
              <span className="visually-hidden">: {name}</span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * One Idempotency-Key per submission: kept while the same request is retried (after a network
 * failure), new as soon as the request changes or has been answered.
 */
export function useIdempotencyKey() {
  const ref = useRef<{ key: string; body: string } | null>(null);
  return useMemo(
    () => ({
      for(body: unknown): string {
        const text = JSON.stringify(body);
        if (!ref.current || ref.current.body !== text) ref.current = { key: newUuid(), body: text };
        return ref.current.key;
      },
      reset() {
        ref.current = null;
      },
    }),
    [],
  );
}

export function DocumentList({
  dossier,
  removable = false,
}: {
  dossier: Pick<DossierDetail, 'id' | 'documents'>;
  removable?: boolean;
}) {
  const { t, locale } = useI18n();
  const qc = useQueryClient();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  function remove(documentId: string, name: string) {
    if (busy) return;
    setBusy(true);
    removeDocument(dossier.id, documentId)
      .then(() => {
        setMessage({ kind: 'success', text: t.documents.removed(name) });
        void qc.invalidateQueries({ queryKey: ['staff', 'dossier', dossier.id] });
      })
      .catch((err: unknown) => setMessage({ kind: 'error', text: problemMessage(err, t) }))
      .finally(() => {
        setBusy(false);
        setConfirming(null);
      });
  }

  const notice = message ? (
    <Notice kind={message.kind === 'success' ? 'success' : 'error'}>{message.text}</Notice>
  ) : null;
  if (dossier.documents.length === 0)
    return (
      <>
        {notice}
        <p>{t.documents.empty}</p>
      </>
    );
  return (
    <>
      {notice}
      <StackTable
        caption={t.documents.title}
        columns={[
          t.documents.name,
          t.documents.kind,
          t.documents.size,
          t.documents.uploadedAt,
          t.common.actions,
        ]}
      >
        {dossier.documents.map((d) => (
          <tr key={d.id}>
            <th scope="row" data-label={t.documents.name}>
              {d.name}
              {d.filename !== d.name ? <span className="cell-note">{d.filename}</span> : null}
            </th>
            <td data-label={t.documents.kind}>{t.documents.kinds[d.kind] ?? d.kind}</td>
            <td data-label={t.documents.size}>{formatBytes(d.size, t, locale)}</td>
            <td data-label={t.documents.uploadedAt}>{formatDateTime(d.uploadedAt, locale)}</td>
            <td data-label={t.common.actions}>
              <a href={documentUrl(dossier.id, d.id)} download>
                {t.documents.download}
                <span className="visually-hidden"> {d.name}</span>
              </a>
              {removable && confirming !== d.id ? (
                <>
                  {' '}
                  <button
                    type="button"
                    className="button button--link"
                    disabled={busy}
                    onClick={() => {
                      setMessage(null);
                      setConfirming(d.id);
                    }}
                  >
                    {t.documents.remove}
                    <span className="visually-hidden"> {d.name}</span>
                  </button>
                </>
              ) : null}
              {removable && confirming === d.id ? (
                <span className="cell-note">
                  {t.documents.removeConfirm(d.name)}{' '}
                  <button
                    type="button"
                    className="button button--link"
                    disabled={busy}
                    onClick={() => remove(d.id, d.name)}
                  >
                    {t.documents.removeYes}
                  </button>{' '}
                  <button
                    type="button"
                    className="button button--link"
                    disabled={busy}
                    onClick={() => setConfirming(null)}
                  >
                    {t.documents.removeNo}
                  </button>
                </span>
              ) : null}
            </td>
          </tr>
        ))}
      </StackTable>
    </>
  );
}

const ACCEPTED = /\.(pdf|png|jpe?g|tiff?|docx)$/i;
const KINDS: DocumentKind[] = ['scan', 'applicant', 'supplement', 'result', 'other'];

type UploadState =
  | { kind: 'idle' }
  | { kind: 'sending'; name: string; percent: number }
  | { kind: 'checking'; name: string }
  | { kind: 'done'; name: string }
  | { kind: 'cancelled' };

/**
 * Attach a scan: shows how much has been sent, can be cancelled, and says plainly why a file was
 * refused (too big, wrong type, empty). The chosen file and name stay after an error.
 */
export function DocumentUpload({
  dossierId,
  defaultKind = 'scan',
  headingLevel = 3,
}: {
  dossierId: string;
  defaultKind?: DocumentKind;
  headingLevel?: 2 | 3;
}) {
  const { t, locale } = useI18n();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<DocumentKind>(defaultKind);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<UploadState>({ kind: 'idle' });
  const [inputKey, setInputKey] = useState(0);
  const abort = useRef<AbortController | null>(null);
  const busy = state.kind === 'sending' || state.kind === 'checking';
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  function fail(message: string) {
    setError(message);
    setAttempt((n) => n + 1);
    setState({ kind: 'idle' });
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!file) return fail(t.documents.fileRequired);
    if (file.size === 0) return fail(t.documents.fileEmpty(file.name));
    if (!ACCEPTED.test(file.name)) return fail(t.documents.fileType(file.name));
    setError(null);
    const controller = new AbortController();
    abort.current = controller;
    const chosen = file;
    setState({ kind: 'sending', name: chosen.name, percent: 0 });
    uploadDocument(
      dossierId,
      chosen,
      { name: name.trim() || undefined, kind },
      (sent, total) => {
        const percent = total > 0 ? Math.min(100, Math.round((sent / total) * 100)) : 0;
        setState(
          percent >= 100
            ? { kind: 'checking', name: chosen.name }
            : { kind: 'sending', name: chosen.name, percent },
        );
      },
      controller.signal,
    )
      .then(() => {
        setState({ kind: 'done', name: name.trim() || chosen.name });
        setFile(null);
        setName('');
        setInputKey((k) => k + 1);
        void qc.invalidateQueries({ queryKey: ['staff', 'dossier', dossierId] });
      })
      .catch((err: unknown) => {
        if (err instanceof DOMException && err.name === 'AbortError') {
          setState({ kind: 'cancelled' });
          return;
        }
        if (isApiError(err) && err.status === 413)
          return fail(t.documents.fileTooBig(chosen.name, formatBytes(chosen.size, t, locale)));
        if (isApiError(err) && err.status === 415) return fail(t.documents.fileType(chosen.name));
        if (isApiError(err) && err.code === 'upload_empty') return fail(t.documents.fileEmpty(chosen.name));
        fail(problemMessage(err, t));
      })
      .finally(() => {
        abort.current = null;
      });
  }

  const summary = error ? [{ path: 'upload.file', message: error }] : [];
  const fileId = 'f-upload-file';

  return (
    <section className="upload" aria-labelledby="upload-title">
      <Heading id="upload-title" className="heading-m">
        {t.documents.uploadTitle}
      </Heading>
      <ErrorSummary items={summary} focusKey={attempt} />
      {state.kind === 'done' ? <Notice kind="success">{t.documents.uploaded(state.name)}</Notice> : null}
      {state.kind === 'cancelled' ? (
        <Notice kind="info" focus={false}>
          {t.documents.cancelled}
        </Notice>
      ) : null}
      <form onSubmit={onSubmit} noValidate>
        <div className={`form-group ${error ? 'form-group--error' : ''}`}>
          <label className="label" htmlFor={fileId}>
            {t.documents.fileLabel}
          </label>
          <div className="hint" id={`${fileId}-hint`}>
            {t.documents.fileHint}
          </div>
          <InlineError id={fileId} error={error ?? undefined} />
          <input
            key={inputKey}
            id={fileId}
            name="file"
            type="file"
            accept=".pdf,.png,.jpg,.jpeg,.tif,.tiff,.docx,application/pdf,image/png,image/jpeg,image/tiff"
            className={`file-input ${error ? 'input--error' : ''}`}
            aria-describedby={`${fileId}-hint${error ? ` ${fileId}-error` : ''}`}
            aria-invalid={error ? true : undefined}
            disabled={busy}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setError(null);
              if (state.kind !== 'idle') setState({ kind: 'idle' });
            }}
          />
        </div>
        <div className="form-row">
          <TextField
            id="f-upload-name"
            label={t.documents.nameLabel}
            hint={t.documents.nameHint}
            optional
            value={name}
            maxLength={300}
            onChange={(e) => setName(e.target.value)}
          />
          <SelectField
            id="f-upload-kind"
            label={t.documents.kindLabel}
            value={kind}
            onChange={(e) => setKind(e.target.value as DocumentKind)}
            options={KINDS.map((k) => ({ value: k, label: t.documents.kinds[k] ?? k }))}
          />
        </div>
        {busy ? (
          <div className="progress">
            <label className="progress__label" htmlFor="upload-progress">
              {t.documents.progressLabel(state.name)}
            </label>
            <progress
              id="upload-progress"
              className="progress__bar"
              max={100}
              value={state.kind === 'sending' ? state.percent : 100}
            />
            <p className="progress__text" aria-hidden="true">
              {state.kind === 'sending'
                ? t.documents.uploading(state.name, state.percent)
                : t.documents.processing(state.name)}
            </p>
          </div>
        ) : null}
        <p className="visually-hidden" role="status" aria-live="polite">
          {state.kind === 'sending'
            ? t.documents.uploading(state.name, state.percent < 50 ? 0 : 50)
            : state.kind === 'checking'
              ? t.documents.processing(state.name)
              : ''}
        </p>
        <div className="button-group">
          <SubmitButton
            variant="secondary"
            busy={busy}
            busyLabel={
              state.kind === 'sending'
                ? t.documents.uploading(state.name, state.percent)
                : state.kind === 'checking'
                  ? t.documents.processing(state.name)
                  : ''
            }
          >
            {t.documents.upload}
          </SubmitButton>
          {state.kind === 'sending' ? (
            <button type="button" className="button button--link" onClick={() => abort.current?.abort()}>
              {t.documents.cancel}
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
