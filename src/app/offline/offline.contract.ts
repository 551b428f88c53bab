/** A server's link to the other side, as every signed-in screen reads it (no imports: the web shares the type). */
export interface OfflineLinkView {
  /** `standalone`: no replication configured, nothing to show. */
  role: 'standalone' | 'national' | 'post'
  postCode: string | null
  /** On a post: whether the centre is reachable now. On the national server and standalone: always true. */
  up: boolean
  /** Since when the post has heard nothing from the centre (null when up or never connected). */
  downSince: string | null
  /** Up to when the post holds every alert-list and rules change of the centre. */
  alertListsAsOf: string | null
  /** The copy is older than the configured age (`offline_settings.stale_after_minutes`). */
  stale: boolean
  staleAfterMinutes: number
}
