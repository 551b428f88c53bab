import { useI18n } from '../i18n/i18n.tsx'
import { navigate } from '../shell/router.tsx'
import { setTrainingMode } from './training-mode.ts'

/** Across the top of every screen while training mode is on, so no one mistakes a specimen for a live document. */
export function TrainingRibbon() {
  const { t } = useI18n()
  return (
    <div className="training-ribbon" role="status" data-testid="training-ribbon">
      <strong>{t('training.web.ribbon')}</strong>
      <button
        type="button"
        onClick={() => {
          setTrainingMode(false)
          navigate('/training')
        }}
      >
        {t('training.web.leave')}
      </button>
    </div>
  )
}
