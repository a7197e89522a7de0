export * from './share-link.schemas';
