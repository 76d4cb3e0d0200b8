export * from './registry.js';
export * from './schemas.js';
export * from './producer.js';
export * from './mail.js';
