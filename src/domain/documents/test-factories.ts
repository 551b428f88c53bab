// Test support only: small factories for documents and for editing MRZ lines.

import type { MrzFormat } from './formats.ts'
import { generateMrz, type MrzDocument } from './generate.ts'
import { type ParseOptions, parseMrz } from './parse.ts'
import type { MrzResult } from './result.ts'

export const OPTIONS: ParseOptions = { referenceDate: '2026-05-20' }

const BASE: Omit<MrzDocument, 'format' | 'documentCode'> = {
  issuingState: 'KHM',
  documentNumber: 'N01234567',
  nationality: 'KHM',
  surname: 'Sok',
  givenNames: 'Dara',
  birthDate: '1990-03-15',
  sex: 'M',
  expiryDate: '2030-03-14',
}

const CODES: Record<MrzFormat, string> = { TD1: 'ID', TD2: 'ID', TD3: 'P', MRVA: 'V', MRVB: 'V' }

export function documentFor(format: MrzFormat, overrides: Partial<MrzDocument> = {}): MrzDocument {
  return { ...BASE, format, documentCode: CODES[format], ...overrides }
}

export function linesFor(format: MrzFormat, overrides: Partial<MrzDocument> = {}): string[] {
  return generateMrz(documentFor(format, overrides)).lines
}

/** The lines with one character replaced. */
export function withChar(lines: readonly string[], line: number, index: number, ch: string): string[] {
  return lines.map((l, n) => (n === line ? l.slice(0, index) + ch + l.slice(index + 1) : l))
}

export function parse(input: string | readonly string[], options: Partial<ParseOptions> = {}): MrzResult {
  return parseMrz(input, { ...OPTIONS, ...options })
}

export const codes = (result: MrzResult) => result.errors.map((e) => e.code)
