// The ceiling a framework is measured against: node:http sending fixed bytes, in a process of
// its own like the server under test. Usage: node bench/bare-server.mjs PORT BODY_FILE TYPE
import fs from 'node:fs'
import http from 'node:http'

const [port, bodyFile, contentType] = process.argv.slice(2)
const body = fs.readFileSync(bodyFile)
http
  .createServer((_request, response) => {
    response.writeHead(200, { 'content-type': contentType, 'content-length': body.length })
    response.end(body)
  })
  .listen(Number(port), '127.0.0.1', () => process.send?.('listening'))
