import type { AgencyKind } from '../../domain/identity/roles.ts'

export interface AgencySeed {
  code: string
  kind: AgencyKind
  nameEn: string
  nameKm: string
}

/** The agencies at Cambodia's posts and behind them (DESIGN.md, "Who uses it"). */
export const AGENCIES: readonly AgencySeed[] = [
  {
    code: 'GDI',
    kind: 'immigration',
    nameEn: 'General Department of Immigration',
    nameKm: 'អគ្គនាយកដ្ឋានអន្តោប្រវេសន៍',
  },
  {
    code: 'NPC',
    kind: 'police',
    nameEn: 'National Police (General Commissariat)',
    nameKm: 'អគ្គស្នងការដ្ឋាននគរបាលជាតិ',
  },
  {
    code: 'GDCE',
    kind: 'customs',
    nameEn: 'General Department of Customs and Excise',
    nameKm: 'អគ្គនាយកដ្ឋានគយ និងរដ្ឋាករកម្ពុជា',
  },
  {
    code: 'MOSVY',
    kind: 'social_affairs',
    nameEn: 'Ministry of Social Affairs, Veterans and Youth Rehabilitation',
    nameKm: 'ក្រសួងសង្គមកិច្ច អតីតយុទ្ធជន និងយុវនីតិសម្បទា',
  },
  {
    code: 'NCCT',
    kind: 'counter_trafficking',
    nameEn: 'National Committee for Counter Trafficking',
    nameKm: 'គណៈកម្មាធិការជាតិប្រយុទ្ធប្រឆាំងការជួញដូរមនុស្ស',
  },
  {
    code: 'IOM',
    kind: 'international',
    nameEn: 'International Organization for Migration',
    nameKm: 'អង្គការអន្តរជាតិសម្រាប់ចំណាកស្រុក',
  },
  { code: 'NGO', kind: 'ngo', nameEn: 'NGO service providers', nameKm: 'អង្គការមិនមែនរដ្ឋាភិបាលផ្ដល់សេវា' },
]
