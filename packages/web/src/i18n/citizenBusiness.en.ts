import type { citizenBusinessVi } from './citizenBusiness.vi.ts';

/** English strings of acting for a business on the citizen portal (same shape as citizenBusiness.vi.ts). */
export const citizenBusinessEn: typeof citizenBusinessVi = {
  actingTitle: 'You are acting as',
  actingLead: 'If you represent a business, choose it to submit and see dossiers for the business.',
  actingLegend: 'Choose whom you act as',
  self: (name: string) => `Yourself: ${name}`,
  selfHint: 'Your own dossiers',
  business: (name: string, taxCode: string) => `${name} (tax code ${taxCode})`,
  providerHint:
    "Verified by the organisation's electronic identity account: see all of the business's dossiers",
  declaredHint:
    'Declared by you, not verified: you see only the dossiers you submitted for it; the counter checks the authorisation when it accepts them',
  choose: 'Save choice',
  choosing: 'Saving…',
  chosenSelf: 'You are acting as yourself.',
  chosenBusiness: (name: string) => `You are acting for ${name}.`,
  actingBanner: (name: string, taxCode: string) => `Acting for ${name} (tax code ${taxCode})`,
  declareTitle: 'Declare a business you represent',
  declareLead:
    "A business declared here is not verified: you see only the dossiers you submit for it, not the business's counter dossiers.",
  taxCode: 'Tax code',
  taxCodeHint: '10 digits, or 13 for a branch, e.g. 0100107518 or 0100107518-001',
  taxCodeRequired: "Enter the business's tax code",
  taxCodeFormat: 'A tax code has 10 digits, or 13 for a branch (e.g. 0100107518-001)',
  taxCodeCheckDigit:
    'This tax code is not valid: its check digit (the 10th) does not match; check it on the business registration certificate',
  name: 'Business name',
  nameHint: 'As on the business registration certificate',
  nameRequired: 'Enter the business name (at least 2 characters)',
  declare: 'Declare business',
  declaring: 'Declaring…',
  declared: (name: string) => `${name} is declared. Choose it above to act for the business.`,
};
