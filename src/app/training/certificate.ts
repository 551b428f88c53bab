import type { Executor } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { translate } from '../../platform/i18n/catalog.ts'
import type { RequestActor } from '../identity/actor.ts'
import { renderReportPdf } from '../statistics/report-pdf.ts'
import { assertCan, inReach, reachOf } from './reach.ts'

/**
 * A completed participant's certificate: one page, every line in English and in Khmer, through the report
 * machinery (its Khmer font, shaping fixes and ActualText spans), so `pdftotext` gives both languages back.
 */
export async function trainingCertificate(o: {
  db: Executor
  actor: RequestActor
  participantId: string
}): Promise<{ fileName: string; body: Buffer }> {
  assertCan(o.actor, 'read', 'training_record')
  const reach = await reachOf(o.db, o.actor)
  const p = await o.db
    .selectFrom('training_participants as p')
    .innerJoin('training_sessions as s', 's.id', 'p.session_id')
    .innerJoin('training_courses as c', 'c.id', 's.course_id')
    .innerJoin('agencies as a', 'a.code', 'p.agency_code')
    .select([
      'p.user_id',
      'p.post_code',
      'p.full_name',
      'p.completed_on',
      'p.certificate_no',
      'p.post_score',
      's.starts_on',
      's.ends_on',
      's.place',
      'c.title_en',
      'c.title_km',
      'a.name_en as agency_en',
      'a.name_km as agency_km',
    ])
    .where('p.id', '=', o.participantId)
    .executeTakeFirst()
  if (!p || !inReach(reach, { userId: p.user_id, postCode: p.post_code })) throw new AppError('not_found')
  if (!p.completed_on || !p.certificate_no)
    throw new AppError('rule_violation', {}, [{ code: 'training.validation.not_completed' }])
  const both = (key: string, params: Record<string, unknown> = {}) => [
    translate('en', key, params),
    translate('km', key, params),
  ]
  const lines = [
    ...both('training.certificate.certifies'),
    p.full_name,
    `${p.agency_en} · ${p.agency_km}`,
    ...both('training.certificate.completed'),
    p.title_en,
    p.title_km,
    ...both('training.certificate.held', { place: p.place, from: p.starts_on, to: p.ends_on }),
  ]
  const figures = [
    { label: both('training.certificate.number').join(' · '), value: p.certificate_no },
    { label: both('training.certificate.date').join(' · '), value: p.completed_on },
  ]
  if (p.post_score !== null)
    figures.push({ label: both('training.certificate.score').join(' · '), value: String(p.post_score) })
  const body = await renderReportPdf({
    locale: 'km',
    title: both('training.certificate.title').join(' · '),
    subtitle: 'Passage',
    sections: [{ title: p.full_name, paragraphs: lines, figures }],
    footer: both('training.certificate.footer').join(' · '),
    numberFormat: String,
  })
  return { fileName: `certificate-${p.certificate_no}.pdf`, body }
}
