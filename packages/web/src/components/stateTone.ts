import type { DossierState } from '@motcua/core';

const STATE_TONE: Record<DossierState, string> = {
  submitted: 'active',
  received: 'active',
  in_progress: 'active',
  awaiting_inter_agency: 'active',
  awaiting_approval: 'active',
  awaiting_supplement: 'waiting',
  awaiting_payment: 'waiting',
  withdrawal_requested: 'waiting',
  result_ready: 'ready',
  returned: 'done',
  refused: 'closed',
  stopped: 'closed',
};

/** The colour of a dossier's state tag (at work, waiting, ready, done, closed); 'active' for any other. */
export function stateTone(state: string): string {
  return STATE_TONE[state as DossierState] ?? 'active';
}
