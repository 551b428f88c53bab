import type { RowIssue } from '../../domain/returns/index.ts'
import { type Locale, translate } from '../../platform/i18n/catalog.ts'
import type { ReturneeRow, ReturnImportRow } from './returns.tables.ts'

/** A registration as the registration screen and social workers read it; who registered it stays internal. */
export function presentReturnee(r: ReturneeRow, hasPhoto = false) {
  return {
    id: r.id,
    postCode: r.post_code,
    registeredAt: new Date(r.registered_at).toISOString(),
    registeredOn: r.registered_on,
    familyLatin: r.family_latin,
    givenLatin: r.given_latin,
    familyKhmer: r.family_khmer,
    givenKhmer: r.given_khmer,
    sex: r.sex,
    birthDate: r.birth_date,
    estimatedAge: r.estimated_age,
    nationality: r.nationality,
    originProvince: r.origin_province,
    originDistrict: r.origin_district,
    returnProvince: r.return_province,
    returnDistrict: r.return_district,
    phone: r.phone,
    groupId: r.group_id,
    returnType: r.return_type,
    triageFlags: r.triage_flags,
    needs: r.needs,
    referralId: r.referral_id,
    listRef: r.list_ref,
    hasPhoto,
  }
}

/** An import's progress and its report, each issue worded in the reader's language. */
export function presentImport(i: ReturnImportRow, locale: Locale) {
  return {
    id: i.id,
    postCode: i.post_code,
    listRef: i.list_ref,
    fileName: i.file_name,
    format: i.format,
    returnType: i.return_type,
    state: i.state,
    total: i.total_rows,
    processed: i.processed_rows,
    added: i.added,
    alreadyRegistered: i.already_registered,
    rejected: i.rejected,
    issues: (i.issues as RowIssue[]).map((x) => ({
      row: x.row,
      column: x.column,
      code: x.code,
      message: translate(locale, `returns.errors.${x.code}`, {
        row: x.row,
        column: x.column ?? '',
        ...x.params,
      }),
    })),
    ignoredColumns: i.ignored_columns,
    createdAt: new Date(i.created_at).toISOString(),
  }
}
