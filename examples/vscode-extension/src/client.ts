import * as vscode from 'vscode';
import type { AiCoderClient } from '@aicoder/client' with { 'resolution-mode': 'import' };

/** The client module, loaded once: @aicoder/client is ESM, and VS Code loads this extension as CommonJS. */
export const loadClientModule = () => import('@aicoder/client');
export type ClientModule = Awaited<ReturnType<typeof loadClientModule>>;

/**
 * One client for this window, its session kept in VS Code's secret storage: every window of the extension shares it,
 * so signing in (or a token refresh) in one window serves them all, and no window signs another one out.
 */
export function createClient(
  module: ClientModule,
  context: vscode.ExtensionContext,
  onSignedOut: () => void,
): AiCoderClient {
  const settings = vscode.workspace.getConfiguration('aicoder');
  return new module.AiCoderClient({
    baseUrl: settings.get<string>('serverUrl', 'http://localhost:8000'),
    store: module.secretStorageTokenStore(context.secrets),
    headers: { 'user-agent': `aicoder-vscode/${String(context.extension.packageJSON.version)}` },
    onSignedOut,
  });
}

/** A message for the user from any error the client raises. */
export function describeError(module: ClientModule, error: unknown): string {
  if (!module.isAiCoderError(error)) return error instanceof Error ? error.message : String(error);
  switch (error.code) {
    case 'not_signed_in':
      return 'Sign in first (AI Coder: Sign in with GitHub).';
    case 'insufficient_quota':
      return 'Your monthly tokens are used up: upgrade your plan or wait for the next period.';
    case 'rate_limit_exceeded':
    case 'concurrency_limit_exceeded':
      return `Too many requests right now; try again in ${Math.ceil((error.retryAfterMs ?? 1000) / 1000)} s.`;
    default:
      return error.sessionEnded ? 'Your session ended; sign in again.' : `${error.message} (${error.code})`;
  }
}
