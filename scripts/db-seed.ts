/**
 * `npm run db:seed`: development users, one or more per tier and per role, all with the password below.
 * Idempotent: an existing account (same email) is left exactly as it is, so a second run changes nothing.
 * Refused when NODE_ENV=production.
 */
import bcrypt from 'bcrypt';
import type { Tier } from '../src/domain/plans/catalog.js';
import { UserModel, type Role } from '../src/models/user.js';
import { initCollections } from '../src/models/index.js';
import { isDuplicateKeyError } from '../src/lib/mongo.js';
import { initialQuotaFields } from '../src/modules/auth/new-user.js';
import { runDatabaseScript } from './lib/run-script.js';

const SEED_PASSWORD = 'testpassword123';

const SEED_USERS: Array<{ email: string; name: string; tier: Tier; role: Role }> = [
  { email: 'test@example.com', name: 'Test User', tier: 'free', role: 'user' },
  { email: 'developer@example.com', name: 'Free Developer', tier: 'free', role: 'developer' },
  { email: 'pro@example.com', name: 'Pro User', tier: 'pro', role: 'user' },
  { email: 'pro-developer@example.com', name: 'Pro Developer', tier: 'pro', role: 'developer' },
  { email: 'enterprise@example.com', name: 'Enterprise User', tier: 'enterprise', role: 'user' },
  { email: 'admin@example.com', name: 'Admin', tier: 'enterprise', role: 'admin' },
  { email: 'superadmin@example.com', name: 'Super Admin', tier: 'enterprise', role: 'superadmin' },
];

/** Creates the account through the model (all schema defaults) unless its email is taken; never updates one. */
async function createUnlessPresent(fields: Record<string, unknown> & { email: string }): Promise<boolean> {
  if (await UserModel.exists({ email: fields.email })) return false;
  try {
    await UserModel.create(fields);
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

// On the service's Redis: seeding may run beside `npm start`.
runDatabaseScript('db:seed', 'service-redis', async (config) => {
  if (config.isProduction)
    throw new Error('refusing to create users with a published password when NODE_ENV=production');
  await initCollections();
  const passwordHash = await bcrypt.hash(SEED_PASSWORD, config.BCRYPT_COST);
  for (const seed of SEED_USERS) {
    const created = await createUnlessPresent({
      email: seed.email,
      name: seed.name,
      role: seed.role,
      password_hash: passwordHash,
      is_verified: true,
      ...initialQuotaFields(seed.tier, config.plans[seed.tier]),
    });
    process.stdout.write(
      `  ${seed.email.padEnd(28)} ${seed.tier.padEnd(10)} ${seed.role.padEnd(10)} ${created ? 'created' : 'exists, left unchanged'}\n`,
    );
  }
  process.stdout.write(`db:seed: done; every seed user signs in with the password "${SEED_PASSWORD}"\n`);
});
