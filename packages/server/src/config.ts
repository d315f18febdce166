import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * Every setting comes from the environment and is validated at start: a wrong value stops the
 * server with a message naming the variable, rather than failing later in a request.
 * The README's configuration table lists the same variables.
 */
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const PROXY_ADDRESS = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-f:]*:[0-9a-f:.]*)(\/\d{1,3})?$/i;
const trustProxy = z
  .string()
  .trim()
  .transform((v, issue): false | number | string[] => {
    if (v === 'false' || v === '0') return false;
    if (v === 'true') return 1;
    if (/^\d+$/.test(v) && Number(v) <= 10) return Number(v);
    const list = v.split(',').map((a) => a.trim());
    if (list.length > 0 && list.every((a) => PROXY_ADDRESS.test(a))) return list;
    issue.addIssue({
      code: 'custom',
      message: 'must be true, false, a hop count (1-10) or a comma-separated list of proxy addresses',
    });
    return z.NEVER;
  });
const minutes = z.coerce
  .number()
  .int()
  .min(1)
  .max(60 * 24 * 30);

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // Loopback by default: the demo accounts share a published password; set HOST=0.0.0.0 to serve a network.
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /**
   * A PostgreSQL streaming replica (hot standby) of DATABASE_URL that reports read from, so that
   * statistics do not load the primary. Writes always go to DATABASE_URL.
   */
  DATABASE_READ_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Set when the server sits behind a TLS-terminating proxy: cookies become Secure and the client
   * address is read from X-Forwarded-For, at the last trusted hop only. `true` trusts the one proxy
   * in front, a number that many hops, a list the proxies' addresses (IPs or CIDR ranges).
   */
  TRUST_PROXY: trustProxy.default(false),
  COOKIE_SECURE: bool.optional(),
  SESSION_IDLE_MINUTES: minutes.default(30),
  SESSION_ABSOLUTE_MINUTES: minutes.default(12 * 60),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: minutes.default(15),
  /** Requests per minute per client address on the sign-in endpoint. */
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  /** Seed the demo organisation, catalogue and accounts into an empty database on start. */
  SEED_DEMO: bool.default(true),
  /** How many dossiers the demo office gets on first start (taken through the engine, over the past months). */
  SEED_DEMO_DOSSIERS: z.coerce.number().int().min(0).max(5000).default(300),
  /** Largest accepted upload, in megabytes. */
  UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(1024).default(20),
  /** How often each server process runs the deadline sweep; 0 turns it off. */
  SWEEP_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(1).max(600).default(20),
  /**
   * The address citizens reach Motcua at, printed in the receipt's QR code. Unset, the QR code points
   * to http://localhost:PORT, which opens on no phone: fine for the demo, wrong anywhere else.
   */
  PUBLIC_URL: z.url().optional(),
  /** PEM file of the Ed25519 key that signs audit checkpoints; unset, a demo key is made under DATA_DIR. */
  AUDIT_SIGNING_KEY_FILE: z.string().min(1).optional(),
  /**
   * The SMTP server notifications are sent through: smtp://user:pass@host:port (smtps:// for TLS
   * from the start). Unset, no email is sent and the outbox keeps its messages.
   */
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: 'must be smtp://user:pass@host:port or smtps://…' })
    .optional(),
  /** The From of notification emails, e.g. "Bộ phận Một cửa <motcua@example.gov.vn>". */
  MAIL_FROM: z
    .string()
    .trim()
    .regex(
      /^([^<>]*<)?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>?$/,
      'must be an email address, optionally "Name <address>"',
    )
    .default('Motcua <no-reply@motcua.local>'),
  /** How often each server process delivers due notifications, when SMTP_URL is set. */
  NOTIFY_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** Folder of the built web app; defaults to packages/web/dist. */
  WEB_DIST: z.string().min(1).optional(),
  /**
   * Citizen sign-in by OpenID Connect (VNeID or another identity provider): the issuer, this
   * client's registration, and the callback address registered with the provider
   * (…/api/v1/citizen/auth/oidc/callback). All four or none; none, the VNeID option is absent.
   */
  OIDC_ISSUER_URL: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_REDIRECT_URL: z.url().optional(),
  /** The claim carrying the identity number (số định danh cá nhân). */
  OIDC_IDENTITY_CLAIM: z.string().min(1).default('identity_number'),
  /**
   * The claims naming the organisation the person signs in for (an organisation account of VNeID or
   * the national portal): its tax code, and its name. Unset (the default), no business comes from the
   * provider; a person may still declare one, acting for it only on what they submit themselves.
   */
  OIDC_BUSINESS_TAX_CODE_CLAIM: z.string().min(1).optional(),
  OIDC_BUSINESS_NAME_CLAIM: z.string().min(1).optional(),
  /** File of the 32-byte key that encrypts citizens' identity numbers; unset, one is made under DATA_DIR. */
  CITIZEN_ID_KEY_FILE: z.string().min(1).optional(),
  /** Sign-in codes requested per minute per client address (and per email address). */
  CITIZEN_CODE_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(5),
  /** The agency's signing certificate for results (docs/signing.md); unset, a demo CA is made under DATA_DIR. */
  RESULT_SIGNING_P12_FILE: z.string().min(1).optional(),
  RESULT_SIGNING_P12_PASSWORD: z.string().default(''),
  RESULT_SIGNING_KEY_FILE: z.string().min(1).optional(),
  RESULT_SIGNING_CERT_FILE: z.string().min(1).optional(),
  RESULT_SIGNING_CA_FILE: z.string().min(1).optional(),
});

const OIDC_VARIABLES = [
  'OIDC_ISSUER_URL',
  'OIDC_CLIENT_ID',
  'OIDC_CLIENT_SECRET',
  'OIDC_REDIRECT_URL',
] as const;

export interface OidcConfig {
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
  identityClaim: string;
  /** The organisation claims (tax code, name), when the provider sends them. */
  businessTaxCodeClaim: string | null;
  businessNameClaim: string | null;
}

export type Env = z.infer<typeof envSchema>;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** The replica reports read from; undefined: they read from the database itself. */
  databaseReadUrl: string | undefined;
  logLevel: Env['LOG_LEVEL'];
  /** false, a number of trusted proxy hops, or the trusted proxies' addresses. */
  trustProxy: false | number | string[];
  cookieSecure: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteMinutes: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  loginRatePerMinute: number;
  seedDemo: boolean;
  seedDemoDossiers: number;
  uploadMaxBytes: number;
  shutdownGraceSeconds: number;
  sweepIntervalSeconds: number;
  webDist: string;
  publicUrl: string;
  auditSigningKeyFile: string | undefined;
  /** Notification email: unset smtpUrl sends none. */
  smtpUrl: string | undefined;
  mailFrom: string;
  notifyIntervalSeconds: number;
  /** False when PUBLIC_URL was not set and `publicUrl` is the localhost default. */
  publicUrlConfigured: boolean;
  /** Citizen sign-in by OpenID Connect; undefined when not configured. */
  oidc: OidcConfig | undefined;
  citizenIdKeyFile: string;
  citizenCodeRatePerMinute: number;
  /** Where the result-signing certificate comes from (server/src/signing/keys.ts). */
  resultSigning: {
    p12File: string | undefined;
    p12Password: string;
    keyFile: string | undefined;
    certFile: string | undefined;
    caFile: string | undefined;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings count as unset, the way shells and .env files usually mean them.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (i) => `${String(i.path[0])}=${JSON.stringify(env[String(i.path[0])])}: ${i.message}`,
      ),
    );
  }
  const e = parsed.data;
  if (e.DATABASE_READ_URL && !e.DATABASE_URL)
    throw new ConfigError([
      `DATABASE_READ_URL=${JSON.stringify(e.DATABASE_READ_URL)}: a replica needs its primary, DATABASE_URL, set too`,
    ]);
  const oidcSet = OIDC_VARIABLES.filter((name) => e[name] !== undefined);
  if (oidcSet.length > 0 && oidcSet.length < OIDC_VARIABLES.length)
    throw new ConfigError(
      OIDC_VARIABLES.filter((name) => e[name] === undefined).map(
        (name) => `${name}: citizen sign-in by OpenID Connect needs all of ${OIDC_VARIABLES.join(', ')}`,
      ),
    );
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databaseReadUrl: e.DATABASE_READ_URL,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    cookieSecure: e.COOKIE_SECURE ?? e.TRUST_PROXY !== false,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteMinutes: e.SESSION_ABSOLUTE_MINUTES,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    loginRatePerMinute: e.LOGIN_RATE_PER_MINUTE,
    seedDemo: e.SEED_DEMO,
    seedDemoDossiers: e.SEED_DEMO_DOSSIERS,
    uploadMaxBytes: e.UPLOAD_MAX_MB * 1024 * 1024,
    shutdownGraceSeconds: e.SHUTDOWN_GRACE_SECONDS,
    sweepIntervalSeconds: e.SWEEP_INTERVAL_SECONDS,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    auditSigningKeyFile:
      e.AUDIT_SIGNING_KEY_FILE === undefined ? undefined : resolve(e.AUDIT_SIGNING_KEY_FILE),
    publicUrlConfigured: e.PUBLIC_URL !== undefined,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    notifyIntervalSeconds: e.NOTIFY_INTERVAL_SECONDS,
    webDist: resolve(e.WEB_DIST ?? new URL('../../web/dist', import.meta.url).pathname),
    oidc:
      e.OIDC_ISSUER_URL && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET && e.OIDC_REDIRECT_URL
        ? {
            issuerUrl: e.OIDC_ISSUER_URL,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            redirectUrl: e.OIDC_REDIRECT_URL,
            identityClaim: e.OIDC_IDENTITY_CLAIM,
            businessTaxCodeClaim: e.OIDC_BUSINESS_TAX_CODE_CLAIM ?? null,
            businessNameClaim: e.OIDC_BUSINESS_NAME_CLAIM ?? null,
          }
        : undefined,
    citizenIdKeyFile: resolve(e.CITIZEN_ID_KEY_FILE ?? resolve(e.DATA_DIR, 'citizen-id.key')),
    citizenCodeRatePerMinute: e.CITIZEN_CODE_RATE_PER_MINUTE,
    resultSigning: {
      p12File: e.RESULT_SIGNING_P12_FILE ? resolve(e.RESULT_SIGNING_P12_FILE) : undefined,
      p12Password: e.RESULT_SIGNING_P12_PASSWORD,
      keyFile: e.RESULT_SIGNING_KEY_FILE ? resolve(e.RESULT_SIGNING_KEY_FILE) : undefined,
      certFile: e.RESULT_SIGNING_CERT_FILE ? resolve(e.RESULT_SIGNING_CERT_FILE) : undefined,
      caFile: e.RESULT_SIGNING_CA_FILE ? resolve(e.RESULT_SIGNING_CA_FILE) : undefined,
    },
  };
}

/** Outside the demo, receipts need the public address: without PUBLIC_URL their QR code opens nowhere. */
export function publicUrlMissing(config: Pick<Config, 'publicUrlConfigured' | 'seedDemo'>): boolean {
  return !config.publicUrlConfigured && !config.seedDemo;
}
