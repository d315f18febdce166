import type { DossierAction, DossierState } from '@motcua/core';
import type { ImportEvent, ImportEventType } from './format.ts';

/**
 * The previous system's words mapped onto the engine's actions. Each import event becomes one
 * command of the transition table, preceded where needed by the internal steps (chuyển bước) the
 * previous system did not date: they are taken at the event's own instant, by the import.
 */

export interface EngineCommand {
  action: DossierAction;
  input: Record<string, unknown>;
}

/** Internal steps to take first: to processing (in_progress), or through every step to approval. */
export type Advance = 'none' | 'into_processing' | 'to_approval';

export interface MappedEvent {
  advance: Advance;
  command: EngineCommand;
}

/** The action each import event becomes, for the documentation and the tests. */
export const IMPORT_EVENT_ACTIONS: Record<ImportEventType, { action: DossierAction; advance: Advance }> = {
  supplement_requested: { action: 'request_supplement', advance: 'none' },
  supplement_received: { action: 'receive_supplement', advance: 'none' },
  extended: { action: 'extend', advance: 'none' },
  inter_agency_sent: { action: 'send_inter_agency', advance: 'into_processing' },
  inter_agency_returned: { action: 'receive_inter_agency', advance: 'none' },
  payment_requested: { action: 'request_payment', advance: 'none' },
  payment_made: { action: 'confirm_payment', advance: 'none' },
  processed: { action: 'approve', advance: 'to_approval' },
  returned: { action: 'return_result', advance: 'none' },
  withdrawal_requested: { action: 'request_withdrawal', advance: 'none' },
  withdrawal_accepted: { action: 'accept_withdrawal', advance: 'none' },
  withdrawal_rejected: { action: 'reject_withdrawal', advance: 'none' },
  stopped: { action: 'stop', advance: 'none' },
};

const IMPORTED_SUPPLEMENT = 'Hồ sơ bổ sung (theo dữ liệu hệ thống cũ)';
const IMPORTED_REQUEST = 'Bổ sung hồ sơ theo yêu cầu (theo dữ liệu hệ thống cũ)';

/** Only the fields present: the engine's schemas are strict and absent is not the same as undefined. */
function defined(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
}

/**
 * The engine command for one import event. `endOfWorkingDay` turns a date-only new appointment
 * into the end of that working day on the agency's calendar.
 */
export function mapEvent(event: ImportEvent, endOfWorkingDay: (date: string) => Date): MappedEvent {
  const note = event.note;
  const { advance } = IMPORT_EVENT_ACTIONS[event.type];
  const command = ((): EngineCommand => {
    switch (event.type) {
      case 'supplement_requested': {
        const text = event.reason ?? IMPORTED_REQUEST;
        return {
          action: 'request_supplement',
          input: defined({ items: event.items ?? [{ description: text, reason: text }], note }),
        };
      }
      case 'supplement_received':
        return {
          action: 'receive_supplement',
          input: defined({ documents: event.documents ?? [IMPORTED_SUPPLEMENT], note }),
        };
      case 'extended':
        return {
          action: 'extend',
          input: defined({
            reason: event.reason,
            newDueAt: /^\d{4}-\d{2}-\d{2}$/.test(event.newDueAt)
              ? endOfWorkingDay(event.newDueAt).toISOString()
              : event.newDueAt,
            letterNumber: event.letterNumber,
          }),
        };
      case 'inter_agency_sent':
        return { action: 'send_inter_agency', input: defined({ agency: event.agency, note }) };
      case 'inter_agency_returned':
        return { action: 'receive_inter_agency', input: defined({ note }) };
      case 'payment_requested':
        return { action: 'request_payment', input: defined({ items: event.items, note }) };
      case 'payment_made':
        return { action: 'confirm_payment', input: defined({ reference: event.reference, note }) };
      case 'processed':
        return {
          action: 'approve',
          input:
            event.outcome === 'granted'
              ? defined({ outcome: 'granted', resultNumber: event.resultNumber, note })
              : defined({ outcome: 'refused', reason: event.reason, resultNumber: event.resultNumber }),
        };
      case 'returned':
        return { action: 'return_result', input: defined({ channel: event.channel ?? 'counter', note }) };
      case 'withdrawal_requested':
        return { action: 'request_withdrawal', input: { reason: event.reason } };
      case 'withdrawal_accepted':
        return { action: 'accept_withdrawal', input: defined({ note }) };
      case 'withdrawal_rejected':
        return { action: 'reject_withdrawal', input: { reason: event.reason } };
      case 'stopped':
        return event.cause === 'supplement_not_received'
          ? { action: 'close_unsupplemented', input: defined({ note: note ?? event.reason }) }
          : {
              action: 'stop',
              input: defined({ reason: event.reason, noticeNumber: event.noticeNumber }),
            };
    }
  })();
  return { advance, command };
}

/** Whether one more internal step must be taken before the event's own command. */
export function needsStep(advance: Advance, state: DossierState): boolean {
  if (advance === 'into_processing') return state === 'received';
  if (advance === 'to_approval') return state === 'received' || state === 'in_progress';
  return false;
}
