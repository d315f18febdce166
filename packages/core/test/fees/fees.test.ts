import { describe, expect, it } from 'vitest';
import {
  applyExemption,
  assessFees,
  descriptionNames,
  feesToCharge,
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

describe('amounts a counter officer enters for unpriced fees', () => {
  const UNPRICED = 'Lệ phí theo HĐND tỉnh';
  const mixed = [
    { name: 'Phí thẩm định', amountVnd: 1_400_000 },
    { name: 'Không thu', amountVnd: 0 },
    { name: UNPRICED, amountVnd: null },
  ];
  const REASON = 'Nghị quyết 12/2026/NQ-HĐND tỉnh';
  const paths = (charge: ReturnType<typeof feesToCharge>) =>
    charge.ok ? [] : charge.issues?.map((i) => i.path);

  it('charges the catalogue items when it prices every fee, with no note', () => {
    expect(feesToCharge([{ name: 'Lệ phí', amountVnd: 100_000 }], {})).toEqual({
      ok: true,
      items: [{ name: 'Lệ phí', amountVnd: 100_000 }],
      note: null,
    });
  });
  it('refuses a request when the procedure charges nothing', () => {
    const charge = feesToCharge([{ name: 'Không thu', amountVnd: 0 }], {});
    expect(charge).toMatchObject({ ok: false, code: 'no_fee' });
    expect(charge.ok ? '' : charge.message.vi).toContain('không thu phí, lệ phí');
  });
  it('refuses an amount for a fee the catalogue already prices and points to an exemption instead', () => {
    const charge = feesToCharge([{ name: 'Lệ phí', amountVnd: 100_000 }], {
      items: [{ name: 'Lệ phí', amountVnd: 1_000 }],
      reason: REASON,
    });
    expect(charge).toMatchObject({ ok: false, code: 'priced_by_catalogue' });
    expect(charge.ok ? '' : charge.message.vi).toContain('miễn, giảm');
    expect(charge.ok ? '' : charge.message.en).toContain('exemption');
  });
  it('asks for the amounts, naming the unpriced fees, when none is entered', () => {
    const charge = feesToCharge(mixed, {});
    expect(charge).toMatchObject({ ok: false, code: 'needs_amount' });
    expect(charge.ok ? '' : charge.message.vi).toContain(UNPRICED);
    expect(charge.ok ? '' : charge.message.en).toContain(UNPRICED);
  });
  it('names each unpriced fee left without an amount, and a fee entered that is not unpriced', () => {
    const charge = feesToCharge(mixed, { items: [{ name: 'Phí thẩm định', amountVnd: 5 }], reason: REASON });
    expect(charge).toMatchObject({ ok: false, code: 'invalid_entry' });
    expect(paths(charge)).toEqual(['items[0].amountVnd', 'items']);
    expect(charge.ok ? '' : charge.issues?.[0]?.message.vi).toBe(`Nhập số tiền của “${UNPRICED}”.`);
  });
  it('refuses the same unpriced fee entered twice', () => {
    const twice = [
      { name: UNPRICED, amountVnd: 400_000 },
      { name: UNPRICED, amountVnd: 500_000 },
    ];
    expect(paths(feesToCharge(mixed, { items: twice, reason: REASON }))).toEqual(['items']);
  });
  it('needs a reason of at least 10 characters', () => {
    const items = [{ name: UNPRICED, amountVnd: 400_000 }];
    expect(paths(feesToCharge(mixed, { items }))).toEqual(['reason']);
    expect(paths(feesToCharge(mixed, { items, reason: '  NQ 12   ' }))).toEqual(['reason']);
  });
  it('charges the priced fees plus the entered amount, and notes the amount and reason for the history', () => {
    expect(feesToCharge(mixed, { items: [{ name: UNPRICED, amountVnd: 400_000 }], reason: REASON })).toEqual({
      ok: true,
      items: [
        { name: 'Phí thẩm định', amountVnd: 1_400_000 },
        { name: UNPRICED, amountVnd: 400_000 },
      ],
      note: `Cán bộ nhập số tiền (${UNPRICED}: 400000 đồng). Lý do: ${REASON}`,
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
