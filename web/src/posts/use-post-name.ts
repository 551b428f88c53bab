import { useEffect, useState } from 'react'
import { api } from '../api/client.ts'
import type { Post } from '../api/types.ts'
import { useI18n } from '../i18n/i18n.tsx'

// Points of entry change with an administrator's edit, not within a session: one list serves every screen.
let posts: Promise<Post[]> | null = null

/** The shared list of posts, fetched once (and again after a failure); null until it has arrived. */
function usePosts(wanted: boolean): Post[] | null {
  const [list, setList] = useState<Post[] | null>(null)
  useEffect(() => {
    if (!wanted) return
    posts ??= api<Post[]>('GET', '/api/posts').catch(() => {
      posts = null
      return []
    })
    let live = true
    posts.then((l) => live && setList(l))
    return () => {
      live = false
    }
  }, [wanted])
  return list
}

/**
 * A post's name in the reader's language ("Poipet International Checkpoint"), never its code (LAND-POIPET); the
 * code is shown only until the list arrives, or for a reader who may not list posts.
 */
export function usePostName(code: string | null | undefined): string {
  return usePostNames(Boolean(code))(code)
}

/** For screens that name many posts (a queue, a list): one lookup, the name or, until the list comes, the code. */
export function usePostNames(wanted = true): (code: string | null | undefined) => string {
  const { locale } = useI18n()
  const list = usePosts(wanted)
  return (code) => {
    const post = code ? list?.find((p) => p.code === code) : undefined
    return post ? (locale === 'km' ? post.nameKm : post.nameEn) : (code ?? '')
  }
}

/** The post itself (its province, its neighbour), once the shared list has arrived. */
export function usePost(code: string | null | undefined): Post | undefined {
  const list = usePosts(Boolean(code))
  return code ? list?.find((p) => p.code === code) : undefined
}
