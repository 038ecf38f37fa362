/** Password hashing that never blocks the event loop (argon2id in the adapter). */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}
