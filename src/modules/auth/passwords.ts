import bcrypt from 'bcrypt';

/** Hashes with the configured cost; a dummy hash lets an unknown email cost the same time as a wrong password. */
export function createPasswordHasher(cost: number) {
  const dummyHash = bcrypt.hashSync('dummy-password-for-timing', cost);
  return {
    hash: (password: string) => bcrypt.hash(password, cost),
    verify: (password: string, hash: string | null | undefined) => bcrypt.compare(password, hash ?? dummyHash),
  };
}
export type PasswordHasher = ReturnType<typeof createPasswordHasher>;
