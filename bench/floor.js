// The stand-in's own floor on this machine: the same number of calls at the same concurrency from the lightest
// client there is (Node's http with keep-alive, no parsing), so that a tool's wall time can be read against what
// the stand-in and the two cores allow, not only against the arithmetic limit calls x latency / concurrency.
//   node bench/floor.js --port 18080 --calls 8372 --concurrency 16
'use strict';
const http = require('http');
const arg = (name, def) => { const i = process.argv.indexOf('--' + name); return i > 0 ? +process.argv[i + 1] : def; };
const port = arg('port', 18080), calls = arg('calls', 8372), concurrency = arg('concurrency', 16);
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const body = JSON.stringify({ model: 'floor', messages: [{ role: 'user',
  content: 'Question: which option?\n\nA. one\nB. two\nC. three\nD. four\n\nAnswer:' }] });
let sent = 0, done = 0;
const start = process.hrtime.bigint();
function next() {
  if (sent >= calls) return;
  sent++;
  const req = http.request({ host: '127.0.0.1', port, path: '/v1/chat/completions', method: 'POST', agent,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, res => {
    res.resume();
    res.on('end', () => {
      if (++done === calls) {
        console.log((Number(process.hrtime.bigint() - start) / 1e9).toFixed(2));
        process.exit(0);
      }
      next();
    });
  });
  req.on('error', e => { console.error('floor.js: ' + e.message); process.exit(1); });
  req.end(body);
}
for (let i = 0; i < concurrency; i++) next();
