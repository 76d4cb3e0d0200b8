import { Redis } from 'ioredis';
import { parseConfig } from '../../src/config/index.js';
import { createApp } from '../../src/app.js';
import { createLogger } from '../../src/lib/logger.js';
import { buildOpenApiDocument } from '../../src/lib/openapi.js';
import { createProducer } from '../../queues/index.js';

/**
 * The OpenAPI document /openapi.json serves, built without serving anything: composing the app is what registers
 * every route, here on a Redis client that never connects (nothing is sent through it), closed right after.
 */
export async function openApiDocument(publicUrl = 'http://localhost:8000'): Promise<object> {
  const config = parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL: publicUrl });
  const redis = new Redis({ lazyConnect: true, enableOfflineQueue: false });
  const producer = createProducer(redis, config.REDIS_PREFIX);
  const handle = createApp({ config, logger: createLogger('silent'), redis, producer });
  try {
    return buildOpenApiDocument(config.PUBLIC_URL);
  } finally {
    await handle.close();
    await producer.close();
    redis.disconnect();
  }
}
