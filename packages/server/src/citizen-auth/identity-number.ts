import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Identity numbers (số định danh cá nhân) are personal data: stored only encrypted (AES-256-GCM,
 * key in a file outside the database, so a database dump does not reveal them), shown masked.
 */
const keys = new Map<string, Promise<Buffer>>();

function keyFrom(file: string): Promise<Buffer> {
  let key = keys.get(file);
  if (!key) {
    key = (async () => {
      if (!existsSync(file)) {
        await mkdir(dirname(file), { recursive: true });
        // 'wx': two processes starting together never overwrite each other's key.
        await writeFile(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' }).catch(
          (error: NodeJS.ErrnoException) => {
            if (error.code !== 'EEXIST') throw error;
          },
        );
      }
      const bytes = Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
      if (bytes.length !== 32) throw new Error(`${file}: the citizen identity key must be 32 bytes, base64`);
      return bytes;
    })();
    key.catch(() => keys.delete(file));
    keys.set(file, key);
  }
  return key;
}

export async function encryptIdentityNumber(keyFile: string, identityNumber: string): Promise<string> {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await keyFrom(keyFile), iv);
  const sealed = Buffer.concat([cipher.update(identityNumber, 'utf8'), cipher.final()]);
  return `v1.${iv.toString('base64url')}.${sealed.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}`;
}

export async function decryptIdentityNumber(keyFile: string, stored: string): Promise<string> {
  const [version, iv, sealed, tag] = stored.split('.');
  if (version !== 'v1' || !iv || !sealed || !tag) throw new Error('unknown identity number format');
  const decipher = createDecipheriv('aes-256-gcm', await keyFrom(keyFile), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString(
    'utf8',
  );
}

/** A plausible identity number: 12 digits (CCCD) or the older 9-digit CMND. */
export function looksLikeIdentityNumber(value: unknown): value is string {
  return typeof value === 'string' && /^(\d{9}|\d{12})$/.test(value.trim());
}

/** Spaces and dots people type inside the number are not part of it. */
export function normaliseIdentityNumber(value: string): string {
  return value.replace(/[\s.-]/g, '');
}

/**
 * A keyed HMAC of the normalised identity number: what dossiers are matched on, so the plain number
 * is never stored for matching nor compared. The key is derived from the identity key file.
 */
export async function identityNumberHmac(keyFile: string, identityNumber: string): Promise<string> {
  const key = createHmac('sha256', await keyFrom(keyFile))
    .update('motcua/applicant-id-hmac/v1')
    .digest();
  return createHmac('sha256', key).update(normaliseIdentityNumber(identityNumber)).digest('base64url');
}
