import { ChatStream, type ChatStreamOptions, type ChatStreamRequest } from './chat-stream.js';
import type { AiCoderError } from './errors.js';
import { codeOfRedirect, startOAuth, type PendingOAuth } from './oauth.js';
import { Session } from './session.js';
import { memoryTokenStore, type StoredSession, type TokenStore } from './token-store.js';
import { Transport, type Query, type TransportOptions } from './transport.js';
import type {
  ChatCompletion,
  ChatCompletionRequest,
  LlmRequestStatus,
  LoginResponse,
  ModelList,
  OAuthProvider,
  TokenBalance,
  TokenUsageHistory,
  UsageQuery,
  UsageStats,
  User,
  VscodeConfig,
} from './types.js';

export interface AiCoderClientOptions extends TransportOptions {
  /** Where credentials live; windows sharing one stay signed in together. Default: this process's memory. */
  store?: TokenStore;
  /** An access token this close to its expiry is refreshed before use. Default 60 s. */
  refreshSkewMs?: number;
  /** Called when the session ended (revoked, expired, replayed): ask the user to sign in again. */
  onSignedOut?: (reason: AiCoderError) => void;
}

export interface CallOptions {
  /** `X-Organization-Id`: act in this organization's context (its pool pays). */
  organizationId?: string;
  signal?: AbortSignal;
}

/** The AI Coder API for the extension: sign-in, the session, chat, balance and usage. */
export class AiCoderClient {
  readonly transport: Transport;
  readonly session: Session;

  constructor(options: AiCoderClientOptions) {
    this.transport = new Transport(options);
    this.session = new Session({
      store: options.store ?? memoryTokenStore(),
      transport: this.transport,
      refreshSkewMs: options.refreshSkewMs,
      onSignedOut: options.onSignedOut,
    });
  }

  /** Signs in with email and password (`POST /auth/login-json`) and stores the session. */
  async signInWithPassword(email: string, password: string): Promise<LoginResponse> {
    const response = await this.transport.json<LoginResponse>('/auth/login-json', {
      json: { email, password, known_client_token: await this.session.knownClientToken() },
    });
    await this.session.signedIn(response);
    return response;
  }

  /**
   * Starts a GitHub or Google sign-in: open the returned `url` in the browser (`vscode.env.openExternal`) and keep
   * the rest for `completeOAuth`. `redirectUri` is `vscode://<publisher.name>/<path>` (the server's allowlist).
   */
  startOAuth(provider: OAuthProvider, redirectUri: string): Promise<PendingOAuth> {
    return startOAuth(this.transport.baseUrl, provider, redirectUri);
  }

  /** Finishes it with the `vscode://` redirect the extension's UriHandler received: exchanges the one-time code. */
  async completeOAuth(redirect: string | URL, pending: PendingOAuth): Promise<LoginResponse> {
    const response = await this.transport.json<LoginResponse>('/auth/oauth/exchange', {
      json: { code: codeOfRedirect(redirect, pending), code_verifier: pending.verifier },
    });
    await this.session.signedIn(response);
    return response;
  }

  /** The stored session, if any. */
  currentSession(): Promise<StoredSession | undefined> {
    return this.session.current();
  }

  /** Rotates the refresh token now (it also happens by itself before the access token expires). */
  refresh(): Promise<StoredSession> {
    return this.session.refresh();
  }

  /** Ends the session on the server (`POST /auth/logout`) and forgets it. */
  async signOut(): Promise<void> {
    const session = await this.session.current();
    if (session) {
      await this.transport.send('/auth/logout', { json: { refresh_token: session.refresh_token } }).catch(() => {
        // Signed out here whatever the server says: an unreachable server or an ended session changes nothing.
      });
    }
    await this.session.forget(session);
  }

  me(options: CallOptions = {}): Promise<User> {
    return this.get('/auth/me', options);
  }

  vscodeConfig(options: CallOptions = {}): Promise<VscodeConfig> {
    return this.get('/auth/vscode-config', options);
  }

  models(options: CallOptions = {}): Promise<ModelList> {
    return this.get('/v1/models', options);
  }

  /** What the payer has left (`GET /tokens/balance`): `available` is what this caller can spend now. */
  balance(options: CallOptions = {}): Promise<TokenBalance> {
    return this.get('/tokens/balance', options);
  }

  /** The ledger, newest first, with totals per day or model (`GET /tokens/usage`). */
  usage(query: UsageQuery = {}, options: CallOptions = {}): Promise<TokenUsageHistory> {
    return this.get('/tokens/usage', { ...options, query });
  }

  /** Quota fields, this period's totals, and usage per day and model over the last `days` days. */
  usageStats(days = 30, options: CallOptions = {}): Promise<UsageStats> {
    return this.get('/users/usage-stats', { ...options, query: { days } });
  }

  /** A streamed chat completion: `for await (const chunk of client.streamChat(...))`; see ChatStream. */
  streamChat(body: ChatStreamRequest, options: ChatStreamOptions = {}): ChatStream {
    return new ChatStream({ transport: this.transport, session: this.session }, body, options);
  }

  /** A chat completion in one answer. */
  createChatCompletion(
    body: Omit<ChatCompletionRequest, 'stream'>,
    options: CallOptions = {},
  ): Promise<ChatCompletion> {
    return this.session.authorized((token) =>
      this.transport.json<ChatCompletion>('/v1/chat/completions', {
        json: { ...body, stream: false },
        headers: this.headers(token, options),
        signal: options.signal,
      }),
    );
  }

  /** An LLM request's status (`GET /llm/requests/{id}`). */
  requestStatus(id: string, options: CallOptions = {}): Promise<LlmRequestStatus> {
    return this.get(`/llm/requests/${encodeURIComponent(id)}`, options);
  }

  /** Stops an LLM request (`DELETE /llm/requests/{id}`): billed only what it produced. */
  cancelRequest(id: string, options: CallOptions = {}): Promise<LlmRequestStatus> {
    return this.session.authorized((token) =>
      this.transport.json<LlmRequestStatus>(`/llm/requests/${encodeURIComponent(id)}`, {
        method: 'DELETE',
        headers: this.headers(token, options),
        signal: options.signal,
      }),
    );
  }

  /** Stops listening to the token store. */
  dispose(): void {
    this.session.dispose();
  }

  private get<T>(path: string, options: CallOptions & { query?: Query }): Promise<T> {
    return this.session.authorized((token) =>
      this.transport.json<T>(path, {
        query: options.query,
        headers: this.headers(token, options),
        signal: options.signal,
      }),
    );
  }

  private headers(token: string, options: CallOptions): Record<string, string> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (options.organizationId) headers['x-organization-id'] = options.organizationId;
    return headers;
  }
}
