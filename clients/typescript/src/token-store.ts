import type { User } from './types.js';

/** A signed-in session as stored: what every window sharing the store needs to call the API. */
export interface StoredSession {
  access_token: string;
  refresh_token: string;
  /** When the access token expires, in milliseconds since the epoch. */
  expires_at: number;
  /** The user as of the sign-in (balances change; read them with `balance()`). */
  user?: User;
}

export interface StoredCredentials {
  session?: StoredSession;
  /**
   * The known-client token of this installation's last password sign-in: sent with the next one, so strangers
   * failing sign-ins for this account cannot lock this client out. Kept when the session ends.
   */
  known_client_token?: string;
}

export interface Disposable {
  dispose(): unknown;
}

/**
 * Where the client keeps credentials. Several clients (VS Code windows) may share one store: the client reads it
 * again before every refresh, so a window adopts what another one stored instead of presenting a spent token.
 */
export interface TokenStore {
  read(): Promise<StoredCredentials>;
  write(credentials: StoredCredentials): Promise<void>;
  /** Optional: called when another writer changed the store, so cached credentials are dropped. */
  onDidChange?(listener: () => void): Disposable;
}

/** A store in this process's memory (tests, scripts); clients given the same one share it like windows do. */
export function memoryTokenStore(initial: StoredCredentials = {}): TokenStore {
  let value = JSON.stringify(initial);
  const listeners = new Set<() => void>();
  return {
    read: async () => JSON.parse(value) as StoredCredentials,
    write: async (credentials) => {
      value = JSON.stringify(credentials);
      for (const listener of listeners) listener();
    },
    onDidChange(listener) {
      listeners.add(listener);
      return { dispose: () => listeners.delete(listener) };
    },
  };
}

/** The part of VS Code's `SecretStorage` (`context.secrets`) the adapter uses; no dependency on `vscode`. */
export interface SecretStorageLike {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
  onDidChange(listener: (event: { key: string }) => unknown): Disposable;
}

export const DEFAULT_SECRET_KEY = 'aicoder.credentials';

/**
 * A token store in VS Code's secret storage (the OS keychain), one JSON value under `key`. VS Code shares it
 * between the windows of one extension and reports changes made by any of them.
 */
export function secretStorageTokenStore(secrets: SecretStorageLike, key = DEFAULT_SECRET_KEY): TokenStore {
  return {
    async read() {
      const raw = await secrets.get(key);
      if (!raw) return {};
      try {
        return JSON.parse(raw) as StoredCredentials;
      } catch {
        return {};
      }
    },
    async write(credentials) {
      if (!credentials.session && !credentials.known_client_token) await secrets.delete(key);
      else await secrets.store(key, JSON.stringify(credentials));
    },
    onDidChange(listener) {
      return secrets.onDidChange((event) => {
        if (event.key === key) listener();
      });
    },
  };
}
