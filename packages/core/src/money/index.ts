export * from './amount.ts';
export * from './rate.ts';
