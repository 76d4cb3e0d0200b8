export interface RedirectPolicy {
  /** The VS Code extension id (publisher.name): vscode://<id>/<any path>?<any query> is allowed. */
  extensionId: string;
  /** Extra redirect URIs, matched exactly (loopback IP entries match on any port, RFC 8252 §7.3). */
  extra: readonly string[];
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]']);
const PRINTABLE_ASCII = /^[\x21-\x7E]{1,2048}$/;

function parse(uri: string): URL | undefined {
  try {
    return new URL(uri);
  } catch {
    return undefined;
  }
}

function isExtensionUri(uri: string, url: URL, extensionId: string): boolean {
  const prefix = `vscode://${extensionId}/`.toLowerCase();
  return (
    url.protocol === 'vscode:' &&
    url.hostname.toLowerCase() === extensionId.toLowerCase() &&
    !url.port &&
    uri.toLowerCase().startsWith(prefix)
  );
}

function matchesEntry(uri: string, url: URL, entry: string): boolean {
  if (uri === entry) return true;
  const allowed = parse(entry);
  if (!allowed || allowed.protocol !== 'http:' || !LOOPBACK_HOSTS.has(allowed.hostname)) return false;
  return (
    url.protocol === allowed.protocol &&
    url.hostname === allowed.hostname &&
    url.pathname === allowed.pathname &&
    url.search === allowed.search
  );
}

/**
 * Where a sign-in may hand its one-time code: the configured extension's own vscode:// URIs, or an operator's
 * exact entries. Anything with a fragment, credentials, spaces or non-ASCII characters is refused outright.
 */
export function isAllowedRedirect(uri: string, policy: RedirectPolicy): boolean {
  if (!PRINTABLE_ASCII.test(uri) || uri.includes('#')) return false;
  const url = parse(uri);
  if (!url || url.username || url.password) return false;
  return isExtensionUri(uri, url, policy.extensionId) || policy.extra.some((entry) => matchesEntry(uri, url, entry));
}

/** The redirect back to the extension with our parameters added (its own query is kept). */
export function redirectWith(uri: string, params: Record<string, string>): string {
  const url = new URL(uri);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}
