export * from './api.ts';
export * from './lifecycle.ts';
export * from './measures.ts';
export * from './messages.ts';
export * from './redaction.ts';
