import { describe, expect, it } from 'vitest'
import { variantKey } from './variants.ts'

const same = (a: string, b: string) => expect(variantKey(a), `${a} / ${b}`).toBe(variantKey(b))
const different = (a: string, b: string) => expect(variantKey(a), `${a} / ${b}`).not.toBe(variantKey(b))

describe('variantKey', () => {
  it('treats Khmer aspirated h as optional: Chhay/Chay, Khieu/Kieu, Sokh/Sok, Piseth/Piset', () => {
    same('chhay', 'chay')
    same('khieu', 'kieu')
    same('sokh', 'sok')
    same('piseth', 'piset')
  })

  it('treats doubled finals as single: Phal/Phall, Sin/Sinn, Vann/Van', () => {
    same('phal', 'phall')
    same('sin', 'sinn')
    same('vann', 'van')
  })

  it('joins the Khmer vowel digraph families ou/u, oeu/eu, ea/ia, ie/i, ao/o, ae/e', () => {
    same('nouv', 'nuv')
    same('soeun', 'seun')
    same('chea', 'chia')
    same('sien', 'sin')
    same('saom', 'som')
    same('saen', 'sen')
  })

  it('treats final -h and -r after a vowel as optional: Sokha/Sokhar, Chea/Cheah', () => {
    same('sokha', 'sokhar')
    same('chea', 'cheah')
  })

  it('treats r before a final consonant as silent and final v as u: Norng/Nong, Khiev/Khieu', () => {
    same('norng', 'nong')
    same('cheurn', 'choeun')
    same('khiev', 'khieu')
  })

  it('joins Thai RTGS and self-chosen spellings', () => {
    same('jaidee', 'chaidi')
    same('boonmee', 'bunmi')
    same('siriporn', 'siriphon')
    same('chulalongkorn', 'chulalongkon')
    same('prayuth', 'prayut')
    same('vichai', 'wichai')
  })

  it('gives the regional readings of one Vietnamese surname one key', () => {
    same('huynh', 'hoang')
    same('vo', 'vu')
  })

  it('keeps apart names that differ by more than a spelling convention', () => {
    different('an', 'anh')
    different('sok', 'sek')
    different('chan', 'chen')
    different('sokha', 'sophea')
    different('thanh', 'than')
  })
})
