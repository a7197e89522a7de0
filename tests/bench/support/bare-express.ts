/**
 * The baseline for `npm run bench:api`: bare Express on its own process,
 * answering GET /hello with "hello" and GET /page with the bytes in
 * BARE_BODY_FILE (a Keyline answer captured by the bench), as JSON.
 */
import { readFileSync } from 'node:fs';
import express from 'express';

const body = readFileSync(process.env.BARE_BODY_FILE as string);
const app = express();
app.get('/hello', (_req, res) => {
  res.send('hello');
});
app.get('/page', (_req, res) => {
  res.type('application/json').send(body);
});
const server = app.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('ready\n'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
