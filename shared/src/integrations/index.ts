export * from './integration.schemas';
export * from './adf';
export * from './mapping';
