export * from './core.ts';
export * from './roadmap.ts';
