import type { FastifyServerOptions } from 'fastify';
import type { Config } from '../config.ts';

/**
 * Structured JSON logs, one line per event, with the request id. Requests are logged by path only:
 * query strings (which may carry a dossier code or a name), cookies and bodies are never written.
 */
export function loggerOptions(config: Pick<Config, 'logLevel'>): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    base: { service: 'motcua' },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
      ],
      censor: '[hidden]',
    },
    serializers: {
      req: (req: { method: string; url: string; ip?: string }) => ({
        method: req.method,
        path: req.url.split('?')[0],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: errorFields,
    },
  };
}

/**
 * What a log line says about an error. A database error carries the query's parameters and, on
 * PostgreSQL, `detail` and `where` quoting row values (an applicant's ID number, phone, address);
 * its message can quote a value too. Only the error's kind, code, constraint and the query's name
 * are kept, and the stack without its message line.
 */
export interface LoggedError {
  type: string;
  message: string;
  stack: string;
  [field: string]: unknown;
}

export function errorFields(err: unknown): LoggedError {
  if (!err || typeof err !== 'object') return { type: typeof err, message: String(err), stack: '' };
  const e = err as Record<string, unknown>;
  const fromDatabase = typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code);
  const frames = typeof e.stack === 'string' ? e.stack.split('\n').filter((l) => /^\s+at /.test(l)) : [];
  const fields: LoggedError = {
    type: typeof e.name === 'string' ? e.name : 'Error',
    message: fromDatabase ? `database error ${e.code}` : String(e.message ?? ''),
    stack: frames.join('\n'),
  };
  if (typeof e.code === 'string') fields.code = e.code;
  if (fromDatabase) {
    for (const key of ['severity', 'constraint', 'table', 'column', 'routine'] as const)
      if (typeof e[key] === 'string') fields[key] = e[key];
    if (typeof e.query === 'string') fields.query = queryName(e.query);
  }
  if (e.code === 'FST_ERR_RESPONSE_SERIALIZATION') Object.assign(fields, driftFields(e));
  return fields;
}

/**
 * An answer its declared schema refused: the route and where the body broke the schema (path,
 * issue code, unknown member names), never the values, which may be personal data.
 */
function driftFields(e: Record<string, unknown>): Record<string, unknown> {
  const cause = e.cause as
    | { issues?: { path?: PropertyKey[]; code?: string; keys?: string[] }[] }
    | undefined;
  return {
    route: `${String(e.method)} ${String(e.url)}`,
    issues: (cause?.issues ?? []).slice(0, 20).map((i) => ({
      path: (i.path ?? []).map(String).join('.'),
      code: i.code,
      ...(i.keys ? { keys: i.keys } : {}),
    })),
  };
}

/** "INSERT dossier", "SELECT user_session": the statement's verb and first table, never its text. */
export function queryName(sql: string): string {
  const verb = /^\s*(?:WITH\b.*?\)\s*)?(\w+)/is.exec(sql)?.[1]?.toUpperCase() ?? 'QUERY';
  const table = /\b(?:FROM|INTO|UPDATE|JOIN)\s+([a-z_][a-z0-9_.]*)/i.exec(sql)?.[1];
  return table ? `${verb} ${table}` : verb;
}
