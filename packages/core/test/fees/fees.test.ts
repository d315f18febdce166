import { describe, expect, it } from 'vitest';
import {
  applyExemption,
  assessFees,
  descriptionNames,
  matchLine,
  ONLINE_PAYMENT_METHODS,
  PAYMENT_METHOD_RULES,
  PAYMENT_METHODS,
  paidOnline,
  parseAmountVnd,
  parseStatement,
  parseVietnameseDate,
} from '../../src/fees/index.ts';

const CODE = '000.00.12.H57-260309-0001';

describe('fee amount from the catalogue', () => {
  it('sums the confirmed fees and says free when none is charged', () => {
    expect(
      assessFees([
        { name: 'Lệ phí', amountVnd: 100_000 },
        { name: 'Phí thẩm định', amountVnd: 1_400_000 },
      ]),
    ).toEqual({
      kind: 'charge',
      items: [
        { name: 'Lệ phí', amountVnd: 100_000 },
        { name: 'Phí thẩm định', amountVnd: 1_400_000 },
      ],
      totalVnd: 1_500_000,
    });
    expect(assessFees([{ name: 'Không thu', amountVnd: 0 }])).toEqual({ kind: 'free' });
    expect(assessFees([])).toEqual({ kind: 'free' });
  });
  it('asks an officer when a fee has no confirmed amount', () => {
    expect(assessFees([{ name: 'Theo HĐND tỉnh', amountVnd: null }])).toEqual({
      kind: 'needs_officer',
      unconfirmed: ['Theo HĐND tỉnh'],
    });
  });
});

describe('exemption', () => {
  it('needs a real reason and reduces the amount', () => {
    expect(applyExemption(1_500_000, { reason: 'Người có công với cách mạng', percent: 100 })).toEqual({
      ok: true,
      amountVnd: 0,
    });
    expect(applyExemption(1_500_001, { reason: 'Hộ nghèo theo Quyết định', percent: 50 })).toEqual({
      ok: true,
      amountVnd: 750_000,
    });
    expect(applyExemption(1_500_000, { reason: 'miễn', percent: 100 })).toEqual({
      ok: false,
      error: 'reason_too_short',
    });
    expect(applyExemption(1_500_000, { reason: 'Người có công với cách mạng', percent: 0 })).toEqual({
      ok: false,
      error: 'bad_percent',
    });
  });
});

describe('matching a statement line', () => {
  const open = [
    { id: 'a', dossierCode: CODE, amountVnd: 1_500_000 },
    { id: 'b', dossierCode: '000.00.12.H57-260309-0002', amountVnd: 50_000 },
  ];
  it('finds the code whatever the bank did to accents, dots, spaces and case', () => {
    expect(descriptionNames('NGUYEN VAN A chuyen tien 0000012h57 260309 0001', CODE)).toBe(true);
    expect(descriptionNames('Nộp lệ phí hồ sơ 000.00.12.H57-260309-0001 FT2603', CODE)).toBe(true);
    expect(descriptionNames('Nop le phi 000.00.12.H57-260309-0003', CODE)).toBe(false);
  });
  it('matches only an exact amount with the code; partial, over, duplicate go to a person', () => {
    expect(
      matchLine({ amountVnd: 1_500_000, description: `LE PHI ${CODE}`, duplicate: false }, open),
    ).toEqual({ kind: 'matched', requestId: 'a' });
    expect(
      matchLine({ amountVnd: 1_000_000, description: `LE PHI ${CODE}`, duplicate: false }, open),
    ).toEqual({ kind: 'unmatched', reason: 'amount_differs' });
    expect(
      matchLine({ amountVnd: 2_000_000, description: `LE PHI ${CODE}`, duplicate: false }, open),
    ).toEqual({ kind: 'unmatched', reason: 'amount_differs' });
    expect(matchLine({ amountVnd: 1_500_000, description: 'chuyen tien', duplicate: false }, open)).toEqual({
      kind: 'unmatched',
      reason: 'no_code',
    });
    expect(matchLine({ amountVnd: 1_500_000, description: `LE PHI ${CODE}`, duplicate: true }, open)).toEqual(
      { kind: 'unmatched', reason: 'duplicate_line' },
    );
  });
});

describe('reading a statement', () => {
  it('reads Vietnamese amounts and dates', () => {
    expect(parseAmountVnd('1.500.000')).toBe(1_500_000);
    expect(parseAmountVnd('1,500,000')).toBe(1_500_000);
    expect(parseAmountVnd('1.500.000,00')).toBe(1_500_000);
    expect(parseAmountVnd('1500000')).toBe(1_500_000);
    expect(parseAmountVnd('1.5')).toBeNull();
    expect(parseAmountVnd('abc')).toBeNull();
    expect(parseVietnameseDate('09/03/2026')).toBe('2026-03-09');
    expect(parseVietnameseDate('09/03/2026 14:05:00')).toBe('2026-03-09');
    expect(parseVietnameseDate('31/02/2026')).toBeNull();
  });
  it('flags a repeated line and skips debits', () => {
    const csv = `Ngày giao dịch;Số tiền ghi có;Nội dung\n09/03/2026;1.500.000;LE PHI ${CODE}\n09/03/2026;1.500.000;LE PHI ${CODE}\n09/03/2026;;Phi ngan hang\n`;
    const parsed = parseStatement(csv);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.rows.map((r) => [r.row, r.amountVnd, r.duplicate])).toEqual([
      [2, 1_500_000, false],
      [3, 1_500_000, true],
    ]);
  });
  it('names the row of each bad value and the missing header', () => {
    const parsed = parseStatement('Date,Amount,Description\n32/01/2026,100000,x\n01/01/2026,12ab,y\n');
    expect(parsed).toMatchObject({ ok: false, errors: [{ row: 2 }, { row: 3 }] });
    if (!parsed.ok) expect(parsed.errors[1]!.message.vi).toContain('Dòng 3: số tiền "12ab"');
    const noHeader = parseStatement('a,b,c\n1,2,3');
    expect(noHeader).toMatchObject({ ok: false, errors: [{ row: 1 }] });
  });
});

describe('payment methods as Decision 766 counts them', () => {
  it('a bank transfer (VietQR) and the payment platform are paid online; cash at the counter is not', () => {
    expect(Object.fromEntries(PAYMENT_METHODS.map((m) => [m, PAYMENT_METHOD_RULES[m].channel]))).toEqual({
      bank_transfer: 'online',
      cash: 'in_person',
      gateway: 'online',
    });
    expect(paidOnline('bank_transfer')).toBe(true);
    expect(paidOnline('cash')).toBe(false);
    expect(ONLINE_PAYMENT_METHODS).toEqual(['bank_transfer', 'gateway']);
  });
  it('gives every method a reason in Vietnamese', () => {
    for (const m of PAYMENT_METHODS) expect(PAYMENT_METHOD_RULES[m].why).toMatch(/[ạ-ỹđ]/);
  });
});

describe('index 766 payment indicators', () => {
  it('measures 3.5 and 3.6 from the fee figures instead of "not measured"', async () => {
    const { index766Measurements, paymentMeasures } = await import('../../src/index766/measures.ts');
    expect(
      paymentMeasures({
        proceduresWithFees: 4,
        proceduresPaidOnline: 3,
        dossiersWithFees: 10,
        dossiersPaidOnline: 7,
      }),
    ).toEqual({
      '3.5': { kind: 'measured', numerator: 3, denominator: 4 },
      '3.6': { kind: 'measured', numerator: 7, denominator: 10 },
    });
    const none = {
      received: 0,
      answeredOnTime: 0,
      openInTime: 0,
      answerRatings: 0,
      answerRatingsNegative: 0,
    };
    // Biểu số 06 figures play no part in 3.5/3.6.
    const m = index766Measurements(
      {} as never,
      [],
      '2026-05-31',
      { feedback: none, negativeDossiers: 0 },
      { signed: 0, digitised: 0 },
      {
        proceduresWithFees: 2,
        proceduresPaidOnline: 1,
        dossiersWithFees: 5,
        dossiersPaidOnline: 5,
      },
    );
    expect(m['3.6']).toEqual({ kind: 'measured', numerator: 5, denominator: 5 });
  });
});
