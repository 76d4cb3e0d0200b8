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

/** An error answer: its status, its code when given, and the request id every answer carries. */
export function expectError(
  res: { status: number; body: { error?: { code?: string } }; headers: Record<string, string> },
  status: number,
  code?: string,
): void {
  expect(res.status).toBe(status);
  expect(res.body.error).toMatchObject(code ? { code } : {});
  expect(res.headers['x-request-id']).toBeTruthy();
}
