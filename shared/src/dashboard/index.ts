export * from './dashboard.schemas';
export * from './outcome';
export * from './thin-series';
