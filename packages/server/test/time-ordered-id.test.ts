import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { timeOrderedId } from '../src/db/time-ordered-id.ts';

describe('time-ordered ids (UUID version 7)', () => {
  it('are UUIDs every route accepts, of version 7 and the RFC variant', () => {
    const id = timeOrderedId();
    expect(z.uuid().safeParse(id).success).toBe(true);
    expect(id[14]).toBe('7');
    expect('89ab').toContain(id[19]);
  });

  it('carry the millisecond they were made in their first 48 bits', () => {
    const at = Date.UTC(2027, 0, 4, 8, 30);
    const id = timeOrderedId(at);
    expect(Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16)).toBe(at);
  });

  it('sort in the order they were made, also many in one millisecond, and never repeat', () => {
    const at = Date.now() + 60_000;
    const ids = Array.from({ length: 10_000 }, () => timeOrderedId(at));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    // A clock that steps back does not make an id that sorts before the ones already made.
    const after = timeOrderedId(at - 5_000);
    expect(after > ids.at(-1)!).toBe(true);
  });
});
