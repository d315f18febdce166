export * from './api.ts';
export * from './figures.ts';
