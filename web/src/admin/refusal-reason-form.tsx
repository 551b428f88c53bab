import { useI18n } from '../i18n/i18n.tsx'
import type { RefusalReason } from '../posts/types.ts'
import { CodedRecordForm, useCodedRecordForm } from '../ui/coded-record-form.tsx'

/** Adds a refusal reason or renames one in both languages; the code is fixed once crossings may cite it. */
export function RefusalReasonForm({ reason, onDone }: { reason: RefusalReason | null; onDone(): void }) {
  const { t } = useI18n()
  const form = useCodedRecordForm({
    record: reason,
    initial: {
      code: reason?.code ?? '',
      nameEn: reason?.nameEn ?? '',
      nameKm: reason?.nameKm ?? '',
      active: reason?.active ?? true,
    },
    path: '/api/refusal-reasons',
    normaliseCode: (code) => code.trim().toLowerCase(),
    body: (v) => ({ nameEn: v.nameEn, nameKm: v.nameKm }),
    onDone,
  })
  return (
    <CodedRecordForm
      form={form}
      editing={reason !== null}
      title={reason ? t('posts.reasons.edit', { code: reason.code }) : t('posts.reasons.add')}
      codeLabel={t('posts.reasons.code')}
      codeHint={t('posts.reasons.codeHint')}
      autoFocus
      onCancel={onDone}
    />
  )
}
