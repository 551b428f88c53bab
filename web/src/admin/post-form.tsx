import { type FormEvent, useState } from 'react'
import { ApiError, api, newIdempotencyKey } from '../api/client.ts'
import type { Post, Province } from '../api/types.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { ErrorBanner } from '../ui/feedback.tsx'
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
  const [f, setF] = useState({
    code: post?.code ?? '',
    nameEn: post?.nameEn ?? '',
    nameKm: post?.nameKm ?? '',
    type: post?.type ?? 'land',
    provinceCode: post?.provinceCode ?? provinces[0]?.code ?? 'KH-1',
    neighbourCountry: post?.neighbourCountry ?? '',
    neighbourPost: post?.neighbourPost ?? '',
    active: post?.active ?? true,
  })
  const [error, setError] = useState<unknown>()
  const [key] = useState(newIdempotencyKey)
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value })
  const fieldError = (name: string) => (error instanceof ApiError ? error.fieldError(name) : undefined)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const body = {
      nameEn: f.nameEn,
      nameKm: f.nameKm,
      type: f.type,
      provinceCode: f.provinceCode,
      neighbourCountry: f.neighbourCountry.toUpperCase() || null,
      neighbourPost: f.neighbourPost || null,
    }
    try {
      if (post)
        await api('PATCH', `/api/posts/${encodeURIComponent(post.code)}`, {
          body: { ...body, active: f.active },
        })
      else
        await api('POST', '/api/posts', {
          body: { code: f.code.toUpperCase(), ...body },
          idempotencyKey: key,
        })
      onDone()
    } catch (err) {
      setError(err)
    }
  }

  return (
    <form className="card form-grid" onSubmit={submit} noValidate>
      <h2>{post ? t('web.posts.edit', { code: post.code }) : t('web.posts.add')}</h2>
      <ErrorBanner error={error} />
      {!post && (
        <TextField
          label={t('web.posts.code')}
          required
          value={f.code}
          onChange={set('code')}
          error={fieldError('code')}
          hint={t('web.posts.codeHint')}
        />
      )}
      <TextField
        label={t('web.common.nameEn')}
        required
        value={f.nameEn}
        onChange={set('nameEn')}
        error={fieldError('nameEn')}
      />
      <TextField
        label={t('web.common.nameKm')}
        lang="km"
        required
        value={f.nameKm}
        onChange={set('nameKm')}
        error={fieldError('nameKm')}
      />
      <SelectField label={t('web.posts.type')} value={f.type} onChange={set('type')}>
        {TYPES.map((ty) => (
          <option key={ty} value={ty}>
            {t(`web.posts.types.${ty}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('web.posts.province')}
        value={f.provinceCode}
        onChange={set('provinceCode')}
        error={fieldError('provinceCode')}
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
        value={f.neighbourCountry}
        onChange={set('neighbourCountry')}
        error={fieldError('neighbourCountry')}
      />
      <TextField
        label={t('web.posts.neighbourPost')}
        value={f.neighbourPost}
        onChange={set('neighbourPost')}
      />
      {post && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={f.active}
            onChange={(e) => setF({ ...f, active: e.target.checked })}
          />
          {t('web.common.active')}
        </label>
      )}
      <div className="actions">
        <button type="submit" className="primary">
          {t('web.common.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('web.common.cancel')}
        </button>
      </div>
    </form>
  )
}
