import { foldVietnamese } from '@motcua/core';
import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline: 19 MiB memory, 2 iterations, 1 lane.
// algorithm 2 = Argon2id (a const enum in the typings, so it is written as its value).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

// A few passwords every attacker tries first; length already rules out most others.
const COMMON = new Set([
  '123456789012',
  'password1234',
  'matkhau12345',
  'qwertyuiop12',
  'admin1234567',
  'motcua123456',
]);

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the user does not exist, so both paths take the same time. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('motcua-timing-equaliser-not-a-password');
  return dummyHash;
}

/** ASVS 2.1: length, not composition rules; refuse the username and well-known passwords. */
export function passwordIsAcceptable(password: string, username: string): boolean {
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) return false;
  const folded = foldVietnamese(password);
  if (folded.includes(foldVietnamese(username)) && username.length >= 3) return false;
  return !COMMON.has(folded);
}
