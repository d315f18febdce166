import { isNotFound } from '../api/client.ts';
import { LoadError, Loading } from './ui.tsx';

interface QueryLike {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data?: unknown;
  refetch: () => unknown;
}

/**
 * What a page says about the data it waits for: a loading message while it comes, and the error with
 * a retry when it fails. A page about one record says "not found" as its heading when the server
 * answers 400 or 404.
 */
export function QueryStatus({
  query,
  notFound,
  keepData = false,
}: {
  query: QueryLike;
  notFound?: { title: string; body: string };
  /** Say nothing of a failed reload while the data loaded before is still shown. */
  keepData?: boolean;
}) {
  return (
    <>
      {query.isPending ? <Loading /> : null}
      {notFound && isNotFound(query.error) ? (
        <>
          <h1>{notFound.title}</h1>
          <p>{notFound.body}</p>
        </>
      ) : query.isError && !(keepData && query.data !== undefined) ? (
        <LoadError error={query.error} onRetry={() => query.refetch()} />
      ) : null}
    </>
  );
}
