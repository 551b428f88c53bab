import { connect, createServer, type Server, type Socket } from 'node:net'

/**
 * A TCP relay on loopback standing for the link between a post and the centre: `cut()` drops every open connection
 * and refuses new ones, as a dead VPN does, without stopping either PostgreSQL (the national cluster is shared by
 * the other test files); `restore()` lets connections through again.
 */
export interface LinkProxy {
  port: number
  cut(): void
  restore(): void
  close(): Promise<void>
}

export async function startLinkProxy(target: { host: string; port: number }): Promise<LinkProxy> {
  let up = true
  const open = new Set<Socket>()
  const server: Server = createServer((client) => {
    if (!up) {
      client.destroy()
      return
    }
    const upstream = connect(target.port, target.host)
    open.add(client)
    open.add(upstream)
    const drop = () => {
      client.destroy()
      upstream.destroy()
      open.delete(client)
      open.delete(upstream)
    }
    client.on('error', drop).on('close', drop)
    upstream.on('error', drop).on('close', drop)
    client.pipe(upstream).pipe(client)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('proxy did not bind')
  const cut = () => {
    up = false
    for (const s of open) s.destroy()
    open.clear()
  }
  return {
    port: address.port,
    cut,
    restore() {
      up = true
    },
    async close() {
      cut()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
