export * from './api.ts';
export * from './form.ts';
export * from './summary.ts';
export * from './validate.ts';
