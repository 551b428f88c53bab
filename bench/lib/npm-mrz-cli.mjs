// The baseline of `mrz-cli-500k`: the npm `mrz` package behind the same stdin → JSON Lines contract as
// `passage mrz` (documents separated by a blank line, one JSON object per document, in input order; the
// fields, validity and each failed field with its position). Plain JavaScript, run by node itself.
import { createInterface } from 'node:readline'
import { parse } from 'mrz'

function line(lines) {
  try {
    const r = parse(lines)
    const errors = r.details
      .filter((d) => !d.valid)
      .map((d) => ({ field: d.field, message: d.error, line: d.line, start: d.start, end: d.end }))
    return JSON.stringify({ format: r.format, valid: r.valid, fields: r.fields, errors })
  } catch (err) {
    return JSON.stringify({
      format: null,
      valid: false,
      fields: {},
      errors: [{ message: String(err.message) }],
    })
  }
}

const input = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })
let block = []
let out = ''
const flush = async () => {
  if (block.length === 0) return
  out += `${line(block)}\n`
  block = []
  if (out.length > 65536) {
    if (!process.stdout.write(out)) await new Promise((r) => process.stdout.once('drain', r))
    out = ''
  }
}
for await (const l of input) {
  if (l.trim() === '') await flush()
  else block.push(l)
}
await flush()
process.stdout.write(out)
