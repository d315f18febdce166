import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useFields } from '../../api/public.ts';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { usePageTitle } from '../../components/ui.tsx';
import { useT } from '../../i18n/index.tsx';
import { PATHS } from '../../paths.ts';

export function HomePage() {
  const t = useT();
  usePageTitle(t.home.title);
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const fields = useFields();

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const query = q.trim();
    navigate(query ? `${PATHS.catalogue}?q=${encodeURIComponent(query)}` : PATHS.catalogue);
  }

  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title" className="hero__title">
          {t.home.title}
        </h1>
        <p className="lead">{t.home.lead}</p>
        <search>
          <form className="search-box" action={PATHS.catalogue} method="get" onSubmit={onSubmit}>
            <label className="label label--l" htmlFor="home-q">
              {t.home.searchLabel}
            </label>
            <div className="hint" id="home-q-hint">
              {t.home.searchHint}
            </div>
            <div className="search-box__row">
              <input
                id="home-q"
                name="q"
                type="search"
                className="input input--search"
                value={q}
                onChange={(e) => setQ(e.target.value)}
                aria-describedby="home-q-hint"
                autoComplete="off"
              />
              <button type="submit" className="button button--primary search-box__button">
                {t.home.searchButton}
              </button>
            </div>
          </form>
        </search>
      </section>

      <div className="grid">
        <section className="grid__main" aria-labelledby="fields-title">
          <h2 id="fields-title">{t.home.browseFields}</h2>
          <QueryStatus query={fields} />
          {fields.data ? (
            <ul className="field-list">
              {fields.data.items
                .filter((f) => f.count > 0)
                .map((f) => (
                  <li key={f.code} className="field-list__item">
                    <Link to={`${PATHS.catalogue}?field=${encodeURIComponent(f.code)}`} lang="vi">
                      {f.name}
                    </Link>
                    <span className="field-list__count">{t.home.fieldCount(f.count)}</span>
                  </li>
                ))}
            </ul>
          ) : null}
          <p>
            <Link to={PATHS.catalogue} className="link--strong">
              {t.home.allProcedures}
            </Link>
          </p>
        </section>
        <aside className="grid__side" aria-labelledby="staff-title">
          <div className="panel">
            <h2 id="staff-title" className="heading-m">
              {t.home.staffTitle}
            </h2>
            <p>{t.home.staffBody}</p>
            <p>
              <Link to={PATHS.workspace}>{t.home.staffLink}</Link>
            </p>
          </div>
        </aside>
      </div>
    </>
  );
}
