export * from './access.ts';
export * from './messages.ts';
export * from './plan.ts';
export * from './targets.ts';
export * from './tasks.ts';
