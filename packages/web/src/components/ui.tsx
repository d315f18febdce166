import type { OnlineLevel, ProcedureStatus } from '@motcua/core';
import { type ReactNode, useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useT } from '../i18n/index.tsx';
import { problemMessage } from './forms.tsx';

/** document.title for the page: "Page – One-stop service". */
export function usePageTitle(title: string | null | undefined): void {
  const t = useT();
  useEffect(() => {
    document.title = title ? `${title} – ${t.app.titleSuffix}` : t.app.titleSuffix;
  }, [title, t]);
}

/** A loading message that screen readers announce. */
export function Loading({ label }: { label?: string }) {
  const t = useT();
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner spinner--dark" aria-hidden="true" />
      {label ?? t.common.loading}
    </p>
  );
}

export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__title">{t.common.loadError}</p>
      <p>{problemMessage(error, t)}</p>
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t.common.retry}
        </button>
      ) : null}
    </div>
  );
}

/** A success or information banner that takes focus so that it is read out after an action. */
export function Notice({
  kind = 'success',
  title,
  children,
  focus = true,
  live = true,
}: {
  kind?: 'success' | 'info' | 'warning' | 'error';
  title?: ReactNode;
  children?: ReactNode;
  focus?: boolean;
  /** A live region is read out when it appears; long content (a table) is better just focused. */
  live?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <div
      className={`notice notice--${kind}`}
      ref={ref}
      tabIndex={-1}
      role={live ? (kind === 'error' ? 'alert' : 'status') : undefined}
    >
      {title ? <p className="notice__title">{title}</p> : null}
      {children}
    </div>
  );
}

const LEVEL_ICONS: Record<OnlineLevel, string> = { full: '●', partial: '◐', none: '○' };

/** The online service level as a tag with text and a shape, never colour alone. */
export function OnlineBadge({ level }: { level: OnlineLevel }) {
  const t = useT();
  return (
    <span className={`tag tag--online-${level}`}>
      <span aria-hidden="true" className="tag__icon">
        {LEVEL_ICONS[level]}
      </span>
      {t.onlineLevel[level]}
    </span>
  );
}

export function StatusTag({ status }: { status: ProcedureStatus }) {
  const t = useT();
  return <span className={`tag tag--status-${status}`}>{t.procedureStatus[status] ?? status}</span>;
}

/** Numbered page links of a list (none until it has loaded) that keep the other query parameters. */
export function Pagination({
  results,
  pageSize,
  hrefFor,
}: {
  results: { page: number; pageSize: number; total: number } | undefined;
  /** The page size asked for, when the answer does not say. */
  pageSize: number;
  hrefFor: (page: number) => string;
}) {
  const t = useT();
  if (!results) return null;
  const { page, total } = results;
  const pages = Math.max(1, Math.ceil(total / (results.pageSize || pageSize)));
  if (pages <= 1) return null;
  const shown = new Set<number>([1, pages, page - 1, page, page + 1]);
  const list = [...shown].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  const items: (number | 'gap')[] = [];
  list.forEach((p, i) => {
    const prev = list[i - 1];
    if (i > 0 && prev !== undefined && p - prev > 1) items.push('gap');
    items.push(p);
  });
  return (
    <nav className="pagination" aria-label={t.common.pagination}>
      <p className="pagination__status">{t.common.pageOf(page, pages)}</p>
      <ul className="pagination__list">
        {page > 1 ? (
          <li>
            <Link className="pagination__link" to={hrefFor(page - 1)} rel="prev">
              <span aria-hidden="true">‹ </span>
              {t.common.previous}
            </Link>
          </li>
        ) : null}
        {items.map((p, i) =>
          p === 'gap' ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: gaps have no identity
            <li key={`gap-${i}`} className="pagination__gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={p}>
              {p === page ? (
                <span className="pagination__link pagination__link--current" aria-current="page">
                  <span className="visually-hidden">{t.common.pageOf(p, pages)}</span>
                  <span aria-hidden="true">{p}</span>
                </span>
              ) : (
                <Link className="pagination__link" to={hrefFor(p)} aria-label={t.common.pageOf(p, pages)}>
                  {p}
                </Link>
              )}
            </li>
          ),
        )}
        {page < pages ? (
          <li>
            <Link className="pagination__link" to={hrefFor(page + 1)} rel="next">
              {t.common.next}
              <span aria-hidden="true"> ›</span>
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

export function NotFoundPage() {
  const t = useT();
  usePageTitle(t.common.notFoundTitle);
  return (
    <>
      <h1>{t.common.notFoundTitle}</h1>
      <p>{t.common.notFoundBody}</p>
      <p>
        <Link to="/">{t.common.goHome}</Link>
      </p>
    </>
  );
}

export function ForbiddenPage() {
  const t = useT();
  usePageTitle(t.common.forbiddenTitle);
  return (
    <>
      <h1>{t.common.forbiddenTitle}</h1>
      <p>{t.common.forbiddenBody}</p>
      <p>
        <Link to="/can-bo">{t.workspace.title}</Link>
      </p>
    </>
  );
}

/** A form panel that takes focus (its heading) when it opens. */
export function FormPanel({ title, children }: { title: string; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section className="panel panel--form" aria-labelledby="panel-title">
      <h2 id="panel-title" ref={ref} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}
