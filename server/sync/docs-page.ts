/**
 * The sync API's reference page, rendered on the server from the OpenAPI document: plain HTML
 * and one stylesheet from this origin, no script, so it passes the app's Content-Security-Policy
 * and needs nothing from another site.
 */

type Schema = {
  $ref?: string
  type?: string | string[]
  enum?: unknown[]
  anyOf?: Schema[]
  items?: Schema
  properties?: Record<string, Schema>
  required?: string[]
  description?: string
  format?: string
  pattern?: string
  maxLength?: number
  minimum?: number
  maximum?: number
  maxItems?: number
}

interface Operation {
  operationId: string
  summary?: string
  description?: string
  tags?: string[]
  parameters?: { name: string; in: string; required: boolean; schema: Schema }[]
  requestBody?: { content: Record<string, { schema: Schema; example?: unknown }> }
  responses: Record<string, { description: string }>
}

interface Document {
  info: { title: string; description: string }
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, Schema> }
}

const html = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

export function docsPage(openApi: object): string {
  const doc = openApi as Document
  const resolve = (schema: Schema): Schema =>
    schema.$ref ? (doc.components.schemas[schema.$ref.split('/').pop() ?? ''] ?? {}) : schema
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
  )
  const groups = new Map<string, typeof operations>()
  for (const entry of operations) {
    const tag = entry.operation.tags?.[0] ?? 'other'
    groups.set(tag, [...(groups.get(tag) ?? []), entry])
  }
  const sections = [...groups].map(
    ([tag, entries]) => `<section aria-labelledby="tag-${html(tag)}">
  <h2 id="tag-${html(tag)}">${html(tag)}</h2>
  ${entries.map(({ path, method, operation }) => operationHtml(path, method, operation, resolve)).join('\n')}
</section>`,
  )
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(doc.info.title)} reference</title>
<link rel="stylesheet" href="/api/sync/docs/docs.css">
</head>
<body>
<header>
<h1>${html(doc.info.title)}</h1>
<p>${html(doc.info.description)}</p>
</header>
<main>
<section aria-labelledby="basics">
<h2 id="basics">Basics</h2>
<ul>
<li>Every call sends <code>Authorization: Bearer &lt;key&gt;</code>. A key belongs to one practice and sees nothing else; the office console's Sync API keys page makes one.</li>
<li>Rows are keyed by your own ids: <code>PUT /api/sync/v1/{collection}/{externalId}</code> creates or replaces, <code>GET</code> reads back, <code>DELETE</code> removes. Sending what is stored changes nothing and answers the same.</li>
<li>Initial loads: <code>POST /api/sync/v1/batch</code> with up to 1,000 operations, applied in order, all or nothing. A reference may name a row put earlier in the same batch.</li>
<li>Errors are <code>application/problem+json</code> with field errors keyed by path, e.g. <code>operations/3/birthdate</code>. Too many requests: 429 with <code>Retry-After</code>.</li>
<li>The machine-readable description: <a href="/api/sync/v1/openapi.json">openapi.json</a> (OpenAPI 3.1).</li>
</ul>
<nav aria-label="Collections"><ul>${[...groups.keys()].map((tag) => `<li><a href="#tag-${html(tag)}">${html(tag)}</a></li>`).join('')}</ul></nav>
</section>
<section aria-labelledby="webhooks">
<h2 id="webhooks">Webhook deliveries</h2>
<p>With a webhook set (<code>PUT /api/sync/v1/webhook</code>, or the office console's Sync API keys page), each new event is also POSTed to it as it happens; keep reading the feed as a safety net.</p>
<ul>
<li>The body is <code>{"events":[&lt;event&gt;]}</code>, the same envelope as the feed, with <code>Content-Type: application/json</code>.</li>
<li><code>Bitewing-Event-Id</code> names the event: delivery is at least once and not always in order, so dedupe by it.</li>
<li><code>Bitewing-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</code>: <code>v1</code> is the HMAC-SHA256, keyed with the webhook's secret, of <code>t</code>, a dot and the raw body bytes. Check it over the raw body before parsing, compare in constant time, and refuse a <code>t</code> more than five minutes from now.</li>
<li>Answer any 2xx within 10 seconds. Anything else is retried with a growing delay (30 s up to about 34 h), then given up; the event stays in the feed. Redirects are not followed.</li>
</ul>
</section>
${sections.join('\n')}
</main>
</body>
</html>
`
}

function operationHtml(
  path: string,
  method: string,
  operation: Operation,
  resolve: (schema: Schema) => Schema,
) {
  const body = operation.requestBody?.content['application/json']
  const parameters = operation.parameters ?? []
  return `<article id="${html(operation.operationId)}">
<h3><span class="method">${html(method.toUpperCase())}</span> <code>${html(path)}</code></h3>
${operation.summary ? `<p>${html(operation.summary)}</p>` : ''}
${operation.description ? `<p>${html(operation.description)}</p>` : ''}
${
  parameters.length
    ? fieldsTable(
        'Parameters',
        Object.fromEntries(
          parameters.map((p) => [
            p.name,
            {
              ...p.schema,
              description: `${p.in}${p.schema.description ? `: ${p.schema.description}` : ''}`,
            },
          ]),
        ),
        parameters.filter((p) => p.required).map((p) => p.name),
        resolve,
      )
    : ''
}
${body ? fieldsTable('Body', resolve(body.schema).properties ?? {}, resolve(body.schema).required ?? [], resolve) : ''}
${body?.example ? `<details><summary>Example body</summary><pre><code>${html(JSON.stringify(body.example, null, 2))}</code></pre></details>` : ''}
<p class="responses">Answers: ${Object.entries(operation.responses)
    .map(([status, response]) => `<strong>${html(status)}</strong> ${html(response.description)}`)
    .join('; ')}</p>
</article>`
}

function fieldsTable(
  caption: string,
  properties: Record<string, Schema>,
  required: string[],
  resolve: (schema: Schema) => Schema,
) {
  const rows = Object.entries(properties).map(
    ([name, schema]) =>
      `<tr><th scope="row"><code>${html(name)}</code></th><td>${html(typeOf(schema, resolve))}</td><td>${required.includes(name) ? 'yes' : ''}</td><td>${html(resolve(schema).description ?? '')}</td></tr>`,
  )
  return `<table><caption>${html(caption)}</caption>
<thead><tr><th scope="col">Field</th><th scope="col">Type</th><th scope="col">Required</th><th scope="col">Notes</th></tr></thead>
<tbody>${rows.join('')}</tbody></table>`
}

function typeOf(schema: Schema, resolve: (schema: Schema) => Schema): string {
  if (schema.$ref) return schema.$ref.split('/').pop() ?? 'object'
  if (schema.enum) return `one of ${schema.enum.join(', ')}`
  if (schema.anyOf) return schema.anyOf.map((option) => typeOf(option, resolve)).join(' or ')
  if (schema.type === 'array' && schema.items) {
    const item = resolve(schema.items)
    const fields = item.properties
      ? ` of {${Object.keys(item.properties).join(', ')}}`
      : ` of ${typeOf(item, resolve)}`
    return `list${fields}`
  }
  const base = Array.isArray(schema.type) ? schema.type.join(' or ') : (schema.type ?? 'any')
  const facets = [
    schema.format,
    schema.maxLength !== undefined ? `≤ ${schema.maxLength} characters` : undefined,
    schema.minimum !== undefined && schema.maximum !== undefined
      ? `${schema.minimum}–${schema.maximum}`
      : undefined,
  ].filter(Boolean)
  return facets.length ? `${base} (${facets.join(', ')})` : base
}

export const DOCS_STYLESHEET = `
:root { color-scheme: light dark; --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --accent: #0b5cad; }
body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; color: var(--ink); }
@media (prefers-color-scheme: dark) { :root { --ink: #e6edf3; --muted: #9da7b3; --line: #30363d; --accent: #6cb6ff; } body { background: #0d1117; } }
a { color: var(--accent); }
code, pre { font-family: ui-monospace, monospace; font-size: 0.9em; }
pre { overflow-x: auto; border: 1px solid var(--line); padding: 0.75rem; border-radius: 6px; }
article { border-top: 1px solid var(--line); padding: 0.5rem 0 1rem; }
h3 { font-size: 1.05rem; overflow-wrap: anywhere; }
.method { display: inline-block; min-width: 4.5rem; font-family: ui-monospace, monospace; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; display: block; overflow-x: auto; }
caption { text-align: left; font-weight: 600; }
th, td { text-align: left; vertical-align: top; border-bottom: 1px solid var(--line); padding: 0.25rem 0.5rem; }
nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; padding: 0; list-style: none; }
.responses { color: var(--muted); }
`
