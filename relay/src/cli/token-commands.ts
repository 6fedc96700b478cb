import { existsSync } from 'node:fs';
import { RegionName } from '@vantage/shared';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { databasePath, prepareDataDir } from '../config/data-dir.js';
import type { RelayConfig } from '../config/relay-config.js';
import { openRelayDatabase } from '../storage/sqlite/open-database.js';
import { SqliteTokenStore } from '../storage/sqlite/sqlite-token-store.js';
import { type TokenCreateOptions, UsageError } from './cli-program.js';
import { formatTokenTable } from './token-table.js';

const TokenName = z
  .string('is required')
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters')
  // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), 'must not contain control characters');

/** `token create` options after validation; a probe token is bound to one region. */
const TokenCreateInput = z
  .object({
    role: z.enum(['desktop', 'probe'], 'is required: desktop or probe'),
    name: TokenName,
    region: RegionName.optional(),
  })
  .superRefine((input, ctx) => {
    if (input.role === 'probe' && input.region === undefined) {
      ctx.addIssue({ code: 'custom', path: ['region'], message: 'is required for a probe token' });
    }
    if (input.role === 'desktop' && input.region !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['region'], message: 'only applies to probe tokens' });
    }
  });

/** `token create`: validates the options, stores the token hashed and prints it once on stdout. */
export function createTokenCommand(config: RelayConfig, options: TokenCreateOptions, now: number): void {
  const parsed = TokenCreateInput.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`invalid --${String(issue.path[0] ?? 'role')}: ${issue.message}`);
  }
  const input = parsed.data;
  withTokens(config, true, (tokens) => {
    if (tokens.list().some((token) => token.name === input.name && token.revokedAt === null)) {
      throw new UsageError(`invalid --name: a token named "${input.name}" already exists; pick another name`);
    }
    const { token, record } = tokens.create(input, now);
    const scope = record.region ? `, region ${record.region}` : '';
    process.stderr.write(
      `Created ${record.role} token "${record.name}" (id ${record.id}${scope}). ` +
        'It is shown only this once; store it now:\n',
    );
    process.stdout.write(`${token}\n`);
  });
}

/** `token list`: every token's id, name, role, region and dates; never a secret. */
export function listTokensCommand(config: RelayConfig, json: boolean): void {
  withTokens(config, false, (tokens) => {
    const records = tokens.list();
    if (json) {
      process.stdout.write(`${JSON.stringify(records, null, 2)}\n`);
      return;
    }
    if (records.length === 0) {
      process.stdout.write(
        'No tokens yet. Create one with: vantage-relay token create --role desktop --name laptop\n',
      );
      return;
    }
    process.stdout.write(formatTokenTable(records));
  });
}

/** `token revoke`: revokes the token with this id, or every active token with this name. */
export function revokeTokenCommand(config: RelayConfig, idOrName: string, now: number): void {
  withTokens(config, false, (tokens) => {
    const revoked = tokens.revoke(idOrName, now);
    if (revoked === 0)
      throw new UsageError(`no active token with id or name "${idOrName}" (see: vantage-relay token list)`);
    process.stdout.write(`Revoked ${revoked} token${revoked === 1 ? '' : 's'} matching "${idOrName}".\n`);
  });
}

/** Opens the data dir's database for one token operation; reading needs an existing database. */
function withTokens(config: RelayConfig, create: boolean, use: (tokens: SqliteTokenStore) => void): void {
  const path = databasePath(config.dataDir);
  if (!create && !existsSync(path)) {
    throw new UsageError(`no relay database at ${path}; check --data-dir, or start the relay once`);
  }
  let db: Database.Database | undefined;
  try {
    db = openRelayDatabase(create ? prepareDataDir(config.dataDir) : path);
    use(new SqliteTokenStore(db));
  } finally {
    db?.close();
  }
}
