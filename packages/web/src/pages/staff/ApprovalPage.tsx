import type { DossierAction } from '@motcua/core';
import { Link } from 'react-router';
import { type ApprovalItem, useApprovals } from '../../api/work.ts';
import { ApprovalBrief } from '../../components/ApprovalBrief.tsx';
import { DueStatus } from '../../components/dossier.tsx';
import { LoadError, usePageTitle } from '../../components/ui.tsx';
import { useFlash } from '../../components/useFlash.tsx';
import { useOpenPanel } from '../../components/useOpenPanel.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { PATHS } from '../../paths.ts';
import { ActionPanel, useDrafts } from './DossierActions.tsx';

type Open = { dossier: ApprovalItem; action: Extract<DossierAction, 'approve' | 'return_for_rework'> };

/**
 * The leader's queue: dossiers awaiting approval, each with its draft result, the steps' notes and
 * its documents, to approve or send back right here with the draft still in view.
 */
export default function ApprovalPage() {
  const { t, locale } = useI18n();
  usePageTitle(t.approvals.title);
  const list = useApprovals();
  const { panel: open, ...panel } = useOpenPanel<Open>();
  const drafts = useDrafts();
  const flash = useFlash();
  const items = list.data?.items ?? [];
  const openKey = open ? `${open.dossier.id}:${open.action}` : '';

  let status = '';
  if (list.isPending) status = t.approvals.loading;
  else if (list.data) status = t.approvals.count(list.data.total);

  return (
    <>
      <h1>{t.approvals.title}</h1>
      <p className="lead">{t.approvals.lead}</p>
      {flash.notice}
      {open ? (
        <ActionPanel
          key={openKey}
          action={open.action}
          headingLevel={2}
          title={
            open.action === 'approve'
              ? t.approvals.approveTitle(open.dossier.code ?? '')
              : t.approvals.reworkTitle(open.dossier.code ?? '')
          }
          target={{ id: open.dossier.id, version: open.dossier.version, code: open.dossier.code }}
          available={items.some((i) => i.id === open.dossier.id)}
          before={
            <ApprovalBrief
              dossierId={open.dossier.id}
              brief={open.dossier.approval}
              id={`panel-brief-${open.dossier.id}`}
            />
          }
          {...drafts.of(openKey)}
          onCancel={() => panel.close({ returnFocus: true })}
          onDone={(next) => {
            panel.close({ returnFocus: false });
            const code = next.code ?? '';
            flash.show(open.action === 'approve' ? t.approvals.approved(code) : t.approvals.reworked(code));
          }}
        />
      ) : null}
      <p className="result-count" role="status" aria-live="polite">
        {status}
      </p>
      {list.isError ? <LoadError error={list.error} onRetry={() => list.refetch()} /> : null}
      {items.length > 0 ? (
        <ul className="approval-list">
          {items.map((d) => (
            <li key={d.id} className="approval-list__item">
              <h2 className="approval-list__title">
                <Link to={PATHS.dossier(d.id)} className="dossier-link">
                  {d.code}
                </Link>
              </h2>
              <p className="approval-list__procedure" lang="vi">
                {d.procedureName}
              </p>
              <dl className="result__meta">
                <div>
                  <dt>{t.queue.colApplicant}</dt>
                  <dd>{d.applicantName}</dd>
                </div>
                <div>
                  <dt>{t.dossier.dueAt}</dt>
                  <dd>{d.dueAt ? formatDateTime(d.dueAt, locale) : t.common.notSet}</dd>
                </div>
              </dl>
              <p>
                <DueStatus dossier={d} />
              </p>
              <section className="approval-list__brief" aria-labelledby={`brief-${d.id}`}>
                <h3 className="visually-hidden" id={`brief-${d.id}`}>
                  {t.work.brief.titleFor(d.code ?? '')}
                </h3>
                <ApprovalBrief
                  dossierId={d.id}
                  brief={d.approval}
                  headingLevel={4}
                  id={`list-brief-${d.id}`}
                />
              </section>
              <div className="button-group button-group--tight">
                <button
                  type="button"
                  id={`approve-${d.id}`}
                  className="button button--primary button--small"
                  aria-label={t.approvals.approveFor(d.code ?? '')}
                  onClick={() => {
                    flash.clear();
                    panel.open({ dossier: d, action: 'approve' }, `approve-${d.id}`);
                  }}
                >
                  {t.approvals.approve}
                </button>
                <button
                  type="button"
                  id={`return_for_rework-${d.id}`}
                  className="button button--secondary button--small"
                  aria-label={t.approvals.reworkFor(d.code ?? '')}
                  onClick={() => {
                    flash.clear();
                    panel.open({ dossier: d, action: 'return_for_rework' }, `return_for_rework-${d.id}`);
                  }}
                >
                  {t.approvals.rework}
                </button>
                <Link to={PATHS.dossier(d.id)} className="link approval-list__open">
                  {t.approvals.open}
                  <span className="visually-hidden"> {d.code}</span>
                </Link>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
