export * from './core.ts';
export * from './organisations.ts';
export * from './partnerships.ts';
export * from './problems.ts';
export * from './roadmap.ts';
