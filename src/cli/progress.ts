import type { Writable } from 'node:stream'

/**
 * A one-line progress bar for long CLI work (seeding, imports, exports). On a terminal it redraws in
 * place; in a log file or CI it prints a line at each 10 % step so the log stays short.
 */
export function progressBar(out: Writable & { isTTY?: boolean }, label: string, total: number) {
  let lastDecile = -1
  const started = Date.now()
  const render = (done: number) => {
    const ratio = total > 0 ? Math.min(1, done / total) : 1
    const width = 30
    const filled = Math.round(ratio * width)
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`
    return `${label.padEnd(22)} ${bar} ${String(Math.round(ratio * 100)).padStart(3)}% ${done}/${total}`
  }
  return {
    update(done: number) {
      if (out.isTTY) out.write(`\r${render(done)}`)
      else {
        const decile = Math.floor((total > 0 ? done / total : 1) * 10)
        if (decile !== lastDecile) {
          lastDecile = decile
          out.write(`${render(done)}\n`)
        }
      }
    },
    done(done = total) {
      const seconds = ((Date.now() - started) / 1000).toFixed(1)
      if (out.isTTY) out.write(`\r${render(done)} (${seconds} s)\n`)
      else if (lastDecile !== 10) out.write(`${render(done)} (${seconds} s)\n`)
    },
  }
}
