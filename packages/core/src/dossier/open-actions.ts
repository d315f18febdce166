import { DOSSIER_ACTIONS, type DossierAction, type DossierActor } from './actions.ts';
import type { DecisionContext, RuleContext } from './command.ts';
import { pickRow } from './decide.ts';
import { GUARDS, INPUT_GUARDS } from './guards.ts';
import type { DossierSnapshot } from './snapshot.ts';
import { TRANSITIONS } from './transitions.ts';

/**
 * The actions this actor could take on the dossier now: the state and role allow them and no guard
 * that does not depend on the form's content refuses (a specialist sees no "forward" on a step that
 * is the head of unit's). What the form says is judged by `decide` when it is sent.
 */
export function openActions(
  dossier: DossierSnapshot,
  actor: DossierActor,
  ctx: DecisionContext,
): DossierAction[] {
  return DOSSIER_ACTIONS.filter((action) => {
    const rows = TRANSITIONS.filter((t) => t.action === action && t.from.includes(dossier.state));
    if (rows.length === 0) return false;
    const row = pickRow(rows, dossier);
    const actingAs = actor.roles.filter((r) => row.roles.includes(r));
    if (actingAs.length === 0) return false;
    const rule: RuleContext = { action, actor, actingAs, input: undefined, ...ctx };
    return row.guards.every((name) => INPUT_GUARDS.has(name) || GUARDS[name](dossier, rule) === null);
  });
}
