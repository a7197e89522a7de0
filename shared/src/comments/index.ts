export * from './comment-subject';
export * from './comment.schemas';
export * from './mentions';
