import { type FormEvent, useState } from 'react';
import { isApiError } from '../../api/client.ts';
import { useVerifyUpload, type Verification } from '../../api/signing.ts';
import { ErrorSummary, InlineError, problemMessage, SubmitButton } from '../../components/forms.tsx';
import { usePageTitle } from '../../components/ui.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { VerificationResult } from './VerificationResult.tsx';

/** The largest file the server reads (server/src/signing/routes.ts, VERIFY_MAX_BYTES). */
const MAX_BYTES = 10 * 1024 * 1024;

/**
 * /xac-thuc — anyone uploads a result PDF; the server checks its signature, that it is unchanged and
 * that it is the copy issued, and names the agency, procedure, masked dossier code, time and signer.
 */
export default function VerifyPage() {
  const { t } = useI18n();
  const s = t.signing;
  usePageTitle(s.title);
  const verifying = useVerifyUpload();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<Verification | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (verifying.isPending) return;
    setAttempt((n) => n + 1);
    setResult(null);
    setFailure(null);
    if (!file) {
      setFileError(s.fileRequired);
      return;
    }
    if (file.size > MAX_BYTES) {
      setFileError(s.fileTooLarge);
      return;
    }
    setFileError(undefined);
    verifying.mutate(file, {
      onSuccess: (v) => setResult(v),
      onError: (err) => {
        setAttempt((n) => n + 1);
        const status = isApiError(err) ? err.status : null;
        if (status === 429) setFailure(s.tooMany);
        else if (status === 413) setFileError(s.fileTooLarge);
        else if (status === 400) setFileError(problemMessage(err, t));
        else setFailure(problemMessage(err, t));
      },
    });
  }

  const error = fileError ?? failure ?? undefined;
  const summary = error ? [{ path: 'file', message: error }] : [];

  return (
    <div className="verify">
      <ErrorSummary items={summary} focusKey={attempt} />
      <h1>{s.title}</h1>
      <p className="lead">{s.lead}</p>
      <form onSubmit={onSubmit} noValidate>
        <div className={`form-group ${error ? 'form-group--error' : ''}`}>
          <label className="label" htmlFor="f-file">
            {s.fileLabel}
          </label>
          <div className="hint" id="f-file-hint">
            {s.fileHint}
          </div>
          <InlineError id="f-file" error={error} />
          <input
            id="f-file"
            name="file"
            type="file"
            accept=".pdf,application/pdf"
            className={`file-input ${error ? 'input--error' : ''}`}
            aria-describedby={`f-file-hint${error ? ' f-file-error' : ''}`}
            aria-invalid={error ? true : undefined}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setResult(null);
              setFailure(null);
              setFileError(undefined);
            }}
          />
        </div>
        <SubmitButton busy={verifying.isPending} busyLabel={s.checking}>
          {s.submit}
        </SubmitButton>
      </form>
      {result ? <VerificationResult v={result} /> : null}
    </div>
  );
}
