import type { Locale } from '@motcua/core';
import type { ImportProblem } from './replay.ts';

/** One line per refusal for the command line: where in the file, the rule's code, and why. */
export function describeImportProblem(p: ImportProblem, locale: Locale): string {
  const where = `dossiers[${p.dossierIndex}]${p.eventIndex === null ? '' : `.events[${p.eventIndex}]`}`;
  const previous = p.previousCode ? ` (${p.previousCode})` : '';
  const field = p.path ? ` ${p.path}:` : '';
  return `${where}${previous} ${p.code}:${field} ${p.message[locale]}`;
}
