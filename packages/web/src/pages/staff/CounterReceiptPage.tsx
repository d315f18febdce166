import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { formUrl, useDossier } from '../../api/dossiers.ts';
import type { DossierDetail, ReceiptAddress } from '../../api/types.ts';
import { DocumentList, DocumentUpload } from '../../components/dossier.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { Notice, usePageTitle } from '../../components/ui.tsx';
import { formatDateTimeWords } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { PATHS } from '../../paths.ts';
import { ActionPanel } from './DossierActions.tsx';

/**
 * The confirmation after a receipt (or a refusal): the dossier code, the appointment in words, the
 * form to print, what happens next; then the scans and the hand-over to the next step.
 */
export default function CounterReceiptPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const dossier = useDossier(id);
  const refused = dossier.data?.state === 'refused';
  usePageTitle(
    dossier.data
      ? refused
        ? t.counter.refusedTitle
        : t.counter.doneTitle
      : dossier.isPending
        ? t.common.loading
        : null,
  );
  return (
    <>
      <QueryStatus
        query={dossier}
        notFound={{ title: t.dossierPage.notFound, body: t.dossierPage.notFoundBody }}
        keepData
      />
      {dossier.data ? <Receipt d={dossier.data} /> : null}
    </>
  );
}

/** The address the receipt's QR code opens, and whether the deployment left it at localhost. */
function useReceiptAddress() {
  return useQuery({
    queryKey: ['receipt-address'],
    queryFn: () => api<ReceiptAddress>('/api/v1/dossiers/receipt-address'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

function Receipt({ d }: { d: DossierDetail }) {
  const { t } = useI18n();
  const address = useReceiptAddress();
  const refused = d.state === 'refused';
  const [draft, setDraft] = useState<unknown>(undefined);
  const [forwarded, setForwarded] = useState<string | null>(null);
  const canForward = d.availableActions.some((a) => a.action === 'forward_step');
  const next = d.step ? d.steps[d.step.index + 1] : undefined;
  const form = refused ? '03' : '01';

  return (
    <>
      <div className={`confirmation ${refused ? 'confirmation--refused' : ''}`}>
        <h1 className="confirmation__title">{refused ? t.counter.refusedTitle : t.counter.doneTitle}</h1>
        <div className="confirmation__body">
          {d.code ? (
            <>
              <p className="confirmation__label">{t.counter.yourCode}</p>
              <p className="confirmation__code dossier-code" data-testid="dossier-code">
                {d.code}
              </p>
            </>
          ) : null}
          {!refused && d.dueAt ? (
            <>
              <p className="confirmation__label">{t.counter.appointment}</p>
              <p className="confirmation__due">{formatDateTimeWords(d.dueAt, t)}</p>
            </>
          ) : null}
        </div>
      </div>
      <p className="lead" lang="vi">
        {d.procedure.name}
      </p>
      {!refused && address.data?.missing ? (
        <Notice kind="warning" title={t.counter.publicUrlMissingTitle} focus={false} live={false}>
          <p>{t.counter.publicUrlMissing(address.data.publicUrl)}</p>
        </Notice>
      ) : null}
      <div className="button-group">
        <a className="button button--primary" href={formUrl(d.id, form)} target="_blank" rel="noopener">
          {refused ? t.counter.printRefusal : t.counter.printReceipt}
          <span className="visually-hidden"> {t.forms.newTab}</span>
        </a>
        <a className="button button--secondary" href={formUrl(d.id, form, 'docx')} download>
          {t.counter.wordCopy}
          <span className="visually-hidden">: {t.forms.names[form]}</span>
        </a>
      </div>

      <h2>{t.counter.nextTitle}</h2>
      <ol className="list list--number">
        {(refused ? t.counter.nextRefuse : t.counter.nextReceive).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ol>

      {forwarded ? <Notice kind="success">{t.counter.forwarded(forwarded)}</Notice> : null}
      {!refused && canForward ? (
        <ActionPanel
          action="forward_step"
          title={t.counter.forwardTitle}
          headingLevel={2}
          autoFocus={false}
          target={{ id: d.id, version: d.version, code: d.code }}
          detail={d}
          draft={draft}
          onDraft={setDraft}
          onCancel={() => setDraft(undefined)}
          cancelLabel={null}
          onDone={() => setForwarded(next?.name ?? '')}
        />
      ) : null}

      {!refused ? (
        <section className="dossier__section" aria-labelledby="scans-title">
          <h2 id="scans-title">{t.documents.title}</h2>
          <DocumentList dossier={d} />
          <DocumentUpload dossierId={d.id} />
        </section>
      ) : null}

      <ul className="list list--plain link-list">
        <li>
          <Link to={PATHS.dossier(d.id)}>{t.counter.viewDossier}</Link>
        </li>
        <li>
          <Link to={PATHS.counter}>{t.counter.another}</Link>
        </li>
      </ul>
    </>
  );
}
