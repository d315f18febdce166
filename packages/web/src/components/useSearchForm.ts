import { type FormEvent, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A filter form whose values live in the address, so that a search can be shared, bookmarked and
 * reloaded: `query` is what the address says, `form` the copy being edited, put back in step with
 * the address whenever it changes (a link, the back button). Sending the form starts at page 1.
 */
export function useSearchForm<Q extends { page: number }>(
  read: (params: URLSearchParams) => Q,
  write: (query: Q) => URLSearchParams,
) {
  const [params, setParams] = useSearchParams();
  const query = read(params);
  const [form, setForm] = useState(query);
  const paramsKey = params.toString();
  useEffect(() => setForm(read(new URLSearchParams(paramsKey))), [read, paramsKey]);
  return {
    query,
    form,
    setForm,
    paramsKey,
    onSubmit(e: FormEvent) {
      e.preventDefault();
      setParams(write({ ...form, page: 1 }));
    },
  };
}
