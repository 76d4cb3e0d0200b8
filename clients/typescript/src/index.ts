export { AiCoderClient, type AiCoderClientOptions, type CallOptions } from './client.js';
export { ChatStream, type ChatStreamOptions, type ChatStreamRequest } from './chat-stream.js';
export {
  AiCoderError,
  REFRESH_CODES,
  RETRYABLE_CODES,
  SESSION_ENDED_CODES,
  isAiCoderError,
  type ClientErrorCode,
  type DocumentedErrorCode,
  type ErrorCode,
  type HandledErrorCode,
} from './errors.js';
export { codeChallenge, type PendingOAuth } from './oauth.js';
export { Session } from './session.js';
export {
  DEFAULT_SECRET_KEY,
  memoryTokenStore,
  secretStorageTokenStore,
  type SecretStorageLike,
  type StoredCredentials,
  type StoredSession,
  type TokenStore,
} from './token-store.js';
export type { Sleep, TransportOptions } from './transport.js';
export type * from './types.js';
export type { components, paths } from './generated/openapi.js';
