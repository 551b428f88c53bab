/** Today's date as `YYYY-MM-DD` in Cambodia (UTC+7), where validity and review dates are read. */
export function isoToday(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10)
}
