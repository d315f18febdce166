export * from './access.ts';
export * from './api.ts';
export * from './criteria.ts';
export * from './scoring.ts';
