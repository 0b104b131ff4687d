// Node.js flags the server runs with, wherever it is started (npm start, the bench, browser tests).
// A larger young generation: under load, requests in flight outlived V8's default 16 MB
// semi-spaces and were promoted, and full collections then took a fifth of the CPU time.
// A bounded old generation: with no bound V8 sizes the heap for the machine's memory and lets it
// grow to about four times what survived the last full collection before collecting again, so a
// bulk sync load's short-lived garbage (batches promoted while in flight) took the server from
// 190 to 455 MB. Under 512 MB V8 grows it by at most 1.4 times: the same load peaks near 230 MB,
// at the cost of more full collections (docs/decisions.md, "The server's heap is bounded").
// WebAssembly compiled by V8's baseline compiler (Liftoff) only, never re-optimised by TurboFan:
// the embedded database (PGlite) is ~9 MB of WebAssembly, and at start V8 compiled what runs hot
// twice, the second time with TurboFan in background threads: a third of a start's CPU and ~50 MB.
// Its code then runs a little slower; most of a request's time is not spent in it (the tabs
// bench's figures before and after: docs/decisions.md, "A start compiles what it uses").
export const SERVER_NODE_FLAGS = [
  '--max-semi-space-size=24',
  '--max-old-space-size=512',
  '--liftoff-only',
]
