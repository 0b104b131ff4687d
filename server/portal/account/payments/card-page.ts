import type { FastifyInstance, FastifyRequest } from 'fastify'

/** A payment processor's card page: where the card is typed, in a frame of the payment form. */
export interface CardPage {
  path: string
  /** The page's own policy: the only place the processor's script may run. */
  csp: string
  html: (request: FastifyRequest) => string
  /** Served at `${path}.js`, the address the page's HTML loads it from. */
  script: string
}

/** Serves a card page (never cached: it may be built for the reader) and its script. */
export function serveCardPage(app: FastifyInstance, page: CardPage): void {
  app.get(page.path, async (request, reply) =>
    reply
      .header('Content-Type', 'text/html; charset=utf-8')
      .header('Content-Security-Policy', page.csp)
      .header('Cache-Control', 'no-store')
      .send(page.html(request)),
  )
  app.get(`${page.path}.js`, async (_request, reply) =>
    reply.header('Content-Type', 'text/javascript; charset=utf-8').send(page.script),
  )
}
