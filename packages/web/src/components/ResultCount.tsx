import { type ReactNode, useEffect, useRef } from 'react';

interface PagedQuery {
  isPending: boolean;
  isFetching: boolean;
  isPlaceholderData: boolean;
  data?: { page: number; pageSize: number; total: number; items: readonly unknown[] };
}

/**
 * What the count above a paged list says: `loading` while a new list comes, else how many there are
 * and, when they do not fit on one page, which of them are shown. `from` is the number of the first.
 */
export function pagedStatus(
  query: PagedQuery,
  loading: string,
  say: { count: (total: number) => string; countPaged: (total: number, from: number, to: number) => string },
): { status: string; from: number } {
  const data = query.data;
  const from = data ? (data.page - 1) * data.pageSize + 1 : 0;
  const to = data ? Math.min(data.total, data.page * data.pageSize) : 0;
  let status = '';
  if (query.isPending || (query.isFetching && query.isPlaceholderData)) status = loading;
  else if (data)
    status = data.total > data.items.length ? say.countPaged(data.total, from, to) : say.count(data.total);
  return { status, from };
}

/**
 * The count above a paged list, read out when it changes. On another page it takes focus, as a
 * page load would bring the reader to the top of the list.
 */
export function ResultCount({ page, children }: { page: number; children: ReactNode }) {
  const ref = useRef<HTMLParagraphElement>(null);
  const shownPage = useRef(page);
  useEffect(() => {
    if (shownPage.current === page) return;
    shownPage.current = page;
    ref.current?.focus({ preventScroll: true });
    ref.current?.scrollIntoView({ block: 'start' });
  }, [page]);
  return (
    <p className="result-count" role="status" aria-live="polite" aria-atomic="true" ref={ref} tabIndex={-1}>
      {children}
    </p>
  );
}
