import { DOSSIER_STATE_INFO, DOSSIER_STATES, type DossierState } from '@motcua/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type DossierQuery, useDossiers } from '../../api/dossiers.ts';
import { hasAnyRole, useSession } from '../../auth/session.ts';
import { DueStatus, StateTag } from '../../components/dossier.tsx';
import { Checkbox, SelectField, TextField } from '../../components/forms.tsx';
import { LoadError, Pagination, usePageTitle } from '../../components/ui.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { PATHS } from '../../paths.ts';

const PAGE_SIZE = 20;
const SORTS = ['due', '-due', '-received', 'received'] as const;
type Sort = (typeof SORTS)[number];

/** What the address says: the queue is shareable and survives a reload. */
interface QueueForm {
  q: string;
  state: string; // a state, 'open' (default), 'ended' or 'all'
  mine: boolean;
  overdue: boolean;
  sort: Sort;
  page: number;
}

function readForm(params: URLSearchParams): QueueForm {
  const state = params.get('state') ?? 'open';
  const sort = params.get('sort') as Sort | null;
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    q: params.get('q') ?? '',
    state: ['open', 'ended', 'all', ...DOSSIER_STATES].includes(state) ? state : 'open',
    mine: params.get('assignee') === 'me',
    overdue: params.get('overdue') === 'true',
    sort: sort && SORTS.includes(sort) ? sort : 'due',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

function toParams(f: QueueForm): URLSearchParams {
  const p = new URLSearchParams();
  if (f.q.trim()) p.set('q', f.q.trim());
  if (f.state !== 'open') p.set('state', f.state);
  if (f.mine) p.set('assignee', 'me');
  if (f.overdue) p.set('overdue', 'true');
  if (f.sort !== 'due') p.set('sort', f.sort);
  if (f.page > 1) p.set('page', String(f.page));
  return p;
}

function toQuery(f: QueueForm): DossierQuery {
  const specific = (DOSSIER_STATES as readonly string[]).includes(f.state);
  return {
    q: f.q.trim() || undefined,
    state: specific ? (f.state as DossierState) : undefined,
    open: f.state === 'open' ? true : f.state === 'ended' ? false : undefined,
    assignee: f.mine ? 'me' : undefined,
    overdue: f.overdue || undefined,
    sort: f.sort,
    page: f.page,
    pageSize: PAGE_SIZE,
  };
}

/** My queue: the dossiers assigned to me or at my unit, the most urgent first. */
export default function QueuePage() {
  const { t, locale } = useI18n();
  const session = useSession();
  const mineTitle = hasAnyRole(session.data, ['specialist', 'head_of_unit']);
  const title = mineTitle ? t.queue.titleMine : t.queue.title;
  usePageTitle(title);
  const [params, setParams] = useSearchParams();
  const query = readForm(params);
  const [form, setForm] = useState(query);
  const paramsKey = params.toString();
  useEffect(() => setForm(readForm(new URLSearchParams(paramsKey))), [paramsKey]);
  const list = useDossiers(toQuery(query));

  const countRef = useRef<HTMLParagraphElement>(null);
  const shownPage = useRef(query.page);
  useEffect(() => {
    if (shownPage.current === query.page) return;
    shownPage.current = query.page;
    countRef.current?.focus({ preventScroll: true });
    countRef.current?.scrollIntoView({ block: 'start' });
  }, [query.page]);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setParams(toParams({ ...form, page: 1 }));
  }

  const data = list.data;
  const from = data ? (data.page - 1) * data.pageSize + 1 : 0;
  const to = data ? Math.min(data.total, data.page * data.pageSize) : 0;
  let status = '';
  if (list.isPending || (list.isFetching && list.isPlaceholderData)) status = t.queue.loading;
  else if (data)
    status =
      data.total > data.items.length ? t.queue.countPaged(data.total, from, to) : t.queue.count(data.total);
  const filtered = paramsKey !== '' && paramsKey !== `page=${query.page}`;

  const stateOptions = [
    { value: 'open', label: t.queue.stateOpen },
    ...DOSSIER_STATES.map((s) => ({ value: s, label: DOSSIER_STATE_INFO[s].label[locale] })),
    { value: 'ended', label: t.queue.stateEnded },
    { value: 'all', label: t.queue.stateAll },
  ];

  return (
    <>
      <h1>{title}</h1>
      <p className="lead">{t.queue.lead}</p>
      <search>
        <form className="filter-row filter-row--queue" onSubmit={onSubmit} aria-labelledby="queue-filters">
          <h2 id="queue-filters" className="visually-hidden">
            {t.queue.filters}
          </h2>
          <TextField
            id="q"
            name="q"
            type="search"
            label={t.queue.search}
            hint={t.queue.searchHint}
            autoComplete="off"
            value={form.q}
            onChange={(e) => setForm({ ...form, q: e.target.value })}
          />
          <SelectField
            id="state"
            name="state"
            label={t.queue.state}
            value={form.state}
            options={stateOptions}
            onChange={(e) => setForm({ ...form, state: e.target.value })}
          />
          <SelectField
            id="sort"
            name="sort"
            label={t.queue.sort}
            value={form.sort}
            options={[
              { value: 'due', label: t.queue.sortDue },
              { value: '-due', label: t.queue.sortDueDesc },
              { value: '-received', label: t.queue.sortReceivedDesc },
              { value: 'received', label: t.queue.sortReceived },
            ]}
            onChange={(e) => setForm({ ...form, sort: e.target.value as Sort })}
          />
          <div className="filter-row__checks">
            <Checkbox
              id="assignee"
              name="assignee"
              label={t.queue.scopeMine}
              checked={form.mine}
              onChange={(e) => setForm({ ...form, mine: e.target.checked })}
            />
            <Checkbox
              id="overdue"
              name="overdue"
              label={t.queue.overdue}
              checked={form.overdue}
              onChange={(e) => setForm({ ...form, overdue: e.target.checked })}
            />
          </div>
          <div className="filter-row__submit button-group">
            <button type="submit" className="button button--primary">
              {t.queue.apply}
            </button>
            {filtered ? (
              <Link to={PATHS.dossiers} className="link">
                {t.queue.clear}
              </Link>
            ) : null}
          </div>
        </form>
      </search>

      <section aria-labelledby="queue-results" aria-busy={list.isFetching}>
        <h2 id="queue-results" className="visually-hidden">
          {t.queue.caption}
        </h2>
        <p
          className="result-count"
          role="status"
          aria-live="polite"
          aria-atomic="true"
          ref={countRef}
          tabIndex={-1}
        >
          {status}
        </p>
        {list.isError ? <LoadError error={list.error} onRetry={() => list.refetch()} /> : null}
        {data && data.total === 0 ? <p>{t.queue.empty}</p> : null}
        {data && data.items.length > 0 ? (
          <div className={`table-wrap ${list.isFetching ? 'results--stale' : ''}`}>
            <table className="table table--stack queue-table">
              <caption className="visually-hidden">{t.queue.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.queue.colCode}</th>
                  <th scope="col">{t.queue.colApplicant}</th>
                  <th scope="col">{t.queue.colState}</th>
                  <th scope="col">{t.queue.colDue}</th>
                  <th scope="col">{t.queue.colWhere}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((d) => (
                  <tr key={d.id}>
                    <th scope="row" data-label={t.queue.colCode}>
                      <Link to={PATHS.dossier(d.id)} className="dossier-link">
                        {d.code ?? t.dossier.noCode}
                      </Link>
                      <span className="cell-note" lang="vi">
                        {d.procedureName}
                      </span>
                    </th>
                    <td data-label={t.queue.colApplicant}>{d.applicantName}</td>
                    <td data-label={t.queue.colState}>
                      <StateTag state={d.state} label={d.stateLabel} />
                    </td>
                    <td data-label={t.queue.colDue}>
                      <DueStatus dossier={d} />
                      {d.dueAt ? (
                        <span className="cell-note">{t.queue.dueOn(formatDateTime(d.dueAt, locale))}</span>
                      ) : null}
                    </td>
                    <td data-label={t.queue.colWhere}>
                      {d.currentUnit ?? ''}
                      <span className="cell-note">{d.assignee?.name ?? t.dossier.unassigned}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {data ? (
          <Pagination
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            hrefFor={(p) => `${PATHS.dossiers}?${toParams({ ...query, page: p }).toString()}`}
          />
        ) : null}
      </section>
    </>
  );
}
