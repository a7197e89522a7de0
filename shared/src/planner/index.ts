export * from './plan';
export * from './planner.schemas';
