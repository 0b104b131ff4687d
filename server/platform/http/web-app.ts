import fs from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { handleNotFound } from './problems.ts'

// Vite names every asset by its content hash, so a cached copy can never be stale.
const IMMUTABLE = 'public, max-age=31536000, immutable'
// Pages must be revalidated so a deploy reaches everyone at their next visit.
const REVALIDATE = 'no-cache'

/**
 * Serves the built web app: the patient portal at `/` and the office console at `/office/`.
 * Client-side routes (a reload on `/appointments`) get their app's page; `/api` stays JSON.
 */
export async function webAppRoutes(app: FastifyInstance, options: { root: string }) {
  const { root } = options
  const built = fs.existsSync(path.join(root, 'index.html'))
  if (built) {
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      // A route for each file at the top (pages, icons); the hashed assets, a few hundred files
      // that would each add two routes at start, are served by the one `/assets/*` route below.
      globIgnore: ['assets/**'],
      index: false,
      cacheControl: false,
      setHeaders(response, filePath) {
        const isAsset = filePath.includes(`${path.sep}assets${path.sep}`)
        response.header('Cache-Control', isAsset ? IMMUTABLE : REVALIDATE)
      },
    })
    app.get('/assets/*', (request, reply) => {
      const file = (request.params as { '*': string })['*']
      return reply.sendFile(path.join('assets', file))
    })
  }
  app.setNotFoundHandler((request, reply) => {
    if (!isPageRequest(request)) return handleNotFound(request, reply)
    if (!built) return notBuilt(reply)
    const page = isOfficePath(request.url) ? 'office/index.html' : 'index.html'
    return reply.header('Cache-Control', REVALIDATE).type('text/html').sendFile(page)
  })
}

function isPageRequest(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false
  const pathname = request.url.split('?')[0] ?? ''
  if (pathname.startsWith('/api/') || pathname.startsWith('/assets/')) return false
  if (path.extname(pathname) !== '') return false
  return true
}

function isOfficePath(url: string): boolean {
  return url === '/office' || url.startsWith('/office/') || url.startsWith('/office?')
}

function notBuilt(reply: FastifyReply) {
  return reply
    .status(503)
    .type('text/plain; charset=utf-8')
    .send('The web app has not been built yet. Run `npm run build`, then reload this page.\n')
}
