import type { DossierAction } from '@motcua/core';
import { useParams } from 'react-router';
import { isNotFound } from '../../api/client.ts';
import { useDossier } from '../../api/dossiers.ts';
import type { DossierDetail } from '../../api/types.ts';
import { hasAnyRole, useSession } from '../../auth/session.ts';
import { ApprovalBrief } from '../../components/ApprovalBrief.tsx';
import { BackLink } from '../../components/BackLink.tsx';
import {
  DocumentList,
  DocumentUpload,
  DueStatus,
  FormLinks,
  StateTag,
  TimelinessTag,
} from '../../components/dossier.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { usePageTitle } from '../../components/ui.tsx';
import { useFlash } from '../../components/useFlash.tsx';
import { useOpenPanel } from '../../components/useOpenPanel.ts';
import { formatDateTime, formatDateTimeWords, formatProcessingTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { PATHS } from '../../paths.ts';
import { DossierFeePanel } from '../fees/DossierFeePanel.tsx';
import { FEE_PAGE_ROLES } from '../fees/paths.ts';
import { DossierSurveyLink } from '../survey/DossierSurveyLink.tsx';
import { ActionPanel, isOfferedAction, primaryAction, useDrafts } from './DossierActions.tsx';
import { ControlSheet, EventDetails } from './DossierHistory.tsx';
import { DossierPostalPanel } from './DossierPostalPanel.tsx';

/** One dossier for the staff: where it stands, who has it, what happened, and what can be done now. */
export default function DossierPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const dossier = useDossier(id);
  const notFound = isNotFound(dossier.error);
  usePageTitle(
    dossier.data
      ? `${t.dossier.code} ${dossier.data.code ?? ''}`
      : notFound
        ? t.dossierPage.notFound
        : t.common.loading,
  );

  return (
    <>
      <BackLink to={PATHS.dossiers}>{t.dossierPage.back}</BackLink>
      <QueryStatus
        query={dossier}
        // Once shown, the dossier stays on the page whatever a reload answers.
        notFound={
          dossier.data ? undefined : { title: t.dossierPage.notFound, body: t.dossierPage.notFoundBody }
        }
        keepData
      />
      {dossier.data ? <DossierView d={dossier.data} /> : null}
    </>
  );
}

function DossierView({ d }: { d: DossierDetail }) {
  const session = useSession();
  const { t, locale } = useI18n();
  const { panel: open, ...panel } = useOpenPanel<DossierAction>();
  const drafts = useDrafts();
  const flash = useFlash();
  const offerable = d.availableActions.filter((a) => isOfferedAction(a.action));
  // One primary button, first; the others are secondary.
  const primary = primaryAction(offerable.map((a) => a.action));
  const offered = [
    ...offerable.filter((a) => a.action === primary),
    ...offerable.filter((a) => a.action !== primary),
  ];
  const openTitle =
    offered.find((a) => a.action === open)?.title ??
    (open ? (d.events.find((e) => e.action === open)?.title ?? open) : '');
  const at = (iso: string | null | undefined) => formatDateTime(iso, locale);
  const forms = d.forms;

  const sections = [
    { id: 'xu-ly', title: t.dossierPage.actions },
    { id: 'thong-tin', title: t.dossierPage.summary },
    { id: 'nguoi-nop', title: t.dossier.applicant },
    ...(d.eformAnswers ? [{ id: 'to-khai', title: t.onlineSubmit.officerAnswers }] : []),
    { id: 'dien-bien', title: t.dossierPage.timeline },
    { id: 'phieu-kiem-soat', title: t.dossierPage.controlSheet },
    { id: 'tai-lieu', title: t.documents.title },
    { id: 'bieu-mau', title: t.forms.title },
  ];

  return (
    <article className="dossier" aria-labelledby="dossier-title">
      <span className="caption" lang="vi">
        {d.procedure.name}
      </span>
      <h1 id="dossier-title" className="dossier__title">
        <span className="visually-hidden">{t.dossier.code} </span>
        <span className="dossier-code">{d.code ?? t.dossier.noCode}</span>
      </h1>
      <div className="dossier__status">
        <StateTag state={d.state} label={d.stateLabel} />
        <DueStatus dossier={d} />
      </div>
      <dl className="summary-list summary-list--key">
        <div className="summary-list__row">
          <dt>{t.dossier.nationalStatus}</dt>
          <dd lang="vi">{t.dossier.nationalStatusValue(d.nationalStatus.code, d.nationalStatus.name)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t.dossier.dueAt}</dt>
          <dd>
            <strong>{d.dueAt ? formatDateTimeWords(d.dueAt, t) : t.common.notSet}</strong>
            {d.originalDueAt && d.originalDueAt !== d.dueAt ? (
              <span className="summary-list__note">{t.dossierPage.dueChanged(at(d.originalDueAt))}</span>
            ) : null}
            {d.extension ? (
              <span className="summary-list__note">
                {t.dossierPage.extended(at(d.extension.newDueAt), d.extension.reason)}
              </span>
            ) : null}
          </dd>
        </div>
        {d.timeliness ? (
          <div className="summary-list__row">
            <dt>{t.dossier.timeliness}</dt>
            <dd>
              <TimelinessTag timeliness={d.timeliness} />
            </dd>
          </div>
        ) : null}
        <div className="summary-list__row">
          <dt>{t.dossierPage.currentStep}</dt>
          <dd>
            {d.step ? (
              <>
                {t.dossierPage.stepNumber(d.step.index + 1, d.steps.length)}:{' '}
                <span lang="vi">{d.step.name}</span>
                <span className="summary-list__note">
                  {t.dossier.assignee}: {d.step.assigneeName ?? d.assignee?.name ?? t.dossier.unassigned}
                  {d.currentUnit?.name ? ` – ${d.currentUnit.name}` : ''}
                </span>
                <span className="summary-list__note">
                  {t.dossier.stepDue}: {at(d.step.dueAt)}
                </span>
              </>
            ) : (
              t.dossierPage.noStep
            )}
          </dd>
        </div>
      </dl>

      {flash.notice}

      <nav className="contents" aria-labelledby="contents-title">
        <h2 id="contents-title" className="heading-s">
          {t.dossierPage.contents}
        </h2>
        <ul className="contents__list contents__list--inline">
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{s.title}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section id="xu-ly" aria-labelledby="xu-ly-title" className="dossier__section">
        <h2 id="xu-ly-title">{t.dossierPage.actions}</h2>
        {d.approval ? (
          <section className="approval-brief-section" aria-labelledby="brief-title">
            <h3 id="brief-title">{t.work.brief.title}</h3>
            <ApprovalBrief dossierId={d.id} brief={d.approval} headingLevel={4} id="dossier-brief" />
          </section>
        ) : null}
        {offered.length === 0 ? (
          <p>{t.dossierPage.noActions}</p>
        ) : (
          <>
            <p>{t.dossierPage.actionsLead}</p>
            <ul className="action-buttons">
              {offered.map((a) => (
                <li key={a.action}>
                  <button
                    type="button"
                    id={`open-${a.action}`}
                    className={`button ${a.action === primary ? 'button--primary' : 'button--secondary'} ${open === a.action ? 'button--open' : ''}`}
                    aria-expanded={open === a.action}
                    aria-controls={open === a.action ? `action-panel-${a.action}` : undefined}
                    onClick={() => {
                      flash.clear();
                      if (open === a.action) panel.close({ returnFocus: false });
                      else panel.open(a.action, `open-${a.action}`);
                    }}
                  >
                    {a.title}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
        {open ? (
          <div id={`action-panel-${open}`}>
            <ActionPanel
              key={open}
              action={open}
              title={openTitle}
              target={{ id: d.id, version: d.version, code: d.code }}
              detail={d}
              available={offered.some((a) => a.action === open)}
              {...drafts.of(open)}
              onCancel={() => panel.close({ returnFocus: true })}
              onDone={() => {
                panel.close({ returnFocus: false });
                flash.show(t.actions.done(openTitle));
              }}
            />
          </div>
        ) : null}
      </section>

      {hasAnyRole(session.data, FEE_PAGE_ROLES) ? (
        <DossierFeePanel dossierId={d.id} version={d.version} />
      ) : null}
      {hasAnyRole(session.data, ['counter_officer']) ? <DossierPostalPanel dossier={d} /> : null}

      <section id="thong-tin" aria-labelledby="thong-tin-title" className="dossier__section">
        <h2 id="thong-tin-title">{t.dossierPage.summary}</h2>
        <dl className="summary-list">
          <Row label={t.dossier.procedure}>
            <span lang="vi">{d.procedure.name}</span>
            <span className="summary-list__note">
              {d.procedure.code} · {d.field.name}
            </span>
          </Row>
          <Row label={t.dossier.processingTime}>{formatProcessingTime(d.processingTime, t, locale)}</Row>
          <Row label={t.dossier.agency}>
            <span lang="vi">{d.agency.name}</span>
          </Row>
          <Row label={t.dossier.receivingUnit}>
            <span lang="vi">{d.receivingUnit.name}</span>
          </Row>
          <Row label={t.dossier.channel}>{t.dossier.channels[d.channel] ?? d.channel}</Row>
          {d.submittedAt ? <Row label={t.dossier.submittedAt}>{at(d.submittedAt)}</Row> : null}
          <Row label={t.dossier.receivedAt}>{d.receivedAt ? at(d.receivedAt) : t.common.notSet}</Row>
          {d.countingStartAt ? <Row label={t.dossier.countingStartAt}>{at(d.countingStartAt)}</Row> : null}
          <Row label={t.dossier.dueAt}>{d.dueAt ? at(d.dueAt) : t.common.notSet}</Row>
          {d.supplementRequests > 0 ? (
            <Row label={t.timeLeft.supplementRow}>
              {t.dossierPage.supplementRequested(d.supplementRequests)}
            </Row>
          ) : null}
          {d.outcome ? (
            <Row label={t.dossier.outcome}>{t.dossier.outcomes[d.outcome] ?? d.outcome}</Row>
          ) : null}
          {d.endedAt ? <Row label={t.dossier.endedAt}>{at(d.endedAt)}</Row> : null}
          {d.returnedAt ? (
            <Row label={t.dossier.returnedAt}>
              {at(d.returnedAt)}
              {d.returnChannel ? (
                <span className="summary-list__note">{t.dossier.returnChannels[d.returnChannel]}</span>
              ) : null}
            </Row>
          ) : null}
        </dl>
        <h3>{t.dossierPage.stepsTitle}</h3>
        <ol className="steps">
          {d.steps.map((s, i) => {
            const current = d.step?.index === i;
            return (
              <li
                // biome-ignore lint/suspicious/noArrayIndexKey: the steps of a procedure, in order
                key={i}
                className={`steps__item ${current ? 'steps__item--current' : ''}`}
                aria-current={current ? 'step' : undefined}
              >
                <span className="steps__name" lang="vi">
                  {s.name}
                </span>
                <span className="steps__meta">
                  {s.roleLabel}
                  {s.unitCode ? ` (${s.unitCode})` : ''} · {t.dossierPage.stepHours(s.hours)}
                  {current ? <strong> · {t.dossierPage.stepCurrent}</strong> : null}
                </span>
              </li>
            );
          })}
        </ol>
      </section>

      <section id="nguoi-nop" aria-labelledby="nguoi-nop-title" className="dossier__section">
        <h2 id="nguoi-nop-title">{t.dossier.applicant}</h2>
        <dl className="summary-list">
          {(['name', 'idNumber', 'phone', 'email', 'address', 'organisation', 'proxyName'] as const).map(
            (k) =>
              d.applicant[k] ? (
                <Row key={k} label={t.dossier.applicantFields[k]}>
                  {d.applicant[k]}
                </Row>
              ) : null,
          )}
        </dl>
      </section>

      {d.eformAnswers ? (
        <section id="to-khai" aria-labelledby="to-khai-title" className="dossier__section">
          <h2 id="to-khai-title">{t.onlineSubmit.officerAnswers}</h2>
          <p>{t.onlineSubmit.officerAnswersLead}</p>
          <dl className="summary-list" data-testid="eform-answers">
            {d.eformAnswers.map((a) => (
              <Row key={a.key} label={a.label}>
                {a.value}
              </Row>
            ))}
          </dl>
        </section>
      ) : null}

      <section id="dien-bien" aria-labelledby="dien-bien-title" className="dossier__section">
        <h2 id="dien-bien-title">{t.dossierPage.timeline}</h2>
        {d.events.length === 0 ? (
          <p>{t.dossierPage.timelineEmpty}</p>
        ) : (
          <ol className="timeline">
            {d.events.map((e) => (
              <li key={e.seq} className="timeline__item">
                <p className="timeline__title">
                  <strong>{e.title}</strong>
                </p>
                <p className="timeline__meta">
                  <time dateTime={e.at}>{at(e.at)}</time> · {t.dossierPage.by(e.actorName)}
                </p>
                <p className="timeline__meta">{t.dossierPage.toState(e.toStateLabel)}</p>
                <EventDetails event={e} />
              </li>
            ))}
          </ol>
        )}
      </section>

      <section id="phieu-kiem-soat" aria-labelledby="phieu-kiem-soat-title" className="dossier__section">
        <h2 id="phieu-kiem-soat-title">{t.dossierPage.controlSheet}</h2>
        <ControlSheet d={d} />
      </section>

      <section id="tai-lieu" aria-labelledby="tai-lieu-title" className="dossier__section">
        <h2 id="tai-lieu-title">{t.documents.title}</h2>
        <DocumentList dossier={d} removable />
        <DocumentUpload dossierId={d.id} />
      </section>

      <section id="bieu-mau" aria-labelledby="bieu-mau-title" className="dossier__section">
        <h2 id="bieu-mau-title">{t.forms.title}</h2>
        <p>{t.forms.lead}</p>
        <FormLinks dossier={d} forms={forms} />
      </section>
      <DossierSurveyLink dossierId={d.id} state={d.state} />
    </article>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="summary-list__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
