import express, { type Express, type Router } from 'express';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from './config/index.js';
import type { Producer } from '../queues/index.js';
import { requestContext } from './middleware/request-context.js';
import { errorHandler, notFoundHandler } from './middleware/error-handler.js';
import { createAuthenticate } from './middleware/authenticate.js';
import { createPasswordHasher } from './modules/auth/passwords.js';
import { createAccessTokens } from './modules/auth/access-tokens.js';
import { createRefreshTokens } from './modules/auth/refresh-tokens.js';
import { createLoginLimiter } from './modules/auth/login-limiter.js';
import { createAuthService } from './modules/auth/service.js';
import { createAuthRouter } from './modules/auth/routes.js';
import { createHealthRouter } from './modules/health/routes.js';
import { createDocsRouter } from './modules/docs/routes.js';
import { createLlmModule } from './modules/llm/index.js';
import { createLlmRouter } from './modules/llm/routes.js';

/** What the web process is built from; created once in the composition root (server.ts) or by tests. */
export interface AppInfra {
  config: Config;
  logger: Logger;
  /** Commands connection (fails fast when Redis is down). */
  redis: Redis;
  producer: Producer;
}

export interface AppHandle {
  app: Express;
  /** Called on shutdown: stops anything the routers started (stream readers, timers). */
  close(): Promise<void>;
}

/** The API's composition root: builds each service from only what it uses and mounts thin routers. */
export function createApp(infra: AppInfra): AppHandle {
  const { config, logger, redis, producer } = infra;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);
  app.set('query parser', 'simple');

  const passwords = createPasswordHasher(config.BCRYPT_COST);
  const accessTokens = createAccessTokens({
    secret: config.JWT_SECRET_KEY, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE, ttlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
  });
  const refreshTokens = createRefreshTokens({ ttlDays: config.REFRESH_TOKEN_TTL_DAYS });
  const loginLimiter = createLoginLimiter({
    redis, prefix: config.REDIS_PREFIX, maxPerAccount: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
    maxPerIp: config.LOGIN_MAX_FAILURES_PER_IP, windowSeconds: config.LOGIN_FAILURE_WINDOW_SECONDS,
  });
  const auth = createAuthService({ config, passwords, accessTokens, refreshTokens, loginLimiter });
  const authenticate = createAuthenticate({ accessTokens });
  const llm = createLlmModule({ config, logger, producer });

  app.use(requestContext(logger));

  // Routes that need the raw body (signed webhooks) go before the body parsers.
  const rawBodyRouters: Router[] = [];
  for (const router of rawBodyRouters) app.use(router);

  app.use(express.json({ limit: config.BODY_LIMIT, strict: true }));
  app.use(express.urlencoded({ extended: false, limit: config.BODY_LIMIT }));

  const routers: Router[] = [
    createHealthRouter({ redis }),
    createDocsRouter({ publicUrl: config.PUBLIC_URL }),
    createAuthRouter({ config, auth, authenticate }),
    createLlmRouter({ llm: llm.service, authenticate, authCacheMs: config.LLM_AUTH_CACHE_MS }),
  ];
  for (const router of routers) app.use(router);

  app.use(notFoundHandler);
  app.use(errorHandler);

  return {
    app,
    close: async () => {
      llm.close();
    },
  };
}
