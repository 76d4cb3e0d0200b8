import type { Config } from '../../config/index.js';
import { BadRequestError } from '../../lib/errors.js';

const EDITOR_SCHEMES = new Set(['vscode:', 'vscode-insiders:']);
const PRINTABLE_ASCII = /^[\x21-\x7E]{1,2048}$/;

/**
 * Where Stripe may send the browser back to after checkout or the portal: PUBLIC_URL's origin, the origins in
 * BILLING_REDIRECT_ALLOWLIST, and the extension's own vscode:// URI (so nobody can use our checkout as an open
 * redirect or to hand a session to a foreign page).
 */
export function createRedirectPolicy(
  config: Pick<
    Config,
    'PUBLIC_URL' | 'BILLING_REDIRECT_ALLOWLIST' | 'VSCODE_EXTENSION_ID' | 'BILLING_SUCCESS_URL' | 'BILLING_CANCEL_URL'
  >,
) {
  const origins = new Set([config.PUBLIC_URL, ...config.BILLING_REDIRECT_ALLOWLIST].map((url) => new URL(url).origin));
  const extension = config.VSCODE_EXTENSION_ID.toLowerCase();
  const editorBase = `vscode://${config.VSCODE_EXTENSION_ID}`;

  function allowed(value: string): boolean {
    if (!PRINTABLE_ASCII.test(value)) return false;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return false;
    }
    if (url.username || url.password) return false;
    if (EDITOR_SCHEMES.has(url.protocol)) return !url.port && url.hostname.toLowerCase() === extension;
    return (url.protocol === 'https:' || url.protocol === 'http:') && origins.has(url.origin);
  }

  /** Returns the URL if allowed; otherwise a 400 naming the field. */
  function check(value: string | undefined, fallback: string, param: string): string {
    if (value === undefined) return fallback;
    if (!allowed(value)) {
      throw new BadRequestError(
        `${param} must point to this service (${[...origins].join(', ')}) or to the extension (${editorBase}/...)`,
        {
          code: 'redirect_not_allowed',
          param,
        },
      );
    }
    return value;
  }

  return {
    check,
    defaults: {
      success: config.BILLING_SUCCESS_URL ?? `${editorBase}/billing/success?session_id={CHECKOUT_SESSION_ID}`,
      cancel: config.BILLING_CANCEL_URL ?? `${editorBase}/billing/cancel`,
      portalReturn: `${editorBase}/billing`,
    },
  };
}
export type RedirectPolicy = ReturnType<typeof createRedirectPolicy>;
