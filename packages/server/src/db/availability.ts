/**
 * Whether the database can be reached. A PostgreSQL server can go away (a restart, a failover, a
 * crash) while Motcua runs: requests then get a 503 instead of the process dying, `/api/health`
 * says why, and the process notices by itself when the database answers again.
 */

/** Why the database cannot be used right now; a stable value shown by `/api/health`. */
export type UnavailableReason = 'unreachable' | 'connection_lost' | 'starting_up' | 'timeout';

export interface DatabaseStatus {
  reachable: boolean;
  reason?: UnavailableReason;
  /** When the current state began. */
  since: Date;
}

export type StatusListener = (status: DatabaseStatus, cause?: Error) => void;

/** Thrown instead of a driver error when the database could not be reached or the connection died. */
export class DatabaseUnavailableError extends Error {
  constructor(
    readonly reason: UnavailableReason,
    override readonly cause: Error,
  ) {
    super(`database unavailable (${reason}): ${cause.message}`);
    this.name = 'DatabaseUnavailableError';
  }
}

const NETWORK_CODES: Record<string, UnavailableReason> = {
  ECONNREFUSED: 'unreachable',
  ENOTFOUND: 'unreachable',
  EAI_AGAIN: 'unreachable',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  ETIMEDOUT: 'timeout',
  ECONNRESET: 'connection_lost',
  ECONNABORTED: 'connection_lost',
  EPIPE: 'connection_lost',
};

/**
 * The reason when `err` means the connection to the server is gone or cannot be made, `null` for
 * any other error (a constraint, a syntax error: those are not about availability).
 */
export function unavailableReason(err: unknown): UnavailableReason | null {
  if (!(err instanceof Error)) return null;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (code in NETWORK_CODES) return NETWORK_CODES[code]!;
    // SQLSTATE 57P03 cannot_connect_now: the server is starting or recovering.
    if (code === '57P03') return 'starting_up';
    // 57P01 admin_shutdown, 57P02 crash_shutdown, class 08 connection_exception.
    if (code === '57P01' || code === '57P02' || code.startsWith('08')) return 'connection_lost';
    // 53300 too_many_connections: the server is up but takes no one else for now.
    if (code === '53300') return 'unreachable';
  }
  const message = err.message;
  if (/timeout exceeded when trying to connect|connection timeout/i.test(message)) return 'timeout';
  if (/Connection terminated|not queryable|Connection ended|socket hang up/i.test(message))
    return 'connection_lost';
  return null;
}

/** Tracks reachability and tells listeners when it changes (not on every query). */
export class Availability {
  #status: DatabaseStatus = { reachable: true, since: new Date() };
  readonly #listeners = new Set<StatusListener>();

  get status(): DatabaseStatus {
    return this.#status;
  }

  onChange(listener: StatusListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  down(reason: UnavailableReason, cause?: Error): void {
    if (!this.#status.reachable && this.#status.reason === reason) return;
    const wasReachable = this.#status.reachable;
    this.#status = { reachable: false, reason, since: wasReachable ? new Date() : this.#status.since };
    this.#emit(cause);
  }

  up(): void {
    if (this.#status.reachable) return;
    this.#status = { reachable: true, since: new Date() };
    this.#emit();
  }

  #emit(cause?: Error): void {
    for (const listener of this.#listeners) {
      try {
        listener(this.#status, cause);
      } catch {
        // A listener (a log line) must not break the query that noticed the change.
      }
    }
  }
}
