import { AiCoderError, REFRESH_CODES, isAiCoderError } from './errors.js';
import type { Disposable, StoredSession, TokenStore } from './token-store.js';
import type { Transport } from './transport.js';
import type { LoginResponse, TokenPair } from './types.js';

export interface SessionOptions {
  store: TokenStore;
  transport: Transport;
  /** An access token this close to its expiry is refreshed before use. Default 60 s. */
  refreshSkewMs?: number;
  /** Called when the session ended (revoked, expired, replayed): the user has to sign in again. */
  onSignedOut?: (reason: AiCoderError) => void;
}

const notSignedIn = () => new AiCoderError(0, 'not_signed_in', 'Not signed in');

/**
 * The signed-in session: hands out a valid access token, refreshing it when needed. A refresh is single-flight in
 * this client, and always starts from what the store holds now, so a window that another one has overtaken adopts
 * the newer session instead of presenting a spent refresh token (which would revoke the session for every window).
 */
export class Session {
  private cached: StoredSession | undefined;
  private loaded = false;
  private refreshing: Promise<StoredSession> | undefined;
  private readonly subscription: Disposable | undefined;
  private readonly store: TokenStore;
  private readonly transport: Transport;
  private readonly skewMs: number;

  constructor(private readonly options: SessionOptions) {
    this.store = options.store;
    this.transport = options.transport;
    this.skewMs = options.refreshSkewMs ?? 60_000;
    this.subscription = this.store.onDidChange?.(() => {
      this.loaded = false;
    });
  }

  /** The stored session (read once, then again after the store reports a change). */
  async current(): Promise<StoredSession | undefined> {
    if (!this.loaded) {
      this.cached = (await this.store.read()).session;
      this.loaded = true;
    }
    return this.cached;
  }

  async accessToken(): Promise<string> {
    const session = await this.current();
    if (!session) throw notSignedIn();
    if (!this.expiring(session)) return session.access_token;
    return (await this.refresh(session.access_token)).access_token;
  }

  /** Runs `send` with an access token; when the server refuses the token, refreshes once and runs it again. */
  async authorized<T>(send: (accessToken: string) => Promise<T>): Promise<T> {
    const token = await this.accessToken();
    try {
      return await send(token);
    } catch (error) {
      if (!isAiCoderError(error, ...REFRESH_CODES)) throw error;
      return send((await this.refresh(token)).access_token);
    }
  }

  /**
   * Rotates the refresh token (one rotation at a time in this client). With `staleAccessToken`, the token that
   * was refused or is expiring: when the store already holds another, valid one, it is adopted without a rotation.
   */
  refresh(staleAccessToken?: string): Promise<StoredSession> {
    this.refreshing ??= this.rotate(staleAccessToken).finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  /** Stores the session of a sign-in (password or OAuth). */
  async signedIn(response: LoginResponse): Promise<StoredSession> {
    const session: StoredSession = {
      access_token: response.access_token,
      refresh_token: response.refresh_token,
      expires_at: this.transport.now() + response.expires_in * 1000,
      user: response.user,
    };
    const credentials = await this.store.read();
    await this.store.write({
      ...credentials,
      session,
      known_client_token: response.known_client_token ?? credentials.known_client_token,
    });
    return this.adopt(session);
  }

  /** Forgets the session here and in the store (when the store still holds it: never another window's new one). */
  async forget(session: StoredSession | undefined): Promise<void> {
    const credentials = await this.store.read();
    if (credentials.session && (!session || credentials.session.refresh_token === session.refresh_token)) {
      await this.store.write({ ...credentials, session: undefined });
    }
    this.cached = undefined;
    this.loaded = false;
  }

  async knownClientToken(): Promise<string | undefined> {
    return (await this.store.read()).known_client_token;
  }

  dispose(): void {
    this.subscription?.dispose();
  }

  private expiring(session: StoredSession): boolean {
    return session.expires_at - this.skewMs <= this.transport.now();
  }

  private adopt(session: StoredSession): StoredSession {
    this.cached = session;
    this.loaded = true;
    return session;
  }

  private async rotate(staleAccessToken: string | undefined): Promise<StoredSession> {
    // Another window may have rotated the token since this one read it: start from the store, never the cache.
    const session = (await this.store.read()).session;
    if (!session) throw await this.ended(notSignedIn(), undefined);
    if (staleAccessToken !== undefined && session.access_token !== staleAccessToken && !this.expiring(session)) {
      return this.adopt(session);
    }
    try {
      return await this.exchange(session);
    } catch (error) {
      if (!isAiCoderError(error, 'refresh_token_reused')) throw await this.ended(error, session);
      // The token read was already spent: another window stored a newer session meanwhile. Use that one, once.
      const newer = (await this.store.read()).session;
      if (!newer || newer.refresh_token === session.refresh_token) throw await this.ended(error, session);
      if (!this.expiring(newer)) return this.adopt(newer);
      return this.exchange(newer).catch(async (again: unknown) => {
        throw await this.ended(again, newer);
      });
    }
  }

  private async exchange(session: StoredSession): Promise<StoredSession> {
    const pair = await this.transport.json<TokenPair>('/auth/refresh', {
      json: { refresh_token: session.refresh_token },
    });
    const next: StoredSession = {
      ...session,
      access_token: pair.access_token,
      refresh_token: pair.refresh_token,
      expires_at: this.transport.now() + pair.expires_in * 1000,
    };
    const credentials = await this.store.read();
    await this.store.write({ ...credentials, session: next });
    return this.adopt(next);
  }

  /** When `error` ended the session, forgets it and tells the listener; returns the error to throw. */
  private async ended(error: unknown, session: StoredSession | undefined): Promise<unknown> {
    if (!(error instanceof AiCoderError) || !(error.sessionEnded || error.code === 'not_signed_in')) return error;
    await this.forget(session);
    if (session) this.options.onSignedOut?.(error);
    return error;
  }
}
