import { Link, useParams } from 'react-router';
import { isNotFound } from '../../api/client.ts';
import { usePublicProcedure } from '../../api/public.ts';
import type { PublicProcedure } from '../../api/types.ts';
import { BackLink } from '../../components/BackLink.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { NotReceivableNotice } from '../../components/Receivability.tsx';
import { StackTable } from '../../components/StackTable.tsx';
import { OnlineBadge, usePageTitle } from '../../components/ui.tsx';
import { formatDate, formatProcessingTime, formatVnd, joinList } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { PATHS } from '../../paths.ts';

/** Free text from the catalogue, with its line breaks kept as paragraphs. */
function Paragraphs({ text }: { text: string }) {
  // The catalogue is written in Vietnamese, whatever the language of the interface.
  const parts = text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {parts.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a fixed text
        <p key={i} lang="vi">
          {p}
        </p>
      ))}
    </>
  );
}

export function ProcedurePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const procedure = usePublicProcedure(id);
  const notFound = isNotFound(procedure.error);
  usePageTitle(
    procedure.data?.name ?? (notFound ? t.procedure.notFound : procedure.isPending ? t.common.loading : null),
  );

  return (
    <>
      <BackLink to={PATHS.catalogue}>{t.procedure.back}</BackLink>
      <QueryStatus
        query={procedure}
        notFound={{ title: t.procedure.notFound, body: t.procedure.notFoundBody }}
      />
      {procedure.data ? <ProcedureView p={procedure.data} /> : null}
    </>
  );
}

function ProcedureView({ p }: { p: PublicProcedure }) {
  const { t, locale } = useI18n();
  const review = (p.needsReview ?? []).map((flag) => t.reviewFlag[flag] ?? flag);
  const fees = p.fees ?? [];
  const documents = p.documents ?? [];
  const legalBasis = p.legalBasis ?? [];

  const sections = [
    { id: 'doi-tuong', title: t.procedure.applicants, show: true },
    { id: 'thanh-phan-ho-so', title: t.procedure.documents, show: true },
    { id: 'phi-le-phi', title: t.procedure.fees, show: true },
    { id: 'cach-thuc', title: t.procedure.whereToApply, show: true },
    { id: 'ket-qua', title: t.procedure.result, show: true },
    { id: 'can-cu', title: t.procedure.legalBasis, show: true },
  ];

  return (
    <article className="procedure" aria-labelledby="procedure-title">
      <span className="caption" lang="vi">
        {p.field?.name}
      </span>
      <h1 id="procedure-title" lang="vi">
        {p.name}
      </h1>

      <NotReceivableNotice reason={p.notReceivableReason} audience="public" />
      {review.length > 0 ? (
        <div className="notice notice--warning">
          <p className="notice__title">{t.procedure.reviewTitle}</p>
          <p>{t.procedure.reviewBody(joinList(review, t))}</p>
        </div>
      ) : null}

      <section aria-labelledby="tom-tat">
        <h2 id="tom-tat" className="visually-hidden">
          {t.procedure.summary}
        </h2>
        <dl className="summary-list">
          <div className="summary-list__row">
            <dt>{t.procedure.code}</dt>
            <dd>
              {p.code} <span className="muted">({t.codeKind[p.codeKind] ?? p.codeKind})</span>
            </dd>
          </div>
          <div className="summary-list__row">
            <dt>{t.procedure.processingTime}</dt>
            <dd>
              <strong>{formatProcessingTime(p.processingTime, t, locale)}</strong>
              {p.processingTime?.note ? (
                <span className="summary-list__note" lang="vi">
                  {p.processingTime.note}
                </span>
              ) : null}
            </dd>
          </div>
          <div className="summary-list__row">
            <dt>{t.procedure.agency}</dt>
            <dd lang="vi">{p.agency?.name ?? p.agencyCode}</dd>
          </div>
          <div className="summary-list__row">
            <dt>{t.procedure.level}</dt>
            <dd>{t.level[p.level] ?? p.level}</dd>
          </div>
          <div className="summary-list__row">
            <dt>{t.procedure.field}</dt>
            <dd lang="vi">{p.field?.name ?? p.fieldCode}</dd>
          </div>
          <div className="summary-list__row">
            <dt>{t.procedure.onlineLevel}</dt>
            <dd>
              <OnlineBadge level={p.onlineLevel} />
              <span className="summary-list__note">{t.onlineLevelHelp[p.onlineLevel]}</span>
            </dd>
          </div>
          {p.effectiveFrom ? (
            <div className="summary-list__row">
              <dt>{t.procedure.effectiveFrom}</dt>
              <dd>{formatDate(p.effectiveFrom, locale)}</dd>
            </div>
          ) : null}
        </dl>
      </section>

      <nav className="contents" aria-labelledby="contents-title">
        <h2 id="contents-title" className="heading-s">
          {t.procedure.contents}
        </h2>
        <ol className="contents__list">
          {sections
            .filter((s) => s.show)
            .map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`}>{s.title}</a>
              </li>
            ))}
        </ol>
      </nav>

      <section aria-labelledby="doi-tuong">
        <h2 id="doi-tuong">{t.procedure.applicants}</h2>
        {p.applicants ? <Paragraphs text={p.applicants} /> : <p>{t.common.notSet}</p>}
        <h3>{t.procedure.conditions}</h3>
        {p.conditions ? <Paragraphs text={p.conditions} /> : <p>{t.procedure.noConditions}</p>}
      </section>

      <section aria-labelledby="thanh-phan-ho-so">
        <h2 id="thanh-phan-ho-so">{t.procedure.documents}</h2>
        {documents.length === 0 ? (
          <p>{t.procedure.noDocuments}</p>
        ) : (
          <>
            <p>{t.procedure.documentsIntro(documents.length)}</p>
            <StackTable
              caption={t.procedure.documents}
              columns={[
                t.procedure.docNo,
                t.procedure.docName,
                t.procedure.docCopies,
                t.procedure.docForm,
                t.procedure.docRequired,
                t.procedure.docTemplate,
              ]}
            >
              {documents.map((d, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: documents are an ordered list without ids
                <tr key={i}>
                  <td data-label={t.procedure.docNo}>{i + 1}</td>
                  <th scope="row" data-label={t.procedure.docName} lang="vi">
                    {d.name}
                  </th>
                  <td data-label={t.procedure.docCopies}>{d.copies}</td>
                  <td data-label={t.procedure.docForm}>{t.documentForm[d.form] ?? d.form}</td>
                  <td data-label={t.procedure.docRequired}>
                    {d.required ? t.procedure.docRequiredYes : t.procedure.docRequiredNo}
                  </td>
                  <td data-label={t.procedure.docTemplate} lang={d.template ? 'vi' : undefined}>
                    {d.template || t.procedure.noTemplate}
                  </td>
                </tr>
              ))}
            </StackTable>
          </>
        )}
      </section>

      <section aria-labelledby="phi-le-phi">
        <h2 id="phi-le-phi">{t.procedure.fees}</h2>
        {fees.length === 0 ? (
          <p>{p.needsReview?.includes('fees') ? t.procedure.feeUnknown : t.procedure.noFees}</p>
        ) : (
          <StackTable
            caption={t.procedure.fees}
            columns={[t.procedure.feeName, t.procedure.feeAmount, t.procedure.feeNote]}
          >
            {fees.map((f, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: fees are an ordered list without ids
              <tr key={i}>
                <th scope="row" data-label={t.procedure.feeName} lang="vi">
                  {f.name}
                </th>
                <td data-label={t.procedure.feeAmount}>
                  {f.amountVnd === null
                    ? t.procedure.feeUnknown
                    : f.amountVnd === 0
                      ? t.procedure.feeFree
                      : formatVnd(f.amountVnd, locale)}
                </td>
                <td data-label={t.procedure.feeNote} lang="vi">
                  {f.note ?? ''}
                </td>
              </tr>
            ))}
          </StackTable>
        )}
      </section>

      <section aria-labelledby="cach-thuc">
        <h2 id="cach-thuc">{t.procedure.whereToApply}</h2>
        <p>
          <OnlineBadge level={p.onlineLevel} /> {t.onlineLevelHelp[p.onlineLevel]}
        </p>
        {p.onlineLevel !== 'none' ? (
          <p>
            <Link className="button button--primary button--start" to={PATHS.onlineSubmit(p.code)}>
              {t.onlineSubmit.start}
            </Link>
            <span className="hint">{t.onlineSubmit.startHint}</span>
          </p>
        ) : null}
        <p>{p.postalAllowed ? t.procedure.postalYes : t.procedure.postalNo}</p>
        {p.howToApply ? (
          <>
            <h3>{t.procedure.howToApply}</h3>
            <Paragraphs text={p.howToApply} />
          </>
        ) : null}
      </section>

      <section aria-labelledby="ket-qua">
        <h2 id="ket-qua">{t.procedure.result}</h2>
        <dl className="summary-list">
          {p.resultName ? (
            <div className="summary-list__row">
              <dt>{t.procedure.result}</dt>
              <dd lang="vi">{p.resultName}</dd>
            </div>
          ) : null}
          <div className="summary-list__row">
            <dt>{t.procedure.resultType}</dt>
            <dd>{t.resultType[p.resultType] ?? p.resultType}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="can-cu">
        <h2 id="can-cu">{t.procedure.legalBasis}</h2>
        {legalBasis.length === 0 ? (
          <p>{t.procedure.noLegalBasis}</p>
        ) : (
          <ul className="list list--bullet">
            {legalBasis.map((l, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: an ordered list of texts
              <li key={i} lang="vi">
                {l}
              </li>
            ))}
          </ul>
        )}
        {p.publication ? (
          <>
            <h3>{t.procedure.publication}</h3>
            <p>
              {t.procedure.publicationText(
                p.publication.decisionNumber,
                formatDate(p.publication.date, locale),
              )}
            </p>
          </>
        ) : null}
      </section>
    </article>
  );
}
