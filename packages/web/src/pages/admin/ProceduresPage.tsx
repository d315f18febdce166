import { PROCEDURE_STATUSES, type ProcedureStatus } from '@motcua/core';
import { Link } from 'react-router';
import { type AdminProcedureQuery, useAdminProcedures } from '../../api/admin.ts';
import { useFields } from '../../api/public.ts';
import { SelectField, TextField } from '../../components/forms.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { NotReceivableTag } from '../../components/Receivability.tsx';
import { StackTable } from '../../components/StackTable.tsx';
import { Pagination, StatusTag, usePageTitle } from '../../components/ui.tsx';
import { useSearchForm } from '../../components/useSearchForm.ts';
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

function toParams(q: AdminProcedureQuery): URLSearchParams {
  const p = new URLSearchParams();
  if (q.q.trim()) p.set('q', q.q.trim());
  if (q.status) p.set('status', q.status);
  if (q.page > 1) p.set('page', String(q.page));
  return p;
}

function toSearch(q: AdminProcedureQuery): string {
  const s = toParams(q).toString();
  return s ? `?${s}` : '';
}

export default function ProceduresPage() {
  const { t } = useI18n();
  usePageTitle(t.procedures.title);
  const { query, form, setForm, onSubmit } = useSearchForm(readQuery, toParams);
  const list = useAdminProcedures(query, PAGE_SIZE);
  const fields = useFields();
  const fieldName = new Map((fields.data?.items ?? []).map((f) => [f.code, f.name]));

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
      <QueryStatus query={list} />
      {data && data.items.length > 0 ? (
        <StackTable
          caption={t.procedures.title}
          columns={[
            t.procedures.code,
            t.procedures.name,
            t.procedures.field,
            t.procedures.status,
            t.procedures.version,
          ]}
          className={list.isFetching ? 'results--stale' : ''}
        >
          {data.items.map((p) => (
            <tr key={p.id}>
              <td data-label={t.procedures.code}>
                <code>{p.code}</code>
              </td>
              <th scope="row" data-label={t.procedures.name}>
                <Link to={PATHS.editProcedure(p.id)}>{p.name}</Link>
                {p.hasDraft ? <span className="cell-note">{t.procedures.hasDraft}</span> : null}
                {p.notReceivableReason ? (
                  <span className="cell-note">
                    <NotReceivableTag reason={p.notReceivableReason} />
                  </span>
                ) : null}
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
        </StackTable>
      ) : null}
      <Pagination
        results={data}
        pageSize={PAGE_SIZE}
        hrefFor={(page) => `${PATHS.procedures}${toSearch({ ...query, page })}`}
      />
    </>
  );
}
