// Node.js flags the server runs with, wherever it is started (npm start, the bench, browser tests).
// A larger young generation: under load, requests in flight outlived V8's default 16 MB
// semi-spaces and were promoted, and full collections then took a fifth of the CPU time.
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=24']
