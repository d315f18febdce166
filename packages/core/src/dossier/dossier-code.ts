import { type IsoDate, isIsoDate } from '../calendar/civil-date.ts';
import { vietnamDateOf } from '../calendar/working-time.ts';

/**
 * The dossier code (mã hồ sơ), Circular 01/2018 art. 19, kept by Circular 03/2025:
 * `<unit code>-YYMMDD-XXXX`, e.g. `000.00.12.H57-260309-0001`. The unit code is the agency's
 * identifier under the national code standard, YYMMDD the day of receipt in Vietnam, and XXXX the
 * unit's sequence number for that day, at least four digits (more once it passes 9999). Allocating
 * the sequence without gaps or repeats is the server's job; this only writes and reads codes.
 */

/** Dot-separated groups of capital letters and digits, e.g. 000.00.12.H57; never a hyphen. */
export const UNIT_CODE_PATTERN = /^[0-9A-Z]+(?:\.[0-9A-Z]+)*$/;

/** More than a billion dossiers a unit a day is a bug, not a busy day. */
const MAX_SEQUENCE = 999_999_999;

const CODE_PATTERN = /^(.+)-(\d{2})(\d{2})(\d{2})-(\d{4,9})$/;

export interface DossierCodeParts {
  unitCode: string;
  /** The day of receipt (Vietnam), YYYY-MM-DD. */
  receivedOn: IsoDate;
  sequence: number;
}

function checkUnitCode(unitCode: string): void {
  if (unitCode.length > 50 || !UNIT_CODE_PATTERN.test(unitCode)) {
    throw new RangeError(`not a unit code like 000.00.12.H57: ${JSON.stringify(unitCode)}`);
  }
}

/** The code of a dossier received at `receivedAt` with the unit's sequence number for that day. */
export function formatDossierCode(unitCode: string, receivedAt: Date, sequence: number): string {
  checkUnitCode(unitCode);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE) {
    throw new RangeError(
      `the sequence number must be a whole number from 1 to ${MAX_SEQUENCE}, not ${sequence}`,
    );
  }
  const day = vietnamDateOf(receivedAt);
  // Two-digit years are read as 20YY, so only this century can be written unambiguously.
  if (!day.startsWith('20'))
    throw new RangeError(`a dossier code needs a receipt day in 2000-2099, not ${day}`);
  const yymmdd = `${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}`;
  return `${unitCode}-${yymmdd}-${String(sequence).padStart(4, '0')}`;
}

/**
 * The parts of a dossier code, or null when it is not one: a valid unit code, a real date, and a
 * sequence written as the format writes it (1 → 0001, 12345 → 12345, never 00001 or 0000).
 */
export function parseDossierCode(code: string): DossierCodeParts | null {
  const m = CODE_PATTERN.exec(code);
  if (!m) return null;
  const [, unitCode = '', yy, mm, dd, digits = ''] = m;
  if (unitCode.length > 50 || !UNIT_CODE_PATTERN.test(unitCode)) return null;
  const receivedOn = `20${yy}-${mm}-${dd}`;
  if (!isIsoDate(receivedOn)) return null;
  const sequence = Number(digits);
  if (sequence < 1 || String(sequence).padStart(4, '0') !== digits) return null;
  return { unitCode, receivedOn, sequence };
}

export function isDossierCode(code: string): boolean {
  return parseDossierCode(code) !== null;
}
