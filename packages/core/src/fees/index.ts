export * from './api.ts';
export * from './methods.ts';
export * from './rules.ts';
export * from './statement.ts';
