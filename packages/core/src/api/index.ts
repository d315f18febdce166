/**
 * The API's answers as zod schemas: the server declares them on its routes (they validate every
 * body it sends and describe it in /api/openapi.json), the web infers its types from them.
 */
export * from './auth.ts';
export * from './calendar.ts';
export * from './catalogue.ts';
export * from './citizen-dossiers.ts';
export * from './common.ts';
export * from './dossiers.ts';
export * from './history-import.ts';
export * from './org.ts';
export * from './problem.ts';
export * from './reform.ts';
export * from './statistics.ts';
export * from './users.ts';
