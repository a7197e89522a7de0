export * from './cycle.schemas';
export * from './cadence';
export * from './grading';
export * from './lifecycle.schemas';
