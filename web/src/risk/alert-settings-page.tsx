import { useState } from 'react'
import { api } from '../api/client.ts'
import type { Agency } from '../api/types.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { Loading } from '../ui/feedback.tsx'
import { TextField } from '../ui/field.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import { RiskError } from './risk-shared.tsx'

interface Setting {
  agencyCode: string
  escalateAfterHours: number
}

/** Administrators set, per receiving agency, how long a risk alert may wait before it escalates. */
export function AlertSettingsPage() {
  const { t } = useI18n()
  const settings = useFetch<{ items: Setting[] }>('/api/risk/alert-settings')
  const agencies = useFetch<Agency[]>('/api/agencies')
  return (
    <>
      <h1>{t('risk-web.nav.alertSettings')}</h1>
      <p className="hint">{t('risk-web.alertSettings.intro')}</p>
      <RiskError error={settings.error} />
      {!settings.data ? (
        <Loading />
      ) : (
        settings.data.items.map((s) => (
          <SettingForm
            key={s.agencyCode}
            setting={s}
            agency={agencies.data?.find((a) => a.code === s.agencyCode)}
            onSaved={settings.reload}
          />
        ))
      )}
    </>
  )
}

function SettingForm({ setting, agency, onSaved }: { setting: Setting; agency?: Agency; onSaved(): void }) {
  const { t, locale } = useI18n()
  const [hours, setHours] = useState(String(setting.escalateAfterHours))
  const [error, setError] = useState<unknown>()
  const [saved, setSaved] = useState(false)
  const name = agency ? (locale === 'km' ? agency.nameKm : agency.nameEn) : setting.agencyCode
  const save = async (e: React.FormEvent) => {
    e.preventDefault()
    setError(undefined)
    setSaved(false)
    try {
      await api('PUT', `/api/risk/alert-settings/${setting.agencyCode}`, {
        body: { escalateAfterHours: Number(hours) },
      })
      setSaved(true)
      onSaved()
    } catch (err) {
      setError(err)
    }
  }
  return (
    <form className="card" onSubmit={save} aria-label={name}>
      <h2>{name}</h2>
      <TextField
        label={t('risk-web.alertSettings.hours')}
        type="number"
        min={1}
        max={720}
        value={hours}
        onChange={(e) => setHours(e.target.value)}
      />
      <RiskError error={error} />
      {saved && (
        <p className="banner banner-ok" role="status">
          {t('risk-web.alertSettings.saved')}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary">
          {t('web.common.save')}
        </button>
      </div>
    </form>
  )
}
