export * from './role-map';
export * from './sso.schemas';
