export * from './api.ts';
export * from './explanations.ts';
export * from './indicators.ts';
export * from './measures.ts';
export * from './period.ts';
export * from './score.ts';
