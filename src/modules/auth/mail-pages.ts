import type { Response } from 'express';
import { escapeHtml } from '../../lib/html.js';
import { setPageCsp } from '../../middleware/security-headers.js';

/** No scripts, nothing loaded from anywhere; forms post to this origin only. */
const PAGE_CSP = ["default-src 'none'", "style-src 'unsafe-inline'", "form-action 'self'", "base-uri 'none'"];

const STYLE = `body{font-family:system-ui,sans-serif;background:#f4f5f7;display:flex;min-height:100vh;align-items:center;justify-content:center;margin:0}
main{background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.15);width:22rem}
h1{font-size:1.2rem;margin:0 0 1rem}label{display:block;margin:.75rem 0 .25rem;font-size:.9rem}
input{width:100%;box-sizing:border-box;padding:.5rem;border:1px solid #ccc;border-radius:4px}
button{margin-top:1.25rem;width:100%;padding:.6rem;border:0;border-radius:4px;background:#2563eb;color:#fff;font-size:1rem}
.error{color:#b91c1c;font-size:.9rem}p{line-height:1.4}`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · AI Coder</title><style>${STYLE}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

/** Sends an HTML page: its own CSP, never cached (it may hold a token), no Referer leaving it. */
export function sendPage(res: Response, status: number, html: string): void {
  setPageCsp(res, PAGE_CSP);
  res.setHeader('Cache-Control', 'no-store');
  res.status(status).type('html').send(html);
}

const notice = (message?: string) => (message ? `<p class="error" role="alert">${escapeHtml(message)}</p>` : '');
const hidden = (token: string) => `<input type="hidden" name="token" value="${escapeHtml(token)}">`;

export const pages = {
  resetForm: (token: string, message?: string) =>
    page(
      'Choose a new password',
      `${notice(message)}
<form method="post" action="/auth/password/reset">${hidden(token)}
<label for="new_password">New password (at least 8 characters)</label>
<input id="new_password" name="new_password" type="password" autocomplete="new-password" minlength="8" required>
<button type="submit">Set the password</button></form>
<p>Setting it signs you out everywhere.</p>`,
    ),
  verifyForm: (
    token: string,
    {
      newAddress,
      email,
      needsPassword,
      message,
    }: { newAddress: boolean; email: string; needsPassword: boolean; message?: string },
  ) =>
    page(
      newAddress ? 'Confirm your new address' : 'Confirm your address',
      `${notice(message)}
<p>${newAddress ? 'Use' : 'Confirm'} <strong>${escapeHtml(email)}</strong> ${newAddress ? 'as the address of your account.' : 'as the address of your account.'}</p>
<form method="post" action="/auth/verify-email">${hidden(token)}
${
  needsPassword
    ? `<label for="password">Your password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<p>${newAddress ? 'The password of the account that asked for this address. If you did not ask, do not confirm.' : 'If you did not create this account, do not confirm: use “Forgot password” with this address instead.'}</p>`
    : ''
}
<button type="submit">Confirm</button></form>`,
    ),
  cancelChangeForm: (token: string, email: string, message?: string) =>
    page(
      'Cancel the address change',
      `${notice(message)}
<p>Your account asked to move to <strong>${escapeHtml(email)}</strong>. Cancel it if you did not ask for it.</p>
<form method="post" action="/auth/email-change/cancel">${hidden(token)}
<button type="submit">Cancel the change</button></form>
<p>Then reset your password: whoever asked for it may know it.</p>`,
    ),
  done: (title: string, message: string) => page(title, `<p>${escapeHtml(message)}</p><p>You can close this page.</p>`),
  invalidLink: () =>
    page(
      'This link does not work',
      '<p>The link is invalid, was already used, or has expired. Ask for a new one from the extension.</p>',
    ),
};
