import { api } from '../api/client.ts'
import type { Post, Province } from '../api/types.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { ErrorBanner } from '../ui/feedback.tsx'
import { CheckboxField, NameFields, SelectField, TextField } from '../ui/field.tsx'
import { FormActions, useForm } from '../ui/form.tsx'

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
  const f = useForm({
    code: post?.code ?? '',
    nameEn: post?.nameEn ?? '',
    nameKm: post?.nameKm ?? '',
    type: post?.type ?? 'land',
    provinceCode: post?.provinceCode ?? provinces[0]?.code ?? 'KH-1',
    neighbourCountry: post?.neighbourCountry ?? '',
    neighbourPost: post?.neighbourPost ?? '',
    active: post?.active ?? true,
  })
  const v = f.values
  const submit = f.submit(async () => {
    const body = {
      nameEn: v.nameEn,
      nameKm: v.nameKm,
      type: v.type,
      provinceCode: v.provinceCode,
      neighbourCountry: v.neighbourCountry.toUpperCase() || null,
      neighbourPost: v.neighbourPost || null,
    }
    if (post)
      await api('PATCH', `/api/posts/${encodeURIComponent(post.code)}`, {
        body: { ...body, active: v.active },
      })
    else
      await api('POST', '/api/posts', {
        body: { code: v.code.toUpperCase(), ...body },
        idempotencyKey: f.idempotencyKey,
      })
    onDone()
  })

  return (
    <form className="card form-grid" onSubmit={submit} noValidate>
      <h2>{post ? t('web.posts.edit', { code: post.code }) : t('web.posts.add')}</h2>
      <ErrorBanner error={f.error} />
      {!post && (
        <TextField
          label={t('web.posts.code')}
          required
          value={v.code}
          onChange={f.set('code')}
          error={f.fieldError('code')}
          hint={t('web.posts.codeHint')}
        />
      )}
      <NameFields values={v} set={f.set} fieldError={f.fieldError} />
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
      {post && (
        <CheckboxField
          label={t('web.common.active')}
          checked={v.active}
          onChange={(active) => f.setValues({ ...v, active })}
        />
      )}
      <FormActions onCancel={onDone} />
    </form>
  )
}
