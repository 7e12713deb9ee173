export * from './core.ts';
export * from './organisations.ts';
export * from './roadmap.ts';
