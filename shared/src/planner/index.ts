export * from './planner.schemas';
