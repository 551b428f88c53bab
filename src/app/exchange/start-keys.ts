import type { Config } from '../../platform/config/config.ts'
import type { Db } from '../../platform/db/database.ts'
import { configureKeyStore } from './key-store.ts'
import { ensureOwnKeys } from './keys.ts'

/**
 * At start: the key store from the configuration, then this instance's own keys — created on first start, taken
 * from the environment when given there, moved out of the database when an older version put them in. An
 * instance without its own authority (no exchange configured yet) has nothing to do.
 */
export async function startExchangeKeys(o: {
  db: Db
  config: Pick<Config, 'exchangeKeyDir' | 'exchangePrivateKeys'>
}): Promise<void> {
  configureKeyStore(o.config)
  const self = await o.db
    .selectFrom('exchange_authorities')
    .select('code')
    .where('is_self', '=', true)
    .executeTakeFirst()
  if (self) await o.db.transaction().execute((trx) => ensureOwnKeys(trx))
}
