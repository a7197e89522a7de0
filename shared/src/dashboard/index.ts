export * from './dashboard.schemas';
export * from './outcome';
export * from './status';
export * from './thin-series';
