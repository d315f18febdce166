import { describe, expect, it } from 'vitest';
import { availableActions, decide, openActions } from '../../src/dossier/index.ts';
import { ACTORS, type ActorName, ctxAt, play, receiveAt } from './fixtures.ts';

describe('actions open to a user now', () => {
  const received = play([receiveAt('2026-03-09T09:00')]).dossier;
  const atSpecialist = play([['2026-03-09T09:30', 'forward_step', 'counter']], received).dossier;
  const at = ctxAt('2026-03-09T10:00');
  const open = (actor: ActorName, dossier = atSpecialist) => openActions(dossier, ACTORS[actor], at);

  it('offers "forward" only to whoever holds the step: not to the head of unit at the specialist’s', () => {
    expect(open('specialist')).toContain('forward_step');
    expect(open('head')).not.toContain('forward_step');
    expect(open('head')).not.toContain('submit_for_approval');
    // The head still reassigns the specialist's step, and may do what the table lets a head do there.
    expect(open('head')).toContain('assign');
    const atHead = play([['2026-03-09T09:40', 'forward_step', 'specialist']], atSpecialist).dossier;
    expect(open('head', atHead)).toContain('forward_step');
    expect(open('specialist', atHead)).not.toContain('forward_step');
    for (const who of Object.keys(ACTORS) as ActorName[]) {
      expect(open(who, atHead), who).not.toContain('submit_for_approval');
    }
    expect(open('counter')).not.toContain('forward_step');
    expect(open('counter', received)).toContain('forward_step');
    expect(open('specialist', received)).not.toContain('forward_step');
  });

  it('offers no more than state and role allow, and nothing to someone with no part', () => {
    for (const who of Object.keys(ACTORS) as ActorName[]) {
      expect(availableActions(atSpecialist.state, ACTORS[who].roles)).toEqual(
        expect.arrayContaining(open(who)),
      );
    }
    expect(open('reformOfficer')).toEqual([]);
  });

  it('offers nothing that decide would refuse for a reason other than the form’s content', () => {
    const assigned = play(
      [['2026-03-09T10:00', 'assign', 'head', { assigneeId: 'specialist-2' }]],
      atSpecialist,
    ).dossier;
    const later = ctxAt('2026-03-09T11:00');
    for (const who of ['specialist', 'otherSpecialist', 'head'] as const) {
      const offered = openActions(assigned, ACTORS[who], later).includes('forward_step');
      const accepted = decide(assigned, { action: 'forward_step', actor: ACTORS[who], input: {} }, later).ok;
      expect(offered, who).toBe(accepted);
    }
    expect(openActions(assigned, ACTORS.otherSpecialist, later)).toContain('forward_step');
  });

  it('still offers an extension whose date is yet to be chosen, but not a second one', () => {
    expect(open('head')).toContain('extend');
    const extended = play(
      [
        [
          '2026-03-09T10:00',
          'extend',
          'head',
          { reason: 'Cần xác minh thêm', newDueAt: '2026-03-16T10:00:00+07:00' },
        ],
      ],
      atSpecialist,
    ).dossier;
    expect(openActions(extended, ACTORS.head, at)).not.toContain('extend');
  });
});
