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
    post: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WebhookAck'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    get: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'ok';
            };
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    get: {
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
        /** @description Not ready */
        503: {
          headers: {
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
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    post: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              user: components['schemas']['User'];
            };
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    post: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['FormLoginResponse'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    post: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['LoginResponse'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    post: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['TokenPair'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    post: {
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
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    get: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['User'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    get: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['VscodeConfig'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    get: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SessionList'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** End every session but this one */
    delete: {
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
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    delete: {
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
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    post: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Accepted'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    get: {
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
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The link does not work */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Set a new password with a reset link's token; signs out every session (API keys stay) */
    post: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Accepted'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    post: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Accepted'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    get: {
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
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The link does not work */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Confirm an address with a verification or address-change link's token */
    post: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['EmailVerified'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    get: {
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
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description The link does not work */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Cancel a pending address change with the change notice's link token (no sign-in needed) */
    post: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['EmailChangeCancelled'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    get: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiKeyList'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Create an API key (the key is shown in this response only) */
    post: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CreatedApiKey'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    delete: {
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
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    post: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['RotatedApiKey'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    get: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Me'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Deactivate my account (password required); sessions and API keys are revoked */
    delete: {
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
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Update name, profile and alerts; a new email needs current_password and changes once the new address confirms (202) */
    patch: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Me'];
          };
        };
        /** @description Updated; the address change waits for the link mailed to pending_email */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Me'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    post: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['TokenPair'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    get: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AdminUserList'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    get: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AdminUser'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change role, tier, status or limits */
    patch: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AdminUser'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    get: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AdminStats'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    get: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AdminUsageReport'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    get: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['OrganizationList'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Create an organization (you become its owner) */
    post: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Organization'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    get: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ReceivedOrganizationInvitationList'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    post: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Organization'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    post: {
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
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    get: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Organization'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete (owner only): members detached, organization keys revoked */
    delete: {
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
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Rename or change settings (owner or admin) */
    patch: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Organization'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    get: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['OrganizationMemberList'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Invite an existing account by email (owner or admin); it becomes a member once it accepts */
    post: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['OrganizationInvitation'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    get: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['OrganizationInvitationList'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    delete: {
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
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    delete: {
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
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change a member's role or monthly cap; role "owner" transfers ownership */
    patch: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['OrganizationMember'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    get: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SubUserList'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Create a sub-user (its own login; usage counts against your quota) */
    post: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SubUser'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    get: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SubUser'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a sub-user (sessions and keys revoked) */
    delete: {
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
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change name, password, permissions, limits, or disable */
    patch: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SubUser'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    get: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SubUserUsage'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    get: {
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
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    get: {
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
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    post: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['LoginResponse'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    get: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Plans'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    get: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CurrentSubscription'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    post: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CheckoutSession'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    post: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PortalSession'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    post: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CurrentSubscription'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    post: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CurrentSubscription'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    post: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['QuotaResetAccepted'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Balance */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['TokenBalance'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    get: {
      parameters: {
        query?: {
          page?: string;
          limit?: string;
          from?: string;
          to?: string;
          group_by?: 'day' | 'model';
          model?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description History */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['TokenUsageHistory'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    get: {
      parameters: {
        query?: {
          days?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Summary */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['UsageStats'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    get: {
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
            [name: string]: unknown;
          };
          content: {
            'text/plain': string;
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ChatCompletionRequest'];
        };
      };
      responses: {
        /** @description A chat.completion; with stream=true instead text/event-stream: `id:` + `data: <chat.completion.chunk>` events, then `data: [DONE]` */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ChatCompletion'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description OpenAI model list */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ModelList'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    /** One model, if the caller may use it */
    get: {
      parameters: {
        query?: never;
        header?: never;
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Model'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    get: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['LlmRequestStatus'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Cancel a request: a queued one ends now (billed nothing), a running one is stopped (billed what it produced) */
    delete: {
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
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['LlmRequestStatus'];
          };
        };
        /** @description Cancellation signalled to the worker */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['LlmRequestStatus'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
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
    get: {
      parameters: {
        query?: {
          last_event_id?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description SSE stream */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/event-stream': components['schemas']['ChatCompletionChunkStream'];
          };
        };
        /** @description Error */
        default: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
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
        code: string;
        param?: string;
        details?: unknown;
      };
    };
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
      api_endpoint: string;
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
      api_endpoint: string;
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
          tool_calls?: unknown[];
        };
        logprobs?: unknown;
        finish_reason: string | null;
      }[];
      usage: {
        prompt_tokens: number;
        completion_tokens: number;
        total_tokens: number;
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
      usage: {
        prompt_tokens: number;
        completion_tokens: number;
        total_tokens: number;
        /** @enum {string} */
        source: 'reported' | 'counted' | 'none';
      } | null;
      error: {
        code: string;
        message: string;
      } | null;
      cancel_requested: boolean;
    };
    /** @description Server-Sent Events: each event has an `id` and `data: <chat.completion.chunk JSON>`; the last is `data: [DONE]`. An error after the stream started arrives as `data: {"error": {...}}` before `[DONE]`. */
    ChatCompletionChunkStream: string;
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
