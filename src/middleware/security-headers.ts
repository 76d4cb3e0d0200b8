import type { RequestHandler, Response } from 'express';

/** JSON answers (and anything without its own policy): nothing may load, run or frame them. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
const ONE_YEAR_SECONDS = 365 * 24 * 3600;

/**
 * Headers on every answer (a few of helmet's, written out): no MIME sniffing, no framing (clickjacking on /docs and
 * the admin pages), no Referer leaving with tokens in URLs, a deny-all CSP that HTML pages replace with their own
 * (`setPageCsp`), and HSTS when the public URL is https. No CORS headers: the extension calls from Node, not a page.
 */
export function securityHeaders({ https }: { https: boolean }): RequestHandler {
  return (_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Content-Security-Policy', API_CSP);
    if (https) res.setHeader('Strict-Transport-Security', `max-age=${ONE_YEAR_SECONDS}; includeSubDomains`);
    next();
  };
}

/** An HTML page's policy: its directives plus the ones every page keeps (no framing, no foreign base or objects). */
export function setPageCsp(res: Response, directives: string[]): void {
  res.setHeader('Content-Security-Policy', [...directives, "frame-ancestors 'none'", "object-src 'none'"].join('; '));
}
