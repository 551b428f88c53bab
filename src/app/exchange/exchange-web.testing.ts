/**
 * Shared by the exchange-web API test and its Playwright flow: a Thai citizen met at Poipet, as the border's
 * referral records her, holding more than the Cambodia–Thailand agreement lets travel (a phone, vulnerabilities).
 */
export const THAI_PHONE = '+85512345678'

export const THAI_PERSON = {
  givenLatin: 'Malee',
  familyLatin: 'Srisuk',
  givenKhmer: null,
  familyKhmer: null,
  birthDate: '1999-05-02',
  birthDateEstimated: false,
  gender: 'female',
  nationality: 'THA',
  mobilePhone: THAI_PHONE,
  provinceCode: null,
}
