export * from './db';
export * from './capture';
export * from './sessions';
export * from './queries';
export * from './retention';
export * from './errors';
export type * from './types';
export * from './web-request';
export { newId, urlHash } from './ids';
