// ICAO Doc 9303 Part 3: characters take their values (0–9, A–Z = 10–35, filler = 0), are multiplied by the
// repeating weights 7, 3, 1 and summed modulo 10. A table indexed by char code keeps this allocation-free,
// which matters because one parse computes up to six check digits.
const VALUES = new Int8Array(128).fill(-1)
for (let c = 48; c <= 57; c++) VALUES[c] = c - 48
for (let c = 65; c <= 90; c++) VALUES[c] = c - 55
VALUES[60] = 0

const WEIGHTS = [7, 3, 1] as const

/** Value of one MRZ character, or -1 for a character outside the ICAO set. */
export function charValue(code: number): number {
  return code < 128 ? VALUES[code]! : -1
}

/**
 * Running state for a check digit computed over several non-contiguous ranges (the composite check digit),
 * so the ranges need not be concatenated into a new string.
 */
export interface CheckSum {
  sum: number
  weight: number
  invalid: boolean
}

export function newCheckSum(): CheckSum {
  return { sum: 0, weight: 0, invalid: false }
}

export function addRange(acc: CheckSum, text: string, start = 0, end = text.length): CheckSum {
  let { sum, weight } = acc
  for (let i = start; i < end; i++) {
    const v = charValue(text.charCodeAt(i))
    if (v < 0) acc.invalid = true
    else sum += v * WEIGHTS[weight]!
    weight = weight === 2 ? 0 : weight + 1
  }
  acc.sum = sum
  acc.weight = weight
  return acc
}

/** The check digit (0–9) of the given text, or -1 when it holds a character outside the ICAO set. */
export function checkDigit(text: string, start = 0, end = text.length): number {
  const acc = addRange(newCheckSum(), text, start, end)
  return acc.invalid ? -1 : acc.sum % 10
}

export function checkSumDigit(acc: CheckSum): number {
  return acc.invalid ? -1 : acc.sum % 10
}

/** The digit written at a check-digit position, or -1 when it is not a digit. */
export function digitAt(text: string, index: number): number {
  const c = text.charCodeAt(index)
  return c >= 48 && c <= 57 ? c - 48 : -1
}
