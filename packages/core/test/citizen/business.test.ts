import { describe, expect, it } from 'vitest';
import {
  actingAsBody,
  declareBusinessBody,
  dossierScope,
  inDossierScope,
  localiseIssues,
  parseTaxCode,
  scopeIdHmac,
} from '../../src/index.ts';

describe('tax code (mã số thuế)', () => {
  it('accepts real 10-digit codes and writes a branch code as 10-3', () => {
    // Vietnam Airlines, Viettel: public registrations.
    expect(parseTaxCode('0100107518')).toEqual({ ok: true, taxCode: '0100107518' });
    expect(parseTaxCode(' 0100109106 ')).toEqual({ ok: true, taxCode: '0100109106' });
    expect(parseTaxCode('0100107518001')).toEqual({ ok: true, taxCode: '0100107518-001' });
    expect(parseTaxCode('0100107518-001')).toEqual({ ok: true, taxCode: '0100107518-001' });
  });

  it('refuses a wrong check digit, a wrong length and branch 000', () => {
    expect(parseTaxCode('0100107519')).toEqual({ ok: false, problem: 'tax_code_check_digit' });
    expect(parseTaxCode('010010751')).toEqual({ ok: false, problem: 'tax_code_format' });
    expect(parseTaxCode('079200001234')).toEqual({ ok: false, problem: 'tax_code_format' });
    expect(parseTaxCode('0100107518-000')).toEqual({ ok: false, problem: 'tax_code_format' });
    expect(parseTaxCode('01001O7518')).toEqual({ ok: false, problem: 'tax_code_format' });
  });

  it('refuses nine digits whose check would be 10 (never issued)', () => {
    // Nine digits whose weighted sum is a multiple of 11: no 10th digit makes a code of them.
    const nine = Array.from({ length: 1000 }, (_, i) => String(i).padStart(9, '0')).find(
      (s) =>
        [31, 29, 23, 19, 17, 13, 7, 5, 3].reduce((t, w, i) => t + w * Number(s[i]), 0) % 11 === 0 &&
        s !== '000000000',
    )!;
    for (let d = 0; d <= 9; d++) expect(parseTaxCode(`${nine}${d}`).ok).toBe(false);
  });

  it('tells a person what is wrong, in Vietnamese and English', () => {
    const bad = declareBusinessBody.safeParse({ taxCode: '0100107519', name: 'Công ty A' });
    expect(bad.success).toBe(false);
    const [vi] = localiseIssues(bad.error!.issues, 'vi');
    expect(vi).toMatchObject({ path: 'taxCode' });
    expect(vi!.message).toContain('Mã số thuế');
    expect(vi!.message).toContain('chữ số kiểm tra');
    const [en] = localiseIssues(bad.error!.issues, 'en');
    expect(en!.message).toContain('check digit');
    expect(actingAsBody.parse({ kind: 'business', taxCode: '0100107518001' })).toEqual({
      kind: 'business',
      taxCode: '0100107518-001',
    });
  });
});

describe('which dossiers a session sees', () => {
  const me = { id: 'c1', idHmac: 'H-person' };
  const mineOnline = { applicantCitizenId: 'c1', applicantIdHmac: null };
  const mineCounter = { applicantCitizenId: null, applicantIdHmac: 'H-person' };
  const forBusinessByMe = { applicantCitizenId: 'c1', applicantIdHmac: 'H-tax' };
  const forBusinessByOther = { applicantCitizenId: 'c2', applicantIdHmac: 'H-tax' };
  const businessCounter = { applicantCitizenId: null, applicantIdHmac: 'H-tax' };
  const otherBusiness = { applicantCitizenId: null, applicantIdHmac: 'H-tax-2' };

  it('acting as oneself: own dossiers, never the business’s', () => {
    const s = dossierScope(me, null);
    expect([mineOnline, mineCounter].every((d) => inDossierScope(s, d))).toBe(true);
    expect([forBusinessByMe, forBusinessByOther, businessCounter].some((d) => inDossierScope(s, d))).toBe(
      false,
    );
    expect(scopeIdHmac(s)).toBe('H-person');
  });

  it('acting for a business the provider vouched for: all its dossiers, none of the person’s or another business’s', () => {
    const s = dossierScope(me, { taxHmac: 'H-tax', representation: 'provider' });
    expect([forBusinessByMe, forBusinessByOther, businessCounter].every((d) => inDossierScope(s, d))).toBe(
      true,
    );
    expect([mineOnline, mineCounter, otherBusiness].some((d) => inDossierScope(s, d))).toBe(false);
    expect(scopeIdHmac(s)).toBe('H-tax');
  });

  it('acting for a declared business: only what this account submitted for it', () => {
    const s = dossierScope(me, { taxHmac: 'H-tax', representation: 'declared' });
    expect(inDossierScope(s, forBusinessByMe)).toBe(true);
    expect(
      [forBusinessByOther, businessCounter, mineOnline, mineCounter].some((d) => inDossierScope(s, d)),
    ).toBe(false);
    expect(scopeIdHmac(s)).toBeNull();
  });
});
