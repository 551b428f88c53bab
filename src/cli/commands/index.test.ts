import { describe, expect, it } from 'vitest'
import { commands } from './index.ts'

describe('the command list', () => {
  it('names and summarises each command as the command itself does', async () => {
    for (const entry of commands) {
      const command = await entry.load()
      expect({ name: command.name, summary: command.summary }).toEqual({
        name: entry.name,
        summary: entry.summary,
      })
    }
    expect(new Set(commands.map((c) => c.name)).size).toBe(commands.length)
  })
})
