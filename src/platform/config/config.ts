import { join, resolve } from 'node:path'
import { z } from 'zod'

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes')

/** Every setting Passage reads from the environment; documented in `.env.example` and README.md. */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  /** Where the screening index is persisted between starts (default: DATA_DIR/screening-index). */
  SCREENING_INDEX_DIR: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  // A streaming replica for reads that may lag a little (docs/operations.md §10); needs DATABASE_URL.
  DATABASE_READ_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_READ_MAX_LAG_SECONDS: z.coerce.number().min(0).max(3600).default(5),
  DATABASE_READ_CHECK_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  // Off behind a transaction pooler that cannot keep prepared statements (PgBouncer before 1.21): statement-cache.ts.
  DATABASE_PREPARED_STATEMENTS: bool.default(true),
  DEMO: bool.default(true),
  SERVE_WEB: bool.default(true),
  DEMO_PASSWORD: z.string().min(12).optional(),
  DEMO_TRAFFIC: z.coerce.number().int().min(0).max(1_000_000).default(20_000),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(12),
  SIGNIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  SIGNIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(10).default(1200),
  SIGNIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  TRUST_PROXY: bool.default(false),
  COOKIE_SECURE: bool.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CHECKPOINT_MINUTES: z.coerce.number().int().min(1).default(5),
  STATISTICS_SUPPRESSION_THRESHOLD: z.coerce.number().int().min(2).max(1000).default(10),
  // The audit log's signed checkpoints (docs/operations.md §8): the log's name, the signing key, where they go.
  AUDIT_ORIGIN: z
    .string()
    .regex(/^[^\s+]{1,200}$/, 'one word of up to 200 characters, without spaces or "+"')
    .default('passage.local/audit'),
  AUDIT_KEY_FILE: z.string().min(1).optional(),
  AUDIT_CHECKPOINT_DIR: z.string().min(1).optional(),
  AUDIT_CHECKPOINT_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 3600)
    .default(60),
  // How often each process's sealer chains the audit entries committed since (issue 13): the merge delay.
  AUDIT_SEAL_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  RETURN_LIST_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(20 * 1024 * 1024),
  RETURN_LIST_MAX_ROWS: z.coerce.number().int().min(1).default(100_000),
  WATCHLIST_IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(512 * 1024 * 1024),
  WATCHLIST_IMPORT_MAX_RECORDS: z.coerce.number().int().min(1).default(2_000_000),
  IMPORT_MAX_INFLATED_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(64 * 1024 * 1024),
  IMPORT_MAX_LINE_CHARS: z.coerce
    .number()
    .int()
    .min(256)
    .default(1024 * 1024),
  IMPORT_WORKERS: z.coerce.number().int().min(1).max(64).default(2),
  WATCHLIST_MAX_REMOVAL_SHARE: z.coerce.number().min(0).max(1).default(0.5),
  PHOTO_MAX_DIMENSION: z.coerce.number().int().min(16).default(8000),
  PHOTO_MAX_PIXELS: z.coerce.number().int().min(256).default(40_000_000),
  // The exchange's own private keys (issue 17): a directory of 0600 files, or JWKs given by the environment.
  PASSAGE_KEY_DIR: z.string().min(1).optional(),
  PASSAGE_EXCHANGE_PRIVATE_KEYS: z.string().min(1).optional(),
  // How often the exchange outbox looks for due messages (each message keeps its own back-off).
  EXCHANGE_OUTBOX_EVERY_MS: z.coerce.number().int().min(100).max(3_600_000).default(5000),
  // CamDX / X-Road publication (issue 17 §6): this system's subsystem, and the security servers that may call it.
  XROAD_PROVIDER: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}(\/[A-Za-z0-9._-]{1,64}){2,3}$/, 'INSTANCE/CLASS/MEMBER[/SUBSYSTEM]')
    .optional(),
  XROAD_SECURITY_SERVERS: z
    .string()
    .regex(/^[0-9A-Fa-f.:]+(,[0-9A-Fa-f.:]+)*$/, 'comma-separated IP addresses')
    .optional(),
})

export type Config = Readonly<{
  port: number
  host: string
  dataDir: string
  screeningIndexDir: string
  databaseUrl: string | undefined
  /** Named prepared statements for repeated queries (off behind a pooler that cannot keep them). */
  preparedStatements: boolean
  /** Reads that may lag go to this replica while it holds everything the primary flushed `maxLagMs` ago. */
  readReplica: Readonly<{ url: string; maxLagMs: number; checkEveryMs: number }> | undefined
  demo: boolean
  serveWeb: boolean
  demoPassword: string | undefined
  /** Synthetic crossings (and a twentieth as many returnees) seeded into a new demo database; 0 for none. */
  demoTraffic: number
  sessionIdleMs: number
  sessionAbsoluteMs: number
  signInMaxFailures: number
  signInLockMs: number
  rateLimitPerMinute: number
  /** Sign-in attempts per minute per client address, whatever the account (the lock-out counts per account). */
  signInRatePerMinute: number
  bodyLimitBytes: number
  trustProxy: boolean
  cookieSecure: boolean
  logLevel: string
  checkpointMs: number
  /** Smallest count shown to users without statistics microdata access (small-cell suppression). */
  statisticsSuppressionThreshold: number
  /** The audit log's stable identity, first line of every checkpoint and name of its signing key. */
  auditOrigin: string
  /** Ed25519 private key (PKCS#8 PEM, mode 0600) that signs checkpoints; never in the database. */
  auditKeyFile: string
  /** Where the append-only checkpoint file lives; outside the PGlite data directory by default. */
  auditCheckpointDir: string
  /** How often a running server signs the log head when the log has grown. */
  auditCheckpointMs: number
  /** How often a running server seals committed audit entries into the hash chain. */
  auditSealMs: number
  /** What an import may cost: bytes uploaded, bytes inflated, records, one line; parsed in `importWorkers` workers. */
  imports: Readonly<{
    returnListMaxBytes: number
    returnListMaxRows: number
    watchlistMaxBytes: number
    watchlistMaxRecords: number
    maxInflatedBytes: number
    maxLineChars: number
    workers: number
    /** Share of a list's entries a re-import may remove without the importer confirming it. */
    maxRemovalShare: number
  }>
  /** Largest side and pixel count of an uploaded photo, read from its header. */
  photos: Readonly<{ maxDimension: number; maxPixels: number }>
  /** Where the exchange's own private keys live (one 0600 file per key, named by its thumbprint). */
  exchangeKeyDir: string
  /** Own private keys given by the environment (a JSON array of JWKs), e.g. from a secrets manager. */
  exchangePrivateKeys: string | undefined
  /** The outbox round's interval (`EXCHANGE_OUTBOX_EVERY_MS`); the kill test shortens it. */
  exchangeOutboxEveryMs: number
  /** X-Road publication: off (null provider) unless both the subsystem and its security servers are set. */
  xroad: Readonly<{ provider: string | null; securityServers: readonly string[] }>
}>

export class ConfigError extends Error {}

/** Reads and validates the environment once; the result is frozen. Empty strings count as unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = schema.safeParse(present)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const c = parsed.data
  if (c.XROAD_PROVIDER && !c.XROAD_SECURITY_SERVERS)
    throw new ConfigError(
      'Invalid configuration:\n  XROAD_PROVIDER: needs XROAD_SECURITY_SERVERS (who may call it)',
    )
  if (c.DATABASE_READ_URL && !c.DATABASE_URL)
    throw new ConfigError('Invalid configuration:\n  DATABASE_READ_URL: needs DATABASE_URL (the primary)')
  const dataDir = resolve(c.DATA_DIR)
  return Object.freeze({
    port: c.PORT,
    host: c.HOST,
    dataDir,
    screeningIndexDir: resolve(c.SCREENING_INDEX_DIR ?? join(dataDir, 'screening-index')),
    databaseUrl: c.DATABASE_URL,
    preparedStatements: c.DATABASE_PREPARED_STATEMENTS,
    readReplica: c.DATABASE_READ_URL
      ? Object.freeze({
          url: c.DATABASE_READ_URL,
          maxLagMs: Math.round(c.DATABASE_READ_MAX_LAG_SECONDS * 1000),
          checkEveryMs: c.DATABASE_READ_CHECK_MS,
        })
      : undefined,
    demo: c.DEMO,
    serveWeb: c.SERVE_WEB,
    demoPassword: c.DEMO_PASSWORD,
    demoTraffic: c.DEMO_TRAFFIC,
    sessionIdleMs: c.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: c.SESSION_ABSOLUTE_HOURS * 3_600_000,
    signInMaxFailures: c.SIGNIN_MAX_FAILURES,
    signInLockMs: c.SIGNIN_LOCK_MINUTES * 60_000,
    rateLimitPerMinute: c.RATE_LIMIT_PER_MINUTE,
    signInRatePerMinute: c.SIGNIN_RATE_PER_MINUTE,
    bodyLimitBytes: c.BODY_LIMIT_BYTES,
    trustProxy: c.TRUST_PROXY,
    cookieSecure: c.COOKIE_SECURE,
    logLevel: c.LOG_LEVEL,
    checkpointMs: c.CHECKPOINT_MINUTES * 60_000,
    statisticsSuppressionThreshold: c.STATISTICS_SUPPRESSION_THRESHOLD,
    auditOrigin: c.AUDIT_ORIGIN,
    auditKeyFile: resolve(c.AUDIT_KEY_FILE ?? join(dataDir, 'audit-key', 'checkpoint-signing.pem')),
    auditCheckpointDir: resolve(c.AUDIT_CHECKPOINT_DIR ?? join(dataDir, 'audit-checkpoints')),
    auditCheckpointMs: c.AUDIT_CHECKPOINT_SECONDS * 1000,
    auditSealMs: c.AUDIT_SEAL_INTERVAL_MS,
    imports: Object.freeze({
      returnListMaxBytes: c.RETURN_LIST_MAX_BYTES,
      returnListMaxRows: c.RETURN_LIST_MAX_ROWS,
      watchlistMaxBytes: c.WATCHLIST_IMPORT_MAX_BYTES,
      watchlistMaxRecords: c.WATCHLIST_IMPORT_MAX_RECORDS,
      maxInflatedBytes: c.IMPORT_MAX_INFLATED_BYTES,
      maxLineChars: c.IMPORT_MAX_LINE_CHARS,
      workers: c.IMPORT_WORKERS,
      maxRemovalShare: c.WATCHLIST_MAX_REMOVAL_SHARE,
    }),
    photos: Object.freeze({ maxDimension: c.PHOTO_MAX_DIMENSION, maxPixels: c.PHOTO_MAX_PIXELS }),
    exchangeKeyDir: resolve(c.PASSAGE_KEY_DIR ?? join(dataDir, 'keys')),
    exchangePrivateKeys: c.PASSAGE_EXCHANGE_PRIVATE_KEYS,
    exchangeOutboxEveryMs: c.EXCHANGE_OUTBOX_EVERY_MS,
    xroad: Object.freeze({
      provider: c.XROAD_PROVIDER ?? null,
      securityServers: Object.freeze(c.XROAD_SECURITY_SERVERS?.split(',') ?? []),
    }),
  })
}
