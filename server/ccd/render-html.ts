/**
 * The human-readable care summary: one self-contained, accessible HTML page rendered from the
 * CDA document itself (what the patient downloads is what they see). No scripts, no external
 * requests (a Content-Security-Policy says so too), every piece of document text escaped.
 */

import type { XmlElement, XmlNode } from './parse-xml.ts'
import { readCcd, type SectionView } from './view.ts'

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => {
    switch (character) {
      case '&':
        return '&amp;'
      case '<':
        return '&lt;'
      case '>':
        return '&gt;'
      case '"':
        return '&quot;'
      default:
        return '&#39;'
    }
  })
}

const STYLE = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #4a5360; --line: #c9d1db; --band: #f2f5f8; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); }
header, nav, main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; border-bottom: 2px solid var(--line); }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
dt { color: var(--muted); }
dd { margin: 0; }
nav ol { padding-left: 1.25rem; columns: 14rem; }
a { color: #0b57b0; }
a:focus-visible { outline: 3px solid #0b57b0; outline-offset: 2px; }
.table-wrap { overflow-x: auto; }
.table-wrap:focus-visible { outline: 3px solid #0b57b0; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
thead th { background: var(--band); }
@media print { nav { display: none; } .table-wrap { overflow: visible; } }
`

const PASSTHROUGH = new Set([
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'caption',
  'sub',
  'sup',
  'colgroup',
  'col',
])

function spanAttribute(element: XmlElement, name: 'colspan' | 'rowspan'): string {
  const value = element.attributes[name]
  return value && /^\d{1,3}$/.test(value) ? ` ${name}="${value}"` : ''
}

/** CDA narrative block → HTML, element by element; anything unknown keeps only its content. */
interface NarrativeContext {
  section: string
  inHead: boolean
  localize: (text: string) => string
}

function narrativeHtml(node: XmlNode, context: NarrativeContext): string {
  if (typeof node === 'string') return escapeHtml(context.localize(node))
  const inner = (inHead = context.inHead) =>
    node.children.map((child) => narrativeHtml(child, { ...context, inHead })).join('')
  switch (node.localName) {
    case 'table':
      return `<div class="table-wrap" role="region" tabindex="0" aria-label="${escapeHtml(context.section)}"><table>${inner(false)}</table></div>`
    case 'thead':
      return `<thead>${inner(true)}</thead>`
    case 'th':
      return `<th scope="${context.inHead ? 'col' : 'row'}"${spanAttribute(node, 'colspan')}${spanAttribute(node, 'rowspan')}>${inner()}</th>`
    case 'td':
      return `<td${spanAttribute(node, 'colspan')}${spanAttribute(node, 'rowspan')}>${inner()}</td>`
    case 'paragraph':
      return `<p>${inner()}</p>`
    case 'list': {
      const tag = node.attributes.listType === 'ordered' ? 'ol' : 'ul'
      return `<${tag}>${inner()}</${tag}>`
    }
    case 'item':
      return `<li>${inner()}</li>`
    case 'br':
      return '<br>'
    case 'renderMultiMedia':
      // Referenced media would be an external or embedded resource: not shown.
      return ''
    case 'text':
    case 'content':
    case 'linkHtml': // text only: a summary must not send the reader (or the browser) elsewhere
    case 'footnote':
    case 'footnoteRef':
      return node.localName === 'text' ? inner() : `<span>${inner()}</span>`
    default:
      return PASSTHROUGH.has(node.localName)
        ? `<${node.localName}>${inner()}</${node.localName}>`
        : inner()
  }
}

function sectionHtml(section: SectionView, localize: (text: string) => string): string {
  const headingId = `${section.anchor}-heading`
  const body = section.narrative
    ? narrativeHtml(section.narrative, { section: section.title, inHead: false, localize })
    : '<p>No information.</p>'
  return `<section id="${section.anchor}" aria-labelledby="${headingId}"><h2 id="${headingId}">${escapeHtml(section.title)}</h2>${body}</section>`
}

/**
 * Renders a CCD (the XML) as a standalone HTML page with a table of contents; its dates in the
 * reader's `locale` (BCP 47) when given.
 */
export function renderCcdHtml(xml: string, { locale }: { locale?: string } = {}): string {
  const view = readCcd(xml, locale)
  const { patient, practice } = view
  const facts: [string, string][] = [
    ['Patient', patient.name],
    ['Date of birth', patient.birthDate],
    ['Sex', patient.sex],
    ['Practice', practice.name],
    ...(practice.phone ? ([['Phone', practice.phone]] as [string, string][]) : []),
    ...(practice.address ? ([['Address', practice.address]] as [string, string][]) : []),
    ['Created', view.effectiveTime],
    ...(view.covers ? ([['Covers', view.covers]] as [string, string][]) : []),
  ]
  const factList = facts
    .map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('')
  const contents = view.sections
    .map((section) => `<li><a href="#${section.anchor}">${escapeHtml(section.title)}</a></li>`)
    .join('')
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(`${view.title} — ${patient.name}`)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${escapeHtml(view.title)}</h1><dl>${factList}</dl></header>`,
    `<nav aria-label="Contents"><h2>Contents</h2><ol>${contents}</ol></nav>`,
    `<main>${view.sections.map((section) => sectionHtml(section, view.localize)).join('')}</main>`,
    '</body>',
    '</html>',
  ].join('\n')
}
