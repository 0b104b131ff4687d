// Lets TypeScript accept the CSS and asset imports that Vite resolves.
/// <reference types="vite/client" />

// The two parts of a portal catalog (vite.config.ts, web/portal/sign-in-words.ts).
declare module '*.json?sign-in' {
  const messages: Record<string, unknown>
  export default messages
}
declare module '*.json?later' {
  const messages: Record<string, unknown>
  export default messages
}
