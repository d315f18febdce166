import type { Locale } from '@motcua/core';
import type { Problem } from './types.ts';

/**
 * The one way the web application talks to the server: JSON over /api, the session cookie sent by
 * the browser, the interface language in Accept-Language, and the CSRF token on every change.
 */

let currentLocale: Locale = 'vi';
/**
 * The CSRF token of each session the browser may hold: a staff session and a citizen session are
 * separate, so learning that one is absent (a 401) must not drop the other's token.
 */
const csrfTokens: Record<'staff' | 'citizen', string | null> = { staff: null, citizen: null };

export function setApiLocale(locale: Locale): void {
  currentLocale = locale;
}

export function setCsrfToken(token: string | null, session: 'staff' | 'citizen' = 'staff'): void {
  csrfTokens[session] = token;
}

/** For requests `api` cannot make (a streamed answer), the token to echo. */
export function currentCsrfToken(): string | null {
  return csrfTokens.staff ?? csrfTokens.citizen;
}

/** An error answer from the API, with its problem details (or a synthetic one for network failures). */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string | undefined {
    return this.problem.code;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** A malformed identifier (400) is as much "not found" to a reader as an unknown one (404). */
export function isNotFound(e: unknown): boolean {
  return isApiError(e) && (e.status === 404 || e.status === 400);
}

type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Extra request headers, e.g. Idempotency-Key. */
  headers?: Record<string, string>;
}

async function readProblem(res: Response): Promise<Problem> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await res.json()) as Partial<Problem>;
      return { ...body, status: body.status ?? res.status };
    } catch {
      // fall through to a generic problem
    }
  }
  return { status: res.status, title: res.statusText };
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    ...options.headers,
    Accept: 'application/json',
    'Accept-Language': currentLocale,
  };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const csrfToken = currentCsrfToken();
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError({ status: 0, code: 'network_error' });
  }
  if (!res.ok) throw new ApiError(await readProblem(res));
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined as T;
  return (await res.json()) as T;
}

/**
 * Sends a file as multipart form data and reports how much of it has gone, which fetch cannot do.
 * Same headers, cookies and errors as `api`.
 */
export function upload<T>(
  path: string,
  form: FormData,
  options: { onProgress?: (sent: number, total: number) => void; signal?: AbortSignal } = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', currentLocale);
    const csrfToken = currentCsrfToken();
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) options.onProgress?.(e.loaded, e.total);
    };
    const parse = (): unknown => {
      try {
        return xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        return undefined;
      }
    };
    xhr.onload = () => {
      const body = parse();
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as T);
        return;
      }
      const problem = (body && typeof body === 'object' ? body : {}) as Partial<Problem>;
      reject(
        new ApiError({
          ...problem,
          status: problem.status ?? xhr.status,
          title: problem.title ?? xhr.statusText,
        }),
      );
    };
    xhr.onerror = () => reject(new ApiError({ status: 0, code: 'network_error' }));
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(form);
  });
}

/** A random UUID, also where crypto.randomUUID is missing (pages served over plain http). */
export function newUuid(): string {
  if (typeof crypto.randomUUID === 'function' && globalThis.isSecureContext) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
