export * from './timestamp.ts';
export * from './ledger.ts';
export * from './diagnostic.ts';
export * from './plan.ts';
export * from './registration.ts';
