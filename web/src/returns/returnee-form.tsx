import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react'
import { ApiError, api, newIdempotencyKey } from '../api/client.ts'
import { useSession } from '../auth/session.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { usePost } from '../posts/use-post-name.ts'
import { ProtectionError } from '../protection/shared.tsx'
import type { Provider } from '../protection/types.ts'
import { CheckboxField, SelectField, TextField } from '../ui/field.tsx'
import { PHOTO_ACCEPT, putPhoto } from './photo-upload.ts'
import { emptyReferral, ReferralFields, type ReferralForm, referralBody } from './referral-fields.tsx'
import {
  emptyFields,
  type Fields,
  fromReturnee,
  prefilledAnswers,
  returneeBody,
  type Sticky,
} from './returnee-fields.ts'
import { ToggleGroup } from './toggle-group.tsx'
import {
  FLAG_KEYS,
  NEED_KEYS,
  NEEDS,
  type Province,
  type Registered,
  type Returnee,
  SERVICE_FOR_NEED,
  SEXES,
  TRIAGE_FLAGS,
} from './types.ts'

/**
 * Where a referral from this post goes unless the officer chooses: the State's social services (MoSVY's centre)
 * in the post's province, then any provider there, then the first one listed.
 */
function defaultProvider(providers: Provider[], provinceCode: string | undefined): Provider | undefined {
  const near = providers.filter((x) => x.provinceCode === provinceCode)
  return near.find((x) => x.type === 'CentralGovernmentOrganisation') ?? near[0] ?? providers[0]
}

/**
 * Keyboard-first registration: names, sex, born, provinces, phone, then the flag and need chips (letters toggle
 * them), then "refer". Enter anywhere saves and clears for the next returnee, keeping post, group and return type.
 */
export function ReturneeForm(p: {
  sticky: Sticky
  editing: Returnee | null
  provinces: Province[]
  providers: Provider[]
  onSaved(r: Registered, edited: boolean): void
  onCancelEdit(): void
}) {
  const { t, locale } = useI18n()
  const [f, setF] = useState<Fields>(p.editing ? fromReturnee(p.editing) : emptyFields)
  const [refer, setRefer] = useState(false)
  const [referral, setReferral] = useState<ReferralForm>(emptyReferral)
  const [error, setError] = useState<unknown>()
  const [key, setKey] = useState(newIdempotencyKey)
  const [busy, setBusy] = useState(false)
  const [photo, setPhoto] = useState<File | null>(null)
  // A new key empties the file input, whose value a script cannot set.
  const [photoKey, setPhotoKey] = useState(0)
  const { session } = useSession()
  const post = usePost(p.sticky.postCode)
  const formRef = useRef<HTMLFormElement>(null)
  // The first name box; TextField renders its own input, so it is found inside the form.
  const focusFirst = () => formRef.current?.querySelector('input')?.focus()
  useEffect(focusFirst, [])
  // A refusal puts the cursor on the first field it names, so the officer corrects it without the mouse.
  useEffect(() => {
    if (error) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [error])
  const set = (k: keyof Fields) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value })
  const fieldError = (name: string) => (error instanceof ApiError ? error.fieldError(name) : undefined)

  const startReferral = (on: boolean, fields = f) => {
    setRefer(on)
    if (!on) return
    const services = [
      ...new Set(fields.needs.map((n) => SERVICE_FOR_NEED[n as keyof typeof SERVICE_FOR_NEED])),
    ]
    const providerId = referral.providerId || defaultProvider(p.providers, post?.provinceCode)?.id || ''
    const offered = p.providers.find((x) => x.id === providerId)?.services ?? []
    const fromNeeds = services.filter((s) => offered.includes(s))
    // With no need ticked, a flagged person is referred for shelter (or what the provider offers first), so the
    // flag and a reason are enough to send the referral.
    const fallback = offered.includes('shelter') ? ['shelter'] : offered.slice(0, 1)
    setReferral({
      ...referral,
      providerId,
      services: referral.services.length ? referral.services : fromNeeds.length ? fromNeeds : fallback,
      answers: { ...prefilledAnswers(fields), ...referral.answers },
    })
  }
  // Flags that call for protection propose the referral at once; the officer can still untick it.
  const setFlags = (triageFlags: string[]) => {
    const next = { ...f, triageFlags }
    setF(next)
    const proposed = ['unaccompanied_child', 'trafficking_indicators'].some(
      (x) => triageFlags.includes(x) && !f.triageFlags.includes(x),
    )
    if (proposed && !refer && !p.editing) startReferral(true, next)
  }

  // A need ticked while a referral is open asks the provider for the matching service, when it offers one.
  const setNeeds = (needs: string[]) => {
    setF({ ...f, needs })
    if (!refer) return
    const offered = p.providers.find((x) => x.id === referral.providerId)?.services ?? []
    const added = needs
      .filter((n) => !f.needs.includes(n))
      .map((n) => SERVICE_FOR_NEED[n as keyof typeof SERVICE_FOR_NEED])
      .filter((s) => offered.includes(s) && !referral.services.includes(s))
    if (added.length) setReferral({ ...referral, services: [...referral.services, ...added] })
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (busy) return
    setError(undefined)
    setBusy(true)
    try {
      const groupId = p.editing ? p.editing.groupId : p.sticky.groupId
      const returnee = returneeBody(f, p.sticky, groupId)
      const saved = p.editing
        ? await api<Registered>('PUT', `/api/returns/${p.editing.id}`, { body: { returnee } })
        : await api<Registered>('POST', '/api/returns', {
            idempotencyKey: key,
            body: { postCode: p.sticky.postCode, returnee, referral: refer ? referralBody(referral) : null },
          })
      // The registration stands even if the photo is refused; the error says so and the officer can correct it.
      const photoError = photo
        ? await putPhoto(saved.id, photo, session?.csrfToken).then(
            () => undefined,
            (err: unknown) => err,
          )
        : undefined
      setF(emptyFields)
      setPhoto(null)
      setPhotoKey((k) => k + 1)
      setError(photoError)
      setRefer(false)
      setReferral(emptyReferral)
      setKey(newIdempotencyKey())
      p.onSaved(saved, p.editing !== null)
      focusFirst()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    const tag = (e.target as HTMLElement).tagName
    if (e.key === 'Enter' && !e.shiftKey && !['TEXTAREA', 'BUTTON', 'SUMMARY', 'A'].includes(tag)) {
      e.preventDefault()
      formRef.current?.requestSubmit()
    }
    if (e.key === 'Escape' && p.editing) p.onCancelEdit()
  }
  const provinceOptions = p.provinces.map((x) => (
    <option key={x.code} value={x.code}>
      {locale === 'km' ? x.nameKm : x.nameEn}
    </option>
  ))
  const nameError = fieldError('name')

  return (
    <form
      ref={formRef}
      onSubmit={submit}
      onKeyDown={onKeyDown}
      noValidate
      className="card form-grid"
      aria-labelledby="returnee-form-title"
    >
      <h2 id="returnee-form-title">{p.editing ? t('returns.form.editTitle') : t('returns.form.title')}</h2>
      <ProtectionError error={error} />
      <TextField
        label={t('returns.form.familyLatin')}
        value={f.familyLatin}
        onChange={set('familyLatin')}
        error={fieldError('familyLatin') ?? nameError}
        autoComplete="off"
      />
      <TextField
        label={t('returns.form.givenLatin')}
        value={f.givenLatin}
        onChange={set('givenLatin')}
        error={fieldError('givenLatin')}
        autoComplete="off"
      />
      <TextField
        label={t('returns.form.familyKhmer')}
        lang="km"
        value={f.familyKhmer}
        onChange={set('familyKhmer')}
        error={fieldError('familyKhmer')}
        autoComplete="off"
      />
      <TextField
        label={t('returns.form.givenKhmer')}
        lang="km"
        value={f.givenKhmer}
        onChange={set('givenKhmer')}
        error={fieldError('givenKhmer')}
        autoComplete="off"
      />
      <SelectField
        label={t('returns.form.sex')}
        value={f.sex}
        onChange={set('sex')}
        error={fieldError('sex')}
      >
        <option value="">{t('returns.form.notKnown')}</option>
        {SEXES.map((s) => (
          <option key={s} value={s}>
            {t(`returns.sex.${s}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('returns.form.born')}
        hint={t('returns.form.bornHint')}
        value={f.born}
        onChange={set('born')}
        error={fieldError('birthDate') ?? fieldError('estimatedAge')}
        autoComplete="off"
      />
      <SelectField
        label={t('returns.form.originProvince')}
        value={f.originProvince}
        onChange={set('originProvince')}
        error={fieldError('originProvince')}
      >
        <option value="">{t('returns.form.notKnown')}</option>
        {provinceOptions}
      </SelectField>
      <TextField
        label={t('returns.form.originDistrict')}
        value={f.originDistrict}
        onChange={set('originDistrict')}
        error={fieldError('originDistrict')}
      />
      <SelectField
        label={t('returns.form.returnProvince')}
        value={f.returnProvince}
        onChange={set('returnProvince')}
        error={fieldError('returnProvince')}
      >
        <option value="">{t('returns.form.notKnown')}</option>
        {provinceOptions}
      </SelectField>
      <TextField
        label={t('returns.form.returnDistrict')}
        value={f.returnDistrict}
        onChange={set('returnDistrict')}
        error={fieldError('returnDistrict')}
      />
      <TextField
        label={t('returns.form.phone')}
        type="tel"
        value={f.phone}
        onChange={set('phone')}
        error={fieldError('phone')}
        autoComplete="off"
      />
      <div className="field">
        <label htmlFor="returnee-photo">{t('returns.form.photo')}</label>
        <input
          key={photoKey}
          id="returnee-photo"
          type="file"
          accept={PHOTO_ACCEPT}
          capture="user"
          onChange={(e) => setPhoto(e.target.files?.[0] ?? null)}
        />
      </div>
      <ToggleGroup
        legend={t('returns.form.flags')}
        options={TRIAGE_FLAGS}
        keys={FLAG_KEYS}
        label={(o) => t(`returns.flags.${o}`)}
        value={f.triageFlags}
        onChange={setFlags}
        testId="flags"
      />
      <ToggleGroup
        legend={t('returns.form.needs')}
        options={NEEDS}
        keys={NEED_KEYS}
        label={(o) => t(`returns.needs.${o}`)}
        value={f.needs}
        onChange={setNeeds}
        testId="needs"
      />
      {!p.editing && (
        <CheckboxField label={t('returns.form.refer')} checked={refer} onChange={(on) => startReferral(on)} />
      )}
      {refer && (
        <ReferralFields
          value={referral}
          onChange={setReferral}
          providers={p.providers}
          fieldError={fieldError}
        />
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {p.editing ? t('returns.form.saveEdit') : t('returns.form.save')}
        </button>
        {p.editing && (
          <button type="button" onClick={p.onCancelEdit}>
            {t('web.common.cancel')}
          </button>
        )}
        <small className="hint">{t('returns.form.keysHint')}</small>
      </div>
    </form>
  )
}
