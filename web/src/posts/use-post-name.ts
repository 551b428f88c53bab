import { useEffect, useState } from 'react'
import { api } from '../api/client.ts'
import type { Post } from '../api/types.ts'
import { useI18n } from '../i18n/i18n.tsx'

// Points of entry change with an administrator's edit, not within a session: one list serves every screen.
let posts: Promise<Post[]> | null = null

/**
 * A post's name in the reader's language ("Poipet International Checkpoint"), never its code (LAND-POIPET); the
 * code is shown only until the list arrives, or for a reader who may not list posts.
 */
export function usePostName(code: string | null | undefined): string {
  const { locale } = useI18n()
  const post = usePost(code)
  if (!code) return ''
  return post ? (locale === 'km' ? post.nameKm : post.nameEn) : code
}

/** The post itself (its province, its neighbour), once the shared list has arrived. */
export function usePost(code: string | null | undefined): Post | undefined {
  const [list, setList] = useState<Post[] | null>(null)
  useEffect(() => {
    if (!code) return
    posts ??= api<Post[]>('GET', '/api/posts').catch(() => {
      posts = null
      return []
    })
    let live = true
    posts.then((l) => live && setList(l))
    return () => {
      live = false
    }
  }, [code])
  return code ? list?.find((p) => p.code === code) : undefined
}
