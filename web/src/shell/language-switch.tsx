import { useSession } from '../auth/session.tsx'
import { type Locale, useI18n } from '../i18n/i18n.tsx'

const LANGUAGES: { locale: Locale; label: string }[] = [
  { locale: 'en', label: 'English' },
  { locale: 'km', label: 'ខ្មែរ' },
]

/** Both labels are always written in their own language, so anyone can find theirs. */
export function LanguageSwitch() {
  const { locale, t } = useI18n()
  const { changeLocale } = useSession()
  return (
    <fieldset className="language-switch">
      <legend className="visually-hidden">{t('web.shell.language')}</legend>
      {LANGUAGES.map((l) => (
        <button
          key={l.locale}
          type="button"
          lang={l.locale}
          aria-pressed={locale === l.locale}
          onClick={() => changeLocale(l.locale)}
        >
          {l.label}
        </button>
      ))}
    </fieldset>
  )
}
