import { describe, expect, it } from 'vitest'
import { firstRefusedCharacter, multilineText, text } from './text.ts'

describe('the text schema', () => {
  it.each([
    ['NUL', 'a\u0000b', 1],
    ['escape', '\u001b[31m', 0],
    ['DEL', 'ab\u007f', 2],
    ['C1 (next line)', 'a\u0085', 1],
    ['U+FFFE', '\ufffe', 0],
    ['U+FFFF', 'x\uffff', 1],
    ['a lone high surrogate', 'a\ud83d', 1],
    ['a lone low surrogate', '\ude00a', 0],
    ['a reversed pair', '\ude00\ud83d', 0],
  ])('refuses %s and says where', (_, value, at) => {
    expect(firstRefusedCharacter(value)).toBe(at)
    expect(firstRefusedCharacter(value, true)).toBe(at)
    expect(text().safeParse(value).success).toBe(false)
    expect(multilineText().safeParse(value).success).toBe(false)
  })

  it('keeps Khmer, emoji pairs, accents and ordinary punctuation', () => {
    for (const value of ['សុខ សាន្ត', 'Nguyễn Văn A', '😀 ok', 'O\'Brien, "Jr" = +1 @ home', ''])
      expect(text().safeParse(value).success).toBe(true)
  })

  it('allows tab and line breaks only in multi-line text', () => {
    for (const value of ['a\tb', 'line one\nline two', 'P<KHM\r\nL898902C']) {
      expect(text().safeParse(value).success).toBe(false)
      expect(multilineText().safeParse(value).success).toBe(true)
    }
  })

  it('chains like a zod string and reports its own reason', () => {
    const schema = text().trim().min(2).max(5)
    expect(schema.parse('  ab ')).toBe('ab')
    const issue = schema.safeParse('a\u0000').error?.issues.find((i) => i.code === 'custom')
    expect(issue).toMatchObject({ params: { code: 'control_character' } })
  })
})
