import type { paymentVi } from './payment.vi.ts';

/** English strings of paying by VietQR, officer-entered fee amounts and the postal channel. */
export const paymentEn: typeof paymentVi = {
  box: {
    title: 'Pay the fee',
    lead: 'The dossier is waiting for its fee. Scan the VietQR code with your banking app, or make a transfer with the details below.',
    qrAlt: (amount: string, reference: string) => `VietQR code to transfer ${amount}, reference ${reference}`,
    amount: 'Amount',
    bank: 'Bank',
    accountNumber: 'Account number',
    accountName: 'Account name',
    reference: 'Transfer reference',
    referenceHint: 'Write the dossier code exactly, so the payment is confirmed automatically.',
    after: 'Once the agency receives the money, the dossier status is updated.',
  },
  entry: {
    lead: 'The catalogue sets no amount for the fees below. Enter the amount of each and its basis.',
    priced: (items: string) => `Fees priced by the catalogue: ${items}.`,
    amount: (name: string) => `Amount of “${name}” (VND)`,
    amountHint: 'A whole number without dots or commas, e.g. 150000',
    amountRequired: (name: string) => `Enter the amount of “${name}” as a positive whole number`,
    reason: 'Reason and basis of the amount',
    reasonHint: 'At least 10 characters, e.g. the number of the provincial council resolution',
    reasonRequired: 'Enter the reason and basis of the amount, at least 10 characters',
    free: 'This procedure charges no fee.',
  },
  postal: {
    title: 'Public postal service',
    lines: 'By post',
    receipt: 'Dossier received by post',
    return: 'Result sent by post',
    line: (carrier: string, number: string) => `${carrier}, tracking number ${number}`,
    receiptTitle: 'Record the dossier received by post',
    returnTitle: 'Record the result sent by post',
    carrier: 'Postal carrier',
    carrierRequired: 'Choose the postal carrier',
    trackingNumber: 'Tracking number',
    trackingHint: 'As printed on the post office receipt',
    trackingRequired: 'Enter the tracking number',
    save: 'Save',
    saving: 'Saving…',
    saved: 'Postal details saved.',
    none: 'Not recorded yet.',
    recordedAt: (at: string) => `recorded at ${at}`,
  },
  counter: {
    ratingLink: 'Open the counter page to rate a dossier',
    ratingHint:
      'When you hand over a result, ask the citizen to type the dossier code and rate the service on the counter tablet.',
  },
};
