import { expect } from 'vitest';

/** The contract's error shape, with nothing that looks like a stack trace or an internal. */
export function expectCleanError(body: unknown, code?: string): void {
  expect(body).toMatchObject({
    error: { message: expect.any(String), type: expect.any(String), code: code ?? expect.any(String) },
  });
  const allowed = ['message', 'type', 'code', 'param', 'details'];
  expect(Object.keys((body as { error: object }).error).every((key) => allowed.includes(key))).toBe(true);
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/\bat \S+ \(|node_modules|\.ts:\d+|Error: |password_hash|\$2[aby]\$/);
}
