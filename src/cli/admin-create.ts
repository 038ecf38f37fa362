import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { PgAdminAccounts } from '../adapters/postgres/identity/admin-accounts.repository.js';
import { createPool } from '../adapters/postgres/pool.js';
import { loadSqlCatalogue } from '../adapters/postgres/sql-catalogue.js';
import { PgTransactor } from '../adapters/postgres/transactor.js';
import { Argon2PasswordHasher } from '../adapters/security/argon2-password-hasher.js';
import { createAdmin } from '../application/identity/create-admin.use-case.js';
import { DomainError } from '../domain/shared/domain-error.js';
import { loadCliDatabaseConfig, loadPasswordHashConfig, readCliEnv } from '../config/config.js';

/**
 * `npm run admin:create -- --email admin@example.com --name "Ada Admin"`. The password comes from
 * ADMIN_PASSWORD or a prompt that does not echo; nothing secret is printed. An existing admin with
 * the same email gets the new name and password and is reactivated.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });
  if (values.email === undefined || values.name === undefined)
    throw new Error('usage: npm run admin:create -- --email <email> --name <full name>');
  const cli = readCliEnv();
  if (cli.databaseUrl === undefined) throw new Error('DATABASE_URL is required');
  const password = cli.adminPassword ?? (await promptHidden('Password for the new admin: '));

  const pool = createPool({ connectionString: cli.databaseUrl, max: 2, statementTimeoutMs: 30_000 });
  try {
    const admin = await createAdmin({
      transactor: new PgTransactor(pool, loadCliDatabaseConfig()),
      admins: new PgAdminAccounts(loadSqlCatalogue()),
      hasher: new Argon2PasswordHasher(loadPasswordHashConfig()),
    })({
      email: values.email,
      fullName: values.name,
      password,
    });
    console.log(`${admin.created ? 'Created' : 'Updated'} admin #${admin.id} ${admin.email}`);
  } finally {
    await pool.end();
  }
}

function promptHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) throw new Error('Set ADMIN_PASSWORD (no terminal to prompt on)');
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Swallow the echo of typed characters; only the prompt is written.
  const writable = rl as unknown as { _writeToOutput: (chunk: string) => void };
  writable._writeToOutput = (chunk: string) => {
    if (chunk.includes(question)) process.stdout.write(question);
  };
  return new Promise((resolve) =>
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    }),
  );
}

main().catch((error: unknown) => {
  if (error instanceof DomainError) {
    const items = (error.extensions.errors as { message: string }[] | undefined) ?? [];
    console.error([error.message, ...items.map((item) => `  - ${item.message}`)].join('\n'));
  } else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
