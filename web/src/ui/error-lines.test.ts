import { describe, expect, it } from 'vitest'
import { errorLines } from './error-lines.ts'

describe('the lines of a refusal', () => {
  it('names each field, so two fields with the same fault are two different lines', () => {
    const message = 'UTO is a specimen state, not a real one.'
    expect(
      errorLines([
        { code: 'documents.mrz.specimen_state', message, field: 'Issuing state' },
        { code: 'documents.mrz.specimen_state', message, field: 'Nationality' },
      ]),
    ).toEqual([`Issuing state: ${message}`, `Nationality: ${message}`])
  })

  it('shows the same line once, and does not name a field the message already names', () => {
    const question = 'Could the person be under 18?'
    expect(
      errorLines([
        { code: 'a', message: 'Too short.', field: 'Reason' },
        { code: 'b', message: 'Too short.', field: 'Reason' },
        { code: 'c', message: `This answer is not possible: ${question}`, field: question },
        { code: 'd', message: 'The list is empty.' },
      ]),
    ).toEqual(['Reason: Too short.', `This answer is not possible: ${question}`, 'The list is empty.'])
  })

  it('has no line for no detail', () => {
    expect(errorLines([])).toEqual([])
  })
})
