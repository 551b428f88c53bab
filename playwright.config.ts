import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig } from '@playwright/test'

export const CHROMIUM = '/usr/bin/chromium'
export const E2E_PASSWORD = 'e2e-password-for-demo-users'
const port = Number(process.env.E2E_PORT ?? 8765)
const dataDir = mkdtempSync(join(tmpdir(), 'passage-e2e-'))

/**
 * Drives Debian's Chromium (never a downloaded browser) against a real `passage start` on a fresh
 * embedded database. Without Chromium the tests skip outside CI; with CI set they fail instead.
 */
export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  retries: 0,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'en-GB',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'off',
  },
  webServer: existsSync(CHROMIUM)
    ? {
        command: 'node bin/passage.js start',
        url: `http://127.0.0.1:${port}/api/health`,
        timeout: 180_000,
        reuseExistingServer: false,
        stdout: 'ignore',
        env: {
          PORT: String(port),
          HOST: '127.0.0.1',
          DATA_DIR: dataDir,
          DEMO_PASSWORD: E2E_PASSWORD,
          // The flows check exact counts and histories of the travellers they create; demo traffic would blur them.
          DEMO_TRAFFIC: '0',
          // Every flow signs in one or more users from the same address within a few minutes.
          SIGNIN_RATE_PER_MINUTE: '600',
          LOG_LEVEL: 'warn',
        },
      }
    : undefined,
})
