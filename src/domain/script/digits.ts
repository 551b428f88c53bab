/**
 * Khmer digits (U+17E0–U+17E9) and their Latin counterparts. Khmer text writes numbers in Khmer digits, and
 * neither Node's nor Debian Chromium's `Intl` does it for `km` (both fall back to Latin digits), so the server's
 * messages, the risk rules' reasons and the web app all convert here, one table for all three.
 */
const KHMER_DIGITS = '០១២៣៤៥៦៧៨៩'

/** Every Latin digit of `text` as a Khmer digit; nothing else changes. */
export function khmerDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => KHMER_DIGITS[Number(d)]!)
}

/** Khmer digits typed on a Khmer keyboard, read as the Latin digits they are; nothing else changes. */
export function latinDigits(text: string): string {
  return text.replace(/[០-៩]/g, (d) => String(KHMER_DIGITS.indexOf(d)))
}
