import type { Config } from '../../platform/config/config.ts'

/** What signing and verifying checkpoints need from the configuration. */
export interface CheckpointSettings {
  /** The log's identity: first line of every checkpoint and name of the signing key. */
  origin: string
  keyFile: string
  dir: string
}

export function checkpointSettingsOf(config: Config): CheckpointSettings {
  return { origin: config.auditOrigin, keyFile: config.auditKeyFile, dir: config.auditCheckpointDir }
}
