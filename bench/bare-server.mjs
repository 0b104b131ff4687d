// The ceiling a framework is measured against: node:http sending fixed bytes, in a process of
// its own like the server under test. GET /N answers with the N-th body of BODIES_FILE (a JSON
// array of strings, the bodies the server sent). Usage: node bench/bare-server.mjs PORT BODIES_FILE
import fs from 'node:fs'
import http from 'node:http'

const [port, bodiesFile] = process.argv.slice(2)
const bodies = JSON.parse(fs.readFileSync(bodiesFile, 'utf8')).map((body) => Buffer.from(body))
http
  .createServer((request, response) => {
    const body = bodies[Number(request.url.slice(1)) % bodies.length]
    response.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': body.length,
    })
    response.end(body)
  })
  .listen(Number(port), '127.0.0.1', () => process.send?.('listening'))
