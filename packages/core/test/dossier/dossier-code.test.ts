import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDossierCode, isDossierCode, parseDossierCode } from '../../src/index.ts';
import { vn } from './fixtures.ts';

describe('dossier code <unit code>-YYMMDD-XXXX (Circular 01/2018 art. 19)', () => {
  it.each([
    ['000.00.12.H57', '2026-03-09T09:00', 1, '000.00.12.H57-260309-0001', 'padded to four digits'],
    ['000.00.12.H57', '2026-03-09T23:59', 42, '000.00.12.H57-260309-0042', 'late evening, same day'],
    ['000.00.12.H57', '2026-12-31T10:00', 9999, '000.00.12.H57-261231-9999', 'the last four-digit number'],
    ['000.00.12.H57', '2026-12-31T10:00', 10000, '000.00.12.H57-261231-10000', 'past 9999: five digits'],
    ['000.00.00.G22', '2030-01-01T07:30', 123456, '000.00.00.G22-300101-123456', 'a ministry code'],
  ])('%s received %s, number %i → %s (%s)', (unit, at, sequence, expected) => {
    expect(formatDossierCode(unit, vn(at), sequence)).toBe(expected);
  });

  it('the day is the receipt day in Vietnam, not in UTC', () => {
    // 18:00 UTC on 8 March is 01:00 on 9 March in Vietnam.
    expect(formatDossierCode('000.00.12.H57', new Date('2026-03-08T18:00:00Z'), 7)).toBe(
      '000.00.12.H57-260309-0007',
    );
  });

  it('refuses to write what it could not read back', () => {
    expect(() => formatDossierCode('000-00', vn('2026-03-09T09:00'), 1)).toThrow(RangeError);
    expect(() => formatDossierCode('000.00.12.h57', vn('2026-03-09T09:00'), 1)).toThrow(RangeError);
    expect(() => formatDossierCode('000.00.12.H57', vn('2026-03-09T09:00'), 0)).toThrow(RangeError);
    expect(() => formatDossierCode('000.00.12.H57', vn('2026-03-09T09:00'), 1.5)).toThrow(RangeError);
    expect(() => formatDossierCode('000.00.12.H57', vn('2126-03-09T09:00'), 1)).toThrow(RangeError);
  });

  it('parses a code into its parts', () => {
    expect(parseDossierCode('000.00.12.H57-260309-0001')).toEqual({
      unitCode: '000.00.12.H57',
      receivedOn: '2026-03-09',
      sequence: 1,
    });
    expect(parseDossierCode('000.00.12.H57-261231-10000')?.sequence).toBe(10000);
  });

  it.each([
    ['000.00.12.H57-260309-001', 'three digits'],
    ['000.00.12.H57-260309-00001', 'padded beyond four digits'],
    ['000.00.12.H57-260309-0000', 'sequence 0'],
    ['000.00.12.H57-260230-0001', '30 February'],
    ['000.00.12.H57-261301-0001', 'month 13'],
    ['000.00.12.H57-2603090-0001', 'seven-digit date'],
    ['-260309-0001', 'no unit code'],
    ['000.00.12.h57-260309-0001', 'lower-case unit code'],
    ['000.00.12.H57 260309 0001', 'spaces'],
    ['000.00.12.H57-260309-0001 ', 'trailing space'],
  ])('rejects %s (%s)', (code) => {
    expect(parseDossierCode(code)).toBeNull();
    expect(isDossierCode(code)).toBe(false);
  });

  it('parse(format(x)) gives x back', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('000.00.12.H57', '000.00.00.G22', 'H57.1'),
        fc.date({
          min: new Date('2000-01-01T00:00:00+07:00'),
          max: new Date('2099-12-31T23:59:59+07:00'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 1, max: 999_999_999 }),
        (unit, at, sequence) => {
          const parts = parseDossierCode(formatDossierCode(unit, at, sequence));
          expect(parts).toEqual({
            unitCode: unit,
            receivedOn: new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10),
            sequence,
          });
        },
      ),
    );
  });
});
