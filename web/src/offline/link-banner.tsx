import { useEffect } from 'react'
import type { OfflineLinkView } from '../../../src/app/offline/offline.contract.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import './offline.css'

/**
 * On a post server, what the officer must know before deciding: how old the post's copy of the alert lists and
 * rules is, a warning past the configured age, and since when the link to the centre is down. Nothing is refused
 * for it. Read again at every inspection (`refreshKey`), since the link can come and go between two travellers.
 */
export function LinkBanner({ refreshKey }: { refreshKey?: string }) {
  const { t, formatDateTime } = useI18n()
  const { data, reload } = useFetch<OfflineLinkView>('/api/offline/link')
  // biome-ignore lint/correctness/useExhaustiveDependencies: refreshKey is the reload trigger
  useEffect(() => {
    if (refreshKey) reload()
  }, [refreshKey])
  if (data?.role !== 'post') return null
  const asOf = data.alertListsAsOf ? formatDateTime(data.alertListsAsOf) : t('offline.never')
  return (
    <div
      className={`banner ${data.stale || !data.up ? 'banner-warn' : 'banner-info'}`}
      role="status"
      data-testid="link-banner"
    >
      {!data.up && (
        <p>
          <strong>
            {data.downSince
              ? t('offline.downSince', { time: formatDateTime(data.downSince) })
              : t('offline.downNever')}
          </strong>{' '}
          {t('offline.keepWorking')}
        </p>
      )}
      <p>{t('offline.asOf', { time: asOf })}</p>
      {data.stale && <p>{t('offline.stale', { hours: Math.round(data.staleAfterMinutes / 60) })}</p>}
    </div>
  )
}
