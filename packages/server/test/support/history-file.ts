import { DEMO_AGENCY_CODE, DEMO_SERVICE_CENTRE_CODE } from '../../src/seed/organisation-data.ts';

/**
 * A history import file for the demo agency: dossiers of the work-permit procedure (1.014199, ten
 * working days, field viec-lam) received at the service centre in October 2025, one per way a
 * dossier ends. Received on Monday 6 October 09:00, each is due on Monday 20 October.
 */

export const PERMIT = { procedureCode: '1.014199', fieldCode: 'viec-lam' } as const;

const at = (day: string, time = '09:00') => `2025-10-${day}T${time}:00+07:00`;

export function dossierEntry(previousCode: string, events: unknown[], extra: Record<string, unknown> = {}) {
  return {
    previousCode,
    ...PERMIT,
    channel: 'counter',
    receivingUnitCode: DEMO_SERVICE_CENTRE_CODE,
    applicant: { name: 'Công ty TNHH Minh Phát', idNumber: '0312345678', phone: '0912345678' },
    receivedAt: at('06'),
    events,
    ...extra,
  };
}

export function historyFile(dossiers: unknown[]) {
  return {
    format: 'motcua.history-import',
    version: 1,
    agencyCode: DEMO_AGENCY_CODE,
    sourceSystem: 'Một cửa điện tử tỉnh (cũ)',
    dossiers,
  };
}

/** One dossier per outcome; the test names what each must become. */
export const SCENARIOS = {
  early: dossierEntry('CU-001', [
    { type: 'processed', at: at('10', '10:00'), outcome: 'granted', officer: 'Lê Văn Tám' },
    { type: 'returned', at: at('13'), channel: 'counter' },
  ]),
  onTime: dossierEntry('CU-002', [{ type: 'processed', at: at('20', '16:00'), outcome: 'granted' }]),
  late: dossierEntry('CU-003', [{ type: 'processed', at: at('24', '10:00'), outcome: 'granted' }]),
  // The clock restarts when the supplement arrives (15 Oct): due 29 Oct, so 27 Oct is early.
  supplement: dossierEntry('CU-004', [
    { type: 'supplement_requested', at: at('08', '10:00'), reason: 'Thiếu bản sao hộ chiếu' },
    { type: 'supplement_received', at: at('15') },
    { type: 'processed', at: at('27', '10:00'), outcome: 'granted' },
  ]),
  // The apology moves the appointment to 31 Oct: processed that day is on time, not late.
  extension: dossierEntry('CU-005', [
    { type: 'extended', at: at('15', '10:00'), newDueAt: '2025-10-31', reason: 'Chờ xác minh lý lịch' },
    { type: 'processed', at: at('31', '10:00'), outcome: 'granted' },
  ]),
  withdrawal: dossierEntry('CU-006', [
    { type: 'withdrawal_requested', at: at('09', '10:00'), reason: 'Doanh nghiệp đề nghị rút hồ sơ' },
    { type: 'withdrawal_accepted', at: at('10') },
  ]),
  stop: dossierEntry('CU-007', [
    { type: 'stopped', at: at('09', '14:00'), reason: 'Người lao động đã rời Việt Nam' },
  ]),
  refused: dossierEntry('CU-008', [
    { type: 'processed', at: at('14'), outcome: 'refused', reason: 'Không đáp ứng điều kiện về trình độ' },
  ]),
  // Online, with another agency's opinion and a fee paid on the way.
  online: dossierEntry(
    'CU-009',
    [
      { type: 'inter_agency_sent', at: at('08'), agency: 'Công an Thành phố' },
      { type: 'inter_agency_returned', at: at('10') },
      {
        type: 'payment_requested',
        at: at('13'),
        items: [{ name: 'Lệ phí cấp giấy phép', amountVnd: 600000 }],
      },
      { type: 'payment_made', at: at('14'), reference: 'BL-2025-118' },
      { type: 'processed', at: at('16'), outcome: 'granted' },
      { type: 'returned', at: at('17'), channel: 'online' },
    ],
    {
      channel: 'online',
      receivingUnitCode: undefined,
      submittedAt: at('06', '08:00'),
      receivedAt: at('06', '10:00'),
    },
  ),
  // Still open: overdue since 20 Oct.
  open: dossierEntry('CU-010', []),
};
