// Generated from the app's OpenAPI document by `npm run client:types`; do not edit.
export interface paths {
  '/webhooks/stripe': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Stripe webhook (raw body, Stripe-Signature verified) */
    post: operations['postWebhooksStripe'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/healthz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness */
    get: operations['getHealthz'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/readyz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Readiness: MongoDB and Redis answer, and every unique index exists */
    get: operations['getReadyz'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/register': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create an account */
    post: operations['postAuthRegister'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** OAuth2 password-style login (form fields username, password) */
    post: operations['postAuthLogin'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/login-json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Login with a JSON body */
    post: operations['postAuthLoginJson'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/refresh': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Rotate a refresh token into a new pair */
    post: operations['postAuthRefresh'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Revoke a refresh token and its family */
    post: operations['postAuthLogout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in user */
    get: operations['getAuthMe'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/vscode-config': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Configuration for the VS Code extension */
    get: operations['getAuthVscodeConfig'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My live sessions, most recently used first */
    get: operations['getAuthSessions'];
    put?: never;
    post?: never;
    /** End every session but this one */
    delete: operations['deleteAuthSessions'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/sessions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** End one session: its refresh and access tokens stop working at once */
    delete: operations['deleteAuthSessionsById'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/password/forgot': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a password reset link (the same answer whether or not the address has an account) */
    post: operations['postAuthPasswordForgot'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/password/reset': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The page a reset link opens: a form that posts to POST /auth/password/reset (changes nothing) */
    get: operations['getAuthPasswordReset'];
    put?: never;
    /** Set a new password with a reset link's token; signs out every session (API keys stay) */
    post: operations['postAuthPasswordReset'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/verify-email/resend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send another verification link to my address */
    post: operations['postAuthVerifyEmailResend'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/verify-email': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The page a verification link opens: a button that posts to POST /auth/verify-email (changes nothing) */
    get: operations['getAuthVerifyEmail'];
    put?: never;
    /** Confirm an address with a verification or address-change link's token */
    post: operations['postAuthVerifyEmail'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/email-change/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The page the change notice's cancel link opens: a button that posts to POST /auth/email-change/cancel */
    get: operations['getAuthEmailChangeCancel'];
    put?: never;
    /** Cancel a pending address change with the change notice's link token (no sign-in needed) */
    post: operations['postAuthEmailChangeCancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api-keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List my API keys (prefix and last four only) */
    get: operations['getApiKeys'];
    put?: never;
    /** Create an API key (the key is shown in this response only) */
    post: operations['postApiKeys'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api-keys/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke an API key at once */
    delete: operations['deleteApiKeysById'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api-keys/{id}/rotate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Issue a successor; the old key works until the overlap ends */
    post: operations['postApiKeysByIdRotate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/users/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My account (API keys need the account:read scope) */
    get: operations['getUsersMe'];
    put?: never;
    post?: never;
    /** Deactivate my account (password required); sessions and API keys are revoked */
    delete: operations['deleteUsersMe'];
    options?: never;
    head?: never;
    /** Update name, profile and alerts; a new email needs current_password and changes once the new address confirms (202) */
    patch: operations['patchUsersMe'];
    trace?: never;
  };
  '/users/me/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Change the password (a first password needs a sign-in within 10 minutes); every other session is signed out, API keys stay */
    post: operations['postUsersMePassword'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Search users by email, filter by tier, role and status (paged) */
    get: operations['getAdminUsers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One user with live quota counters */
    get: operations['getAdminUsersById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change role, tier, status or limits */
    patch: operations['patchAdminUsersById'];
    trace?: never;
  };
  '/admin/stats': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Users by tier and role, requests and tokens today and this month, queue depths */
    get: operations['getAdminStats'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/usage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Ledger usage by user, model and/or day over a date range (UTC, inclusive) */
    get: operations['getAdminUsage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/organizations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Organizations you own or belong to */
    get: operations['getOrganizations'];
    put?: never;
    /** Create an organization (you become its owner) */
    post: operations['postOrganizations'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/organizations/invitations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Invitations to organizations you can still accept */
    get: operations['getOrganizationsInvitations'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/organizations/invitations/{invitationId}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Accept an invitation: you join with the role and cap it offers */
    post: operations['postOrganizationsInvitationsByInvitationIdAccept'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/organizations/invitations/{invitationId}/decline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Decline an invitation (it is removed) */
    post: operations['postOrganizationsInvitationsByInvitationIdDecline'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/organizations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One of your organizations */
    get: operations['getOrganizationsById'];
    put?: never;
    post?: never;
    /** Delete (owner only): members detached, organization keys revoked */
    delete: operations['deleteOrganizationsById'];
    options?: never;
    head?: never;
    /** Rename or change settings (owner or admin) */
    patch: operations['patchOrganizationsById'];
    trace?: never;
  };
  '/organizations/{id}/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Members, roles and caps */
    get: operations['getOrganizationsByIdMembers'];
    put?: never;
    /** Invite an existing account by email (owner or admin); it becomes a member once it accepts */
    post: operations['postOrganizationsByIdMembers'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/organizations/{id}/invitations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Pending and expired invitations (owner or admin) */
    get: operations['getOrganizationsByIdInvitations'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/organizations/{id}/invitations/{invitationId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke an invitation (owner; admins those for plain members) */
    delete: operations['deleteOrganizationsByIdInvitationsByInvitationId'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/organizations/{id}/members/{userId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a member, or leave */
    delete: operations['deleteOrganizationsByIdMembersByUserId'];
    options?: never;
    head?: never;
    /** Change a member's role or monthly cap; role "owner" transfers ownership */
    patch: operations['patchOrganizationsByIdMembersByUserId'];
    trace?: never;
  };
  '/sub-users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your sub-users */
    get: operations['getSubUsers'];
    put?: never;
    /** Create a sub-user (its own login; usage counts against your quota) */
    post: operations['postSubUsers'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/sub-users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One of your sub-users */
    get: operations['getSubUsersById'];
    put?: never;
    post?: never;
    /** Delete a sub-user (sessions and keys revoked) */
    delete: operations['deleteSubUsersById'];
    options?: never;
    head?: never;
    /** Change name, password, permissions, limits, or disable */
    patch: operations['patchSubUsersById'];
    trace?: never;
  };
  '/sub-users/{id}/usage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A sub-user's usage: this period by model, all time, and its cap */
    get: operations['getSubUsersByIdUsage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/oauth/{provider}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Start OAuth sign-in (PKCE S256) for the extension */
    get: operations['getAuthOauthByProvider'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/oauth/{provider}/callback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** OAuth provider callback; redirects to the extension */
    get: operations['getAuthOauthByProviderCallback'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/oauth/exchange': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Exchange the one-time code and PKCE verifier for tokens */
    post: operations['postAuthOauthExchange'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/subscriptions/plans': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The plans, their limits and Stripe prices */
    get: operations['getSubscriptionsPlans'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/subscriptions/current': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's (or an organization's) tier, status, period, limits and usage */
    get: operations['getSubscriptionsCurrent'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/subscriptions/checkout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start a Stripe Checkout session for a paid plan */
    post: operations['postSubscriptionsCheckout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/subscriptions/portal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A Stripe billing portal session for the payer's customer */
    post: operations['postSubscriptionsPortal'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/subscriptions/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel at the end of the current period */
    post: operations['postSubscriptionsCancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/subscriptions/resume': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Undo a pending cancellation */
    post: operations['postSubscriptionsResume'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/users/{id}/reset-quota': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reset a user's monthly quota now (admin) */
    post: operations['postAdminUsersByIdResetQuota'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/tokens/balance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The payer's token balance, including reservations in flight (X-Organization-Id selects an organization) */
    get: operations['getTokensBalance'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/tokens/usage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's ledger, newest first, with totals by day or model over a date range */
    get: operations['getTokensUsage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/users/usage-stats': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Usage summary: balance, current period, usage per day and per model */
    get: operations['getUsersUsageStats'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Prometheus metrics (Bearer METRICS_TOKEN when configured) */
    get: operations['getMetrics'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/chat/completions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** OpenAI-compatible chat completion (stream or not); the X-Request-Id of the response is the LLM request id */
    post: operations['createChatCompletion'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/models': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Models the caller (or X-Organization-Id) may use */
    get: operations['listModels'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/models/{model}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One model, if the caller may use it (any other answers as an unknown model does on chat) */
    get: operations['retrieveModel'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/llm/requests/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An LLM request's status (owner only; kept one hour after its last event) */
    get: operations['getLlmRequestsById'];
    put?: never;
    post?: never;
    /** Cancel a request: a queued one ends now (billed nothing), a running one is stopped (billed what it produced) */
    delete: operations['deleteLlmRequestsById'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/llm/requests/{id}/stream': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Resume a stream: replays the events after Last-Event-ID (header, or ?last_event_id=) and continues until [DONE]; counts toward the open-stream limit */
    get: operations['getLlmRequestsByIdStream'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/responses': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** OpenAI Responses API (stream or not), served through the upstream chat completions; the X-Request-Id of the response is the LLM request id (the response id is resp_ + what follows req_) */
    post: operations['createResponse'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/responses/{response_id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Resume a streamed response (owner only, while its stream is kept): the events after starting_after (a sequence_number) or Last-Event-ID, then the rest as it is generated; counts toward the open-stream limit */
    get: operations['getResponsesByResponseId'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/embeddings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** OpenAI-compatible embeddings for the models in LLM_EMBEDDING_MODELS, billed by input tokens; the X-Request-Id of the response is the LLM request id */
    post: operations['createEmbedding'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    WebhookAck: {
      /** @enum {boolean} */
      received: true;
      handled: boolean;
      job_id?: string;
    };
    Error: {
      error: {
        message: string;
        type: string;
        code: components['schemas']['ErrorCode'];
        param?: string;
        details?: unknown;
      };
    };
    /**
     * @description Every error code this API answers with (see each operation for its own)
     * @enum {string}
     */
    ErrorCode:
      | 'validation_error'
      | 'invalid_request'
      | 'unknown_parameter'
      | 'invalid_json'
      | 'json_too_deep'
      | 'bad_request'
      | 'request_aborted'
      | 'invalid_range'
      | 'password_not_set'
      | 'password_required'
      | 'invalid_password'
      | 'invalid_token'
      | 'invalid_state'
      | 'invalid_grant'
      | 'redirect_uri_not_allowed'
      | 'redirect_not_allowed'
      | 'invalid_last_event_id'
      | 'unknown_model'
      | 'missing_signature'
      | 'invalid_signature'
      | 'invalid_payload'
      | 'plan_not_available'
      | 'upstream_invalid_request'
      | 'missing_credentials'
      | 'invalid_credentials'
      | 'invalid_api_key'
      | 'token_expired'
      | 'session_ended'
      | 'invalid_refresh_token'
      | 'refresh_token_revoked'
      | 'refresh_token_expired'
      | 'refresh_token_reused'
      | 'invalid_metrics_token'
      | 'forbidden'
      | 'admin_required'
      | 'superadmin_required'
      | 'cross_origin'
      | 'board_read_only'
      | 'reauthentication_required'
      | 'parent_inactive'
      | 'organization_mismatch'
      | 'sub_user_cannot_create_keys'
      | 'deactivated_by_admin'
      | 'sub_user_limit_reached'
      | 'organization_limit_reached'
      | 'organization_creation_limit_reached'
      | 'member_limit_reached'
      | 'organization_permission'
      | 'organization_owner_required'
      | 'sub_user_billing'
      | 'sub_user_forbidden'
      | 'session_required'
      | 'api_key_not_allowed'
      | 'insufficient_scope'
      | 'model_not_allowed'
      | 'not_found'
      | 'route_not_found'
      | 'session_not_found'
      | 'oauth_provider_not_found'
      | 'request_not_found'
      | 'model_not_found'
      | 'user_not_found'
      | 'conflict'
      | 'email_taken'
      | 'already_verified'
      | 'last_superadmin'
      | 'too_many_api_keys'
      | 'key_already_rotated'
      | 'key_expired'
      | 'subscription_active'
      | 'email_not_verified'
      | 'already_member'
      | 'invitation_pending'
      | 'invitation_expired'
      | 'owner_required'
      | 'owner_cannot_leave'
      | 'already_subscribed'
      | 'no_billing_account'
      | 'subscription_ended'
      | 'no_active_subscription'
      | 'not_a_payer'
      | 'request_cancelled'
      | 'client_disconnected'
      | 'payload_too_large'
      | 'unsupported_media_type'
      | 'unsupported_charset'
      | 'unsupported_encoding'
      | 'rate_limit_exceeded'
      | 'concurrency_limit_exceeded'
      | 'too_many_login_attempts'
      | 'insufficient_quota'
      | 'upstream_rate_limited'
      | 'internal_error'
      | 'upstream_error'
      | 'upstream_unavailable'
      | 'upstream_malformed_response'
      | 'upstream_stream_interrupted'
      | 'upstream_auth_error'
      | 'stream_interrupted'
      | 'stripe_error'
      | 'stripe_unavailable'
      | 'stripe_rate_limited'
      | 'service_unavailable'
      | 'service_not_ready'
      | 'database_unavailable'
      | 'redis_unavailable'
      | 'queue_unavailable'
      | 'queues_unavailable'
      | 'server_busy'
      | 'quota_busy'
      | 'usage_backlog_full'
      | 'resource_busy'
      | 'role_change_busy'
      | 'no_provider'
      | 'worker_shutdown'
      | 'reservation_expired'
      | 'billing_not_configured'
      | 'webhooks_not_configured'
      | 'oauth_provider_not_configured'
      | 'mail_disabled'
      | 'upstream_timeout';
    User: {
      id: string;
      email: string;
      name: string;
      first_name: string | null;
      last_name: string | null;
      role: string;
      subscription_tier: string;
      is_active: boolean;
      is_verified: boolean;
      is_sub_user: boolean;
      parent_user_id: string | null;
      tokens_used: number;
      tokens_remaining: number;
      monthly_limit: number;
      reset_date: string;
      monthly_usage: {
        api_calls: number;
        tokens_used: number;
      };
      last_login_at: string | null;
      created_at: string | null;
    };
    RegisterRequest: {
      email: string;
      password: string;
      first_name?: string;
      last_name?: string;
      name?: string;
    };
    FormLoginResponse: components['schemas']['TokenPair'] & {
      /** @description PUBLIC_URL: the base of every route of this API */
      api_endpoint: string;
      /**
       * @description PUBLIC_URL + /v1: the `baseURL` of an OpenAI SDK (chat, models, ...)
       * @example https://api.example.com/v1
       */
      openai_base_url: string;
      /** @description Keep it and send it with the next password sign-in (known_client_token or X-Known-Client-Token) */
      known_client_token: string;
    };
    TokenPair: {
      access_token: string;
      refresh_token: string;
      /** @enum {string} */
      token_type: 'bearer';
      expires_in: number;
    };
    LoginFormRequest: {
      username: string;
      password: string;
      grant_type?: string;
      scope?: string;
      client_id?: string;
      client_secret?: string;
      /** @description The known_client_token of an earlier successful sign-in from this client: a lock-out by strangers does not apply to it */
      known_client_token?: string;
    };
    LoginResponse: components['schemas']['TokenPair'] & {
      user: components['schemas']['User'];
      /** @description PUBLIC_URL: the base of every route of this API */
      api_endpoint: string;
      /**
       * @description PUBLIC_URL + /v1: the `baseURL` of an OpenAI SDK (chat, models, ...)
       * @example https://api.example.com/v1
       */
      openai_base_url: string;
      /** @description Keep it and send it with the next password sign-in (known_client_token or X-Known-Client-Token) */
      known_client_token?: string;
    };
    LoginJsonRequest: {
      email: string;
      password: string;
      /** @description The known_client_token of an earlier successful sign-in from this client: a lock-out by strangers does not apply to it */
      known_client_token?: string;
    };
    RefreshRequest: {
      refresh_token: string;
    };
    VscodeConfig: {
      /** @description PUBLIC_URL: the base of every route of this API */
      api_endpoint: string;
      /**
       * @description PUBLIC_URL + /v1: the `baseURL` of an OpenAI SDK (chat, models, ...)
       * @example https://api.example.com/v1
       */
      openai_base_url: string;
      llm: {
        base_url: string;
        models: string[];
        default_model: string;
      };
      subscription: {
        tier: string;
        status: string;
        monthly_limit: number;
        tokens_remaining: number;
        reset_date: string;
      };
      limits: {
        monthly_tokens: number;
        requests_per_minute: number;
        concurrent_streams: number;
      };
      features: {
        streaming: boolean;
        resumable_streams: boolean;
        api_keys: boolean;
        organizations: boolean;
        oauth_providers: string[];
      };
    };
    SessionList: {
      data: components['schemas']['Session'][];
    };
    Session: {
      id: string;
      /** @description How the session began: password, oauth or dashboard */
      method: string;
      created_at: string;
      /** @description The sign-in or the latest refresh (using an access token does not count) */
      last_used_at: string;
      expires_at: string;
      user_agent: string | null;
      /** @description The network signed in from: IPv4 /24 or IPv6 /48 */
      approximate_address: string | null;
      current: boolean;
    };
    Accepted: {
      message: string;
    };
    ForgotPasswordRequest: {
      email: string;
    };
    ResetPasswordRequest: {
      /** @description The token of the link sent by mail */
      token: string;
      new_password: string;
    };
    EmailVerified: {
      email: string;
      /** @enum {boolean} */
      is_verified: true;
    };
    VerifyEmailRequest: {
      /** @description The token of the link sent by mail */
      token: string;
      password?: string;
    };
    EmailChangeCancelled: {
      pending_email: null;
      cancelled_email: string;
    };
    CancelEmailChange: {
      /** @description The token of the link sent by mail */
      token: string;
    };
    CreatedApiKey: {
      id: string;
      key: string;
      name: string;
      prefix: string;
      last4: string;
      scopes: string[];
      organization_id: string | null;
      created_at: string;
      expires_at: string | null;
    };
    CreateApiKeyRequest: {
      name: string;
      scopes?: ('llm' | 'usage:read' | 'account:read')[];
      /** Format: date-time */
      expires_at?: string | null;
      organization_id?: string | null;
    };
    ApiKeyList: {
      data: components['schemas']['ApiKey'][];
    };
    ApiKey: {
      id: string;
      name: string;
      prefix: string;
      last4: string;
      scopes: string[];
      organization_id: string | null;
      /** @enum {string} */
      status: 'active' | 'rotating' | 'expired';
      created_at: string;
      last_used_at: string | null;
      expires_at: string | null;
      rotation_ends_at: string | null;
    };
    RotatedApiKey: components['schemas']['CreatedApiKey'] & {
      replaced: {
        id: string;
        valid_until: string;
      };
    };
    RotateApiKeyRequest: {
      overlap_seconds?: number;
    };
    Me: components['schemas']['User'] & {
      profile: {
        company?: string | null;
        job_title?: string | null;
        location?: string | null;
        website?: string | null;
        avatar_url?: string | null;
        timezone?: string | null;
      };
      pending_email: string | null;
      email_alerts: boolean;
    };
    UpdateMeRequest: {
      name?: string;
      first_name?: string | null;
      last_name?: string | null;
      profile?: {
        company?: string | null;
        job_title?: string | null;
        location?: string | null;
        /** Format: uri */
        website?: string | null;
        /** Format: uri */
        avatar_url?: string | null;
        timezone?: string | null;
      };
      email?: string;
      email_alerts?: boolean;
      current_password?: string;
    };
    ChangePasswordRequest: {
      current_password?: string;
      new_password: string;
    };
    DeactivateAccountRequest: {
      password: string;
    };
    AdminUserList: {
      data: components['schemas']['AdminUser'][];
      page: number;
      per_page: number;
      total: number;
    };
    AdminUser: components['schemas']['User'] & {
      limit_overrides: components['schemas']['LimitOverrides'];
      updated_at: string | null;
      quota?: {
        limit: number;
        used: number;
        reserved: number;
        calls: number;
      } | null;
    };
    LimitOverrides: {
      monthly_tokens: number | null;
      requests_per_minute: number | null;
      concurrent_streams: number | null;
    };
    AdminPatchUserRequest: {
      /** @enum {string} */
      role?: 'user' | 'developer' | 'admin' | 'superadmin';
      /** @enum {string} */
      subscription_tier?: 'free' | 'pro' | 'enterprise';
      is_active?: boolean;
      monthly_limit?: number;
      limit_overrides?: {
        monthly_tokens?: number | null;
        requests_per_minute?: number | null;
        concurrent_streams?: number | null;
      };
    };
    AdminStats: {
      users: {
        total: number;
        active: number;
        by_tier: {
          [key: string]: number;
        };
        by_role: {
          [key: string]: number;
        };
      };
      usage: {
        today: {
          requests: number;
          total_tokens: number;
          billed_tokens: number;
          day: string;
        };
        this_month: {
          requests: number;
          total_tokens: number;
          billed_tokens: number;
          from: string;
          to: string;
        };
      };
      queues: {
        [key: string]: {
          waiting: number;
          active: number;
          delayed: number;
          prioritized: number;
          failed: number;
          paused: boolean;
        };
      };
    };
    AdminUsageReport: {
      from: string;
      to: string;
      group_by: string[];
      data: {
        user_id?: string | null;
        email?: string | null;
        model?: string;
        day?: string;
        requests: number;
        prompt_tokens: number;
        completion_tokens: number;
        total_tokens: number;
        billed_tokens: number;
      }[];
    };
    Organization: {
      id: string;
      name: string;
      owner_id: string;
      subscription_tier: string;
      /** @enum {string} */
      my_role: 'owner' | 'admin' | 'member';
      members: components['schemas']['OrganizationMember'][];
      settings: {
        [key: string]: unknown;
      };
      monthly_limit: number;
      tokens_used: number;
      tokens_remaining: number;
      reserved: number;
      reset_date: string;
      created_at: string | null;
      updated_at: string | null;
    };
    OrganizationMember: {
      user_id: string;
      email: string | null;
      name: string | null;
      /** @enum {string} */
      role: 'owner' | 'admin' | 'member';
      monthly_token_cap: number | null;
      joined_at: string;
    };
    CreateOrganizationRequest: {
      name: string;
      settings?: components['schemas']['OrganizationSettings'];
    };
    OrganizationSettings: {
      [key: string]: unknown;
    };
    OrganizationList: {
      data: components['schemas']['Organization'][];
    };
    ReceivedOrganizationInvitationList: {
      data: components['schemas']['ReceivedOrganizationInvitation'][];
    };
    ReceivedOrganizationInvitation: {
      id: string;
      organization: {
        id: string;
        name: string;
      };
      /** @enum {string} */
      role: 'admin' | 'member';
      monthly_token_cap: number | null;
      invited_by_email: string | null;
      /** @enum {string} */
      status: 'pending';
      created_at: string | null;
      expires_at: string;
    };
    UpdateOrganizationRequest: {
      name?: string;
      settings?: components['schemas']['OrganizationSettings'];
    };
    OrganizationMemberList: {
      data: components['schemas']['OrganizationMember'][];
    };
    OrganizationInvitation: {
      id: string;
      organization_id: string;
      email: string;
      /** @enum {string} */
      role: 'admin' | 'member';
      monthly_token_cap: number | null;
      /** @enum {string} */
      status: 'pending' | 'expired';
      created_at: string | null;
      expires_at: string;
    };
    InviteOrganizationMemberRequest: {
      email: string;
      /**
       * @default member
       * @enum {string}
       */
      role: 'admin' | 'member';
      monthly_token_cap?: number | null;
    };
    OrganizationInvitationList: {
      data: components['schemas']['OrganizationInvitation'][];
    };
    UpdateOrganizationMemberRequest: {
      /** @enum {string} */
      role?: 'owner' | 'admin' | 'member';
      monthly_token_cap?: number | null;
    };
    SubUser: {
      id: string;
      email: string;
      name: string;
      permissions: {
        models: string[] | null;
        can_create_api_keys: boolean;
      };
      limits: {
        monthly_tokens: number | null;
        requests_per_minute: number | null;
      };
      is_active: boolean;
      parent_user_id: string;
      created_at: string | null;
      last_login_at: string | null;
    };
    CreateSubUserRequest: {
      email: string;
      password: string;
      name?: string;
      permissions?: {
        models?: string[] | null;
        can_create_api_keys?: boolean;
      };
      limits?: {
        monthly_tokens?: number | null;
        requests_per_minute?: number | null;
      };
    };
    SubUserList: {
      data: components['schemas']['SubUser'][];
    };
    UpdateSubUserRequest: {
      name?: string;
      password?: string;
      permissions?: {
        models?: string[] | null;
        can_create_api_keys?: boolean;
      };
      limits?: {
        monthly_tokens?: number | null;
        requests_per_minute?: number | null;
      };
      is_active?: boolean;
    };
    SubUserUsage: {
      sub_user_id: string;
      period: {
        tokens_used: number;
        prompt_tokens: number;
        completion_tokens: number;
        requests: number;
        reset_date: string;
        by_model: {
          tokens_used: number;
          prompt_tokens: number;
          completion_tokens: number;
          requests: number;
          model: string;
        }[];
      };
      total: {
        tokens_used: number;
        prompt_tokens: number;
        completion_tokens: number;
        requests: number;
      };
      cap: {
        limit: number;
        used: number;
        reserved: number;
        remaining: number;
      } | null;
    };
    OAuthExchangeRequest: {
      code: string;
      code_verifier: string;
    };
    Plans: {
      plans: components['schemas']['Plan'][];
      billing_enabled: boolean;
    };
    Plan: {
      /** @enum {string} */
      tier: 'free' | 'pro' | 'enterprise';
      monthly_tokens: number;
      requests_per_minute: number;
      concurrent_streams: number;
      models: string[];
      price_usd_month: number;
      stripe_price_id: string | null;
      purchasable: boolean;
    };
    CurrentSubscription: {
      owner: {
        /** @enum {string} */
        type: 'user' | 'organization';
        id: string;
      };
      /** @enum {string} */
      tier: 'free' | 'pro' | 'enterprise';
      status: string;
      current_period: {
        start: string;
        end: string;
      };
      cancel_at_period_end: boolean;
      /** @enum {string|null} */
      pending_tier: 'free' | 'pro' | 'enterprise' | null;
      past_due_since: string | null;
      limits: {
        monthly_tokens: number;
        requests_per_minute: number;
        concurrent_streams: number;
        models: string[];
      };
      usage: {
        monthly_limit: number;
        tokens_used: number;
        tokens_reserved: number;
        tokens_remaining: number;
        api_calls: number;
        reset_date: string;
      };
      has_billing_account: boolean;
    };
    CheckoutSession: {
      url: string;
      session_id: string;
    };
    CheckoutRequest: {
      /** @enum {string} */
      plan: 'pro' | 'enterprise';
      success_url?: string;
      cancel_url?: string;
      organization_id?: string;
    };
    PortalSession: {
      url: string;
    };
    PortalRequest: {
      return_url?: string;
      organization_id?: string;
    };
    SubscriptionChangeRequest: {
      organization_id?: string;
    };
    QuotaResetAccepted: {
      job_id: string;
      /** @enum {string} */
      status: 'queued';
      payer: {
        /** @enum {string} */
        type: 'user';
        id: string;
      };
    };
    TokenBalance: {
      /** @description What the payer can still reserve: limit - used - reserved */
      tokens_remaining: number;
      /** @description Tokens settled in the current period */
      tokens_used: number;
      monthly_limit: number;
      /** @description When the current period ends (ISO) */
      reset_date: string;
      /** @description Tokens held by requests in flight */
      reserved: number;
      api_calls: number;
      subscription_tier: string;
      payer: {
        /** @enum {string} */
        type: 'user' | 'organization';
        id: string;
      };
      /** @description What this caller can spend now: the least remaining over its chain (own cap, then the payer's pool) */
      available: number;
      accounts: {
        account: string;
        limit: number;
        used: number;
        reserved: number;
        remaining: number;
      }[];
    };
    TokenUsageHistory: {
      /** @enum {string} */
      object: 'list';
      data: {
        request_id: string;
        created_at: string;
        day: string;
        model: string;
        provider: string | null;
        /** @enum {string} */
        status: 'completed' | 'failed' | 'aborted';
        stream: boolean;
        /** @enum {string} */
        endpoint: 'chat.completions' | 'responses' | 'embeddings';
        prompt_tokens: number;
        completion_tokens: number;
        total_tokens: number;
        billed_tokens: number;
        overage_tokens: number;
        /** @enum {string} */
        usage_source: 'reported' | 'counted' | 'none';
        error_code: string | null;
        ttft_ms: number | null;
        duration_ms: number | null;
        payer: {
          /** @enum {string} */
          type: 'user' | 'organization';
          id: string;
        };
        organization_id: string | null;
        sub_user_id: string | null;
        api_key_id: string | null;
      }[];
      page: number;
      limit: number;
      total: number;
      has_more: boolean;
      range: {
        from: string;
        to: string;
      };
      /** @enum {string} */
      group_by: 'day' | 'model';
      groups: {
        requests: number;
        prompt_tokens: number;
        completion_tokens: number;
        total_tokens: number;
        billed_tokens: number;
        key: string;
      }[];
      totals: {
        requests: number;
        prompt_tokens: number;
        completion_tokens: number;
        total_tokens: number;
        billed_tokens: number;
      };
    };
    UsageStats: {
      user_id: string;
      subscription_tier: string;
      tokens_used: number;
      tokens_remaining: number;
      monthly_limit: number;
      reset_date: string;
      reserved: number;
      monthly_usage: {
        api_calls: number;
        tokens_used: number;
      };
      current_period: {
        requests: number;
        prompt_tokens: number;
        completion_tokens: number;
        total_tokens: number;
        billed_tokens: number;
        failed_requests: number;
      };
      range: {
        from: string;
        to: string;
      };
      daily_usage: {
        date: string;
        requests: number;
        tokens: number;
        billed_tokens: number;
      }[];
      model_usage: {
        model: string;
        requests: number;
        tokens: number;
        billed_tokens: number;
      }[];
    };
    ChatCompletion: {
      id: string;
      /** @enum {string} */
      object: 'chat.completion';
      created: number;
      model: string;
      choices: {
        index: number;
        message: {
          /** @enum {string} */
          role: 'assistant';
          content: string | null;
          refusal?: string | null;
          tool_calls?: components['schemas']['ChatCompletionMessageToolCall'][];
        };
        logprobs?: unknown;
        finish_reason: string | null;
      }[];
      usage: components['schemas']['CompletionUsage'];
    };
    ChatCompletionMessageToolCall: {
      id: string;
      /** @enum {string} */
      type: 'function';
      function: {
        name: string;
        /** @description The arguments as JSON text, as the model wrote them (validate before use) */
        arguments: string;
      };
    };
    CompletionUsage: {
      prompt_tokens: number;
      completion_tokens: number;
      total_tokens: number;
    };
    /** @description Server-Sent Events. Each event is `id: <event id>` and `data: <JSON>`: a `chat.completion.chunk`, or, when the request fails after the stream started, the error (`{"error": {...}}`, its code one of the operation's). The stream ends with `data: [DONE]`. Comment lines (`: keep-alive`) may come between events. Keep the last `id`: GET /llm/requests/{id}/stream with it as `Last-Event-ID` continues after it, with no gap and no duplicate. */
    ChatCompletionStreamEvent: components['schemas']['ChatCompletionChunk'] | components['schemas']['Error'];
    ChatCompletionChunk: {
      id: string;
      /** @enum {string} */
      object: 'chat.completion.chunk';
      created: number;
      model: string;
      system_fingerprint?: string | null;
      choices: {
        index: number;
        delta: {
          /** @enum {string} */
          role?: 'assistant';
          content?: string | null;
          refusal?: string | null;
          tool_calls?: components['schemas']['ChatCompletionMessageToolCallChunk'][];
        };
        logprobs?: unknown;
        /** @enum {string|null} */
        finish_reason: 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'function_call' | null;
      }[];
      /** @description Only in the last chunk, whose choices are empty, when stream_options.include_usage is true */
      usage?: {
        prompt_tokens: number;
        completion_tokens: number;
        total_tokens: number;
      } | null;
    };
    ChatCompletionMessageToolCallChunk: {
      index: number;
      id?: string;
      /** @enum {string} */
      type?: 'function';
      function?: {
        name?: string;
        arguments?: string;
      };
    };
    ChatCompletionRequest: {
      model: string;
      messages: (
        | ({
            /** @enum {string} */
            role: 'system';
            content:
              | string
              | ({
                  /** @enum {string} */
                  type: 'text';
                  text: string;
                } & {
                  [key: string]: unknown;
                })[];
            name?: string;
          } & {
            [key: string]: unknown;
          })
        | ({
            /** @enum {string} */
            role: 'developer';
            content:
              | string
              | ({
                  /** @enum {string} */
                  type: 'text';
                  text: string;
                } & {
                  [key: string]: unknown;
                })[];
            name?: string;
          } & {
            [key: string]: unknown;
          })
        | ({
            /** @enum {string} */
            role: 'user';
            content:
              | string
              | (
                  | ({
                      /** @enum {string} */
                      type: 'text';
                      text: string;
                    } & {
                      [key: string]: unknown;
                    })
                  | ({
                      /** @enum {string} */
                      type: 'image_url';
                      image_url: {
                        url: string;
                        /** @enum {string} */
                        detail?: 'auto' | 'low' | 'high';
                      } & {
                        [key: string]: unknown;
                      };
                    } & {
                      [key: string]: unknown;
                    })
                  | ({
                      /** @enum {string} */
                      type: 'input_audio';
                      input_audio: {
                        data: string;
                        format: string;
                      } & {
                        [key: string]: unknown;
                      };
                    } & {
                      [key: string]: unknown;
                    })
                  | ({
                      /** @enum {string} */
                      type: 'file';
                      file: {
                        file_data: string;
                        filename?: string;
                      } & {
                        [key: string]: unknown;
                      };
                    } & {
                      [key: string]: unknown;
                    })
                )[];
            name?: string;
          } & {
            [key: string]: unknown;
          })
        | ({
            /** @enum {string} */
            role: 'assistant';
            content?:
              | string
              | (
                  | ({
                      /** @enum {string} */
                      type: 'text';
                      text: string;
                    } & {
                      [key: string]: unknown;
                    })
                  | ({
                      /** @enum {string} */
                      type: 'refusal';
                      refusal: string;
                    } & {
                      [key: string]: unknown;
                    })
                )[]
              | null;
            name?: string;
            refusal?: string | null;
            tool_calls?: ({
              id: string;
              /** @default function */
              type: string;
              function: {
                name: string;
                arguments: string;
              } & {
                [key: string]: unknown;
              };
            } & {
              [key: string]: unknown;
            })[];
            function_call?:
              | ({
                  name: string;
                  arguments: string;
                } & {
                  [key: string]: unknown;
                })
              | null;
          } & {
            [key: string]: unknown;
          })
        | ({
            /** @enum {string} */
            role: 'tool';
            content:
              | string
              | ({
                  /** @enum {string} */
                  type: 'text';
                  text: string;
                } & {
                  [key: string]: unknown;
                })[];
            tool_call_id: string;
          } & {
            [key: string]: unknown;
          })
        | ({
            /** @enum {string} */
            role: 'function';
            content: string | null;
            name: string;
          } & {
            [key: string]: unknown;
          })
      )[];
      stream?: boolean | null;
      stream_options?:
        | ({
            include_usage?: boolean;
          } & {
            [key: string]: unknown;
          })
        | null;
      max_tokens?: number | null;
      max_completion_tokens?: number | null;
      n?: number | null;
      temperature?: number | null;
      top_p?: number | null;
      presence_penalty?: number | null;
      frequency_penalty?: number | null;
      stop?: string | string[] | null;
      seed?: number | null;
      user?: string;
      logprobs?: boolean | null;
      top_logprobs?: number | null;
      logit_bias?: {
        [key: string]: number;
      } | null;
      tools?: ({
        type: string;
        function?: {
          name: string;
          description?: string;
          parameters?: {
            [key: string]: unknown;
          };
        } & {
          [key: string]: unknown;
        };
      } & {
        [key: string]: unknown;
      })[];
      tool_choice?:
        | string
        | ({
            type: string;
          } & {
            [key: string]: unknown;
          });
      parallel_tool_calls?: boolean;
      response_format?: {
        type: string;
      } & {
        [key: string]: unknown;
      };
    } & {
      [key: string]: unknown;
    };
    ModelList: {
      /** @enum {string} */
      object: 'list';
      data: components['schemas']['Model'][];
    };
    Model: {
      id: string;
      /** @enum {string} */
      object: 'model';
      created: number;
      owned_by: string;
    };
    LlmRequestStatus: {
      id: string;
      /** @enum {string} */
      object: 'llm.request';
      /** @enum {string} */
      status: 'queued' | 'running' | 'completed' | 'failed' | 'aborted' | 'cancelled';
      model: string;
      stream: boolean;
      /** @description Unix seconds */
      created: number;
      started_at: number | null;
      finished_at: number | null;
      provider: string | null;
      /** @description Chunks produced so far (about one token each) */
      streamed_chunks: number;
      usage: components['schemas']['CompletionUsage'] &
        ({
          /** @enum {string} */
          source: 'reported' | 'counted' | 'none';
        } | null);
      error: {
        code: string;
        message: string;
      } | null;
      cancel_requested: boolean;
    };
    Response: {
      id: string;
      /** @enum {string} */
      object: 'response';
      created_at: number;
      /** @enum {string} */
      status: 'completed' | 'incomplete' | 'failed' | 'in_progress';
      model: string;
      output: ({
        type: string;
        id: string;
      } & {
        [key: string]: unknown;
      })[];
      usage: {
        input_tokens: number;
        input_tokens_details: {
          cached_tokens: number;
        };
        output_tokens: number;
        output_tokens_details: {
          reasoning_tokens: number;
        };
        total_tokens: number;
      } | null;
      error: {
        code: string;
        message: string;
      } | null;
      incomplete_details: {
        reason: string;
      } | null;
    } & {
      [key: string]: unknown;
    };
    ResponseCreateRequest: {
      model: string;
      input:
        | string
        | ({
            type?: string;
          } & {
            [key: string]: unknown;
          })[];
      instructions?: string | null;
      max_output_tokens?: number | null;
      temperature?: number | null;
      top_p?: number | null;
      stream?: boolean | null;
      stream_options?: {
        [key: string]: unknown;
      } | null;
      tools?: ({
        type: string;
      } & {
        [key: string]: unknown;
      })[];
      tool_choice?:
        | ('auto' | 'none' | 'required')
        | ({
            /** @enum {string} */
            type: 'function';
            name: string;
          } & {
            [key: string]: unknown;
          });
      parallel_tool_calls?: boolean | null;
      text?: {
        format?:
          | ({
              /** @enum {string} */
              type: 'text';
            } & {
              [key: string]: unknown;
            })
          | ({
              /** @enum {string} */
              type: 'json_object';
            } & {
              [key: string]: unknown;
            })
          | ({
              /** @enum {string} */
              type: 'json_schema';
              name: string;
              schema: {
                [key: string]: unknown;
              };
              description?: string;
              strict?: boolean | null;
            } & {
              [key: string]: unknown;
            });
        /** @enum {string|null} */
        verbosity?: 'low' | 'medium' | 'high' | null;
      } & {
        [key: string]: unknown;
      };
      reasoning?:
        | ({
            effort?: string | null;
            summary?: string | null;
          } & {
            [key: string]: unknown;
          })
        | null;
      store?: boolean | null;
      metadata?: {
        [key: string]: string;
      } | null;
      user?: string;
      safety_identifier?: string;
      prompt_cache_key?: string;
      prompt_cache_retention?: string | null;
      include?: string[] | null;
      /** @enum {string|null} */
      truncation?: 'auto' | 'disabled' | null;
      service_tier?: string | null;
      max_tool_calls?: number | null;
      previous_response_id?: string | null;
      conversation?: unknown;
      prompt?: unknown;
      background?: boolean | null;
      top_logprobs?: number | null;
    } & {
      [key: string]: unknown;
    };
    EmbeddingList: {
      /** @enum {string} */
      object: 'list';
      data: {
        /** @enum {string} */
        object: 'embedding';
        index: number;
        /** @description Floats, or with encoding_format=base64 their little-endian float32 bytes in base64 */
        embedding: number[] | string;
      }[];
      model: string;
      usage: {
        prompt_tokens: number;
        total_tokens: number;
      };
    };
    EmbeddingRequest: {
      model: string;
      input: string | string[] | number[] | number[][];
      /** @enum {string} */
      encoding_format?: 'float' | 'base64';
      dimensions?: number;
      user?: string;
    } & {
      [key: string]: unknown;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: {
    /** @description This answer's id, also in the logs. On POST /v1/chat/completions it is the LLM request id used by /llm/requests/{id}. */
    'X-Request-Id': string;
    /** @description `false` when sending the same request again cannot succeed (an exhausted quota, a bad request, a refused credential); `true` for rate limits and transient failures. The openai SDKs honour it. */
    'x-should-retry': 'true' | 'false';
    /** @description Seconds to wait before sending the request again (rate limits, and 503s that will pass) */
    'Retry-After': number;
  };
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  postWebhooksStripe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Accepted */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookAck'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_payload` (The webhook body is not a Stripe event); `invalid_signature` (The Stripe signature does not verify); `missing_signature` (The Stripe-Signature header is missing); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_payload'
                | 'invalid_signature'
                | 'missing_signature'
                | 'request_aborted'
                | 'unknown_parameter';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `queue_unavailable` (The job queue is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet); `webhooks_not_configured` (Stripe webhooks are not configured on this server) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'database_unavailable'
                | 'queue_unavailable'
                | 'quota_busy'
                | 'redis_unavailable'
                | 'resource_busy'
                | 'service_not_ready'
                | 'webhooks_not_configured';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getHealthz: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Alive */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            status: 'ok';
          };
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'bad_request' | 'invalid_json' | 'json_too_deep' | 'request_aborted' | 'unknown_parameter';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getReadyz: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Ready */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            status: 'ready' | 'not_ready';
            checks: {
              mongodb: boolean;
              redis: boolean;
              indexes: boolean;
            };
            reason?: string;
          };
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'bad_request' | 'invalid_json' | 'json_too_deep' | 'request_aborted' | 'unknown_parameter';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not ready */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            status: 'ready' | 'not_ready';
            checks: {
              mongodb: boolean;
              redis: boolean;
              indexes: boolean;
            };
            reason?: string;
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postAuthRegister: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RegisterRequest'];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            user: components['schemas']['User'];
          };
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Conflict: `email_taken` (An account with this email already exists) */
      409: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'email_taken';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding); `unsupported_media_type` (The body is not in a content type this operation reads) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding' | 'unsupported_media_type';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Too Many Requests: `rate_limit_exceeded` (Too many requests; wait Retry-After seconds) */
      429: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'rate_limit_exceeded';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `server_busy` (Too many password checks at once); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'database_unavailable'
                | 'quota_busy'
                | 'redis_unavailable'
                | 'resource_busy'
                | 'server_busy'
                | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postAuthLogin: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LoginFormRequest'];
        'application/x-www-form-urlencoded': components['schemas']['LoginFormRequest'];
      };
    };
    responses: {
      /** @description Tokens */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FormLoginResponse'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_credentials` (Wrong email or password) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_credentials';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding); `unsupported_media_type` (The body is not in a content type this operation reads) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding' | 'unsupported_media_type';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Too Many Requests: `too_many_login_attempts` (Too many sign-in attempts; wait Retry-After seconds) */
      429: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'too_many_login_attempts';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `server_busy` (Too many password checks at once); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'database_unavailable'
                | 'quota_busy'
                | 'redis_unavailable'
                | 'resource_busy'
                | 'server_busy'
                | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postAuthLoginJson: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LoginJsonRequest'];
      };
    };
    responses: {
      /** @description Tokens and the user */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LoginResponse'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_credentials` (Wrong email or password) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_credentials';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding); `unsupported_media_type` (The body is not in a content type this operation reads) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding' | 'unsupported_media_type';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Too Many Requests: `too_many_login_attempts` (Too many sign-in attempts; wait Retry-After seconds) */
      429: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'too_many_login_attempts';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `server_busy` (Too many password checks at once); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'database_unavailable'
                | 'quota_busy'
                | 'redis_unavailable'
                | 'resource_busy'
                | 'server_busy'
                | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postAuthRefresh: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RefreshRequest'];
      };
    };
    responses: {
      /** @description A new pair */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TokenPair'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_refresh_token` (The refresh token is unknown); `refresh_token_expired` (The refresh token expired); `refresh_token_reused` (A spent refresh token was replayed; its session is revoked); `refresh_token_revoked` (The refresh token was revoked) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                'invalid_refresh_token' | 'refresh_token_expired' | 'refresh_token_reused' | 'refresh_token_revoked';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding); `unsupported_media_type` (The body is not in a content type this operation reads) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding' | 'unsupported_media_type';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postAuthLogout: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RefreshRequest'];
      };
    };
    responses: {
      /** @description Logged out */
      204: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding); `unsupported_media_type` (The body is not in a content type this operation reads) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding' | 'unsupported_media_type';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getAuthMe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The user */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['User'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'bad_request' | 'invalid_json' | 'json_too_deep' | 'request_aborted' | 'unknown_parameter';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `insufficient_scope` (The API key lacks the scope this needs) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'insufficient_scope';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getAuthVscodeConfig: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Extension configuration */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VscodeConfig'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'bad_request' | 'invalid_json' | 'json_too_deep' | 'request_aborted' | 'unknown_parameter';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `insufficient_scope` (The API key lacks the scope this needs) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'insufficient_scope';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getAuthSessions: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Sessions */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionList'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'bad_request' | 'invalid_json' | 'json_too_deep' | 'request_aborted' | 'unknown_parameter';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `api_key_not_allowed` (API keys cannot be used here) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'api_key_not_allowed';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  deleteAuthSessions: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Ended */
      204: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'bad_request' | 'invalid_json' | 'json_too_deep' | 'request_aborted' | 'unknown_parameter';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `api_key_not_allowed` (API keys cannot be used here) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'api_key_not_allowed';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  deleteAuthSessionsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Ended */
      204: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `api_key_not_allowed` (API keys cannot be used here) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'api_key_not_allowed';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not Found: `session_not_found` (No such session) */
      404: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'session_not_found';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postAuthPasswordForgot: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ForgotPasswordRequest'];
      };
    };
    responses: {
      /** @description Accepted */
      202: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Accepted'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding); `unsupported_media_type` (The body is not in a content type this operation reads) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding' | 'unsupported_media_type';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Too Many Requests: `rate_limit_exceeded` (Too many requests; wait Retry-After seconds) */
      429: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'rate_limit_exceeded';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `mail_disabled` (Mail is disabled on this server); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'database_unavailable'
                | 'mail_disabled'
                | 'quota_busy'
                | 'redis_unavailable'
                | 'resource_busy'
                | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getAuthPasswordReset: {
    parameters: {
      query: {
        /** @description The token of the link sent by mail */
        token: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The form */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
        };
      };
      /** @description The link does not work */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'invalid_token'
                | 'json_too_deep'
                | 'request_aborted'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
          'text/html': string;
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postAuthPasswordReset: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ResetPasswordRequest'];
        'application/x-www-form-urlencoded': components['schemas']['ResetPasswordRequest'];
      };
    };
    responses: {
      /** @description Password changed */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Accepted'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'invalid_token'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding); `unsupported_media_type` (The body is not in a content type this operation reads) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding' | 'unsupported_media_type';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `server_busy` (Too many password checks at once); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'database_unavailable'
                | 'quota_busy'
                | 'redis_unavailable'
                | 'resource_busy'
                | 'server_busy'
                | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postAuthVerifyEmailResend: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Accepted */
      202: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Accepted'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'bad_request' | 'invalid_json' | 'json_too_deep' | 'request_aborted' | 'unknown_parameter';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `api_key_not_allowed` (API keys cannot be used here) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'api_key_not_allowed';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Conflict: `already_verified` (The address is already verified) */
      409: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'already_verified';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Too Many Requests: `rate_limit_exceeded` (Too many requests; wait Retry-After seconds) */
      429: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'rate_limit_exceeded';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `mail_disabled` (Mail is disabled on this server); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'database_unavailable'
                | 'mail_disabled'
                | 'quota_busy'
                | 'redis_unavailable'
                | 'resource_busy'
                | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getAuthVerifyEmail: {
    parameters: {
      query: {
        /** @description The token of the link sent by mail */
        token: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The confirmation page */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
        };
      };
      /** @description The link does not work */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'invalid_token'
                | 'json_too_deep'
                | 'request_aborted'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
          'text/html': string;
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postAuthVerifyEmail: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['VerifyEmailRequest'];
        'application/x-www-form-urlencoded': components['schemas']['VerifyEmailRequest'];
      };
    };
    responses: {
      /** @description The address is verified */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EmailVerified'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `invalid_password` (The password is incorrect); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `password_not_set` (The account has no password yet); `password_required` (The current password is required for this change); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'invalid_password'
                | 'invalid_token'
                | 'json_too_deep'
                | 'password_not_set'
                | 'password_required'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Conflict: `email_taken` (An account with this email already exists) */
      409: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'email_taken';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding); `unsupported_media_type` (The body is not in a content type this operation reads) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding' | 'unsupported_media_type';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Too Many Requests: `too_many_login_attempts` (Too many sign-in attempts; wait Retry-After seconds) */
      429: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'too_many_login_attempts';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `server_busy` (Too many password checks at once); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'database_unavailable'
                | 'quota_busy'
                | 'redis_unavailable'
                | 'resource_busy'
                | 'server_busy'
                | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getAuthEmailChangeCancel: {
    parameters: {
      query: {
        /** @description The token of the link sent by mail */
        token: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The cancel page */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
        };
      };
      /** @description The link does not work */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'invalid_token'
                | 'json_too_deep'
                | 'request_aborted'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
          'text/html': string;
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postAuthEmailChangeCancel: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CancelEmailChange'];
        'application/x-www-form-urlencoded': components['schemas']['CancelEmailChange'];
      };
    };
    responses: {
      /** @description The change is cancelled */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EmailChangeCancelled'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'invalid_token'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding); `unsupported_media_type` (The body is not in a content type this operation reads) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding' | 'unsupported_media_type';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getApiKeys: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Keys */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiKeyList'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'bad_request' | 'invalid_json' | 'json_too_deep' | 'request_aborted' | 'unknown_parameter';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `api_key_not_allowed` (API keys cannot be used here) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'api_key_not_allowed';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiKeys: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateApiKeyRequest'];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedApiKey'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `api_key_not_allowed` (API keys cannot be used here); `sub_user_cannot_create_keys` (This sub-user may not create API keys) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'api_key_not_allowed' | 'sub_user_cannot_create_keys';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not Found: `not_found` (Not found) */
      404: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'not_found';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Conflict: `too_many_api_keys` (The account holds API_KEY_MAX_PER_USER live keys) */
      409: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'too_many_api_keys';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding); `unsupported_media_type` (The body is not in a content type this operation reads) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding' | 'unsupported_media_type';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  deleteApiKeysById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Revoked */
      204: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `api_key_not_allowed` (API keys cannot be used here) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'api_key_not_allowed';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not Found: `not_found` (Not found) */
      404: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'not_found';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postApiKeysByIdRotate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RotateApiKeyRequest'];
      };
    };
    responses: {
      /** @description The new key */
      201: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RotatedApiKey'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `api_key_not_allowed` (API keys cannot be used here); `sub_user_cannot_create_keys` (This sub-user may not create API keys) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'api_key_not_allowed' | 'sub_user_cannot_create_keys';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not Found: `not_found` (Not found) */
      404: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'not_found';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Conflict: `key_already_rotated` (The API key was already rotated); `key_expired` (The API key expired); `too_many_api_keys` (The account holds API_KEY_MAX_PER_USER live keys) */
      409: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'key_already_rotated' | 'key_expired' | 'too_many_api_keys';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding); `unsupported_media_type` (The body is not in a content type this operation reads) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding' | 'unsupported_media_type';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getUsersMe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The account */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Me'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'bad_request' | 'invalid_json' | 'json_too_deep' | 'request_aborted' | 'unknown_parameter';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `insufficient_scope` (The API key lacks the scope this needs) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'insufficient_scope';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  deleteUsersMe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DeactivateAccountRequest'];
      };
    };
    responses: {
      /** @description Deactivated */
      204: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `invalid_password` (The password is incorrect); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `password_not_set` (The account has no password yet); `password_required` (The current password is required for this change); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'invalid_password'
                | 'json_too_deep'
                | 'password_not_set'
                | 'password_required'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `api_key_not_allowed` (API keys cannot be used here) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'api_key_not_allowed';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Conflict: `last_superadmin` (The last superadmin cannot be demoted or deactivated) */
      409: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'last_superadmin';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding); `unsupported_media_type` (The body is not in a content type this operation reads) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding' | 'unsupported_media_type';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Too Many Requests: `too_many_login_attempts` (Too many sign-in attempts; wait Retry-After seconds) */
      429: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'too_many_login_attempts';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `role_change_busy` (Another role change is in progress); `server_busy` (Too many password checks at once); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'database_unavailable'
                | 'quota_busy'
                | 'redis_unavailable'
                | 'resource_busy'
                | 'role_change_busy'
                | 'server_busy'
                | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  patchUsersMe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateMeRequest'];
      };
    };
    responses: {
      /** @description The updated account */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Me'];
        };
      };
      /** @description Updated; the address change waits for the link mailed to pending_email */
      202: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Me'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `invalid_password` (The password is incorrect); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `password_not_set` (The account has no password yet); `password_required` (The current password is required for this change); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'invalid_password'
                | 'json_too_deep'
                | 'password_not_set'
                | 'password_required'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `session_ended` (The session ended; sign in again); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'session_ended' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `api_key_not_allowed` (API keys cannot be used here) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'api_key_not_allowed';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not Found: `not_found` (Not found) */
      404: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'not_found';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Conflict: `email_taken` (An account with this email already exists) */
      409: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'email_taken';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding); `unsupported_media_type` (The body is not in a content type this operation reads) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding' | 'unsupported_media_type';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Too Many Requests: `rate_limit_exceeded` (Too many requests; wait Retry-After seconds); `too_many_login_attempts` (Too many sign-in attempts; wait Retry-After seconds) */
      429: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'rate_limit_exceeded' | 'too_many_login_attempts';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `mail_disabled` (Mail is disabled on this server); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `server_busy` (Too many password checks at once); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'database_unavailable'
                | 'mail_disabled'
                | 'quota_busy'
                | 'redis_unavailable'
                | 'resource_busy'
                | 'server_busy'
                | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postUsersMePassword: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChangePasswordRequest'];
      };
    };
    responses: {
      /** @description Fresh tokens for this session */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TokenPair'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `invalid_password` (The password is incorrect); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `password_not_set` (The account has no password yet); `password_required` (The current password is required for this change); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'invalid_password'
                | 'json_too_deep'
                | 'password_not_set'
                | 'password_required'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `api_key_not_allowed` (API keys cannot be used here); `reauthentication_required` (Sign in again before this change) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'api_key_not_allowed' | 'reauthentication_required';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not Found: `not_found` (Not found) */
      404: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'not_found';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding); `unsupported_media_type` (The body is not in a content type this operation reads) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding' | 'unsupported_media_type';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Too Many Requests: `too_many_login_attempts` (Too many sign-in attempts; wait Retry-After seconds) */
      429: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'too_many_login_attempts';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `server_busy` (Too many password checks at once); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'database_unavailable'
                | 'quota_busy'
                | 'redis_unavailable'
                | 'resource_busy'
                | 'server_busy'
                | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getAdminUsers: {
    parameters: {
      query?: {
        q?: string;
        tier?: 'free' | 'pro' | 'enterprise';
        role?: 'user' | 'developer' | 'admin' | 'superadmin';
        is_active?: 'true' | 'false';
        page?: number;
        per_page?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of users */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdminUserList'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `admin_required` (This needs an administrator); `api_key_not_allowed` (API keys cannot be used here) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'admin_required' | 'api_key_not_allowed';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getAdminUsersById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The user */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdminUser'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `admin_required` (This needs an administrator); `api_key_not_allowed` (API keys cannot be used here) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'admin_required' | 'api_key_not_allowed';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not Found: `not_found` (Not found) */
      404: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'not_found';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  patchAdminUsersById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AdminPatchUserRequest'];
      };
    };
    responses: {
      /** @description The updated user */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdminUser'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `admin_required` (This needs an administrator); `api_key_not_allowed` (API keys cannot be used here); `superadmin_required` (This needs a superadmin) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'admin_required' | 'api_key_not_allowed' | 'superadmin_required';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not Found: `not_found` (Not found) */
      404: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'not_found';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Conflict: `last_superadmin` (The last superadmin cannot be demoted or deactivated) */
      409: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'last_superadmin';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding); `unsupported_media_type` (The body is not in a content type this operation reads) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding' | 'unsupported_media_type';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `role_change_busy` (Another role change is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'database_unavailable'
                | 'quota_busy'
                | 'redis_unavailable'
                | 'resource_busy'
                | 'role_change_busy'
                | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getAdminStats: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Stats */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdminStats'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'bad_request' | 'invalid_json' | 'json_too_deep' | 'request_aborted' | 'unknown_parameter';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `admin_required` (This needs an administrator); `api_key_not_allowed` (API keys cannot be used here) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'admin_required' | 'api_key_not_allowed';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `queues_unavailable` (The queues could not be read); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'database_unavailable'
                | 'queues_unavailable'
                | 'quota_busy'
                | 'redis_unavailable'
                | 'resource_busy'
                | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getAdminUsage: {
    parameters: {
      query?: {
        from?: string;
        to?: string;
        group_by?: string;
        user_id?: string;
        model?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Usage rows */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdminUsageReport'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `invalid_range` (The date range is invalid); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'invalid_range'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `admin_required` (This needs an administrator); `api_key_not_allowed` (API keys cannot be used here) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'admin_required' | 'api_key_not_allowed';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getOrganizations: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Your organizations */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrganizationList'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'bad_request' | 'invalid_json' | 'json_too_deep' | 'request_aborted' | 'unknown_parameter';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `api_key_not_allowed` (API keys cannot be used here); `session_required` (This needs a signed-in session, not an API key); `sub_user_forbidden` (Sub-users cannot do this) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'api_key_not_allowed' | 'session_required' | 'sub_user_forbidden';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postOrganizations: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateOrganizationRequest'];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Organization'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `api_key_not_allowed` (API keys cannot be used here); `organization_creation_limit_reached` (No more organizations may be created this month); `organization_limit_reached` (No more organizations may be owned); `session_required` (This needs a signed-in session, not an API key); `sub_user_forbidden` (Sub-users cannot do this) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'api_key_not_allowed'
                | 'organization_creation_limit_reached'
                | 'organization_limit_reached'
                | 'session_required'
                | 'sub_user_forbidden';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding); `unsupported_media_type` (The body is not in a content type this operation reads) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding' | 'unsupported_media_type';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getOrganizationsInvitations: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Your pending invitations */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReceivedOrganizationInvitationList'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'bad_request' | 'invalid_json' | 'json_too_deep' | 'request_aborted' | 'unknown_parameter';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `api_key_not_allowed` (API keys cannot be used here); `session_required` (This needs a signed-in session, not an API key); `sub_user_forbidden` (Sub-users cannot do this) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'api_key_not_allowed' | 'session_required' | 'sub_user_forbidden';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postOrganizationsInvitationsByInvitationIdAccept: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        invitationId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The organization you joined */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Organization'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `session_ended` (The session ended; sign in again); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'session_ended' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `api_key_not_allowed` (API keys cannot be used here); `member_limit_reached` (The organization is full); `session_required` (This needs a signed-in session, not an API key); `sub_user_forbidden` (Sub-users cannot do this) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'api_key_not_allowed' | 'member_limit_reached' | 'session_required' | 'sub_user_forbidden';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not Found: `not_found` (Not found); `user_not_found` (No account has this address) */
      404: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'not_found' | 'user_not_found';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Conflict: `already_member` (Already a member); `email_not_verified` (The address must be verified first); `invitation_expired` (The invitation expired) */
      409: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'already_member' | 'email_not_verified' | 'invitation_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postOrganizationsInvitationsByInvitationIdDecline: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        invitationId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Declined */
      204: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `api_key_not_allowed` (API keys cannot be used here); `session_required` (This needs a signed-in session, not an API key); `sub_user_forbidden` (Sub-users cannot do this) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'api_key_not_allowed' | 'session_required' | 'sub_user_forbidden';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not Found: `not_found` (Not found) */
      404: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'not_found';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getOrganizationsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The organization */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Organization'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `api_key_not_allowed` (API keys cannot be used here); `session_required` (This needs a signed-in session, not an API key); `sub_user_forbidden` (Sub-users cannot do this) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'api_key_not_allowed' | 'session_required' | 'sub_user_forbidden';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not Found: `not_found` (Not found) */
      404: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'not_found';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  deleteOrganizationsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `api_key_not_allowed` (API keys cannot be used here); `organization_permission` (Your role in the organization does not allow this); `session_required` (This needs a signed-in session, not an API key); `sub_user_forbidden` (Sub-users cannot do this) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'api_key_not_allowed' | 'organization_permission' | 'session_required' | 'sub_user_forbidden';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not Found: `not_found` (Not found) */
      404: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'not_found';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Conflict: `subscription_active` (The organization still has an active subscription) */
      409: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'subscription_active';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  patchOrganizationsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateOrganizationRequest'];
      };
    };
    responses: {
      /** @description The organization */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Organization'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `api_key_not_allowed` (API keys cannot be used here); `organization_permission` (Your role in the organization does not allow this); `session_required` (This needs a signed-in session, not an API key); `sub_user_forbidden` (Sub-users cannot do this) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'api_key_not_allowed' | 'organization_permission' | 'session_required' | 'sub_user_forbidden';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not Found: `not_found` (Not found) */
      404: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'not_found';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding); `unsupported_media_type` (The body is not in a content type this operation reads) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding' | 'unsupported_media_type';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getOrganizationsByIdMembers: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Members */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrganizationMemberList'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `api_key_not_allowed` (API keys cannot be used here); `session_required` (This needs a signed-in session, not an API key); `sub_user_forbidden` (Sub-users cannot do this) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'api_key_not_allowed' | 'session_required' | 'sub_user_forbidden';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not Found: `not_found` (Not found) */
      404: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'not_found';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postOrganizationsByIdMembers: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['InviteOrganizationMemberRequest'];
      };
    };
    responses: {
      /** @description Invited (pending) */
      201: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrganizationInvitation'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `session_ended` (The session ended; sign in again); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'session_ended' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `api_key_not_allowed` (API keys cannot be used here); `member_limit_reached` (The organization is full); `organization_permission` (Your role in the organization does not allow this); `session_required` (This needs a signed-in session, not an API key); `sub_user_forbidden` (Sub-users cannot do this) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'api_key_not_allowed'
                | 'member_limit_reached'
                | 'organization_permission'
                | 'session_required'
                | 'sub_user_forbidden';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not Found: `not_found` (Not found); `user_not_found` (No account has this address) */
      404: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'not_found' | 'user_not_found';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Conflict: `already_member` (Already a member); `email_not_verified` (The address must be verified first); `invitation_pending` (An invitation is already pending) */
      409: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'already_member' | 'email_not_verified' | 'invitation_pending';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding); `unsupported_media_type` (The body is not in a content type this operation reads) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding' | 'unsupported_media_type';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Too Many Requests: `rate_limit_exceeded` (Too many requests; wait Retry-After seconds) */
      429: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'rate_limit_exceeded';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getOrganizationsByIdInvitations: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Invitations */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrganizationInvitationList'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `api_key_not_allowed` (API keys cannot be used here); `organization_permission` (Your role in the organization does not allow this); `session_required` (This needs a signed-in session, not an API key); `sub_user_forbidden` (Sub-users cannot do this) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'api_key_not_allowed' | 'organization_permission' | 'session_required' | 'sub_user_forbidden';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not Found: `not_found` (Not found) */
      404: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'not_found';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  deleteOrganizationsByIdInvitationsByInvitationId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        invitationId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Revoked */
      204: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `api_key_not_allowed` (API keys cannot be used here); `organization_permission` (Your role in the organization does not allow this); `session_required` (This needs a signed-in session, not an API key); `sub_user_forbidden` (Sub-users cannot do this) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'api_key_not_allowed' | 'organization_permission' | 'session_required' | 'sub_user_forbidden';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not Found: `not_found` (Not found) */
      404: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'not_found';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  deleteOrganizationsByIdMembersByUserId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        userId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed */
      204: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `api_key_not_allowed` (API keys cannot be used here); `organization_permission` (Your role in the organization does not allow this); `session_required` (This needs a signed-in session, not an API key); `sub_user_forbidden` (Sub-users cannot do this) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'api_key_not_allowed' | 'organization_permission' | 'session_required' | 'sub_user_forbidden';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not Found: `not_found` (Not found) */
      404: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'not_found';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Conflict: `owner_cannot_leave` (The owner cannot leave the organization) */
      409: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'owner_cannot_leave';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  patchOrganizationsByIdMembersByUserId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        userId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateOrganizationMemberRequest'];
      };
    };
    responses: {
      /** @description The member */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrganizationMember'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `session_ended` (The session ended; sign in again); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'session_ended' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `api_key_not_allowed` (API keys cannot be used here); `organization_permission` (Your role in the organization does not allow this); `session_required` (This needs a signed-in session, not an API key); `sub_user_forbidden` (Sub-users cannot do this) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'api_key_not_allowed' | 'organization_permission' | 'session_required' | 'sub_user_forbidden';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not Found: `not_found` (Not found) */
      404: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'not_found';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Conflict: `owner_required` (The organization needs an owner) */
      409: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'owner_required';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding); `unsupported_media_type` (The body is not in a content type this operation reads) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding' | 'unsupported_media_type';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getSubUsers: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Sub-users */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SubUserList'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'bad_request' | 'invalid_json' | 'json_too_deep' | 'request_aborted' | 'unknown_parameter';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `api_key_not_allowed` (API keys cannot be used here); `session_required` (This needs a signed-in session, not an API key); `sub_user_forbidden` (Sub-users cannot do this) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'api_key_not_allowed' | 'session_required' | 'sub_user_forbidden';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postSubUsers: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateSubUserRequest'];
      };
    };
    responses: {
      /** @description Created */
      201: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SubUser'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_model` (A model in the permissions is not offered); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_model'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `session_ended` (The session ended; sign in again); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'session_ended' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `api_key_not_allowed` (API keys cannot be used here); `session_required` (This needs a signed-in session, not an API key); `sub_user_forbidden` (Sub-users cannot do this); `sub_user_limit_reached` (No more sub-users may be created) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'api_key_not_allowed' | 'session_required' | 'sub_user_forbidden' | 'sub_user_limit_reached';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Conflict: `email_taken` (An account with this email already exists) */
      409: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'email_taken';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding); `unsupported_media_type` (The body is not in a content type this operation reads) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding' | 'unsupported_media_type';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Too Many Requests: `rate_limit_exceeded` (Too many requests; wait Retry-After seconds) */
      429: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'rate_limit_exceeded';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `server_busy` (Too many password checks at once); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'database_unavailable'
                | 'quota_busy'
                | 'redis_unavailable'
                | 'resource_busy'
                | 'server_busy'
                | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getSubUsersById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The sub-user */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SubUser'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `api_key_not_allowed` (API keys cannot be used here); `session_required` (This needs a signed-in session, not an API key); `sub_user_forbidden` (Sub-users cannot do this) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'api_key_not_allowed' | 'session_required' | 'sub_user_forbidden';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not Found: `not_found` (Not found) */
      404: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'not_found';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  deleteSubUsersById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `api_key_not_allowed` (API keys cannot be used here); `session_required` (This needs a signed-in session, not an API key); `sub_user_forbidden` (Sub-users cannot do this) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'api_key_not_allowed' | 'session_required' | 'sub_user_forbidden';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not Found: `not_found` (Not found) */
      404: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'not_found';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  patchSubUsersById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateSubUserRequest'];
      };
    };
    responses: {
      /** @description The sub-user */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SubUser'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_model` (A model in the permissions is not offered); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_model'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `api_key_not_allowed` (API keys cannot be used here); `deactivated_by_admin` (An administrator deactivated this account); `session_required` (This needs a signed-in session, not an API key); `sub_user_forbidden` (Sub-users cannot do this) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'api_key_not_allowed' | 'deactivated_by_admin' | 'session_required' | 'sub_user_forbidden';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not Found: `not_found` (Not found) */
      404: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'not_found';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding); `unsupported_media_type` (The body is not in a content type this operation reads) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding' | 'unsupported_media_type';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Too Many Requests: `rate_limit_exceeded` (Too many requests; wait Retry-After seconds) */
      429: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'rate_limit_exceeded';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `server_busy` (Too many password checks at once); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'database_unavailable'
                | 'quota_busy'
                | 'redis_unavailable'
                | 'resource_busy'
                | 'server_busy'
                | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getSubUsersByIdUsage: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Usage */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SubUserUsage'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `api_key_not_allowed` (API keys cannot be used here); `session_required` (This needs a signed-in session, not an API key); `sub_user_forbidden` (Sub-users cannot do this) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'api_key_not_allowed' | 'session_required' | 'sub_user_forbidden';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not Found: `not_found` (Not found) */
      404: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'not_found';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getAuthOauthByProvider: {
    parameters: {
      query: {
        code_challenge: string;
        code_challenge_method: 'S256';
        state: string;
        redirect_uri: string;
      };
      header?: never;
      path: {
        /** @description github or google */
        provider: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Redirect to the provider */
      302: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `redirect_uri_not_allowed` (The redirect URI is not on the allowlist); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'redirect_uri_not_allowed'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not Found: `oauth_provider_not_found` (No such OAuth provider) */
      404: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'oauth_provider_not_found';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Too Many Requests: `rate_limit_exceeded` (Too many requests; wait Retry-After seconds) */
      429: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'rate_limit_exceeded';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `oauth_provider_not_configured` (This OAuth provider is not configured on this server); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'database_unavailable'
                | 'oauth_provider_not_configured'
                | 'quota_busy'
                | 'redis_unavailable'
                | 'resource_busy'
                | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getAuthOauthByProviderCallback: {
    parameters: {
      query?: {
        state?: string;
        code?: string;
        error?: string;
        error_description?: string;
      };
      header?: never;
      path: {
        /** @description github or google */
        provider: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Redirect to the extension with a one-time code or an error */
      302: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `invalid_state` (The OAuth state is unknown or expired); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'invalid_state'
                | 'json_too_deep'
                | 'request_aborted'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not Found: `oauth_provider_not_found` (No such OAuth provider) */
      404: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'oauth_provider_not_found';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `oauth_provider_not_configured` (This OAuth provider is not configured on this server); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'database_unavailable'
                | 'oauth_provider_not_configured'
                | 'quota_busy'
                | 'redis_unavailable'
                | 'resource_busy'
                | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postAuthOauthExchange: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['OAuthExchangeRequest'];
      };
    };
    responses: {
      /** @description Tokens and the user, as login-json */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LoginResponse'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_grant` (The OAuth code or PKCE verifier is invalid); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_grant'
                | 'invalid_json'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding); `unsupported_media_type` (The body is not in a content type this operation reads) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding' | 'unsupported_media_type';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getSubscriptionsPlans: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Plans */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Plans'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'bad_request' | 'invalid_json' | 'json_too_deep' | 'request_aborted' | 'unknown_parameter';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getSubscriptionsCurrent: {
    parameters: {
      query?: {
        organization_id?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Current subscription */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CurrentSubscription'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `api_key_not_allowed` (API keys cannot be used here) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'api_key_not_allowed';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not Found: `not_found` (Not found) */
      404: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'not_found';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postSubscriptionsCheckout: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CheckoutRequest'];
      };
    };
    responses: {
      /** @description Where to send the browser */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CheckoutSession'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `plan_not_available` (The plan is not for sale); `redirect_not_allowed` (A billing redirect URL is not on the allowlist); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'plan_not_available'
                | 'redirect_not_allowed'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `api_key_not_allowed` (API keys cannot be used here); `organization_owner_required` (Only the organization's owner may do this); `sub_user_billing` (Sub-users cannot manage billing) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'api_key_not_allowed' | 'organization_owner_required' | 'sub_user_billing';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not Found: `not_found` (Not found) */
      404: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'not_found';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Conflict: `already_subscribed` (Already subscribed) */
      409: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'already_subscribed';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding); `unsupported_media_type` (The body is not in a content type this operation reads) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding' | 'unsupported_media_type';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Bad Gateway: `stripe_error` (Stripe returned an error) */
      502: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'stripe_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `billing_not_configured` (Billing is not configured on this server); `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet); `stripe_rate_limited` (Stripe is rate limiting); `stripe_unavailable` (Stripe could not be reached) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'billing_not_configured'
                | 'database_unavailable'
                | 'quota_busy'
                | 'redis_unavailable'
                | 'resource_busy'
                | 'service_not_ready'
                | 'stripe_rate_limited'
                | 'stripe_unavailable';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postSubscriptionsPortal: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PortalRequest'];
      };
    };
    responses: {
      /** @description Where to send the browser */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PortalSession'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `redirect_not_allowed` (A billing redirect URL is not on the allowlist); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'redirect_not_allowed'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `api_key_not_allowed` (API keys cannot be used here); `organization_owner_required` (Only the organization's owner may do this); `sub_user_billing` (Sub-users cannot manage billing) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'api_key_not_allowed' | 'organization_owner_required' | 'sub_user_billing';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not Found: `not_found` (Not found) */
      404: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'not_found';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Conflict: `no_billing_account` (No billing account yet) */
      409: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'no_billing_account';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding); `unsupported_media_type` (The body is not in a content type this operation reads) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding' | 'unsupported_media_type';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Bad Gateway: `stripe_error` (Stripe returned an error) */
      502: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'stripe_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `billing_not_configured` (Billing is not configured on this server); `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet); `stripe_rate_limited` (Stripe is rate limiting); `stripe_unavailable` (Stripe could not be reached) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'billing_not_configured'
                | 'database_unavailable'
                | 'quota_busy'
                | 'redis_unavailable'
                | 'resource_busy'
                | 'service_not_ready'
                | 'stripe_rate_limited'
                | 'stripe_unavailable';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postSubscriptionsCancel: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SubscriptionChangeRequest'];
      };
    };
    responses: {
      /** @description The subscription after the change */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CurrentSubscription'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `api_key_not_allowed` (API keys cannot be used here); `organization_owner_required` (Only the organization's owner may do this); `sub_user_billing` (Sub-users cannot manage billing) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'api_key_not_allowed' | 'organization_owner_required' | 'sub_user_billing';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not Found: `not_found` (Not found) */
      404: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'not_found';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Conflict: `no_active_subscription` (No active subscription); `subscription_ended` (The subscription has ended) */
      409: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'no_active_subscription' | 'subscription_ended';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding); `unsupported_media_type` (The body is not in a content type this operation reads) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding' | 'unsupported_media_type';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Bad Gateway: `stripe_error` (Stripe returned an error) */
      502: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'stripe_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `billing_not_configured` (Billing is not configured on this server); `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet); `stripe_rate_limited` (Stripe is rate limiting); `stripe_unavailable` (Stripe could not be reached) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'billing_not_configured'
                | 'database_unavailable'
                | 'quota_busy'
                | 'redis_unavailable'
                | 'resource_busy'
                | 'service_not_ready'
                | 'stripe_rate_limited'
                | 'stripe_unavailable';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postSubscriptionsResume: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SubscriptionChangeRequest'];
      };
    };
    responses: {
      /** @description The subscription after the change */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CurrentSubscription'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `api_key_not_allowed` (API keys cannot be used here); `organization_owner_required` (Only the organization's owner may do this); `sub_user_billing` (Sub-users cannot manage billing) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'api_key_not_allowed' | 'organization_owner_required' | 'sub_user_billing';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not Found: `not_found` (Not found) */
      404: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'not_found';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Conflict: `no_active_subscription` (No active subscription); `subscription_ended` (The subscription has ended) */
      409: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'no_active_subscription' | 'subscription_ended';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding); `unsupported_media_type` (The body is not in a content type this operation reads) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding' | 'unsupported_media_type';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Bad Gateway: `stripe_error` (Stripe returned an error) */
      502: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'stripe_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `billing_not_configured` (Billing is not configured on this server); `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet); `stripe_rate_limited` (Stripe is rate limiting); `stripe_unavailable` (Stripe could not be reached) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'billing_not_configured'
                | 'database_unavailable'
                | 'quota_busy'
                | 'redis_unavailable'
                | 'resource_busy'
                | 'service_not_ready'
                | 'stripe_rate_limited'
                | 'stripe_unavailable';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postAdminUsersByIdResetQuota: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Queued */
      202: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['QuotaResetAccepted'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `admin_required` (This needs an administrator); `api_key_not_allowed` (API keys cannot be used here); `superadmin_required` (This needs a superadmin) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'admin_required' | 'api_key_not_allowed' | 'superadmin_required';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not Found: `not_found` (Not found) */
      404: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'not_found';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Conflict: `not_a_payer` (The account does not pay for itself) */
      409: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'not_a_payer';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `queue_unavailable` (The job queue is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'database_unavailable'
                | 'queue_unavailable'
                | 'quota_busy'
                | 'redis_unavailable'
                | 'resource_busy'
                | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getTokensBalance: {
    parameters: {
      query?: never;
      header?: {
        /** @description Act in this organization: its pool pays (the caller must be a member). An organization-bound API key implies it. */
        'X-Organization-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Balance */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TokenBalance'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'bad_request' | 'invalid_json' | 'json_too_deep' | 'request_aborted' | 'unknown_parameter';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `insufficient_scope` (The API key lacks the scope this needs); `organization_mismatch` (The API key is bound to another organization); `parent_inactive` (The sub-user's parent account is inactive) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'insufficient_scope' | 'organization_mismatch' | 'parent_inactive';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not Found: `not_found` (Not found) */
      404: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'not_found';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getTokensUsage: {
    parameters: {
      query?: {
        page?: string;
        limit?: string;
        from?: string;
        to?: string;
        group_by?: 'day' | 'model';
        model?: string;
        api_key_id?: string;
      };
      header?: {
        /** @description Act in this organization: its pool pays (the caller must be a member). An organization-bound API key implies it. */
        'X-Organization-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description History */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TokenUsageHistory'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `insufficient_scope` (The API key lacks the scope this needs); `organization_mismatch` (The API key is bound to another organization); `parent_inactive` (The sub-user's parent account is inactive) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'insufficient_scope' | 'organization_mismatch' | 'parent_inactive';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not Found: `not_found` (Not found) */
      404: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'not_found';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getUsersUsageStats: {
    parameters: {
      query?: {
        days?: string;
        api_key_id?: string;
      };
      header?: {
        /** @description Act in this organization: its pool pays (the caller must be a member). An organization-bound API key implies it. */
        'X-Organization-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Summary */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UsageStats'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `insufficient_scope` (The API key lacks the scope this needs); `organization_mismatch` (The API key is bound to another organization); `parent_inactive` (The sub-user's parent account is inactive) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'insufficient_scope' | 'organization_mismatch' | 'parent_inactive';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not Found: `not_found` (Not found) */
      404: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'not_found';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getMetrics: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Prometheus text exposition */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'text/plain': string;
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'bad_request' | 'invalid_json' | 'json_too_deep' | 'request_aborted' | 'unknown_parameter';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_metrics_token` (The metrics token is missing or wrong) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_metrics_token';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  createChatCompletion: {
    parameters: {
      query?: never;
      header?: {
        /** @description With `true` (and `stream: true`) the stream survives a dropped connection: the request keeps running for STREAM_RESUME_GRACE_MS and GET /llm/requests/{id}/stream with Last-Event-ID continues it. Without it a dropped connection cancels the upstream request at once and bills what was produced. */
        'X-Stream-Resumable'?: 'true' | 'false';
        /** @description Act in this organization: its pool pays (the caller must be a member). An organization-bound API key implies it. */
        'X-Organization-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChatCompletionRequest'];
      };
    };
    responses: {
      /** @description A chat.completion (application/json), or with `stream: true` an event stream. text/event-stream: the events of ChatCompletionStreamEvent, then `data: [DONE]`. A failure before the first event is a plain HTTP error instead (its headers wait up to LLM_SSE_HEADER_DEFER_MS for that). */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ChatCompletion'];
          'text/event-stream': components['schemas']['ChatCompletionStreamEvent'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `upstream_invalid_request` (The model provider refused the request as invalid); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'upstream_invalid_request'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `insufficient_scope` (The API key lacks the scope this needs); `model_not_allowed` (The model is not in the payer's plan); `organization_mismatch` (The API key is bound to another organization); `parent_inactive` (The sub-user's parent account is inactive) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'insufficient_scope' | 'model_not_allowed' | 'organization_mismatch' | 'parent_inactive';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not Found: `model_not_found` (The model does not exist or you do not have access to it); `not_found` (Not found) */
      404: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'model_not_found' | 'not_found';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Conflict: `client_disconnected` (The client left and did not resume within the grace period); `request_cancelled` (The LLM request was cancelled) */
      409: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'client_disconnected' | 'request_cancelled';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding); `unsupported_media_type` (The body is not in a content type this operation reads) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding' | 'unsupported_media_type';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Too Many Requests: `concurrency_limit_exceeded` (Too many open streams; wait Retry-After seconds); `insufficient_quota` (The monthly token quota cannot cover this request); `rate_limit_exceeded` (Too many requests; wait Retry-After seconds); `upstream_rate_limited` (The model provider is rate limiting; wait Retry-After seconds) */
      429: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                'concurrency_limit_exceeded' | 'insufficient_quota' | 'rate_limit_exceeded' | 'upstream_rate_limited';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Bad Gateway: `stream_interrupted` (The worker serving the request stopped; the answer is incomplete); `upstream_auth_error` (The model provider refused this service's credentials); `upstream_error` (The model provider returned an error); `upstream_malformed_response` (The model provider sent an unreadable response); `upstream_stream_interrupted` (The model provider closed the stream early); `upstream_unavailable` (The model provider could not be reached) */
      502: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'stream_interrupted'
                | 'upstream_auth_error'
                | 'upstream_error'
                | 'upstream_malformed_response'
                | 'upstream_stream_interrupted'
                | 'upstream_unavailable';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `no_provider` (No model provider serves this model right now); `queue_unavailable` (The job queue is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `reservation_expired` (The request's quota reservation was released; send it again); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet); `usage_backlog_full` (Too many settled requests wait for the database); `worker_shutdown` (The worker serving the request shut down) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'database_unavailable'
                | 'no_provider'
                | 'queue_unavailable'
                | 'quota_busy'
                | 'redis_unavailable'
                | 'reservation_expired'
                | 'resource_busy'
                | 'service_not_ready'
                | 'usage_backlog_full'
                | 'worker_shutdown';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Gateway Timeout: `upstream_timeout` (The model provider did not answer in time) */
      504: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'upstream_timeout';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listModels: {
    parameters: {
      query?: never;
      header?: {
        /** @description Act in this organization: its pool pays (the caller must be a member). An organization-bound API key implies it. */
        'X-Organization-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OpenAI model list */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ModelList'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'bad_request' | 'invalid_json' | 'json_too_deep' | 'request_aborted' | 'unknown_parameter';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `insufficient_scope` (The API key lacks the scope this needs); `organization_mismatch` (The API key is bound to another organization); `parent_inactive` (The sub-user's parent account is inactive) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'insufficient_scope' | 'organization_mismatch' | 'parent_inactive';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not Found: `not_found` (Not found) */
      404: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'not_found';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  retrieveModel: {
    parameters: {
      query?: never;
      header?: {
        /** @description Act in this organization: its pool pays (the caller must be a member). An organization-bound API key implies it. */
        'X-Organization-Id'?: string;
      };
      path: {
        model: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OpenAI model */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Model'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `insufficient_scope` (The API key lacks the scope this needs); `organization_mismatch` (The API key is bound to another organization); `parent_inactive` (The sub-user's parent account is inactive) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'insufficient_scope' | 'organization_mismatch' | 'parent_inactive';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not Found: `model_not_found` (The model does not exist or you do not have access to it); `not_found` (Not found) */
      404: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'model_not_found' | 'not_found';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getLlmRequestsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Status */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LlmRequestStatus'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `insufficient_scope` (The API key lacks the scope this needs) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'insufficient_scope';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not Found: `request_not_found` (No such LLM request (or not yours)) */
      404: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'request_not_found';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  deleteLlmRequestsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Already finished, or removed from the queue */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LlmRequestStatus'];
        };
      };
      /** @description Cancellation signalled to the worker */
      202: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LlmRequestStatus'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `insufficient_scope` (The API key lacks the scope this needs) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'insufficient_scope';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not Found: `request_not_found` (No such LLM request (or not yours)) */
      404: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'request_not_found';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'database_unavailable' | 'quota_busy' | 'redis_unavailable' | 'resource_busy' | 'service_not_ready';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getLlmRequestsByIdStream: {
    parameters: {
      query?: {
        /** @description The same as the Last-Event-ID header */
        last_event_id?: string;
      };
      header?: {
        /** @description The `id` of the last event received: the stream continues after it (none: from the start) */
        'Last-Event-ID'?: string;
        /** @description Act in this organization: its pool pays (the caller must be a member). An organization-bound API key implies it. */
        'X-Organization-Id'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The request's events after Last-Event-ID. text/event-stream: the events of ChatCompletionStreamEvent, then `data: [DONE]`. A failure before the first event is a plain HTTP error instead (its headers wait up to LLM_SSE_HEADER_DEFER_MS for that). */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'text/event-stream': components['schemas']['ChatCompletionStreamEvent'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `invalid_last_event_id` (Last-Event-ID is not an event id of this API); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `upstream_invalid_request` (The model provider refused the request as invalid); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'invalid_last_event_id'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'upstream_invalid_request'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `insufficient_scope` (The API key lacks the scope this needs); `organization_mismatch` (The API key is bound to another organization); `parent_inactive` (The sub-user's parent account is inactive) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'insufficient_scope' | 'organization_mismatch' | 'parent_inactive';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not Found: `not_found` (Not found); `request_not_found` (No such LLM request (or not yours)) */
      404: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'not_found' | 'request_not_found';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Conflict: `client_disconnected` (The client left and did not resume within the grace period); `request_cancelled` (The LLM request was cancelled) */
      409: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'client_disconnected' | 'request_cancelled';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Too Many Requests: `concurrency_limit_exceeded` (Too many open streams; wait Retry-After seconds); `upstream_rate_limited` (The model provider is rate limiting; wait Retry-After seconds) */
      429: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'concurrency_limit_exceeded' | 'upstream_rate_limited';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Bad Gateway: `stream_interrupted` (The worker serving the request stopped; the answer is incomplete); `upstream_auth_error` (The model provider refused this service's credentials); `upstream_error` (The model provider returned an error); `upstream_malformed_response` (The model provider sent an unreadable response); `upstream_stream_interrupted` (The model provider closed the stream early); `upstream_unavailable` (The model provider could not be reached) */
      502: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'stream_interrupted'
                | 'upstream_auth_error'
                | 'upstream_error'
                | 'upstream_malformed_response'
                | 'upstream_stream_interrupted'
                | 'upstream_unavailable';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `no_provider` (No model provider serves this model right now); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `reservation_expired` (The request's quota reservation was released; send it again); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet); `worker_shutdown` (The worker serving the request shut down) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'database_unavailable'
                | 'no_provider'
                | 'quota_busy'
                | 'redis_unavailable'
                | 'reservation_expired'
                | 'resource_busy'
                | 'service_not_ready'
                | 'worker_shutdown';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Gateway Timeout: `upstream_timeout` (The model provider did not answer in time) */
      504: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'upstream_timeout';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  createResponse: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ResponseCreateRequest'];
      };
    };
    responses: {
      /** @description A response object; with stream=true instead text/event-stream: `event: <type>` + `data: <event JSON with type and sequence_number>` (response.created, response.in_progress, response.output_item.added, response.content_part.added, response.output_text.delta, response.output_text.done, response.content_part.done, response.function_call_arguments.delta, response.function_call_arguments.done, response.output_item.done, then response.completed, response.incomplete, or error and response.failed); every event has `id: <sequence_number>` (resume: GET /v1/responses/{id}?stream=true with Last-Event-ID or starting_after) */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Response'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `upstream_invalid_request` (The model provider refused the request as invalid); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'upstream_invalid_request'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `insufficient_scope` (The API key lacks the scope this needs); `model_not_allowed` (The model is not in the payer's plan); `organization_mismatch` (The API key is bound to another organization); `parent_inactive` (The sub-user's parent account is inactive) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'insufficient_scope' | 'model_not_allowed' | 'organization_mismatch' | 'parent_inactive';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not Found: `model_not_found` (The model does not exist or you do not have access to it); `not_found` (Not found) */
      404: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'model_not_found' | 'not_found';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Conflict: `client_disconnected` (The client left and did not resume within the grace period); `request_cancelled` (The LLM request was cancelled) */
      409: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'client_disconnected' | 'request_cancelled';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding); `unsupported_media_type` (The body is not in a content type this operation reads) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding' | 'unsupported_media_type';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Too Many Requests: `concurrency_limit_exceeded` (Too many open streams; wait Retry-After seconds); `insufficient_quota` (The monthly token quota cannot cover this request); `rate_limit_exceeded` (Too many requests; wait Retry-After seconds); `upstream_rate_limited` (The model provider is rate limiting; wait Retry-After seconds) */
      429: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                'concurrency_limit_exceeded' | 'insufficient_quota' | 'rate_limit_exceeded' | 'upstream_rate_limited';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Bad Gateway: `stream_interrupted` (The worker serving the request stopped; the answer is incomplete); `upstream_auth_error` (The model provider refused this service's credentials); `upstream_error` (The model provider returned an error); `upstream_malformed_response` (The model provider sent an unreadable response); `upstream_stream_interrupted` (The model provider closed the stream early); `upstream_unavailable` (The model provider could not be reached) */
      502: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'stream_interrupted'
                | 'upstream_auth_error'
                | 'upstream_error'
                | 'upstream_malformed_response'
                | 'upstream_stream_interrupted'
                | 'upstream_unavailable';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `no_provider` (No model provider serves this model right now); `queue_unavailable` (The job queue is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `reservation_expired` (The request's quota reservation was released; send it again); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet); `usage_backlog_full` (Too many settled requests wait for the database); `worker_shutdown` (The worker serving the request shut down) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'database_unavailable'
                | 'no_provider'
                | 'queue_unavailable'
                | 'quota_busy'
                | 'redis_unavailable'
                | 'reservation_expired'
                | 'resource_busy'
                | 'service_not_ready'
                | 'usage_backlog_full'
                | 'worker_shutdown';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Gateway Timeout: `upstream_timeout` (The model provider did not answer in time) */
      504: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'upstream_timeout';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getResponsesByResponseId: {
    parameters: {
      query?: {
        stream?: 'true' | 'false';
        starting_after?: string;
      };
      header?: never;
      path: {
        response_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description text/event-stream of Responses events */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Response'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `invalid_last_event_id` (Last-Event-ID is not an event id of this API); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `upstream_invalid_request` (The model provider refused the request as invalid); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'invalid_last_event_id'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'upstream_invalid_request'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `insufficient_scope` (The API key lacks the scope this needs); `organization_mismatch` (The API key is bound to another organization); `parent_inactive` (The sub-user's parent account is inactive) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'insufficient_scope' | 'organization_mismatch' | 'parent_inactive';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not Found: `not_found` (Not found); `request_not_found` (No such LLM request (or not yours)) */
      404: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'not_found' | 'request_not_found';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Conflict: `client_disconnected` (The client left and did not resume within the grace period); `request_cancelled` (The LLM request was cancelled) */
      409: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'client_disconnected' | 'request_cancelled';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Too Many Requests: `concurrency_limit_exceeded` (Too many open streams; wait Retry-After seconds); `upstream_rate_limited` (The model provider is rate limiting; wait Retry-After seconds) */
      429: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'concurrency_limit_exceeded' | 'upstream_rate_limited';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Bad Gateway: `stream_interrupted` (The worker serving the request stopped; the answer is incomplete); `upstream_auth_error` (The model provider refused this service's credentials); `upstream_error` (The model provider returned an error); `upstream_malformed_response` (The model provider sent an unreadable response); `upstream_stream_interrupted` (The model provider closed the stream early); `upstream_unavailable` (The model provider could not be reached) */
      502: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'stream_interrupted'
                | 'upstream_auth_error'
                | 'upstream_error'
                | 'upstream_malformed_response'
                | 'upstream_stream_interrupted'
                | 'upstream_unavailable';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `no_provider` (No model provider serves this model right now); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `reservation_expired` (The request's quota reservation was released; send it again); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet); `worker_shutdown` (The worker serving the request shut down) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'database_unavailable'
                | 'no_provider'
                | 'quota_busy'
                | 'redis_unavailable'
                | 'reservation_expired'
                | 'resource_busy'
                | 'service_not_ready'
                | 'worker_shutdown';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Gateway Timeout: `upstream_timeout` (The model provider did not answer in time) */
      504: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'upstream_timeout';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  createEmbedding: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EmbeddingRequest'];
      };
    };
    responses: {
      /** @description The vectors, in input order, with usage */
      200: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EmbeddingList'];
        };
      };
      /** @description Bad Request: `bad_request` (The request could not be read); `invalid_json` (The body is not valid JSON); `json_too_deep` (The JSON body nests deeper than JSON_MAX_DEPTH); `request_aborted` (The client aborted the request while sending it); `unknown_parameter` (A query parameter this operation does not take); `upstream_invalid_request` (The model provider refused the request as invalid); `validation_error` (A field, query parameter or path segment is invalid (see param and details)) */
      400: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'bad_request'
                | 'invalid_json'
                | 'json_too_deep'
                | 'request_aborted'
                | 'unknown_parameter'
                | 'upstream_invalid_request'
                | 'validation_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unauthorized: `invalid_api_key` (The API key is unknown, revoked or expired); `invalid_token` (400: a mailed link is invalid, used or expired; 401: the access token is invalid); `missing_credentials` (No bearer credentials); `token_expired` (The access token expired; refresh it) */
      401: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'invalid_api_key' | 'invalid_token' | 'missing_credentials' | 'token_expired';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Forbidden: `insufficient_scope` (The API key lacks the scope this needs); `model_not_allowed` (The model is not in the payer's plan); `organization_mismatch` (The API key is bound to another organization); `parent_inactive` (The sub-user's parent account is inactive) */
      403: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'insufficient_scope' | 'model_not_allowed' | 'organization_mismatch' | 'parent_inactive';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Not Found: `model_not_found` (The model does not exist or you do not have access to it); `not_found` (Not found) */
      404: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'model_not_found' | 'not_found';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Conflict: `client_disconnected` (The client left and did not resume within the grace period); `request_cancelled` (The LLM request was cancelled) */
      409: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'client_disconnected' | 'request_cancelled';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Payload Too Large: `payload_too_large` (The body is larger than BODY_LIMIT) */
      413: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'payload_too_large';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Unsupported Media Type: `unsupported_charset` (JSON bodies must be UTF-8); `unsupported_encoding` (Unsupported content encoding); `unsupported_media_type` (The body is not in a content type this operation reads) */
      415: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'unsupported_charset' | 'unsupported_encoding' | 'unsupported_media_type';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Too Many Requests: `concurrency_limit_exceeded` (Too many open streams; wait Retry-After seconds); `insufficient_quota` (The monthly token quota cannot cover this request); `rate_limit_exceeded` (Too many requests; wait Retry-After seconds); `upstream_rate_limited` (The model provider is rate limiting; wait Retry-After seconds) */
      429: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                'concurrency_limit_exceeded' | 'insufficient_quota' | 'rate_limit_exceeded' | 'upstream_rate_limited';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Internal Server Error: `internal_error` (Internal server error) */
      500: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'internal_error';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Bad Gateway: `stream_interrupted` (The worker serving the request stopped; the answer is incomplete); `upstream_auth_error` (The model provider refused this service's credentials); `upstream_error` (The model provider returned an error); `upstream_malformed_response` (The model provider sent an unreadable response); `upstream_stream_interrupted` (The model provider closed the stream early); `upstream_unavailable` (The model provider could not be reached) */
      502: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'stream_interrupted'
                | 'upstream_auth_error'
                | 'upstream_error'
                | 'upstream_malformed_response'
                | 'upstream_stream_interrupted'
                | 'upstream_unavailable';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Service Unavailable: `database_unavailable` (The database is unavailable); `no_provider` (No model provider serves this model right now); `queue_unavailable` (The job queue is unavailable); `quota_busy` (The quota counters are busy); `redis_unavailable` (Redis is unavailable); `reservation_expired` (The request's quota reservation was released; send it again); `resource_busy` (Another change to the same record is in progress); `service_not_ready` (Starting: the unique indexes are not ready yet); `usage_backlog_full` (Too many settled requests wait for the database); `worker_shutdown` (The worker serving the request shut down) */
      503: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code:
                | 'database_unavailable'
                | 'no_provider'
                | 'queue_unavailable'
                | 'quota_busy'
                | 'redis_unavailable'
                | 'reservation_expired'
                | 'resource_busy'
                | 'service_not_ready'
                | 'usage_backlog_full'
                | 'worker_shutdown';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Gateway Timeout: `upstream_timeout` (The model provider did not answer in time) */
      504: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          'x-should-retry': components['headers']['x-should-retry'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              message: string;
              type: string;
              /** @enum {string} */
              code: 'upstream_timeout';
              param?: string;
              details?: unknown;
            };
          };
        };
      };
      /** @description Any other error */
      default: {
        headers: {
          'X-Request-Id': components['headers']['X-Request-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
}
