import type { OnlineLevel } from '@motcua/core';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  type CatalogueQuery,
  PAGE_SIZE,
  useAgencies,
  useFields,
  useProcedureSearch,
} from '../../api/public.ts';
import { SelectField, TextField } from '../../components/forms.tsx';
import { NotReceivableTag } from '../../components/Receivability.tsx';
import { pagedStatus, ResultCount } from '../../components/ResultCount.tsx';
import { LoadError, OnlineBadge, Pagination, usePageTitle } from '../../components/ui.tsx';
import { useSearchForm } from '../../components/useSearchForm.ts';
import { ONLINE_LEVELS } from '../../domain.ts';
import { formatProcessingTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { PATHS } from '../../paths.ts';

function readQuery(params: URLSearchParams): CatalogueQuery {
  const level = params.get('onlineLevel') ?? '';
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    q: params.get('q') ?? '',
    field: params.get('field') ?? '',
    agency: params.get('agency') ?? '',
    onlineLevel: (ONLINE_LEVELS as readonly string[]).includes(level) ? (level as OnlineLevel) : '',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

function toParams(query: Partial<CatalogueQuery>): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['q', 'field', 'agency', 'onlineLevel'] as const) {
    const v = query[key]?.trim();
    if (v) params.set(key, v);
  }
  if (query.page && query.page > 1) params.set('page', String(query.page));
  return params;
}

export function CataloguePage() {
  const { t, locale } = useI18n();
  const { query, form, setForm, onSubmit } = useSearchForm(readQuery, toParams);
  usePageTitle(t.catalogue.documentTitle(query.q));

  const fields = useFields();
  const agencies = useAgencies();
  const results = useProcedureSearch(query);

  const data = results.data;
  const busy = results.isFetching;
  const { status, from } = pagedStatus(results, t.catalogue.searching, t.catalogue);

  const hasFilters = !!(query.q || query.field || query.agency || query.onlineLevel);
  // On a phone the filters fold behind "Lọc", which says how many are applied, so results show.
  const activeFilters = [query.field, query.agency, query.onlineLevel].filter(Boolean).length;
  const [filtersOpen, setFiltersOpen] = useState(false);

  return (
    <>
      <h1>{t.catalogue.title}</h1>
      <div className="grid">
        <section className="grid__side" aria-labelledby="filters-title">
          <search>
            <form className="filters" action={PATHS.catalogue} method="get" onSubmit={onSubmit}>
              <h2 id="filters-title" className="heading-m">
                {t.catalogue.searchTitle}
              </h2>
              <TextField
                id="q"
                name="q"
                type="search"
                label={t.catalogue.searchLabel}
                hint={t.catalogue.searchHint}
                value={form.q}
                onChange={(e) => setForm({ ...form, q: e.target.value })}
                autoComplete="off"
              />
              <button
                type="button"
                className="filters__toggle"
                aria-expanded={filtersOpen}
                aria-controls="catalogue-filters"
                onClick={() => setFiltersOpen((o) => !o)}
              >
                {t.work.filters.toggle}{' '}
                <span className="filters__count">({t.work.filters.active(activeFilters)})</span>
              </button>
              <div
                id="catalogue-filters"
                className={`filters__more ${filtersOpen ? 'filters__more--open' : ''}`}
              >
                <SelectField
                  id="field"
                  name="field"
                  label={t.catalogue.field}
                  value={form.field}
                  onChange={(e) => setForm({ ...form, field: e.target.value })}
                  placeholder={t.catalogue.allFields}
                  options={(fields.data?.items ?? []).map((f) => ({
                    value: f.code,
                    label: `${f.name} (${f.count})`,
                  }))}
                />
                <SelectField
                  id="agency"
                  name="agency"
                  label={t.catalogue.agency}
                  value={form.agency}
                  onChange={(e) => setForm({ ...form, agency: e.target.value })}
                  placeholder={t.catalogue.allAgencies}
                  options={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
                />
                <fieldset className="fieldset">
                  <legend className="fieldset__legend">{t.catalogue.onlineLevel}</legend>
                  <div className="radios radios--small">
                    {(['', ...ONLINE_LEVELS] as const).map((level) => (
                      <div className="radios__item" key={level || 'all'}>
                        <input
                          className="radios__input"
                          type="radio"
                          id={`onlineLevel-${level || 'all'}`}
                          name="onlineLevel"
                          value={level}
                          checked={form.onlineLevel === level}
                          onChange={() => setForm({ ...form, onlineLevel: level })}
                        />
                        <label className="radios__label" htmlFor={`onlineLevel-${level || 'all'}`}>
                          {level ? t.onlineLevel[level] : t.catalogue.allLevels}
                        </label>
                      </div>
                    ))}
                  </div>
                </fieldset>
              </div>
              <div className="button-group">
                <button type="submit" className="button button--primary">
                  {t.catalogue.apply}
                </button>
                {hasFilters ? (
                  <Link to={PATHS.catalogue} className="link">
                    {t.catalogue.clear}
                  </Link>
                ) : null}
              </div>
            </form>
          </search>
        </section>

        <section className="grid__main" aria-labelledby="results-title" aria-busy={busy}>
          <h2 id="results-title" className="visually-hidden">
            {t.catalogue.results}
          </h2>
          <ResultCount page={query.page}>{status}</ResultCount>
          {results.isError ? <LoadError error={results.error} onRetry={() => results.refetch()} /> : null}
          {data && data.total === 0 ? <p>{t.catalogue.noResultsHelp}</p> : null}
          {data && data.items.length > 0 ? (
            <ol className={`results ${busy ? 'results--stale' : ''}`} start={from}>
              {data.items.map((p) => (
                <li key={p.id} className="result">
                  <h3 className="result__title">
                    <Link to={PATHS.procedure(p.id)} lang="vi">
                      {p.name}
                    </Link>
                  </h3>
                  <dl className="result__meta">
                    <div>
                      <dt>{t.catalogue.code}</dt>
                      <dd>{p.code}</dd>
                    </div>
                    <div>
                      <dt>{t.catalogue.field}</dt>
                      <dd lang="vi">{p.field.name}</dd>
                    </div>
                    <div>
                      <dt>{t.catalogue.agency}</dt>
                      <dd lang="vi">{p.agency.name}</dd>
                    </div>
                    <div>
                      <dt>{t.catalogue.processingTime}</dt>
                      <dd>{formatProcessingTime(p.processingTime, t, locale)}</dd>
                    </div>
                  </dl>
                  <p className="result__tags">
                    <NotReceivableTag reason={p.notReceivableReason} />
                    <OnlineBadge level={p.onlineLevel} />
                    {p.postalAllowed ? <span className="tag tag--plain">{t.catalogue.postal}</span> : null}
                    <span className="tag tag--plain">
                      {p.hasFees ? t.catalogue.hasFees : t.catalogue.noFees}
                    </span>
                  </p>
                </li>
              ))}
            </ol>
          ) : null}
          <Pagination
            results={data}
            pageSize={PAGE_SIZE}
            hrefFor={(page) => `${PATHS.catalogue}?${toParams({ ...query, page }).toString()}`}
          />
        </section>
      </div>
    </>
  );
}
