import type { Post, Province } from '../api/types.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { CodedRecordForm, useCodedRecordForm } from '../ui/coded-record-form.tsx'
import { SelectField, TextField } from '../ui/field.tsx'

const TYPES = ['land', 'river', 'air', 'sea'] as const

export function PostForm({
  post,
  provinces,
  onDone,
}: {
  post: Post | null
  provinces: Province[]
  onDone(): void
}) {
  const { t, locale } = useI18n()
  const f = useCodedRecordForm({
    record: post,
    initial: {
      code: post?.code ?? '',
      nameEn: post?.nameEn ?? '',
      nameKm: post?.nameKm ?? '',
      type: post?.type ?? 'land',
      provinceCode: post?.provinceCode ?? provinces[0]?.code ?? 'KH-1',
      neighbourCountry: post?.neighbourCountry ?? '',
      neighbourPost: post?.neighbourPost ?? '',
      active: post?.active ?? true,
    },
    path: '/api/posts',
    normaliseCode: (code) => code.toUpperCase(),
    body: (v) => ({
      nameEn: v.nameEn,
      nameKm: v.nameKm,
      type: v.type,
      provinceCode: v.provinceCode,
      neighbourCountry: v.neighbourCountry.toUpperCase() || null,
      neighbourPost: v.neighbourPost || null,
    }),
    onDone,
  })
  const v = f.values

  return (
    <CodedRecordForm
      form={f}
      editing={post !== null}
      title={post ? t('web.posts.edit', { code: post.code }) : t('web.posts.add')}
      codeLabel={t('web.posts.code')}
      codeHint={t('web.posts.codeHint')}
      onCancel={onDone}
    >
      <SelectField label={t('web.posts.type')} value={v.type} onChange={f.set('type')}>
        {TYPES.map((ty) => (
          <option key={ty} value={ty}>
            {t(`web.posts.types.${ty}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('web.posts.province')}
        value={v.provinceCode}
        onChange={f.set('provinceCode')}
        error={f.fieldError('provinceCode')}
      >
        {provinces.map((p) => (
          <option key={p.code} value={p.code}>
            {locale === 'km' ? p.nameKm : p.nameEn}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('web.posts.neighbourCountry')}
        maxLength={2}
        value={v.neighbourCountry}
        onChange={f.set('neighbourCountry')}
        error={f.fieldError('neighbourCountry')}
      />
      <TextField
        label={t('web.posts.neighbourPost')}
        value={v.neighbourPost}
        onChange={f.set('neighbourPost')}
      />
    </CodedRecordForm>
  )
}
