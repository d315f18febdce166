export * from './calendar/index.ts';
export * from './catalogue/procedure.ts';
export * from './dossier/index.ts';
export * from './i18n/locale.ts';
export * from './i18n/validation.ts';
export * from './org/roles.ts';
export * from './org/units.ts';
export * from './text/normalise.ts';
