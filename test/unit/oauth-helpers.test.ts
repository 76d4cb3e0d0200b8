import { describe, expect, it } from 'vitest';
import { isAllowedRedirect, redirectWith } from '../../src/modules/auth/oauth/redirect-allowlist.js';
import { s256, verifierMatches } from '../../src/modules/auth/oauth/pkce.js';
import { ipBucket } from '../../src/lib/ip.js';

const policy = {
  extensionId: 'aicoder.aicoder-vscode',
  extra: ['https://app.example.com/oauth/done', 'http://127.0.0.1/callback', 'http://[::1]/callback'],
};

describe('redirect allowlist', () => {
  it.each([
    'vscode://aicoder.aicoder-vscode/auth-callback',
    'vscode://aicoder.aicoder-vscode/auth-callback?window=2',
    'vscode://AICoder.AICoder-VSCode/auth',
    'https://app.example.com/oauth/done',
    'http://127.0.0.1/callback',
    'http://127.0.0.1:49152/callback',
    'http://[::1]:8080/callback',
  ])('allows %s', (uri) => expect(isAllowedRedirect(uri, policy)).toBe(true));

  it.each([
    'vscode://aicoder.aicoder-vscode',
    'vscode://other.publisher/auth-callback',
    'vscode://aicoder.aicoder-vscode.evil.com/x',
    'vscode://aicoder.aicoder-vscode@evil.com/x',
    'vscode://user@aicoder.aicoder-vscode/x',
    'vscode://aicoder.aicoder-vscode:443/x',
    'vscode://aicoder.aicoder-vscode/x#frag',
    'vscode://aicoder.aicoder-vscode/a b',
    'vscode://aicoder.aicoder-vscode/é',
    'vscode-insiders://aicoder.aicoder-vscode/x',
    'https://app.example.com/oauth/done?extra=1',
    'https://app.example.com/oauth/done/',
    'https://app.example.com:444/oauth/done',
    'http://app.example.com/oauth/done',
    'https://app.example.com.evil.com/oauth/done',
    'http://127.0.0.1:5000/callback/../evil',
    'http://localhost/callback',
    'http://127.0.0.2/callback',
    'javascript:alert(1)',
    '',
    `vscode://aicoder.aicoder-vscode/${'a'.repeat(2100)}`,
  ])('refuses %s', (uri) => expect(isAllowedRedirect(uri, policy)).toBe(false));

  it('adds parameters and keeps the extension query', () => {
    const url = new URL(redirectWith('vscode://aicoder.aicoder-vscode/cb?window=2', { code: 'a+b/c', state: 's t' }));
    expect(url.searchParams.get('window')).toBe('2');
    expect(url.searchParams.get('code')).toBe('a+b/c');
    expect(url.searchParams.get('state')).toBe('s t');
  });
});

describe('PKCE S256', () => {
  it('matches the RFC 7636 appendix B example', () => {
    expect(s256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    expect(
      verifierMatches('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'),
    ).toBe(true);
    expect(
      verifierMatches('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXj', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'),
    ).toBe(false);
    expect(verifierMatches('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk', 'short')).toBe(false);
  });
});

describe('ipBucket', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:ffff:0:0:9', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['unknown', 'unknown'],
  ])('%s -> %s', (ip, bucket) => expect(ipBucket(ip)).toBe(bucket));
});
