import { createPrivateKey, generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { checkpointText, openCheckpoint, signCheckpoint } from './checkpoint.ts'
import { formatVerifierKey, openNote, parseVerifierKey, signNote, verifierOf } from './signed-note.ts'

// The reference vector of Go's golang.org/x/mod/sumdb/note (note_test.go), which the transparency-log tools
// (C2SP signed-note, Sigstore, Trillian-Tessera) share: our notes must be byte-for-byte theirs.
const VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'
const SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz'
const TEXT =
  "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
const SIG =
  '\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n'

const goKey = () => {
  const seed = Buffer.from(SKEY.split('+').slice(4).join('+'), 'base64').subarray(1)
  const pkcs8 = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed])
  return createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' })
}

describe('signed notes', () => {
  it('signs, names and verifies exactly as the Go reference does', () => {
    const key = goKey()
    expect(signNote(TEXT, 'PeterNeumann', key)).toBe(`${TEXT}\n${SIG}`)
    expect(formatVerifierKey(verifierOf('PeterNeumann', key))).toBe(VKEY)
    expect(openNote(`${TEXT}\n${SIG}`, parseVerifierKey(VKEY))).toEqual({ ok: true, text: TEXT })
  })

  it('refuses an edited text, another key, a mangled verifier key and a note without signature', () => {
    const v = parseVerifierKey(VKEY)
    expect(openNote(`${TEXT.replace('problem', 'answer')}\n${SIG}`, v)).toMatchObject({ ok: false })
    const other = generateKeyPairSync('ed25519').privateKey
    expect(openNote(signNote(TEXT, 'PeterNeumann', other), v)).toEqual({ ok: false, problem: 'signature' })
    expect(openNote(TEXT, v)).toEqual({ ok: false, problem: 'format' })
    expect(() => parseVerifierKey(VKEY.replace('c74f20a3', 'c74f20a4'))).toThrow(/id/)
    expect(() => parseVerifierKey('PeterNeumann+c74f20a3')).toThrow()
  })

  it('writes a checkpoint in the tlog-checkpoint layout and reads back exactly what it signed', () => {
    const key = generateKeyPairSync('ed25519').privateKey
    const c = {
      origin: 'passage.test/audit',
      size: 42,
      head: 'ab'.repeat(32),
      lastSeq: 57,
      time: new Date(0),
    }
    expect(checkpointText(c)).toBe(
      `passage.test/audit\n42\n${Buffer.from('ab'.repeat(32), 'hex').toString('base64')}\nseq 57\ntime 1970-01-01T00:00:00.000Z\n`,
    )
    const v = verifierOf('passage.test/audit', key)
    expect(openCheckpoint(signCheckpoint(c, key), v)).toEqual({ ok: true, checkpoint: c })
    // Signed with the right key but for another log name: refused as not ours.
    expect(openCheckpoint(signCheckpoint({ ...c, origin: 'other/audit' }, key), v)).toMatchObject({
      ok: false,
    })
  })
})
