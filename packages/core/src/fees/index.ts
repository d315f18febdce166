export * from './rules.ts';
export * from './statement.ts';
