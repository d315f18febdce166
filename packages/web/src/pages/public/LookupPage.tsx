import { type FormEvent, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { useDossierLookup } from '../../api/dossiers.ts';
import type { DossierLookup } from '../../api/types.ts';
import { ErrorSummary, problemMessage, SubmitButton, TextField } from '../../components/forms.tsx';
import { PostalLines } from '../../components/PostalLines.tsx';
import { stateTone } from '../../components/stateTone.ts';
import { Loading, Notice, usePageTitle } from '../../components/ui.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { PATHS } from '../../paths.ts';
import { PaymentBox } from '../fees/PaymentBox.tsx';

/** How a code is typed: spaces dropped, letters in capitals, as printed on the receipt. */
function normaliseCode(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/**
 * The public lookup a receipt's QR code opens (/tra-cuu-ho-so?ma=CODE): where a dossier stands, its
 * dates and history, with the applicant's personal data masked by the server.
 */
export function LookupPage() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const code = normaliseCode(params.get('ma') ?? '');
  const [text, setText] = useState(code);
  const [emptyError, setEmptyError] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => setText(code), [code]);
  const lookup = useDossierLookup(code);
  usePageTitle(lookup.data ? t.lookup.resultTitle(lookup.data.code ?? code) : t.lookup.title);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const next = normaliseCode(text);
    setAttempt((n) => n + 1);
    if (!next) {
      setEmptyError(true);
      return;
    }
    setEmptyError(false);
    if (next === code) void lookup.refetch();
    else setParams({ ma: next });
  }

  const status = isApiError(lookup.error) ? lookup.error.status : null;
  let fieldError: string | undefined;
  if (emptyError) fieldError = t.lookup.codeRequired;
  else if (status === 400) fieldError = t.lookup.codeFormat;
  else if (status === 404) fieldError = t.lookup.notFound(code);
  const summary = fieldError ? [{ path: 'ma', message: fieldError }] : [];

  return (
    <div className="lookup">
      <ErrorSummary items={summary} focusKey={attempt + (lookup.errorUpdatedAt ?? 0)} />
      <h1>{t.lookup.title}</h1>
      <p className="lead">{t.lookup.lead}</p>
      <search>
        <form className="search-box" action={PATHS.lookup} method="get" onSubmit={onSubmit} noValidate>
          <TextField
            id="f-ma"
            name="ma"
            label={t.lookup.codeLabel}
            hint={t.lookup.codeHint}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            value={text}
            error={fieldError}
            className="lookup__field"
            onChange={(e) => setText(e.target.value)}
          />
          <SubmitButton busy={lookup.isFetching} busyLabel={t.lookup.searching}>
            {t.lookup.submit}
          </SubmitButton>
        </form>
      </search>
      {lookup.isFetching && !lookup.data ? <Loading label={t.lookup.searching} /> : null}
      {status === 429 ? <Notice kind="error">{t.lookup.tooMany}</Notice> : null}
      {lookup.isError && status !== 400 && status !== 404 && status !== 429 ? (
        <Notice kind="error">{problemMessage(lookup.error, t)}</Notice>
      ) : null}
      {lookup.data && !lookup.isError ? <LookupResult d={lookup.data} locale={locale} /> : null}
    </div>
  );
}

function LookupResult({ d, locale }: { d: DossierLookup; locale: 'vi' | 'en' }) {
  const { t } = useI18n();
  const at = (iso: string | null) => (iso ? formatDateTime(iso, locale) : '');
  return (
    <section className="lookup-result" aria-labelledby="lookup-result-title">
      <h2 id="lookup-result-title">
        {t.lookup.dossierHeading} <span className="dossier-code">{d.code}</span>
      </h2>
      <p>
        <span className={`tag tag--large tag--state-${stateTone(d.status.state)}`}>{d.status.name}</span>
      </p>
      {d.standing ? <p className="lookup-result__standing">{d.standing}</p> : null}
      <Notice kind="info" focus={false} live={false} title={t.lookup.whatNextTitle}>
        <p>{d.whatNext}</p>
      </Notice>
      {d.payment ? <PaymentBox payment={d.payment} headingId="lookup-payment-title" /> : null}
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t.lookup.procedure}</dt>
          <dd lang="vi">
            {d.procedure.name}
            <span className="summary-list__note">{d.procedure.code}</span>
          </dd>
        </div>
        {d.agency ? (
          <div className="summary-list__row">
            <dt>{t.lookup.agency}</dt>
            <dd lang="vi">{d.agency}</dd>
          </div>
        ) : null}
        <div className="summary-list__row">
          <dt>{t.lookup.applicant}</dt>
          <dd>
            {d.applicant.name}
            {d.applicant.idNumber ? (
              <span className="summary-list__note">
                {t.lookup.idNumber}: {d.applicant.idNumber}
              </span>
            ) : null}
            {d.applicant.phone ? (
              <span className="summary-list__note">
                {t.lookup.phone}: {d.applicant.phone}
              </span>
            ) : null}
            <span className="summary-list__note">{t.lookup.maskedNote}</span>
          </dd>
        </div>
        {d.submittedAt ? (
          <div className="summary-list__row">
            <dt>{t.dossier.submittedAt}</dt>
            <dd>{at(d.submittedAt)}</dd>
          </div>
        ) : null}
        <div className="summary-list__row">
          <dt>{t.dossier.receivedAt}</dt>
          <dd>{d.receivedAt ? at(d.receivedAt) : t.common.notSet}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t.dossier.dueAt}</dt>
          <dd>
            <strong>{d.dueAt ? at(d.dueAt) : t.common.notSet}</strong>
          </dd>
        </div>
        {d.returnedAt ? (
          <div className="summary-list__row">
            <dt>{t.dossier.returnedAt}</dt>
            <dd>{at(d.returnedAt)}</dd>
          </div>
        ) : d.endedAt ? (
          <div className="summary-list__row">
            <dt>{t.dossier.endedAt}</dt>
            <dd>{at(d.endedAt)}</dd>
          </div>
        ) : null}
      </dl>
      <PostalLines shipments={d.postal} headingId="lookup-postal-title" />
      <h2>{t.lookup.timeline}</h2>
      <ol className="timeline timeline--public">
        {d.timeline.map((e, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the events of one dossier, in order
          <li key={i} className="timeline__item">
            <p className="timeline__title">
              <strong>{e.title}</strong>
            </p>
            <p className="timeline__description">{e.description}</p>
            <p className="timeline__meta">
              <time dateTime={e.at}>{at(e.at)}</time> · {e.stateLabel}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
