/**
 * Every `error.code` this API answers with, and the HTTP statuses it comes with. Typed errors (src/lib/errors.ts)
 * and the llm worker's client errors take their code from here, so a code that is not listed does not compile;
 * the OpenAPI document publishes the list as the `ErrorCode` enum and, per operation, the codes it can return.
 *
 * `retry: false` marks an answer a retry cannot fix although its status is one clients retry (429, 5xx): the
 * `x-should-retry` header tells the openai SDKs not to. 4xx answers are never retryable except 408 and 429.
 */
interface CodeSpec {
  status: readonly [number, ...number[]];
  retry?: boolean;
  description: string;
}

const spec = <S extends readonly [number, ...number[]]>(status: S, description: string, retry?: boolean) =>
  ({ status, description, ...(retry === undefined ? {} : { retry }) }) as const;

export const ERROR_CODES = {
  // 400: the request is wrong as sent.
  validation_error: spec([400], 'A field, query parameter or path segment is invalid (see param and details)'),
  invalid_request: spec([400], 'The request is invalid'),
  unknown_parameter: spec([400], 'A query parameter this operation does not take'),
  invalid_json: spec([400], 'The body is not valid JSON'),
  json_too_deep: spec([400], 'The JSON body nests deeper than JSON_MAX_DEPTH'),
  bad_request: spec([400], 'The request could not be read'),
  request_aborted: spec([400], 'The client aborted the request while sending it'),
  invalid_range: spec([400], 'The date range is invalid'),
  password_not_set: spec([400], 'The account has no password yet'),
  password_required: spec([400], 'The current password is required for this change'),
  invalid_password: spec([400], 'The password is incorrect'),
  invalid_token: spec([400, 401], '400: a mailed link is invalid, used or expired; 401: the access token is invalid'),
  invalid_state: spec([400], 'The OAuth state is unknown or expired'),
  invalid_grant: spec([400], 'The OAuth code or PKCE verifier is invalid'),
  redirect_uri_not_allowed: spec([400], 'The redirect URI is not on the allowlist'),
  redirect_not_allowed: spec([400], 'A billing redirect URL is not on the allowlist'),
  invalid_last_event_id: spec([400], 'Last-Event-ID is not an event id of this API'),
  unknown_model: spec([400], 'A model in the permissions is not offered'),
  missing_signature: spec([400], 'The Stripe-Signature header is missing'),
  invalid_signature: spec([400], 'The Stripe signature does not verify'),
  invalid_payload: spec([400], 'The webhook body is not a Stripe event'),
  plan_not_available: spec([400], 'The plan is not for sale'),
  upstream_invalid_request: spec([400], 'The model provider refused the request as invalid'),
  // 401: who is calling is unknown.
  missing_credentials: spec([401], 'No bearer credentials'),
  invalid_credentials: spec([401], 'Wrong email or password'),
  invalid_api_key: spec([401], 'The API key is unknown, revoked or expired'),
  token_expired: spec([401], 'The access token expired; refresh it'),
  session_ended: spec([401], 'The session ended; sign in again'),
  invalid_refresh_token: spec([401], 'The refresh token is unknown'),
  refresh_token_revoked: spec([401], 'The refresh token was revoked'),
  refresh_token_expired: spec([401], 'The refresh token expired'),
  refresh_token_reused: spec([401], 'A spent refresh token was replayed; its session is revoked'),
  invalid_metrics_token: spec([401], 'The metrics token is missing or wrong'),
  // 403: known caller, not allowed.
  forbidden: spec([403], 'Not allowed'),
  admin_required: spec([403], 'This needs an administrator'),
  superadmin_required: spec([403], 'This needs a superadmin'),
  cross_origin: spec([403], 'A cross-origin request to the dashboard'),
  board_read_only: spec([403], 'The dashboard is read-only for this role'),
  reauthentication_required: spec([403], 'Sign in again before this change'),
  parent_inactive: spec([403], "The sub-user's parent account is inactive"),
  organization_mismatch: spec([403], 'The API key is bound to another organization'),
  sub_user_cannot_create_keys: spec([403], 'This sub-user may not create API keys'),
  deactivated_by_admin: spec([403], 'An administrator deactivated this account'),
  sub_user_limit_reached: spec([403], 'No more sub-users may be created'),
  organization_limit_reached: spec([403], 'No more organizations may be owned'),
  organization_creation_limit_reached: spec([403], 'No more organizations may be created this month'),
  member_limit_reached: spec([403], 'The organization is full'),
  organization_permission: spec([403], 'Your role in the organization does not allow this'),
  organization_owner_required: spec([403], "Only the organization's owner may do this"),
  sub_user_billing: spec([403], 'Sub-users cannot manage billing'),
  sub_user_forbidden: spec([403], 'Sub-users cannot do this'),
  session_required: spec([403], 'This needs a signed-in session, not an API key'),
  api_key_not_allowed: spec([403], 'API keys cannot be used here'),
  insufficient_scope: spec([403], 'The API key lacks the scope this needs'),
  model_not_allowed: spec([403], "The model is not in the payer's plan"),
  // 404: not there (or not yours).
  not_found: spec([404], 'Not found'),
  route_not_found: spec([404], 'No such route'),
  session_not_found: spec([404], 'No such session'),
  oauth_provider_not_found: spec([404], 'No such OAuth provider'),
  request_not_found: spec([404], 'No such LLM request (or not yours)'),
  model_not_found: spec([404], 'The model does not exist or you do not have access to it'),
  user_not_found: spec([404], 'No account has this address'),
  // 409: the state does not allow it.
  conflict: spec([409], 'Conflict'),
  email_taken: spec([409], 'An account with this email already exists'),
  already_verified: spec([409], 'The address is already verified'),
  last_superadmin: spec([409], 'The last superadmin cannot be demoted or deactivated'),
  too_many_api_keys: spec([409], 'The account holds API_KEY_MAX_PER_USER live keys'),
  key_already_rotated: spec([409], 'The API key was already rotated'),
  key_expired: spec([409], 'The API key expired'),
  subscription_active: spec([409], 'The organization still has an active subscription'),
  email_not_verified: spec([409], 'The address must be verified first'),
  already_member: spec([409], 'Already a member'),
  invitation_pending: spec([409], 'An invitation is already pending'),
  invitation_expired: spec([409], 'The invitation expired'),
  owner_required: spec([409], 'The organization needs an owner'),
  owner_cannot_leave: spec([409], 'The owner cannot leave the organization'),
  already_subscribed: spec([409], 'Already subscribed'),
  no_billing_account: spec([409], 'No billing account yet'),
  subscription_ended: spec([409], 'The subscription has ended'),
  no_active_subscription: spec([409], 'No active subscription'),
  not_a_payer: spec([409], 'The account does not pay for itself'),
  request_cancelled: spec([409], 'The LLM request was cancelled'),
  client_disconnected: spec([409], 'The client left and did not resume within the grace period'),
  // 413, 415: the body.
  payload_too_large: spec([413], 'The body is larger than BODY_LIMIT'),
  unsupported_media_type: spec([415], 'The body is not in a content type this operation reads'),
  unsupported_charset: spec([415], 'JSON bodies must be UTF-8'),
  unsupported_encoding: spec([415], 'Unsupported content encoding'),
  // 429: too many, or no tokens left.
  rate_limit_exceeded: spec([429], 'Too many requests; wait Retry-After seconds'),
  concurrency_limit_exceeded: spec([429], 'Too many open streams; wait Retry-After seconds'),
  too_many_login_attempts: spec([429], 'Too many sign-in attempts; wait Retry-After seconds'),
  insufficient_quota: spec([429], 'The monthly token quota cannot cover this request', false),
  upstream_rate_limited: spec([429], 'The model provider is rate limiting; wait Retry-After seconds'),
  // 5xx: this side's trouble.
  internal_error: spec([500], 'Internal server error'),
  upstream_error: spec([502], 'The model provider returned an error'),
  upstream_unavailable: spec([502], 'The model provider could not be reached'),
  upstream_malformed_response: spec([502], 'The model provider sent an unreadable response'),
  upstream_stream_interrupted: spec([502], 'The model provider closed the stream early'),
  upstream_auth_error: spec([502], "The model provider refused this service's credentials", false),
  stream_interrupted: spec([502], 'The worker serving the request stopped; the answer is incomplete'),
  stripe_error: spec([502], 'Stripe returned an error'),
  stripe_unavailable: spec([503], 'Stripe could not be reached'),
  stripe_rate_limited: spec([503], 'Stripe is rate limiting'),
  service_unavailable: spec([503], 'Unavailable; try again shortly'),
  service_not_ready: spec([503], 'Starting: the unique indexes are not ready yet'),
  database_unavailable: spec([503], 'The database is unavailable'),
  redis_unavailable: spec([503], 'Redis is unavailable'),
  queue_unavailable: spec([503], 'The job queue is unavailable'),
  queues_unavailable: spec([503], 'The queues could not be read'),
  server_busy: spec([503], 'Too many password checks at once'),
  quota_busy: spec([503], 'The quota counters are busy'),
  usage_backlog_full: spec([503], 'Too many settled requests wait for the database'),
  resource_busy: spec([503], 'Another change to the same record is in progress'),
  role_change_busy: spec([503], 'Another role change is in progress'),
  no_provider: spec([503], 'No model provider serves this model right now'),
  worker_shutdown: spec([503], 'The worker serving the request shut down'),
  reservation_expired: spec([503], "The request's quota reservation was released; send it again"),
  billing_not_configured: spec([503], 'Billing is not configured on this server', false),
  webhooks_not_configured: spec([503], 'Stripe webhooks are not configured on this server', false),
  oauth_provider_not_configured: spec([503], 'This OAuth provider is not configured on this server', false),
  mail_disabled: spec([503], 'Mail is disabled on this server', false),
  upstream_timeout: spec([504], 'The model provider did not answer in time'),
} as const satisfies Record<string, CodeSpec>;

export type ErrorCode = keyof typeof ERROR_CODES;
export const ERROR_CODE_LIST = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];

export const statusesOf = (code: ErrorCode): readonly number[] => ERROR_CODES[code].status;

/** Whether sending the same request again can succeed: the value of `x-should-retry`. */
export function shouldRetry(code: ErrorCode, status: number): boolean {
  const known: CodeSpec = ERROR_CODES[code];
  if (known.retry !== undefined) return known.retry;
  return status === 408 || status === 429 || status >= 500;
}
