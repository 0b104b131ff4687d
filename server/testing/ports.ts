import net from 'node:net'

/** A TCP port on 127.0.0.1 that nothing listens on right now, for a server a test starts. */
export function freePort() {
  return new Promise<number>((resolve) => {
    const probe = net.createServer()
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}
