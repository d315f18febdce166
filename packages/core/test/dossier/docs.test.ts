import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { DOSSIER_ACTIONS } from '../../src/dossier/actions.ts';

/** The repository root: the nearest folder above the working directory that has the docs. */
function repositoryRoot(): string {
  let dir = ts.sys.getCurrentDirectory();
  while (!ts.sys.fileExists(`${dir}/docs/dossier-engine.md`)) {
    const up = dir.slice(0, dir.lastIndexOf('/'));
    if (!up || up === dir) throw new Error('cannot find docs/dossier-engine.md');
    dir = up;
  }
  return dir;
}

// core has no Node types; TypeScript's own file helpers read the page.
const page = ts.sys.readFile(`${repositoryRoot()}/docs/dossier-engine.md`) ?? '';

describe('docs/dossier-engine.md', () => {
  it('describes every action of the transition table', () => {
    const missing = DOSSIER_ACTIONS.filter((action) => !page.includes(`\`${action}\``));
    expect(missing).toEqual([]);
  });
});
