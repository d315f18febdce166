export * from './access.ts';
export * from './content.ts';
export * from './draft.ts';
export * from './period.ts';
