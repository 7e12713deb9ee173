// The baseline for the throughput ratio: a bare node:http hello-world on the same Node as the app.
// Started by bench/run.ts as a child process: PORT (required) and HOST from the environment.
import { createServer } from 'node:http';

const port = Number.parseInt(process.env.PORT ?? '', 10);
if (!Number.isInteger(port) || port <= 0) {
  process.stderr.write('hello.ts: set PORT\n');
  process.exit(2);
}

const server = createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('Hello, world!\n');
});
// The same keep-alive setting as server/main.ts.
server.keepAliveTimeout = 5_000;
server.listen(port, process.env.HOST || '127.0.0.1');

function stop() {
  server.close(() => process.exit(0));
  server.closeAllConnections();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
