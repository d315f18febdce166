export * from './access.ts';
export * from './api.ts';
export * from './default.ts';
export * from './elements.ts';
export * from './messages.ts';
export * from './questionnaire.ts';
export * from './results.ts';
