export * from './comment.schemas';
export * from './mentions';
