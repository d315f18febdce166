import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type Config, ConfigError } from '../config.ts';

/**
 * The Ed25519 key that signs the audit checkpoints. It lives in a file outside the database
 * (AUDIT_SIGNING_KEY_FILE), so someone who can rewrite the database cannot sign a rewritten chain.
 */
export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** sha256 of the public key (SubjectPublicKeyInfo, DER), hex: printed with every checkpoint. */
  fingerprint: string;
}

export const DEMO_KEY_FILE = 'audit-signing-key.pem';

export function fingerprintOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

/** A new Ed25519 private key as PKCS#8 PEM. */
export function generateSigningKeyPem(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** Reads a PEM private key; throws an Error saying why it is not an Ed25519 private key. */
export function parseSigningKey(pem: string | Buffer): SigningKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch {
    throw new Error('is not a PEM private key (create one with "npx motcua create-signing-key FILE")');
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(`holds a ${privateKey.asymmetricKeyType ?? 'unknown'} key; an Ed25519 key is needed`);
  }
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, fingerprint: fingerprintOf(publicKey) };
}

/** A public key to trust when verifying, from a PEM public key or private key. */
export function parsePublicKey(pem: string | Buffer): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    throw new Error('is not a PEM public or private key');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('is not an Ed25519 key');
  return key;
}

export interface CheckpointContent {
  agencyId: string;
  chainSeq: number;
  headHash: string;
  signedAt: Date;
}

/** The exact bytes a checkpoint signs: every field of the row except the signature itself. */
export function checkpointMessage(c: CheckpointContent & { keyFingerprint: string }): Buffer {
  return Buffer.from(
    [
      'motcua-audit-checkpoint-v1',
      `agency ${c.agencyId}`,
      `seq ${c.chainSeq}`,
      `head ${c.headHash}`,
      `at ${c.signedAt.toISOString()}`,
      `key ${c.keyFingerprint}`,
      '',
    ].join('\n'),
  );
}

export function signCheckpoint(key: SigningKey, c: CheckpointContent): string {
  return sign(null, checkpointMessage({ ...c, keyFingerprint: key.fingerprint }), key.privateKey).toString(
    'base64',
  );
}

/** 'ok', 'unknown_key' (signed by a key the verifier does not trust) or 'bad_signature'. */
export function checkSignature(
  c: CheckpointContent & { keyFingerprint: string; signature: string },
  trusted: readonly KeyObject[],
): 'ok' | 'unknown_key' | 'bad_signature' {
  const key = trusted.find((k) => fingerprintOf(k) === c.keyFingerprint);
  if (!key) return 'unknown_key';
  const signature = Buffer.from(c.signature, 'base64');
  if (signature.length !== 64) return 'bad_signature';
  return verify(null, checkpointMessage(c), key, signature) ? 'ok' : 'bad_signature';
}

function keyError(path: string, reason: string): ConfigError {
  return new ConfigError([`AUDIT_SIGNING_KEY_FILE=${JSON.stringify(path)}: ${reason}`]);
}

async function readKeyFile(path: string): Promise<{ key: SigningKey; shared: boolean }> {
  let pem: Buffer;
  try {
    pem = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw keyError(path, code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? 'error'})`);
  }
  try {
    const key = parseSigningKey(pem);
    // Readable by group or others: the key should be the server account's alone.
    const shared = process.platform !== 'win32' && ((await stat(path)).mode & 0o077) !== 0;
    return { key, shared };
  } catch (err) {
    throw keyError(path, (err as Error).message);
  }
}

/**
 * The signing key of this server: AUDIT_SIGNING_KEY_FILE when set (a missing or wrong file stops
 * the start with a message naming the variable); otherwise, for the demo, DATA_DIR's own key,
 * created on first start. `warn` says which, so an operator notices a demo key in production.
 */
export async function loadSigningKey(config: Config, warn: (message: string) => void): Promise<SigningKey> {
  if (config.auditSigningKeyFile) {
    const { key, shared } = await readKeyFile(config.auditSigningKeyFile);
    if (shared) warn(`AUDIT_SIGNING_KEY_FILE ${config.auditSigningKeyFile} is readable by other users`);
    return key;
  }
  const path = join(config.dataDir, DEMO_KEY_FILE);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, generateSigningKeyPem(), { flag: 'wx', mode: 0o600 });
    warn(
      `AUDIT_SIGNING_KEY_FILE is not set: created a demo audit signing key at ${path}. ` +
        'For production, create a key with "npx motcua create-signing-key FILE", keep it off the database server, and set AUDIT_SIGNING_KEY_FILE.',
    );
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    warn(`AUDIT_SIGNING_KEY_FILE is not set: signing audit checkpoints with the demo key at ${path}`);
  }
  return (await readKeyFile(path)).key;
}

/** The public keys verify-audit trusts by default: the configured key, or the demo key if there is one. */
export async function configuredPublicKeys(config: Config): Promise<KeyObject[]> {
  if (config.auditSigningKeyFile) return [(await readKeyFile(config.auditSigningKeyFile)).key.publicKey];
  try {
    return [parseSigningKey(await readFile(join(config.dataDir, DEMO_KEY_FILE))).publicKey];
  } catch {
    return [];
  }
}
