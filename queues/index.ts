export * from './registry.js';
export * from './schemas.js';
export * from './producer.js';
