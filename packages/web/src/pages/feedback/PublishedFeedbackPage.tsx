import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { TextField } from '../../components/forms.tsx';
import { LoadError, Loading, Pagination, usePageTitle } from '../../components/ui.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useI18n, useT } from '../../i18n/index.tsx';
import { usePublished } from './api.ts';
import './feedback.css';

/**
 * /phan-anh/cong-khai — the answers agencies chose to publish, with the sender's personal data
 * removed (the server redacts; this page names no one), searchable without accents.
 */
export default function PublishedFeedbackPage() {
  const t = useT();
  const p = t.feedback.published;
  const { locale } = useI18n();
  usePageTitle(p.title);
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('trang') ?? 1) || 1);
  const [text, setText] = useState(q);
  const list = usePublished(q, page);

  function onSearch(e: FormEvent) {
    e.preventDefault();
    setParams(text.trim() ? { q: text.trim() } : {});
  }

  return (
    <div>
      <h1>{p.title}</h1>
      <p className="lead">{p.lead}</p>
      <p>
        <Link to="/phan-anh" className="button button--secondary">
          {p.send}
        </Link>
      </p>
      <form onSubmit={onSearch} className="narrow">
        <TextField
          id="f-q"
          type="search"
          label={p.search}
          hint={p.searchHint}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="button button--primary">
          {p.submit}
        </button>
      </form>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <LoadError error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <div aria-busy={list.isFetching ? true : undefined}>
          <p role="status">{list.data.total === 0 ? p.none : p.count(list.data.total)}</p>
          <ul className="feedback-published">
            {list.data.items.map((item) => (
              <li key={item.reference}>
                <h2>
                  {item.reference}
                  {item.procedureName ? ` · ${item.procedureName}` : ''}
                </h2>
                <p className="caption">
                  {p.meta(
                    item.agencyName,
                    formatDate(item.receivedOn, locale),
                    formatDate(item.answeredOn, locale),
                  )}
                </p>
                <h3>{p.question}</h3>
                <p className="pre-line">{item.question}</p>
                <h3>{p.answer}</h3>
                <p className="pre-line">{item.answer}</p>
              </li>
            ))}
          </ul>
          <Pagination
            results={{ page, pageSize: 20, total: list.data.total }}
            pageSize={20}
            hrefFor={(n) =>
              `/phan-anh/cong-khai?${new URLSearchParams({ ...(q ? { q } : {}), trang: String(n) })}`
            }
          />
        </div>
      )}
    </div>
  );
}
