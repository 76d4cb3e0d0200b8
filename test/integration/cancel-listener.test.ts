import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedis, redisTargetOf } from '../../src/lib/redis.js';
import { testConfig } from '../helpers/config.js';
import { createCancelListener } from '../../workers/llm/cancel-listener.js';
import { waitFor } from '../helpers/wait.js';

const target = redisTargetOf(testConfig());
const redis = createRedis(target);

afterAll(() => redis.disconnect());

describe('the cancel listener', () => {
  it('closed before its subscription is live (a stop right after start): no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const listener = createCancelListener({
        redisTarget: target,
        redis,
        prefix: `t_cancel_${randomBytes(4).toString('hex')}`,
        log: pino({ level: 'silent' }),
      });
      listener.close();
      // Read the promise's state without attaching a handler, which would hide an unhandled rejection.
      await waitFor(() => inspect(listener.ready).includes('<rejected>'), 'the subscription to fail', 10_000);
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
      await expect(listener.ready).rejects.toThrow(/Connection is closed/);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
