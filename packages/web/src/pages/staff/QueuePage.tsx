import { DOSSIER_STATE_INFO, DOSSIER_STATES, type DossierState } from '@motcua/core';
import { Link } from 'react-router';
import { type DossierQuery, useDossiers } from '../../api/dossiers.ts';
import { hasAnyRole, useSession } from '../../auth/session.ts';
import { StateTag } from '../../components/dossier.tsx';
import { Checkbox, SelectField, TextField } from '../../components/forms.tsx';
import { pagedStatus, ResultCount } from '../../components/ResultCount.tsx';
import { StackTable } from '../../components/StackTable.tsx';
import { LoadError, Pagination, usePageTitle } from '../../components/ui.tsx';
import { useSearchForm } from '../../components/useSearchForm.ts';
import { useI18n } from '../../i18n/index.tsx';
import { PATHS } from '../../paths.ts';
import { CodeAndApplicantCells, DueCell } from './DossierCells.tsx';

const PAGE_SIZE = 20;
const SORTS = ['due', '-due', '-received', 'received'] as const;
type Sort = (typeof SORTS)[number];

/** What the address says: the queue is shareable and survives a reload. */
interface QueueForm {
  q: string;
  state: string; // a state, 'open' (default), 'ended' or 'all'
  mine: boolean;
  overdue: boolean;
  /** Set by the links of the home's work summary. */
  atRisk: boolean;
  dueToday: boolean;
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
    atRisk: params.get('risk') === 'at_risk',
    dueToday: params.get('dueToday') === 'true',
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
  if (f.atRisk) p.set('risk', 'at_risk');
  if (f.dueToday) p.set('dueToday', 'true');
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
    risk: f.atRisk ? 'at_risk' : undefined,
    dueToday: f.dueToday || undefined,
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
  const { query, form, setForm, onSubmit, paramsKey } = useSearchForm(readForm, toParams);
  const list = useDossiers(toQuery(query));

  const data = list.data;
  const { status } = pagedStatus(list, t.queue.loading, t.queue);
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
        <ResultCount page={query.page}>{status}</ResultCount>
        {list.isError ? <LoadError error={list.error} onRetry={() => list.refetch()} /> : null}
        {data && data.total === 0 ? <p>{t.queue.empty}</p> : null}
        {data && data.items.length > 0 ? (
          <StackTable
            caption={t.queue.caption}
            columns={[
              t.queue.colCode,
              t.queue.colApplicant,
              t.queue.colState,
              t.queue.colDue,
              t.queue.colWhere,
            ]}
            className="queue-table"
            wrapClassName={list.isFetching ? 'results--stale' : ''}
          >
            {data.items.map((d) => (
              <tr key={d.id}>
                <CodeAndApplicantCells d={d} linkClassName="dossier-link" />
                <td data-label={t.queue.colState}>
                  <StateTag state={d.state} label={d.stateLabel} />
                </td>
                <DueCell d={d} />
                <td data-label={t.queue.colWhere}>
                  {d.currentUnit ?? ''}
                  <span className="cell-note">{d.assignee?.name ?? t.dossier.unassigned}</span>
                </td>
              </tr>
            ))}
          </StackTable>
        ) : null}
        <Pagination
          results={data}
          pageSize={PAGE_SIZE}
          hrefFor={(p) => `${PATHS.dossiers}?${toParams({ ...query, page: p }).toString()}`}
        />
      </section>
    </>
  );
}
