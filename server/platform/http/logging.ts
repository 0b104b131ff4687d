/**
 * Request log lines carry the method, the path without its query string, the status and the
 * time — never bodies, query strings, cookies or headers, which may hold health information or
 * credentials.
 */
export function loggerOptions(level: string) {
  return {
    level,
    redact: ['req.headers', 'req.body'],
    serializers: {
      req(request: { method: string; url: string; id: string }) {
        return { method: request.method, path: request.url.split('?')[0], id: request.id }
      },
      res(reply: { statusCode: number }) {
        return { statusCode: reply.statusCode }
      },
    },
  }
}
