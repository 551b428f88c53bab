import { useI18n } from '../i18n/i18n.tsx'
import type { Facts } from './types.ts'

/** What the dates and codes mean for the officer today; the ones that call for action stand out. */
export function FactsList({ facts }: { facts: Facts }) {
  const { t } = useI18n()
  const items: { key: string; text: string; alert: boolean }[] = []
  if (facts.age !== null)
    items.push({ key: 'age', text: t('reading.facts.age', { age: facts.age }), alert: false })
  else if (facts.ageMin !== null)
    items.push({
      key: 'age',
      text: t('reading.facts.ageRange', { min: facts.ageMin, max: facts.ageMax }),
      alert: false,
    })
  if (facts.underTwelve) items.push({ key: 'under12', text: t('documents.facts.under_twelve'), alert: true })
  else if (facts.minor) items.push({ key: 'minor', text: t('documents.facts.minor'), alert: true })
  if (facts.ageNeedsReview)
    items.push({ key: 'review', text: t('documents.facts.age_needs_review'), alert: true })
  if (facts.expired) items.push({ key: 'expired', text: t('documents.facts.expired'), alert: true })
  else if (facts.expiresSoon)
    items.push({
      key: 'soon',
      text: t('documents.facts.expires_soon', { days: facts.daysToExpiry }),
      alert: true,
    })
  if (facts.statelessOrRefugee)
    items.push({ key: 'status', text: t(`documents.facts.${facts.statelessOrRefugee}`), alert: true })
  if (facts.protectionRelevant)
    items.push({ key: 'protection', text: t('documents.facts.protection_relevant'), alert: true })
  if (items.length === 0) return null
  return (
    <ul className="facts-chips" aria-label={t('reading.facts.title')}>
      {items.map((i) => (
        <li key={i.key} className={i.alert ? 'chip chip-alert' : 'chip'} data-fact={i.key}>
          {i.text}
        </li>
      ))}
    </ul>
  )
}
