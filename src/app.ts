import type { RedisClient } from './lib/redis.js';
import express, { type Express, type Router } from 'express';
import type { Logger } from 'pino';
import type { Config } from './config/index.js';
import type { Producer } from '../queues/index.js';
import { requestContext } from './middleware/request-context.js';
import { securityHeaders } from './middleware/security-headers.js';
import { errorHandler, notFoundHandler } from './middleware/error-handler.js';
import { createAuthenticate } from './middleware/authenticate.js';
import { createIpRateLimits } from './middleware/ip-rate-limit.js';
import { refuseDeepJson } from './lib/http/json-depth.js';
import { createPasswordHasher } from './modules/auth/passwords.js';
import { createAccessTokens } from './modules/auth/access-tokens.js';
import { createRefreshTokens } from './modules/auth/refresh-tokens.js';
import { createLoginLimiter } from './modules/auth/login-limiter.js';
import { createKnownClients } from './modules/auth/known-clients.js';
import { createAuthService } from './modules/auth/service.js';
import { createAuthRouter } from './modules/auth/routes.js';
import { createSessions } from './modules/auth/sessions.js';
import { createSessionsRouter } from './modules/auth/session-routes.js';
import { createMailFlowRouter } from './modules/auth/mail-routes.js';
import { createPasswordReset } from './modules/auth/password-reset.js';
import { createEmailVerification, createVerificationMailer } from './modules/auth/email-verification.js';
import { createMailOutbox } from './domain/mail/outbox.js';
import { createMailTokens } from './domain/mail/tokens.js';
import { createProviders } from './modules/auth/oauth/providers.js';
import { createOneTimeStore } from './modules/auth/oauth/one-time-store.js';
import { createOAuthStateStore } from './modules/auth/oauth/state-store.js';
import { createOAuthAccounts } from './modules/auth/oauth/accounts.js';
import { createOAuthService } from './modules/auth/oauth/service.js';
import { createOAuthRouter } from './modules/auth/oauth/routes.js';
import { createHealthRouter } from './modules/health/routes.js';
import type { IndexReadiness } from './ops/index-readiness.js';
import { untilIndexesReady } from './modules/health/until-ready.js';
import { createDocsRouter } from './modules/docs/routes.js';
import { createApiKeyCache } from './modules/api-keys/cache.js';
import { createApiKeyResolver } from './modules/api-keys/resolver.js';
import { createApiKeyService } from './modules/api-keys/service.js';
import { createApiKeysRouter } from './modules/api-keys/routes.js';
import { createAccountRevocation } from './modules/users/revocation.js';
import { createAccountService } from './modules/users/service.js';
import { createEmailChange } from './modules/users/email-change.js';
import { createPasswordConfirmation } from './modules/users/password-confirmation.js';
import { createUsersRouter } from './modules/users/routes.js';
import { createFirstEmailProof } from './modules/users/first-email-proof.js';
import { createQuotaService } from './domain/quota/service.js';
import { createEntitlements } from './domain/plans/entitlement.js';
import { createSuperadminGuard } from './modules/admin/superadmin-guard.js';
import { createAdminUsersService } from './modules/admin/users-service.js';
import { createAdminRouter } from './modules/admin/routes.js';
import { createAdminSessions } from './modules/admin/board/sessions.js';
import { createBoardRouter } from './modules/admin/board/routes.js';
import { createLocks } from './lib/locks.js';
import { createAuthEpochs, createEpochCache } from './lib/auth-epochs.js';
import { createApiKeyBulkRevoker } from './modules/api-keys/bulk-revoke.js';
import { createOrganizationService } from './modules/organizations/service.js';
import { createOrganizationsRouter } from './modules/organizations/routes.js';
import { createInvitationService } from './modules/organizations/invitations.js';
import { createSubUserService } from './modules/sub-users/service.js';
import { createSubUsersRouter } from './modules/sub-users/routes.js';
import { createStripeClient } from './modules/subscriptions/stripe-client.js';
import { createRedirectPolicy } from './modules/subscriptions/redirects.js';
import { createSubscriptionService } from './modules/subscriptions/service.js';
import { createSubscriptionsRouter } from './modules/subscriptions/routes.js';
import { createStripeWebhookRouter } from './modules/subscriptions/webhook.js';
import { createWebhookIntake } from './modules/subscriptions/webhook-intake.js';
import { createQuotaAdminRouter } from './modules/quota-admin/routes.js';
import { createQuotaAdminService } from './modules/quota-admin/service.js';
import { createUsageService } from './modules/usage/service.js';
import { createUsageRouter } from './modules/usage/routes.js';
import { createMetricsCollector } from './ops/metrics-collector.js';
import { createMetricsRouter } from './modules/metrics/routes.js';
import { httpMetrics } from './modules/metrics/middleware.js';
import { createLlmModule } from './modules/llm/index.js';
import { createLlmRouter } from './modules/llm/routes.js';
import { createEmbeddingsRouter } from './modules/llm/embeddings/routes.js';
import { createResponsesRouter } from './modules/llm/responses/routes.js';

/** What the web process is built from; created once in the composition root (server.ts) or by tests. */
export interface AppInfra {
  config: Config;
  logger: Logger;
  /** Commands connection (fails fast when Redis is down). */
  redis: RedisClient;
  producer: Producer;
  /**
   * Whether every unique index exists (server.ts checks or creates them in the background); until then /readyz is
   * 503 and only ops routes answer. Absent when the caller created the indexes before building the app (tests).
   */
  indexes?: IndexReadiness;
}

export interface AppHandle {
  app: Express;
  /** Called on shutdown: stops anything the routers started (stream readers, timers). */
  close(): Promise<void>;
}

/** The API's composition root: builds each service from only what it uses and mounts thin routers. */
export function createApp(infra: AppInfra): AppHandle {
  const { config, logger, redis, producer, indexes } = infra;
  const prefix = config.REDIS_PREFIX;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);
  app.set('query parser', 'simple');

  const passwords = createPasswordHasher({
    cost: config.BCRYPT_COST,
    concurrency: config.BCRYPT_CONCURRENCY,
    queueMax: config.BCRYPT_QUEUE_MAX,
    maxPerClient: config.BCRYPT_MAX_PER_CLIENT,
  });
  const accessTokens = createAccessTokens({
    secret: config.JWT_SECRET_KEY,
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    ttlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
  });
  const refreshTokens = createRefreshTokens({
    ttlDays: config.REFRESH_TOKEN_TTL_DAYS,
    reuseGraceSeconds: config.REFRESH_REUSE_GRACE_SECONDS,
    secret: config.JWT_SECRET_KEY,
  });
  const sessions = createSessions({ refreshTokens });
  const loginLimiter = createLoginLimiter({
    redis,
    prefix: config.REDIS_PREFIX,
    maxPerAccountIp: config.LOGIN_MAX_FAILURES_PER_ACCOUNT_IP,
    maxPerAccount: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
    maxPerIp: config.LOGIN_MAX_FAILURES_PER_IP,
    maxPerKnownClient: config.KNOWN_CLIENT_MAX_FAILURES,
    windowSeconds: config.LOGIN_FAILURE_WINDOW_SECONDS,
    maxSuccessesPerAccount: config.LOGIN_MAX_SUCCESSES_PER_ACCOUNT,
    maxSuccessesPerIp: config.LOGIN_MAX_SUCCESSES_PER_IP,
    successWindowSeconds: config.LOGIN_SUCCESS_WINDOW_SECONDS,
    wideMultiplier: config.IPV6_48_LIMIT_MULTIPLIER,
  });
  const knownClients = createKnownClients({ redis, prefix, ttlSeconds: config.KNOWN_CLIENT_TTL_DAYS * 86_400 });
  const ipLimits = createIpRateLimits({ redis, prefix, wideMultiplier: config.IPV6_48_LIMIT_MULTIPLIER });
  const outbox = createMailOutbox({ config, producer });
  const mailTokens = createMailTokens();
  const limitAddress = ipLimits.perKey('mail-address', {
    max: config.MAIL_MAX_PER_ADDRESS,
    windowSeconds: config.MAIL_ADDRESS_WINDOW_SECONDS,
  });
  const limitAccountMail = ipLimits.perKey('mail-account', {
    max: config.MAIL_MAX_PER_ACCOUNT,
    windowSeconds: config.MAIL_ADDRESS_WINDOW_SECONDS,
  });
  const auth = createAuthService({
    config,
    passwords,
    accessTokens,
    refreshTokens,
    loginLimiter,
    knownClients,
    sessions,
    sendVerification: createVerificationMailer(outbox),
  });
  const apiKeyCache = createApiKeyCache({ redis, prefix, ttlSeconds: config.API_KEY_CACHE_SECONDS });
  const locks = createLocks({ redis, prefix: config.REDIS_PREFIX });
  const apiKeys = createApiKeyService({ config, cache: apiKeyCache, locks });

  const authEpochs = createAuthEpochs({ redis, prefix });
  const authenticate = createAuthenticate({
    accessTokens,
    resolveApiKey: createApiKeyResolver({
      redis,
      prefix,
      cache: apiKeyCache,
      ownerCache: createEpochCache(authEpochs, config.LLM_AUTH_CACHE_MS),
    }),
    tokenCache: createEpochCache(authEpochs, config.LLM_AUTH_CACHE_MS),
  });
  const quota = createQuotaService({ redis, prefix });
  const apiKeyRevoker = createApiKeyBulkRevoker({ cache: apiKeyCache });
  const revocation = createAccountRevocation({ refreshTokens, apiKeys: apiKeyRevoker });
  const superadmins = createSuperadminGuard({ locks });
  const confirmPassword = createPasswordConfirmation({ passwords, loginLimiter });
  const emailChange = createEmailChange({
    confirmPassword,
    outbox,
    tokens: mailTokens,
    limitAddress,
    limitAccount: limitAccountMail,
  });
  const account = createAccountService({
    passwords,
    confirmPassword,
    outbox,
    emailChange,
    issueTokens: auth.issueTokens,
    revocation,
    superadmins,
  });
  const adminUsers = createAdminUsersService({ config, quota, revocation, superadmins });
  const adminSessions = createAdminSessions({ redis, prefix, ttlSeconds: config.ADMIN_SESSION_TTL_SECONDS });
  const organizations = createOrganizationService({ config, quota, locks, apiKeys: apiKeyRevoker });
  const invitations = createInvitationService({
    config,
    quota,
    locks,
    organizations,
    limitInvites: ipLimits.perKey(
      'org-invite',
      { max: config.ORGANIZATION_INVITES_PER_HOUR, windowSeconds: 3600 },
      'Too many invitations sent; try again later',
    ),
  });
  const subUsers = createSubUserService({
    config,
    passwords,
    refreshTokens,
    quota,
    locks,
    apiKeys: apiKeyRevoker,
    limitPasswordSets: ipLimits.perKey(
      'sub-user-password',
      { max: config.SUB_USER_PASSWORD_SETS_PER_PARENT, windowSeconds: config.SUB_USER_PASSWORD_SET_WINDOW_SECONDS },
      'Too many sub-user passwords set; try again later',
    ),
  });
  const emailProof = createFirstEmailProof({
    refreshTokens,
    knownClients,
    apiKeys: apiKeyRevoker,
    subUsers,
    organizations,
  });
  const passwordReset = createPasswordReset({
    tokens: mailTokens,
    outbox,
    passwords,
    revocation,
    emailProof,
    limitAddress,
  });
  const verification = createEmailVerification({
    tokens: mailTokens,
    outbox,
    emailProof,
    confirmPassword,
    limitAddress,
  });
  const oauth = createOAuthService({
    config,
    providers: createProviders(config),
    states: createOAuthStateStore({ redis, prefix }),
    store: createOneTimeStore(),
    accounts: createOAuthAccounts({ config, emailProof }),
    auth,
    refreshTokens,
    logger,
  });
  const subscriptions = createSubscriptionService({
    config,
    stripe: createStripeClient(config),
    redis,
    quota,
    redirects: createRedirectPolicy(config),
  });
  const usage = createUsageService({ config, quota });
  const metrics = createMetricsCollector({ redis, prefix, queues: producer.queues, cacheMs: config.METRICS_CACHE_MS });
  const llm = createLlmModule({ config, logger, producer });
  const llmAuthenticate = authenticate.scoped('llm', { cached: true });

  app.use(requestContext(logger));
  app.use(securityHeaders({ https: config.PUBLIC_URL.startsWith('https:') }));
  app.use(httpMetrics());
  if (indexes) app.use(untilIndexesReady(indexes));

  // Routes that need the raw body (signed webhooks) go before the body parsers.
  const rawBodyRouters: Router[] = [
    createStripeWebhookRouter({ intake: createWebhookIntake({ config, producer }), bodyLimit: config.BODY_LIMIT }),
  ];
  for (const router of rawBodyRouters) app.use(router);

  app.use(express.json({ limit: config.BODY_LIMIT, strict: true, verify: refuseDeepJson(config.JSON_MAX_DEPTH) }));
  app.use(express.urlencoded({ extended: false, limit: config.BODY_LIMIT }));

  const routers: Router[] = [
    createHealthRouter({ redis, indexes }),
    createDocsRouter({ publicUrl: config.PUBLIC_URL }),
    createAuthRouter({
      config,
      auth,
      authenticate,
      entitlementOf: createEntitlements({ config, quota }),
      registerLimit: ipLimits.limit('register', {
        max: config.REGISTER_MAX_PER_IP,
        windowSeconds: config.REGISTER_WINDOW_SECONDS,
      }),
    }),
    createSessionsRouter({ sessions, authenticate }),
    createMailFlowRouter({
      passwordReset,
      verification,
      emailChange,
      authenticate,
      forgotLimit: ipLimits.limit('password-forgot', {
        max: config.PASSWORD_FORGOT_MAX_PER_IP,
        windowSeconds: config.PASSWORD_FORGOT_WINDOW_SECONDS,
      }),
    }),
    createApiKeysRouter({ apiKeys, authenticate }),
    createUsersRouter({ account, authenticate }),
    createAdminRouter({ adminUsers, authenticate, queues: producer.queues }),
    createBoardRouter({
      queues: producer.queues,
      authenticate,
      sessions: adminSessions,
      userSessions: sessions,
      verifyCredentials: auth.verifyCredentials,
      publicUrl: config.PUBLIC_URL,
      knownClientTtlSeconds: knownClients.ttlSeconds,
    }),
    createOrganizationsRouter({ organizations, invitations, authenticate }),
    createSubUsersRouter({ subUsers, authenticate }),
    createOAuthRouter({
      config,
      oauth,
      initiateLimit: ipLimits.limit('oauth-initiate', {
        max: config.OAUTH_INITIATE_MAX_PER_IP,
        windowSeconds: config.OAUTH_INITIATE_WINDOW_SECONDS,
      }),
    }),
    createSubscriptionsRouter({ subscriptions, authenticate }),
    createQuotaAdminRouter({ quotaAdmin: createQuotaAdminService({ producer }), authenticate }),
    createUsageRouter({ usage, authenticate }),
    // With METRICS_PORT the web role serves metrics on that port only (server.ts), not next to the API.
    ...(config.METRICS_PORT === undefined
      ? [createMetricsRouter({ collector: metrics, token: config.METRICS_TOKEN })]
      : []),
    createLlmRouter({ llm: llm.service, authenticate: llmAuthenticate }),
    createResponsesRouter({ responses: llm.responses, authenticate: llmAuthenticate }),
    createEmbeddingsRouter({ embeddings: llm.embeddings, authenticate: llmAuthenticate }),
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
