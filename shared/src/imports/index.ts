export * from './import.schemas';
export * from './import-values';
