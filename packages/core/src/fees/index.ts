export * from './api.ts';
export * from './rules.ts';
export * from './statement.ts';
export * from './methods.ts';
