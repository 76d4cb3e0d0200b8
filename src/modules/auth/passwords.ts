import bcrypt from 'bcrypt';

/** bcrypt reads only the first 72 bytes; longer passwords are refused at registration and never match. */
export const BCRYPT_MAX_BYTES = 72;

/** Hashes with the configured cost; a dummy hash lets an unknown email cost the same time as a wrong password. */
export function createPasswordHasher(cost: number) {
  const dummyHash = bcrypt.hashSync('dummy-password-for-timing', cost);
  return {
    hash: (password: string) => bcrypt.hash(password, cost),
    async verify(password: string, hash: string | null | undefined): Promise<boolean> {
      const tooLong = Buffer.byteLength(password, 'utf8') > BCRYPT_MAX_BYTES;
      const matches = await bcrypt.compare(password, tooLong || !hash ? dummyHash : hash);
      return matches && !tooLong && Boolean(hash);
    },
  };
}
export type PasswordHasher = ReturnType<typeof createPasswordHasher>;
