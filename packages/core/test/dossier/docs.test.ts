import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { DOSSIER_ACTIONS } from '../../src/dossier/actions.ts';

// core has no Node types; TypeScript's own file helpers read the page.
const page = ts.sys.readFile(new URL('../../../../docs/dossier-engine.md', import.meta.url).pathname) ?? '';

describe('docs/dossier-engine.md', () => {
  it('describes every action of the transition table', () => {
    const missing = DOSSIER_ACTIONS.filter((action) => !page.includes(`\`${action}\``));
    expect(missing).toEqual([]);
  });
});
