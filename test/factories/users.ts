import { randomBytes } from 'node:crypto';
import type { TestApp } from '../helpers/harness.js';
import { UserModel } from '../../src/models/user.js';

export const TEST_PASSWORD = 'correct horse battery';

export const uniqueEmail = (label = 'user') => `${label}-${randomBytes(4).toString('hex')}@example.com`;

/** Registers a user through the real API and signs in; returns the tokens and the public user. */
export async function registerAndLogin(app: TestApp, email = uniqueEmail(), password = TEST_PASSWORD) {
  const register = await app.request.post('/auth/register').send({ email, password });
  if (register.status !== 201) throw new Error(`register failed: ${register.status} ${JSON.stringify(register.body)}`);
  const login = await app.request.post('/auth/login-json').send({ email, password });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${JSON.stringify(login.body)}`);
  return {
    email,
    password,
    user: login.body.user as { id: string; email: string },
    accessToken: login.body.access_token as string,
    refreshToken: login.body.refresh_token as string,
    auth: { Authorization: `Bearer ${login.body.access_token as string}` },
  };
}

/** A registered, signed-in user whose address counts as proven (set in the database, as a verification link would). */
export async function registerVerified(app: TestApp, email = uniqueEmail(), password = TEST_PASSWORD) {
  const session = await registerAndLogin(app, email, password);
  await UserModel.updateOne({ _id: session.user.id }, { $set: { is_verified: true, email_verified_at: new Date() } });
  return session;
}
