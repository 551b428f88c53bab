import { readFileSync } from 'node:fs'

/**
 * CPU seconds one PostgreSQL backend has used so far, read from /proc when the server runs on this machine, or
 * null (a remote server, another operating system). The seed reports each phase's server CPU beside its wall
 * time: on a shared machine wall seconds stretch with the neighbours' load, CPU seconds much less. Parallel
 * workers of an index build or a grouping are processes of their own and are not included.
 */
export function backendCpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined) return null
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // utime and stime are fields 14 and 15, counted after the parenthesised command (which may hold spaces).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return null
  }
}
