import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { DOSSIER_ACTIONS } from '../../src/dossier/actions.ts';
import { TRANSITIONS } from '../../src/dossier/transitions.ts';

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

interface Row {
  from: string[];
  roles: string[];
  to: string[];
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();
const codes = (cell: string) => sorted([...cell.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]!));

/** The lifecycle table of the page: one row per action, its cells as lists of code names. */
function documentedRows(): Record<string, Row> {
  const rows: Record<string, Row> = {};
  for (const line of page.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const action = /^`([a-z_]+)`$/.exec(cells[1] ?? '')?.[1];
    if (!action || cells.length < 6) continue;
    rows[action] = { from: codes(cells[2]!), roles: codes(cells[3]!), to: codes(cells[4]!) };
  }
  return rows;
}

/** The same facts from the code: every row of an action merged. */
function codedRows(): Record<string, Row> {
  const rows: Record<string, Row> = {};
  for (const action of DOSSIER_ACTIONS) {
    const of = TRANSITIONS.filter((t) => t.action === action);
    rows[action] = {
      from: sorted(of.flatMap((t) => t.from)),
      roles: sorted(of.flatMap((t) => t.roles)),
      to: sorted(of.map((t) => t.to)),
    };
  }
  return rows;
}

describe('docs/dossier-engine.md', () => {
  it('describes every action of the transition table', () => {
    const missing = DOSSIER_ACTIONS.filter((action) => !page.includes(`\`${action}\``));
    expect(missing).toEqual([]);
  });

  it('states, for each action, the same from-states, roles and targets as TRANSITIONS', () => {
    expect(documentedRows()).toEqual(codedRows());
  });
});

describe('docs/architecture.md', () => {
  const architecture = ts.sys.readFile(`${repositoryRoot()}/docs/architecture.md`) ?? '';
  it('names every source folder of core, server and web', () => {
    const folders = ['core', 'server', 'web'].flatMap((pkg) =>
      ts.sys.getDirectories(`${repositoryRoot()}/packages/${pkg}/src`).map((dir) => `${pkg}: ${dir}`),
    );
    const missing = folders.filter((f) => !architecture.includes(`\`${f.split(': ')[1]}/\``));
    expect(missing).toEqual([]);
  });
});
