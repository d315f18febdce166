import { PROCEDURE_STATUSES, type ProcedureStatus } from '@motcua/core';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type AdminProcedureQuery, useAdminProcedures } from '../../api/admin.ts';
import { useFields } from '../../api/public.ts';
import { SelectField, TextField } from '../../components/forms.tsx';
import { LoadError, Loading, Pagination, StatusTag, usePageTitle } from '../../components/ui.tsx';
import { joinList } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { PATHS } from '../../paths.ts';

const PAGE_SIZE = 50;

function readQuery(params: URLSearchParams): AdminProcedureQuery {
  const status = params.get('status') ?? '';
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    q: params.get('q') ?? '',
    status: (PROCEDURE_STATUSES as readonly string[]).includes(status) ? (status as ProcedureStatus) : '',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

function toSearch(q: AdminProcedureQuery): string {
  const p = new URLSearchParams();
  if (q.q.trim()) p.set('q', q.q.trim());
  if (q.status) p.set('status', q.status);
  if (q.page > 1) p.set('page', String(q.page));
  const s = p.toString();
  return s ? `?${s}` : '';
}

export default function ProceduresPage() {
  const { t } = useI18n();
  usePageTitle(t.procedures.title);
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  const [form, setForm] = useState(query);
  const key = params.toString();
  useEffect(() => setForm(readQuery(new URLSearchParams(key))), [key]);
  const list = useAdminProcedures(query, PAGE_SIZE);
  const fields = useFields();
  const fieldName = new Map((fields.data?.items ?? []).map((f) => [f.code, f.name]));

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setParams(new URLSearchParams(toSearch({ ...form, page: 1 }).slice(1)));
  }

  const data = list.data;
  return (
    <>
      <h1>{t.procedures.title}</h1>
      <p className="lead">{t.procedures.lead}</p>
      <p className="button-group">
        <Link to={PATHS.newProcedure} className="button button--primary">
          {t.procedures.add}
        </Link>
        <Link to={PATHS.importExport} className="link">
          {t.procedures.importLink}
        </Link>
      </p>

      <search>
        <form className="filter-row" onSubmit={onSubmit}>
          <TextField
            id="proc-q"
            type="search"
            label={t.procedures.search}
            value={form.q}
            onChange={(e) => setForm({ ...form, q: e.target.value })}
          />
          <SelectField
            id="proc-status"
            label={t.procedures.status}
            value={form.status}
            onChange={(e) => setForm({ ...form, status: e.target.value as ProcedureStatus | '' })}
            placeholder={t.procedures.allStatuses}
            options={PROCEDURE_STATUSES.map((s) => ({ value: s, label: t.procedureStatus[s] }))}
          />
          <div className="filter-row__submit">
            <button type="submit" className="button button--secondary">
              {t.procedures.filter}
            </button>
          </div>
        </form>
      </search>

      <p className="result-count" role="status" aria-live="polite">
        {list.isFetching && !data ? t.common.loading : data ? t.procedures.count(data.total) : ''}
      </p>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <LoadError error={list.error} onRetry={() => list.refetch()} /> : null}
      {data && data.items.length > 0 ? (
        <div className="table-wrap">
          <table className={`table table--stack ${list.isFetching ? 'results--stale' : ''}`}>
            <caption className="visually-hidden">{t.procedures.title}</caption>
            <thead>
              <tr>
                <th scope="col">{t.procedures.code}</th>
                <th scope="col">{t.procedures.name}</th>
                <th scope="col">{t.procedures.field}</th>
                <th scope="col">{t.procedures.status}</th>
                <th scope="col">{t.procedures.version}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((p) => (
                <tr key={p.id}>
                  <td data-label={t.procedures.code}>
                    <code>{p.code}</code>
                  </td>
                  <th scope="row" data-label={t.procedures.name}>
                    <Link to={PATHS.editProcedure(p.id)}>{p.name}</Link>
                    {p.hasDraft ? <span className="cell-note">{t.procedures.hasDraft}</span> : null}
                    {p.needsReview?.length ? (
                      <span className="cell-note">
                        {t.procedures.needsReview(
                          joinList(
                            p.needsReview.map((f) => t.reviewFlag[f as keyof typeof t.reviewFlag] ?? f),
                            t,
                          ),
                        )}
                      </span>
                    ) : null}
                  </th>
                  <td data-label={t.procedures.field}>{fieldName.get(p.fieldCode) ?? p.fieldCode}</td>
                  <td data-label={t.procedures.status}>
                    <StatusTag status={p.status} />
                  </td>
                  <td data-label={t.procedures.version}>{p.version ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {data ? (
        <Pagination
          page={data.page}
          pageSize={data.pageSize || PAGE_SIZE}
          total={data.total}
          hrefFor={(page) => `${PATHS.procedures}${toSearch({ ...query, page })}`}
        />
      ) : null}
    </>
  );
}
